import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  APPLICATION_STATUSES,
  CONSENT,
  checkAnswers,
  compareIds,
  isEmail,
  isPhone,
  isSafeLinkUrl,
  MAX_CHARACTER_UNITS,
  maxApplicationBytes,
  measureLength,
  referenceNumber,
  retentionEnds,
  unsafeLinks,
  APPLICATION_TRANSITIONS,
  applicationWindow,
  checkApplicationTransition,
  checkYearChange,
  countCharacters,
  formatStockholm,
  isWinnerPublic,
  MUNICIPALITIES,
  normalizeText,
  stockholmTime,
  timeLeft,
  toPublicRichText,
  YEAR_STATUSES,
  YEAR_TRANSITIONS,
  type YearFacts,
  type YearStatus,
} from '../../src/domain/index.js'
import { parseMunicipalitiesCsv, renderMunicipalitiesModule } from '../../scripts/generate-municipalities.mjs'

/** The consent text the current version stands for (see the consent test). */
const CONSENT_TEXT_HASH = 'efbdf41af508'

describe('character counting', () => {
  it('counts user-perceived characters after NFC and newline normalisation', () => {
    expect(countCharacters('Hälsa')).toBe(5)
    expect(countCharacters('Ha\u0308lsa')).toBe(5) // decomposed ä
    expect(countCharacters('a\r\nb\rc\nd')).toBe(7) // every line break counts once
    expect(countCharacters('👩‍⚕️🇸🇪👍🏽')).toBe(3) // ZWJ sequence, flag, skin tone
    expect(countCharacters('')).toBe(0)
  })

  it('normalises to the form that is stored', () => {
    expect(normalizeText('A\r\nB\rC')).toBe('A\nB\nC')
    expect(normalizeText('A\u030a')).toBe('Å')
    // Control characters nobody types (and that a database may cut the text at) go; tabs stay.
    expect(normalizeText('a\u0000b\u0007c\u001bd\u007fe\tf')).toBe('abcde\tf')
    expect(countCharacters('\u0000\u0000')).toBe(0)
  })
})

describe('Stockholm time', () => {
  it('turns a wall-clock time into the right instant in summer and winter', () => {
    expect(stockholmTime('2022-04-14', '23:59:59').toISOString()).toBe('2022-04-14T21:59:59.000Z')
    expect(stockholmTime('2027-01-15', '23:59:59').toISOString()).toBe('2027-01-15T22:59:59.000Z')
    // The night summer time starts (02:00 → 03:00) and ends (03:00 → 02:00).
    expect(stockholmTime('2027-03-28', '04:00:00').toISOString()).toBe('2027-03-28T02:00:00.000Z')
    expect(stockholmTime('2027-10-31', '04:00:00').toISOString()).toBe('2027-10-31T03:00:00.000Z')
  })

  it('formats in Stockholm time whatever the machine zone', () => {
    expect(formatStockholm('2022-04-14T21:59:59Z', 'sv')).toBe('14 april 2022 kl. 23:59')
    expect(formatStockholm('2022-04-14T21:59:59Z', 'en')).toBe('14 April 2022 at 23:59')
  })

  it('splits the time left into days, hours and minutes', () => {
    expect(timeLeft('2027-01-03T01:02:30Z', new Date('2027-01-01T00:00:00Z'))).toEqual({ days: 2, hours: 1, minutes: 2, total: 176_550_000 })
    expect(timeLeft('2027-01-01T00:00:00Z', new Date('2027-01-02T00:00:00Z')).total).toBe(0)
  })
})

describe('application window', () => {
  for (const [season, date] of [
    ['summer', '2027-04-14'],
    ['winter', '2027-01-15'],
  ] as const) {
    it(`accepts until one millisecond before the deadline and refuses at it (${season} time)`, () => {
      const deadline = stockholmTime(date, '23:59:59')
      const year = { status: 'open' as const, opensAt: '2026-11-01T00:00:00Z', deadline }
      expect(applicationWindow(year, new Date(deadline.getTime() - 1))).toBe('open')
      expect(applicationWindow(year, deadline)).toBe('closed')
    })
  }

  it('is not open before the opening time nor in any other status', () => {
    const year = { opensAt: '2026-11-01T00:00:00Z', deadline: '2027-04-14T21:59:59Z' }
    const now = new Date('2027-01-01T00:00:00Z')
    expect(applicationWindow({ ...year, status: 'open' }, new Date('2026-10-31T23:59:59.999Z'))).toBe('not-open')
    expect(applicationWindow({ ...year, status: 'draft' }, now)).toBe('not-open')
    for (const status of ['closed', 'finalists', 'decided', 'announced'] as const) expect(applicationWindow({ ...year, status }, now)).toBe('closed')
  })
})

