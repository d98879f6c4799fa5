import { describe, expect, it } from 'vitest'
import { OPEN_NOW } from '../../test/browser/constants.js'
import { $, $$, control, expectAccessible, expectLoadingErrorRetry, mount, textOf, until } from '../test/helpers.js'

const ready = (winners: HTMLElement) => until(() => (winners as { state?: string }).state === 'ready', 'the winners')

describe('<ehk-winners>', () => {
  it('lists the announced winners newest first with motivation and success factors', async () => {
    const winners = mount('ehk-winners')
    await ready(winners)
    const items = $$(winners, '[part="winner"]')
    expect(items.map((item) => item.querySelector('[part="title"]')!.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      'Lunds kommunSveriges eHälsokommun 2026',
      'Umeå kommunSveriges eHälsokommun 2025',
    ])
    expect([...items[0]!.querySelectorAll('[part="factors"] li')].map((li) => li.textContent)).toEqual(['Tydlig ledning', 'Invånarna först'])
    expect($$(winners, '[role="heading"][aria-level="2"]')).toHaveLength(2)
    await expectAccessible(winners)
  })

  it('renders the motivation from structured data: bold, links and lists, never server HTML', async () => {
    const winners = mount('ehk-winners', { year: '2025' })
    await ready(winners)
    const motivation = $(winners, '[part="motivation"]')!
    expect(motivation.querySelector('strong')!.textContent).toBe('satt invånarna först')
    expect(motivation.querySelector('a')!.getAttribute('href')).toBe('https://example.org/lund')
    expect(motivation.querySelector('ul li')!.textContent).toBe('Samverkan')
    // The markup in the text is shown as text: no element was made of it, no script ran.
    expect(motivation.textContent).toContain('<img src=x onerror="window.injected=1">')
    expect(motivation.querySelector('img')).toBeNull()
    expect((window as { injected?: number }).injected).toBeUndefined()
  })

  it('honours limit, year and heading-level', async () => {
    const one = mount('ehk-winners', { limit: '1', 'heading-level': '3' })
    await ready(one)
    expect($$(one, '[part="winner"]')).toHaveLength(1)
    expect($(one, '[part="title"]')!.getAttribute('aria-level')).toBe('3')
  })

  it('says so when there are no winners', async () => {
    const none = mount('ehk-winners', { year: '2024', lang: 'en' })
    await ready(none)
    expect(textOf(none)).toBe('No winners have been announced yet.')
    await expectAccessible(none)
  })

  it('shows a decided year’s finalists, and its winner by itself from the announcement on', async () => {
    // Two seconds after the server's now, by the server's clock (the browser's says 2026).
    await control('finalists', { announcementAt: new Date(new Date(OPEN_NOW).getTime() + 2000).toISOString() })
    const winners = mount('ehk-winners')
    await ready(winners)
    const finalists = $(winners, '[part="finalists"]')!
    expect(textOf(finalists.querySelector('[role="heading"]')!)).toBe('Finalister i Sveriges eHälsokommun 2023')
    expect([...finalists.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Göteborgs kommun', 'Umeå kommun', 'Uppsala kommun'])
    expect($$(winners, '[part="winner"]').filter((w) => textOf(w).includes('Göteborg'))).toEqual([])
    await expectAccessible(winners)
    // The server's clock passes the instant; the widget asks again by itself (within 0.5–1.5 s after it).
    await control('clock', { at: new Date(new Date(OPEN_NOW).getTime() + 2500).toISOString() })
    await until(() => $$(winners, '[part="winner"]').length === 3, 'the 2023 winner', 6000)
    expect(textOf($$(winners, '[part="winner"]')[2]!)).toContain('Göteborgs kommunSveriges eHälsokommun 2023 Göteborg har byggt med invånarna. Framgångsfaktorer Samskapande')
    expect($(winners, '[part="finalists"]')).toBeNull()
  })

  it('shows the loading state, then an error with retry, then the winners', async () => {
    await control('fail', { status: 503, body: { status: 503, message: 'Tjänsten är inte tillgänglig.' } })
    const winners = mount('ehk-winners')
    await expectLoadingErrorRetry(winners, () => $(winners, 'ol'))
  })

  it('shares one request per resource with the other widgets on the page', async () => {
    performance.clearResourceTimings()
    const widgets = [mount('ehk-application-form'), mount('ehk-countdown'), mount('ehk-countdown', { lang: 'en' }), mount('ehk-winners'), mount('ehk-winners')]
    await until(() => widgets.every((w) => (w as { state?: string }).state === 'ready'), 'all widgets')
    const fetched = () =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name))
        .filter((u) => u.pathname.startsWith('/api/ehk/v1/'))
    const count = (path: string) => fetched().filter((u) => u.pathname === path).length
    // The form and the Swedish countdown share /years/current; the English countdown asks in English.
    expect([count('/api/ehk/v1/years/current'), count('/api/ehk/v1/winners'), count('/api/ehk/v1/municipalities')]).toEqual([2, 1, 1])
    // Widgets that come a moment later (a page still loading) get the answers that have arrived.
    const later = [mount('ehk-timeline'), mount('ehk-criteria'), mount('ehk-jury'), mount('ehk-winners')]
    await until(() => later.every((w) => w.state === 'ready'), 'the later widgets')
    expect([count('/api/ehk/v1/years/current'), count('/api/ehk/v1/winners'), count('/api/ehk/v1/years/current/jury')]).toEqual([2, 1, 1])
  })

  it('works next to other widgets on one page', async () => {
    const widgets = [mount('ehk-winners', { limit: '1' }), mount('ehk-countdown'), mount('ehk-winners', { year: '2025', lang: 'en' })]
    await until(() => widgets.every((w) => (w as { state?: string }).state === 'ready'), 'all widgets')
    expect(textOf(widgets[2]!)).toContain('Success factors')
    expect(textOf(widgets[0]!)).toContain('Lunds kommun')
  })
})
