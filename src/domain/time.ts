// Instants are stored in UTC and shown in Europe/Stockholm. The clock is a parameter everywhere,
// so that tests can stand one millisecond before a deadline.

export const TIME_ZONE = 'Europe/Stockholm'

export type Clock = () => Date
export const systemClock: Clock = () => new Date()

export type Instant = Date | string | number

export function toDate(value: Instant): Date {
  return value instanceof Date ? value : new Date(value)
}

/** Offset of Stockholm from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function stockholmOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000)
}

/** The instant of a wall-clock time in Stockholm: stockholmTime('2022-04-14', '23:59:59') = 21:59:59Z. */
export function stockholmTime(date: string, time = '00:00:00'): Date {
  const wall = new Date(`${date}T${time}Z`).getTime()
  let guess = wall - stockholmOffsetMinutes(new Date(wall)) * 60_000
  // A second pass settles days when summer time starts or ends between the two guesses.
  guess = wall - stockholmOffsetMinutes(new Date(guess)) * 60_000
  return new Date(guess)
}

export interface TimeLeft {
  days: number
  hours: number
  minutes: number
  /** Whole milliseconds left, 0 once the instant has passed. */
  total: number
}

export function timeLeft(until: Instant, now: Date): TimeLeft {
  const total = Math.max(0, toDate(until).getTime() - now.getTime())
  const minutes = Math.floor(total / 60_000)
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60, total }
}

/** "14 april 2022 23:59" in Swedish, "14 April 2022, 23:59" in English, always in Stockholm time. */
export function formatStockholm(at: Instant, lang: 'sv' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', {
    timeZone: TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(toDate(at))
}

/** "14 april 2027" in Swedish, "14 April 2027" in English: the Stockholm date of an instant. */
export function formatStockholmDate(at: Instant, lang: 'sv' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { timeZone: TIME_ZONE, dateStyle: 'long' }).format(toDate(at))
}

/** "2027-04-14 23:59": Stockholm time in the form spreadsheets read as a date and time. */
export function stockholmDateTime(at: Instant): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(toDate(at))
    .replace(',', '')
}
