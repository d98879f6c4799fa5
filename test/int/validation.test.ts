// Application rules through the Local API on a real database: character limit as counted by the
// shared function, municipality, criteria answers, contact, consent, and one counted application per
// municipality and year (any other marked as competing).
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applicationData, createCriteria, createUser, createYear, type Doc, sys, type User } from '../helpers/fixtures.js'
import { startPayload, type TestPayload } from '../helpers/payload.js'

let t: TestPayload
let payload: Payload
let criteria: Doc[]
let year: Doc
let editor: User
let nextCode = 0
const codes = [
  '0114',
  '0115',
  '0117',
  '0120',
  '0123',
  '0125',
  '0126',
  '0127',
  '0128',
  '0136',
  '0138',
  '0139',
  '0140',
  '0160',
  '0162',
  '0163',
  '0180',
  '0181',
  '0182',
  '0183',
  '0184',
  '0186',
  '0187',
  '0188',
  '0191',
  '0192',
]
const code = () => codes[nextCode++]!

beforeAll(async () => {
  t = await startPayload({ now: '2027-02-01T12:00:00Z' })
  payload = t.payload
  editor = await createUser(payload, 'editor')
  criteria = await createCriteria(payload)
  year = await createYear(payload, { year: 2027, status: 'open', opensAt: '2026-11-01T00:00:00Z', deadline: '2027-04-14T21:59:59Z', criteria: criteria.map((c) => c.id) })
})
afterAll(() => t?.destroy())

const submit = (overrides: Record<string, unknown> = {}) =>
  payload.create({ collection: 'applications', data: applicationData(year, criteria, { municipality: code(), ...overrides }) as never, user: editor, overrideAccess: false })

/** The per-field messages of a refused create. */
async function refusal(promise: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await promise
  } catch (error: any) {
    return Object.fromEntries((error?.data?.errors ?? []).map((e: { path: string; message: string }) => [e.path, e.message]))
  }
  throw new Error('expected the create to be refused')
}

/** Four answers whose texts add up to `total` characters of the given unit (a unit counts as one). */
function answersOf(total: number, unit: string, separator = '') {
  const per = Math.floor(total / 4)
  const sizes = [per, per, per, total - 3 * per]
  return criteria.map((c, i) => ({ criterion: c.id, text: unitText(sizes[i]!, unit, separator) }))
}
function unitText(count: number, unit: string, lineBreak: string) {
  if (!lineBreak) return unit.repeat(count)
  // Every tenth character is a line break, which counts as one character however it is written.
  return Array.from({ length: count }, (_, i) => (i % 10 === 9 ? lineBreak : unit)).join('')
}

describe('the total character limit (12 000)', () => {
  const kinds = [
    ['plain text', 'a', ''],
    ['text with CRLF line breaks', 'b', '\r\n'],
    ['decomposed (NFD) Swedish letters', 'a\u030a', ''],
    ['emoji (ZWJ sequences)', '👩‍⚕️', ''],
  ] as const
  for (const [kind, unit, separator] of kinds) {
    it(`accepts exactly 12 000 and refuses 12 001 characters of ${kind}`, async () => {
      const accepted = await submit({ answers: answersOf(12_000, unit, separator) })
      expect(accepted.id).toBeDefined()
      const refused = await refusal(submit({ answers: answersOf(12_001, unit, separator) }))
      expect(refused.answers).toMatch(/1 tecken för lång: högst 12\s000 tecken totalt, nu 12\s001/)
    })
  }

  it('stores the text as counted: NFC and LF', async () => {
    const created = await submit({ answers: criteria.map((c) => ({ criterion: c.id, text: 'Ha\u0308lsa\r\nfo\u0308r alla\r' })) })
    expect(created.answers?.[0]?.text).toBe('Hälsa\nför alla\n')
  })

  it("uses the year's own limit", async () => {
    const small = await createYear(payload, { year: 2031, status: 'open', deadline: '2031-04-14T21:59:59Z', characterLimit: 400, criteria: criteria.map((c) => c.id) })
    const data = (total: number) => applicationData(small, criteria, { municipality: '1280', answers: answersOf(total, 'x') })
    expect((await refusal(payload.create({ collection: 'applications', data: data(401) as never, overrideAccess: true }))).answers).toMatch(/högst 400/)
    expect((await payload.create({ collection: 'applications', data: data(400) as never, overrideAccess: true })).id).toBeDefined()
  })
})

