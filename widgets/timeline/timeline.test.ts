import { describe, expect, it } from 'vitest'
import { $, $$, control, expectAccessible, expectLoadingErrorRetry, mount, textOf, until } from '../test/helpers.js'

describe('<ehk-timeline>', () => {
  it('lists the year’s timeline in order with Stockholm dates, the entry under way marked as the current step', async () => {
    const timeline = mount('ehk-timeline')
    await until(() => timeline.state === 'ready', 'the timeline')
    await timeline.updateComplete
    const entries = $$(timeline, 'li')
    expect(entries.map(textOf)).toEqual(['1 november 2026 till 14 april 2027 Ansökan är öppen', '19 april 2027 Finalisterna presenteras', '19 maj 2027 Vinnaren tillkännages på Vitalis'])
    expect($(timeline, 'ol')!.getAttribute('aria-label')).toBe('Hålltider för Sveriges eHälsokommun 2027')
    expect($(timeline, 'time')!.getAttribute('datetime')).toBe('2026-10-31T23:00:00.000Z')
    // The server's clock says 1 February 2027: the application window is the current step.
    expect(entries.map((li) => li.getAttribute('aria-current'))).toEqual(['step', null, null])
    expect(entries[0]!.getAttribute('part')).toBe('entry current')
    await expectAccessible(timeline)
  })

  it('moves the current step with the server’s clock: the last day counts until it ends', async () => {
    await control('clock', { at: '2027-04-14T21:00:00Z' })
    const lastDay = mount('ehk-timeline')
    await until(() => lastDay.state === 'ready', 'the timeline')
    await lastDay.updateComplete
    expect($$(lastDay, 'li').map((li) => li.getAttribute('aria-current'))).toEqual(['step', null, null])

    await control('clock', { at: '2027-04-15T08:00:00Z' })
    const after = mount('ehk-timeline')
    await until(() => after.state === 'ready', 'the timeline')
    await after.updateComplete
    expect($$(after, 'li').map((li) => li.getAttribute('aria-current'))).toEqual([null, 'step', null])
    expect($$(after, 'li.past')).toHaveLength(1)

    await control('clock', { at: '2027-06-01T08:00:00Z' })
    const over = mount('ehk-timeline')
    await until(() => over.state === 'ready', 'the timeline')
    await over.updateComplete
    expect($$(over, '[aria-current]')).toEqual([])
    expect($$(over, 'li.past')).toHaveLength(3)
  })

  it('speaks English with lang="en"', async () => {
    const timeline = mount('ehk-timeline', { lang: 'en' })
    await until(() => timeline.state === 'ready', 'the timeline')
    await timeline.updateComplete
    expect(textOf($(timeline, 'li')!)).toBe('1 November 2026 to 14 April 2027 Ansökan är öppen')
    expect($(timeline, 'ol')!.getAttribute('aria-label')).toBe('Timeline of Sveriges eHälsokommun 2027')
  })

  it('says so when a year has no timeline', async () => {
    const timeline = mount('ehk-timeline', { year: '2024' })
    await until(() => timeline.state === 'ready', 'the timeline')
    await timeline.updateComplete
    expect(textOf(timeline)).toBe('Inga hålltider är publicerade ännu.')
    await expectAccessible(timeline)
  })

  it('shows a draft year through a preview link’s token, and nothing without it', async () => {
    const { token } = await control('preview-token')
    const preview = mount('ehk-timeline', { year: '2028', preview: token })
    await until(() => preview.state === 'ready', 'the preview')
    await preview.updateComplete
    expect(textOf($(preview, 'li')!)).toBe('1 november 2027 Ansökan öppnar (utkast)')
    const publicView = mount('ehk-timeline', { year: '2028' })
    await until(() => publicView.state === 'error', 'the refusal')
    const forged = mount('ehk-timeline', { year: '2028', preview: token.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A')) })
    await until(() => forged.state === 'error', 'the refusal of a forged token')
  })

  it('shows the loading state, then an error with retry when the API fails, then recovers', async () => {
    await control('fail', { status: 503, body: { status: 503, message: 'Tjänsten är inte tillgänglig.' } })
    const timeline = mount('ehk-timeline')
    await expectLoadingErrorRetry(timeline, () => $(timeline, 'ol'))
  })
})