describe('award year lifecycle', () => {
  const now = new Date('2027-06-01T10:00:00Z')
  // Facts under which every rule other than the transition itself is satisfied.
  const facts: YearFacts = { now, yearId: 1, applicationCount: 1, finalists: 1, winner: { awardYear: 1, status: 'finalist' } }
  const yearIn = (status: YearStatus) => ({
    status,
    criteria: [1, 2],
    deadline: '2027-09-01T00:00:00Z',
    // Public by now only once announced: a decided year can still go back.
    announcementAt: status === 'announced' ? '2027-05-01T00:00:00Z' : '2027-06-15T00:00:00Z',
    winner: status === 'decided' || status === 'announced' ? 7 : null,
  })

  for (const from of YEAR_STATUSES) {
    for (const to of YEAR_STATUSES) {
      if (from === to) continue
      const allowed = YEAR_TRANSITIONS[from].includes(to)
      it(`${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const after = { ...yearIn(to), winner: to === 'decided' || to === 'announced' ? 7 : null }
        const problems = checkYearChange(yearIn(from), after, { ...facts, applicationCount: from === 'open' && to === 'draft' ? 0 : 1 })
        if (allowed) expect(problems).toEqual([])
        else expect(problems.map((p) => p.rule)).toEqual(['year.transition'])
      })
    }
  }

  it('names each rule a refused change breaks', () => {
    const rules = (before: YearStatus, after: Record<string, unknown>, f: Partial<YearFacts> = {}) =>
      checkYearChange(yearIn(before), { ...yearIn(before), ...after } as never, { ...facts, ...f }).map((p) => p.rule)
    expect(rules('draft', { status: 'open', deadline: '2027-06-01T10:00:00Z' })).toEqual(['year.open-needs-future-deadline'])
    expect(rules('draft', { status: 'open', criteria: [] })).toEqual(['year.open-needs-criteria'])
    expect(rules('open', { status: 'draft' }, { applicationCount: 1 })).toEqual(['year.draft-without-applications'])
    expect(rules('closed', { status: 'finalists' }, { finalists: 0 })).toEqual(['year.finalists-exact'])
    expect(rules('closed', { status: 'finalists' }, { applicationCount: 12, finalists: 4 })).toEqual(['year.finalists-exact'])
    expect(rules('closed', { status: 'finalists' }, { applicationCount: 12, finalists: 5 })).toEqual([])
    expect(rules('closed', { status: 'finalists', finalistCount: 3 }, { applicationCount: 12, finalists: 3 })).toEqual([])
    // Fewer applied than finalists are chosen: every one of them.
    expect(rules('closed', { status: 'finalists' }, { applicationCount: 3, finalists: 3 })).toEqual([])
    expect(rules('finalists', { status: 'decided', winner: null })).toEqual(['year.decision-needs-winner'])
    expect(rules('finalists', { status: 'decided', winner: 7 }, { winner: { awardYear: 2, status: 'finalist' } })).toEqual(['year.winner-is-finalist'])
    expect(rules('finalists', { status: 'decided', winner: 7 }, { winner: { awardYear: 1, status: 'submitted' } })).toEqual(['year.winner-is-finalist'])
    expect(rules('closed', { winner: 7 })).toEqual(['year.winner-needs-decision'])
    expect(rules('decided', { status: 'announced', announcementAt: '2027-06-01T10:00:00.001Z' })).toEqual(['year.announce-not-before-time'])
    expect(rules('decided', { status: 'announced', announcementAt: '2027-06-01T10:00:00.000Z' })).toEqual([])
    expect(rules('decided', { status: 'announced', announcementAt: null })).toEqual(['year.announce-needs-time'])
    expect(rules('announced', { winner: 8 })).toEqual(['year.winner-final'])
    expect(rules('draft', { opensAt: '2027-09-01T00:00:00Z' })).toEqual(['year.opens-before-deadline'])
    // A decision whose announcement time has come is public, and final.
    const decidedAndDue = { ...yearIn('decided'), announcementAt: '2027-06-01T10:00:00.000Z' }
    const after = (change: Record<string, unknown>) => checkYearChange(decidedAndDue, { ...decidedAndDue, ...change } as never, facts).map((p) => p.rule)
    expect(after({ status: 'finalists', winner: null })).toEqual(['year.decision-public', 'year.winner-final'])
    expect(after({ winner: 8 })).toEqual(['year.winner-final'])
    expect(after({ status: 'announced' })).toEqual([])
    // The dates of the jury's year in their order: deadline < finalists < jury decision ≤ announcement.
    expect(rules('closed', { finalistsAt: '2027-09-01T00:00:00Z' })).toEqual(['year.finalists-after-deadline'])
    expect(rules('closed', { finalistsAt: '2027-09-05T00:00:00Z', juryDecisionAt: '2027-09-05T00:00:00Z' })).toEqual(['year.decision-between'])
    expect(rules('closed', { finalistsAt: '2027-09-05T00:00:00Z', juryDecisionAt: '2027-06-16T00:00:00Z' })).toEqual(['year.decision-between'])
    expect(rules('closed', { finalistsAt: '2027-09-05T00:00:00Z', juryDecisionAt: '2027-09-20T00:00:00Z', announcementAt: '2027-09-20T00:00:00Z' })).toEqual([])
  })

  it('keeps the winner secret until it is decided and the announcement time has come', () => {
    const at = '2027-05-17T08:00:00Z'
    // Decided is enough: the instant makes it public, whether or not the bookkeeping has run yet.
    expect(isWinnerPublic({ status: 'decided', announcementAt: at }, new Date('2027-05-17T07:59:59.999Z'))).toBe(false)
    expect(isWinnerPublic({ status: 'decided', announcementAt: at }, new Date(at))).toBe(true)
    expect(isWinnerPublic({ status: 'finalists', announcementAt: at }, new Date('2027-06-01T00:00:00Z'))).toBe(false)
    expect(isWinnerPublic({ status: 'announced', announcementAt: at }, new Date('2027-05-17T07:59:59.999Z'))).toBe(false)
    expect(isWinnerPublic({ status: 'announced', announcementAt: at }, new Date(at))).toBe(true)
    expect(isWinnerPublic({ status: 'announced', announcementAt: null }, new Date(at))).toBe(false)
  })
})

describe('application status', () => {
  for (const from of APPLICATION_STATUSES) {
    for (const to of APPLICATION_STATUSES) {
      if (from === to) continue
      const allowed = APPLICATION_TRANSITIONS[from].includes(to)
      it(`${from} → ${to} is ${allowed ? 'allowed' : 'refused'} while finalists are chosen`, () => {
        expect(checkApplicationTransition(from, to, 'closed')?.rule ?? null).toBe(allowed ? null : 'application.transition')
      })
    }
  }

  it('selects finalists only while the year is closed: the selection is frozen when the year enters "finalists"', () => {
    for (const status of ['draft', 'open', 'finalists', 'decided', 'announced'] as const) {
      expect(checkApplicationTransition('submitted', 'finalist', status)?.rule).toBe('application.selection-window')
    }
    expect(checkApplicationTransition('submitted', 'finalist', 'closed')).toBeNull()
    expect(checkApplicationTransition('submitted', 'withdrawn', 'open')).toBeNull()
  })
})

describe('municipalities', () => {
  it('are the 290 of the official list, generated from the CSV without drift', () => {
    const csv = readFileSync(new URL('../../src/domain/municipalities.csv', import.meta.url), 'utf8')
    const generated = readFileSync(new URL('../../src/domain/municipalities.data.ts', import.meta.url), 'utf8')
    expect(generated).toBe(renderMunicipalitiesModule(parseMunicipalitiesCsv(csv)))
    expect(MUNICIPALITIES).toHaveLength(290)
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(290)
    expect(MUNICIPALITIES.find((m) => m.code === '1281')).toMatchObject({ name: 'Lunds kommun', shortName: 'Lund', county: 'Skåne län' })
  })
})

describe('public rich text', () => {
  const text = (t: string, format = 0) => ({ type: 'text', text: t, format })
  const lexical = (...children: unknown[]) => ({ root: { type: 'root', children } })

  it('keeps paragraphs, headings, lists, quotes, bold, italic and http(s) links as plain data', () => {
    const value = lexical(
      { type: 'heading', tag: 'h1', children: [text('Rubrik')] },
      { type: 'paragraph', children: [text('Fet', 1), text(' och '), text('kursiv', 2), { type: 'link', fields: { url: 'https://vitalis.example' }, children: [text('länk')] }] },
      {
        type: 'list',
        listType: 'number',
        children: [
          { type: 'listitem', children: [text('Ett')] },
          { type: 'listitem', children: [text('Två')] },
        ],
      },
      { type: 'quote', children: [text('Citat')] },
    )
    expect(toPublicRichText(value)).toEqual([
      { type: 'heading', level: 2, children: [{ text: 'Rubrik' }] },
      { type: 'paragraph', children: [{ text: 'Fet', bold: true }, { text: ' och ' }, { text: 'kursiv', italic: true }, { link: 'https://vitalis.example', children: [{ text: 'länk' }] }] },
      { type: 'list', ordered: true, items: [[{ text: 'Ett' }], [{ text: 'Två' }]] },
      { type: 'quote', children: [{ text: 'Citat' }] },
    ])
  })

  it('drops script links and HTML, keeping only their text', () => {
    const value = lexical({ type: 'paragraph', children: [{ type: 'link', fields: { url: 'javascript:alert(1)' }, children: [text('<img src=x onerror=alert(1)>')] }] })
    expect(toPublicRichText(value)).toEqual([{ type: 'paragraph', children: [{ text: '<img src=x onerror=alert(1)>' }] }])
    expect(toPublicRichText(null)).toEqual([])
    expect(toPublicRichText({ root: 'nonsense' })).toEqual([])
  })
})

describe('safe links in stored rich text', () => {
  it('admits web, e-mail, phone and relative links, and nothing that runs', () => {
    for (const url of ['https://vitalis.se', 'http://x.example/a?b#c', 'mailto:kontakt@example.org', 'tel:+4631123456', '/ansokan', '#kriterier', 'sida.html', 'HTTPS://VITALIS.SE'])
      expect(isSafeLinkUrl(url), url).toBe(true)
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:x',
      '\u0000javascript:x',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      'blob:https://x/1',
      42,
      null,
    ]) {
      expect(isSafeLinkUrl(url), String(url)).toBe(false)
    }
  })

  it('finds every unsafe link in a Lexical document, however deep', () => {
    const link = (url: string) => ({ type: 'link', fields: { url }, children: [{ type: 'text', text: 'klicka' }] })
    const doc = {
      root: {
        children: [
          { type: 'paragraph', children: [link('https://ok.example'), link('javascript:alert(1)')] },
          { type: 'list', children: [{ type: 'listitem', children: [{ type: 'autolink', url: 'data:x', children: [] }] }] },
        ],
      },
    }
    expect(unsafeLinks(doc)).toEqual(['javascript:alert(1)', 'data:x'])
    expect(unsafeLinks(null)).toEqual([])
  })
})

describe('contact details', () => {
  it('accepts e-mail addresses every mail server delivers to, and refuses the rest', () => {
    for (const email of ['anna@kommun.se', 'anna.b+ehk@malmo.se', 'a_b-c@sub.kommun.se', "o'neil@example.org", 'x@xn--mlar-loa.se']) expect(isEmail(email), email).toBe(true)
    for (const email of [
      'å@kommun.se',
      'anna@kommun',
      'anna@',
      '@kommun.se',
      'anna..b@kommun.se',
      '.anna@kommun.se',
      'anna.@kommun.se',
      'anna@-kommun.se',
      'anna@kommun-.se',
      'an na@kommun.se',
      '"anna"@kommun.se',
      'anna@kommun.se\n',
      `${'a'.repeat(65)}@kommun.se`,
      `a@${'b'.repeat(250)}.se`,
      42,
    ]) {
      expect(isEmail(email), String(email)).toBe(false)
    }
  })

  it('accepts phone numbers written with digits, spaces and + - ( ) only', () => {
    for (const phone of ['031-123 45 67', '+46 (0)31 123 45 67', '0701234567']) expect(isPhone(phone), phone).toBe(true)
    for (const phone of ['031\n123 45 67', '031\t1234567', '031 123 45 67 ext 2', '12345', '+46+46 123 456', '031.123.45.67', '０３１１２３４５６']) expect(isPhone(phone), phone).toBe(false)
  })
})

describe('characters the counter admits', () => {
  it('bounds a character’s length, so that the body cap always holds a text the counter accepts', () => {
    expect(measureLength(['👨🏻‍👩🏻‍👧🏻‍👦🏻 and 🏴󠁧󠁢󠁳󠁣󠁴󠁿'], 100)).toEqual({ characters: 7, exact: true })
    expect(measureLength([`a${'\u0301'.repeat(MAX_CHARACTER_UNITS + 1)}`], 100)).toMatchObject({ problem: 'overlong-character', overlongAt: 0 })
    const family = '👨‍👩‍👧‍👦'.repeat(12_000)
    expect(measureLength([family], 12_000)).toEqual({ characters: 12_000, exact: true })
    const body = JSON.stringify({ answers: [{ criterion: 1, text: family }], contact: { name: 'N'.repeat(200), role: 'R'.repeat(200), email: 'e@x.se' } })
    const escaped = body.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    expect(escaped.length).toBeLessThanOrEqual(maxApplicationBytes(12_000, 4))
    // What a real application needs: hundreds of kilobytes.
    expect(maxApplicationBytes(12_000, 4)).toBeLessThan(1024 * 1024)
  })

  it('refuses more answers than criteria before looking at them', () => {
    const problems = checkAnswers(
      Array.from({ length: 85_000 }, () => ({})),
      { characterLimit: 12_000, criteria: [1, 2, 3, 4] },
    )
    expect(problems.map((p) => p.path)).toEqual(['answers'])
  })
})

describe('references', () => {
  it('name the year and municipality, with four random letters that read well over the phone', () => {
    const references = new Set(Array.from({ length: 200 }, () => referenceNumber(2027, '1280')))
    for (const reference of references) expect(reference).toMatch(/^EHK-2027-1280-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}$/)
    expect(references.size).toBeGreaterThan(190)
  })
})

describe('consent', () => {
  it('has a version that changes with its words', () => {
    // A new wording needs a new version (and this hash updated): forms that showed the old text are then refused.
    expect(
      createHash('sha256')
        .update(CONSENT.sv + CONSENT.en)
        .digest('hex')
        .slice(0, 12),
    ).toBe(CONSENT_TEXT_HASH)
    expect(CONSENT.version).toBe('2026-11-24')
  })
})

describe('retention of personal data', () => {
  it('ends its months after the announcement, or after the deadline when there is none', () => {
    expect(retentionEnds({ status: 'announced', announcementAt: '2027-05-17T08:00:00Z', deadline: '2027-04-14T21:59:59Z' })?.toISOString()).toBe('2029-05-17T08:00:00.000Z')
    expect(retentionEnds({ status: 'announced', announcementAt: '2027-05-17T08:00:00Z', retentionMonths: 6 })?.toISOString()).toBe('2027-11-17T08:00:00.000Z')
    expect(retentionEnds({ status: 'decided', announcementAt: '2027-05-17T08:00:00Z', deadline: '2027-04-14T21:59:59Z' })?.toISOString()).toBe('2029-04-14T21:59:59.000Z')
    expect(retentionEnds({ status: 'open' })).toBeUndefined()
  })
})

describe('the order of document ids', () => {
  it('is the order they were made in: SQLite’s numbers by value, MongoDB’s ObjectIds as text', () => {
    expect([10, 9, 100, 1].sort(compareIds)).toEqual([1, 9, 10, 100])
    expect(['10', '9', '100'].sort(compareIds)).toEqual(['9', '10', '100'])
    // Made one after the other (the counter at the end counts up); a numeric text comparison puts
    // the second first, reading "…52368" as a number smaller than "…523680".
    expect(['6b066878efc011ba4752368e', '6b066878efc011ba47523680'].sort(compareIds)).toEqual(['6b066878efc011ba47523680', '6b066878efc011ba4752368e'])
    expect(compareIds('6b066878efc011ba47523680', '6b066878efc011ba47523680')).toBe(0)
  })
})
