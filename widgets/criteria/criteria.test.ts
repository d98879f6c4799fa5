import { describe, expect, it } from 'vitest'
import { $, $$, control, expectAccessible, expectLoadingErrorRetry, mount, textOf, until } from '../test/helpers.js'

describe('<ehk-criteria>', () => {
  it('shows the assessment focus, then each criterion with its guiding questions, headings at the level asked for', async () => {
    const criteria = mount('ehk-criteria', { 'heading-level': '3' })
    await until(() => criteria.state === 'ready', 'the criteria')
    await criteria.updateComplete
    // Rich text is text: the tag in the editor's text is shown, never parsed.
    expect(textOf($(criteria, '[part="focus"]')!)).toBe('Juryn ser särskilt till hur invånarna är med <b>från början</b>.')
    expect($$(criteria, '[part="focus"] b')).toEqual([])
    expect($$(criteria, '[part="title"]').map(textOf)).toEqual(['Ledning', 'Infrastruktur', 'Kompetens', 'Användning'])
    expect($$(criteria, '[part="title"]').map((h) => [h.getAttribute('role'), h.getAttribute('aria-level')])).toEqual(Array(4).fill(['heading', '3']))
    const first = $(criteria, '[part="criterion"]')!
    expect(textOf(first)).toBe('Ledning Vägledande frågor Hur arbetar ni med Ledning?')
    expect(first.querySelector('[role="heading"][aria-level="4"]')).not.toBeNull()
    expect($(criteria, 'ol')!.getAttribute('aria-label')).toBe('Kriterier för Sveriges eHälsokommun 2027')
    await expectAccessible(criteria)
  })

  it('speaks English with lang="en"', async () => {
    const criteria = mount('ehk-criteria', { lang: 'en' })
    await until(() => criteria.state === 'ready', 'the criteria')
    await criteria.updateComplete
    expect(textOf($(criteria, '[part="criterion"]')!)).toBe('Ledning Guiding questions Hur arbetar ni med Ledning?')
  })

  it('reloads when its year changes, and says so when a year has neither criteria nor focus', async () => {
    const criteria = mount('ehk-criteria')
    await until(() => criteria.state === 'ready', 'the criteria')
    criteria.setAttribute('year', '2026')
    await until(() => criteria.state === 'ready' && !$(criteria, '[part="focus"]'), 'the other year')
    // 2026 has the same four criteria but no assessment focus.
    expect($$(criteria, '[part="title"]')).toHaveLength(4)
    criteria.setAttribute('year', '2024')
    await until(() => criteria.state === 'ready' && textOf(criteria) === 'Kriterierna är inte publicerade ännu.', 'the empty year')
    await expectAccessible(criteria)
  })

  it('shows the loading state, then an error with retry when the API fails, then recovers', async () => {
    await control('fail', { status: 'network' })
    const criteria = mount('ehk-criteria')
    await expectLoadingErrorRetry(criteria, () => $(criteria, 'ol'))
  })
})
