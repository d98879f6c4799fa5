// What every widget shares (EhkElement), through the real widgets against the real API: the page's
// language when the widget has none, a reload when an attribute that decides the data changes, and
// the typed event.
import { describe, expect, it } from 'vitest'
import { $$, api, mount, textOf, until } from '../test/helpers.js'
import type { EhkElement } from './element.js'

const ready = (widget: EhkElement) => until(() => widget.state === 'ready', `${widget.localName} to load`)

describe('EhkElement', () => {
  it('speaks the language of the closest ancestor with lang when it has none of its own', async () => {
    const section = document.createElement('section')
    section.lang = 'en-GB'
    const winners = document.createElement('ehk-winners')
    winners.setAttribute('api', api)
    winners.setAttribute('year', '2024')
    section.append(winners)
    document.body.append(section)
    await ready(winners)
    expect(textOf(winners)).toBe('No winners have been announced yet.')
    // Its own lang wins over the page's.
    winners.setAttribute('lang', 'sv')
    await until(() => textOf(winners) === 'Inga vinnare har utsetts ännu.', 'the Swedish text')
  })

  it('loads again when year or limit changes after the first render', async () => {
    const winners = mount('ehk-winners', { year: '2025' })
    await ready(winners)
    const names = () =>
      $$(winners, '[part="winner"] [part="title"]').map((t) =>
        [...t.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('')
          .trim(),
      )
    expect(names()).toEqual(['Umeå kommun'])
    winners.setAttribute('year', '2026')
    await until(() => names()[0] === 'Lunds kommun', 'the 2026 winner')
    winners.removeAttribute('year')
    await until(() => names().length === 2, 'every winner')
    winners.setAttribute('limit', '1')
    await until(() => names().length === 1, 'one winner')
    expect(winners.state).toBe('ready')
  })

  it('types its event in the global event map', async () => {
    const form = mount('ehk-application-form')
    const references: string[] = []
    // `detail` is typed (a receipt) without a cast: this line would not compile otherwise.
    form.addEventListener('ehk-submitted', (event) => references.push(event.detail.reference))
    form.dispatchEvent(new CustomEvent('ehk-submitted', { detail: { reference: 'EHK-2027-0180-TEST' } }))
    expect(references).toEqual(['EHK-2027-0180-TEST'])
  })
})
