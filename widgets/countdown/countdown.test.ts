import { describe, expect, it, vi } from 'vitest'
import { DEADLINE } from '../../test/browser/constants.js'
import { $, $$, control, expectAccessible, expectLoadingErrorRetry, mount, textOf, until } from '../test/helpers.js'

const before = (ms: number) => new Date(new Date(DEADLINE).getTime() - ms).toISOString()
const DAY = 86_400_000
const HOUR = 3_600_000
const MINUTE = 60_000

describe('<ehk-countdown>', () => {
  it('shows days, hours and minutes left by the server’s clock, and the deadline in Stockholm time', async () => {
    // The browser's own clock says 2026; the server's says 3 d 2 h 5 min 30 s before the deadline.
    await control('clock', { at: before(3 * DAY + 2 * HOUR + 5 * MINUTE + 30_000) })
    const countdown = mount('ehk-countdown')
    await until(() => textOf(countdown).includes('kvar'), 'the time left')
    expect(textOf(countdown)).toBe('3 dagar, 2 timmar och 5 minuter kvar Sista ansökningsdag: 14 april 2027 kl. 23:59')
    const time = $(countdown, 'time')!
    expect(time.getAttribute('datetime')).toBe(DEADLINE)
    // Nothing in it is a live region: screen readers are not told every minute.
    expect($$(countdown, '[aria-live], [role="status"], [role="timer"]')).toEqual([])
    await expectAccessible(countdown)
  })

  it('speaks English with lang="en", in one-and-many forms', async () => {
    await control('clock', { at: before(1 * DAY + 1 * HOUR + 1 * MINUTE + 1000) })
    const countdown = mount('ehk-countdown', { lang: 'en' })
    await until(() => textOf(countdown).includes('left'), 'the time left')
    expect(textOf(countdown)).toBe('1 day, 1 hour and 1 minute left Deadline: 14 April 2027 at 23:59')
  })

  it('says plainly when applications are not open yet, and when they are closed', async () => {
    await control('clock', { at: '2026-10-01T12:00:00Z' })
    const early = mount('ehk-countdown')
    await until(() => textOf(early).includes('öppnar'), 'the not-open text')
    expect(textOf(early)).toBe('Ansökan öppnar 1 november 2026 kl. 01:00. Sista ansökningsdag: 14 april 2027 kl. 23:59')
    await expectAccessible(early)

    await control('clock', { at: DEADLINE })
    const late = mount('ehk-countdown')
    await until(() => textOf(late).includes('stängd'), 'the closed text')
    expect(textOf(late)).toBe('Ansökan är stängd. Sista ansökningsdag: 14 april 2027 kl. 23:59')
    await expectAccessible(late)
  })

  it('shows a given year with year=…', async () => {
    const countdown = mount('ehk-countdown', { year: '2026' })
    await until(() => textOf(countdown).includes('stängd'), 'the closed text')
    expect($(countdown, 'time')!.getAttribute('datetime')).toBe('2026-04-14T21:59:59.000Z')
  })

  it('updates at the turn of each minute and not in between (WCAG 2.2.2)', async () => {
    await control('clock', { at: before(2 * HOUR + 30_000) })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    try {
      const countdown = mount('ehk-countdown')
      await until(() => textOf(countdown).includes('kvar'), 'the time left')
      const renders = vi.spyOn(countdown, 'render')
      expect(textOf($(countdown, '[part="remaining"]')!)).toBe('0 dagar, 2 timmar och 0 minuter kvar')
      vi.advanceTimersByTime(29_000)
      await countdown.updateComplete
      expect(renders).not.toHaveBeenCalled()
      vi.advanceTimersByTime(3000)
      await countdown.updateComplete
      expect(textOf($(countdown, '[part="remaining"]')!)).toBe('0 dagar, 1 timme och 59 minuter kvar')
      for (let minute = 0; minute < 10; minute++) {
        vi.advanceTimersByTime(MINUTE)
        await countdown.updateComplete
      }
      expect(textOf($(countdown, '[part="remaining"]')!)).toBe('0 dagar, 1 timme och 49 minuter kvar')
      expect(renders).toHaveBeenCalledTimes(11)
    } finally {
      vi.useRealTimers()
    }
  })

  it('shows the loading state, then an error with retry when the API fails, then recovers', async () => {
    await control('fail', { status: 500, body: { status: 500, message: 'Något gick fel hos oss. Försök igen.' } })
    const countdown = mount('ehk-countdown')
    await expectLoadingErrorRetry(countdown, () => textOf(countdown).includes('kvar'))
  })

  it('shows the same states when the connection fails', async () => {
    await control('fail', { status: 'network' })
    const countdown = mount('ehk-countdown')
    await expectLoadingErrorRetry(countdown, () => textOf(countdown).includes('kvar'))
  })
})