describe('content rules', () => {
  it('refuses a municipality code that is not on the official list', async () => {
    // The select field and our rule both refuse it; the message names the field.
    const refused = await refusal(submit({ municipality: '9999' }))
    expect(Object.keys(refused)).toContain('municipality')
  })

  it('derives the municipality name, its county and the reference from the code', async () => {
    const created = await payload.create({ collection: 'applications', data: applicationData(year, criteria, { municipality: '2584' }) as never, overrideAccess: true })
    expect(created).toMatchObject({ municipalityName: 'Kiruna kommun', county: 'Norrbottens län', status: 'submitted', competing: false })
    expect(created.reference).toMatch(/^EHK-2027-2584-[0-9A-Z]{4}$/)
  })

  it('requires one answer for each criterion of the year, and no others', async () => {
    const [first, second, third] = criteria
    const missing = await refusal(submit({ answers: [first, second, third].map((c) => ({ criterion: c!.id, text: 'Text' })) }))
    expect(missing.answers).toBe('Beskriv alla 4 områden (1 saknas).')
    const other = (await payload.create({ collection: 'criteria', data: { title: 'Annat område', order: 9 }, overrideAccess: true })) as Doc
    const extra = await refusal(submit({ answers: [...criteria, other].map((c) => ({ criterion: c.id, text: 'Text' })) }))
    expect(extra).toEqual({ answers: 'För många svar: ett per område, alltså högst 4.' })
    const foreign = await refusal(submit({ answers: [criteria[0], criteria[1], criteria[2], other].map((c) => ({ criterion: c!.id, text: 'Text' })) }))
    expect(foreign['answers.3.criterion']).toBe('Svaret hör inte till något av årets områden.')
    const twice = await refusal(submit({ answers: [first, first, second, third].map((c) => ({ criterion: c!.id, text: 'Text' })) }))
    expect(twice['answers.1.criterion']).toBe('Området har redan ett svar.')
    expect(twice.answers).toMatch(/1 saknas/)
    const empty = await refusal(submit({ answers: criteria.map((c, i) => ({ criterion: c.id, text: i === 2 ? '   ' : 'Text' })) }))
    expect(empty['answers.2.text']).toBe('Skriv en beskrivning för området.')
  })

  it('requires a valid contact e-mail, a contact name and consent', async () => {
    for (const email of ['anna', 'anna@', 'anna@kommun', 'anna kommun@x.se', '']) {
      const refused = await refusal(submit({ contact: { name: 'Anna', email } }))
      expect(refused['contact.email'], email).toMatch(/giltig e-postadress/)
    }
    expect((await refusal(submit({ contact: { name: ' ', email: 'a@b.se' } })))['contact.name']).toBe('Ange kontaktpersonens namn.')
    expect((await refusal(submit({ consent: false })))['consent']).toMatch(/godkänna/)
  })

  it('answers in English when the reader asks for it', async () => {
    const refused = await refusal(
      payload.create({
        collection: 'applications',
        data: applicationData(year, criteria, { municipality: code(), consent: false }) as never,
        overrideAccess: true,
        locale: undefined,
        req: { i18n: { language: 'en' } } as never,
      }),
    )
    expect(refused.consent).toBe('You need to consent to the processing of the information to apply.')
  })
})

describe('one counted application per municipality and year', () => {
  const place = (municipality: string) => `${year.id}:${municipality}`
  const ofMunicipality = async (municipality: string) =>
    (await payload.find({ collection: 'applications', where: { and: [{ awardYear: { equals: year.id } }, { municipality: { equals: municipality } }] }, sort: 'id', ...sys, showHiddenFields: true }))
      .docs as Doc[]

  it('counts an application entered by staff at once, holding its municipality’s place', async () => {
    const entered = (await submit({ municipality: '0380' })) as Doc
    expect(entered).toMatchObject({ status: 'submitted', competing: false })
    expect(entered.confirmedAt).toBe('2027-02-01T12:00:00.000Z')
    expect((await ofMunicipality('0380'))[0]!.place).toBe(place('0380'))
  })

  it('marks a second counted application as competing instead of refusing it', async () => {
    const second = (await submit({ municipality: '0380', contact: { name: 'Bo', email: 'bo@uppsala.se' } })) as Doc
    expect(second.status).toBe('submitted')
    const both = await ofMunicipality('0380')
    expect(both.map((a) => [a.competing, a.place === place('0380')])).toEqual([
      [true, true],
      [true, false],
    ])
  })

  it('keeps exactly one holder when creates race, and marks them all', async () => {
    const results = await Promise.allSettled([1, 2, 3].map(() => payload.create({ collection: 'applications', data: applicationData(year, criteria, { municipality: '1480' }) as never, ...sys })))
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled'])
    const all = await ofMunicipality('1480')
    expect(all.every((a) => a.competing)).toBe(true)
    expect(all.filter((a) => a.place === place('1480'))).toHaveLength(1)
  })

  it('gives the place back when the holder is deleted, and the mark goes with the competition', async () => {
    const [holder, other] = await ofMunicipality('0380')
    await payload.delete({ collection: 'applications', id: holder!.id, ...sys })
    const [left] = await ofMunicipality('0380')
    expect([left!.id, left!.competing, left!.place]).toEqual([other!.id, false, place('0380')])
  })

  it('lets the same municipality apply again in another year', async () => {
    const next = await createYear(payload, { year: 2032, status: 'open', deadline: '2032-04-14T21:59:59Z', criteria: criteria.map((c) => c.id) })
    const created = await payload.create({ collection: 'applications', data: applicationData(next, criteria, { municipality: '0380' }) as never, overrideAccess: true })
    expect(created.reference).toMatch(/^EHK-2032-0380-/)
    expect(created.competing).toBe(false)
  })
})
