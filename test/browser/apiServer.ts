// The real API for the widget tests in the browser: Payload's request handling over HTTP on a real
// SQLite database, with the partner origin of the test page allowed. A few control paths under
// /__test/ let a test move the server's clock, make the next API answers fail (a recorded answer
// of the real API, or a dropped connection), and look into the database.
// Run by globalSetup.ts with `payload run` in a process of its own.
import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import sharp from 'sharp'
import { EXPOSED_RESPONSE_HEADERS } from '../../src/api/http.js'
import { previewToken } from '../../src/api/preview.js'
import type { EmailAdapter, SendEmailOptions } from 'payload'
import { HISTORICAL_IMPORT, PUBLIC_SUBMISSION } from '../../src/lib/context.js'
import { lexicalFromParagraphs } from '../../src/lib/richText.js'
import { applicationData, createCriteria, createUser, createYear, importApplication, sys } from '../helpers/fixtures.js'
import { startPayload } from '../helpers/payload.js'
import { serve } from '../helpers/server.js'
import { BROWSER_ORIGIN, OPEN_NOW } from './constants.js'

type Failure = { status: number | 'network'; body?: unknown; headers?: Record<string, string> }

async function readJson(req: IncomingMessage): Promise<any> {
  let text = ''
  for await (const chunk of req) text += chunk
  return text ? JSON.parse(text) : {}
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** Every e-mail the API sends, for the tests to read (GET /__test/mails). */
const mails: SendEmailOptions[] = []
const memoryMail: EmailAdapter = () => ({
  name: 'memory',
  defaultFromAddress: 'no-reply@example.org',
  defaultFromName: 'Sveriges eHälsokommun',
  sendEmail: async (message) => void mails.push(message),
})

async function main() {
  const t = await startPayload({
    now: OPEN_NOW,
    email: Promise.resolve(memoryMail),
    api: { rateLimits: { submit: { points: 10_000, duration: 60 }, read: { points: 100_000, duration: 60 } } },
  })
  const { payload } = t
  await createUser(payload, 'admin')
  const criteria = await createCriteria(payload)
  const png = await sharp({ create: { width: 96, height: 96, channels: 3, background: '#0b5c8a' } })
    .png()
    .toBuffer()
  const image = (name: string, alt: string) => payload.create({ collection: 'media', data: { alt }, file: { data: png, mimetype: 'image/png', name, size: png.length }, ...sys })
  const organiser = await payload.create({
    collection: 'partners',
    data: { name: 'Vitalis', role: 'organiser', website: 'https://vitalis.example/', logo: (await image('vitalis.png', 'Vitalis logotyp')).id },
    ...sys,
  })
  const partner = await payload.create({ collection: 'partners', data: { name: 'Testpartner', role: 'partner', allowedOrigins: [{ origin: BROWSER_ORIGIN }] }, ...sys })
  const open = await createYear(payload, {
    year: 2027,
    status: 'open',
    opensAt: '2026-11-01T00:00:00Z',
    deadline: '2027-04-14T21:59:59Z',
    criteria: criteria.map((c) => c.id),
    partners: [organiser.id, partner.id],
    assessmentFocus: lexicalFromParagraphs(['Juryn ser särskilt till hur invånarna är med <b>från början</b>.']),
    // Stockholm midnights, as the admin's date fields store them.
    timeline: [
      { startsOn: '2026-10-31T23:00:00.000Z', endsOn: '2027-04-13T22:00:00.000Z', description: 'Ansökan är öppen' },
      { startsOn: '2027-04-18T22:00:00.000Z', description: 'Finalisterna presenteras' },
      { startsOn: '2027-05-18T22:00:00.000Z', description: 'Vinnaren tillkännages på Vitalis' },
    ],
  })
  // A published year with nothing on it yet: the widgets' empty states.
  await createYear(payload, { year: 2024, status: 'closed', deadline: '2024-04-14T21:59:59Z' })
  // A draft, seen only through a preview link (/__test/preview-token).
  await createYear(payload, { year: 2028, status: 'draft', timeline: [{ startsOn: '2027-10-31T23:00:00.000Z', description: 'Ansökan öppnar (utkast)' }] })
  const photo = await image('anna.png', 'Porträtt av Anna Andersson')
  await payload.create({ collection: 'jurors', data: { name: 'Anna Andersson', title: 'Förbundsdirektör', organisation: organiser.id, photo: photo.id, years: [open.id] }, ...sys })
  await payload.create({ collection: 'jurors', data: { name: 'Bo Berg', title: 'Professor', years: [open.id] }, ...sys })
  await importApplication(payload, open, criteria, { municipality: '0180' })
  const motivation = {
    root: {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'En kommun som ', format: 0 },
            { type: 'text', text: 'satt invånarna först', format: 1 },
            { type: 'text', text: ' <img src=x onerror="window.injected=1">. ', format: 0 },
            { type: 'link', fields: { url: 'https://example.org/lund' }, children: [{ type: 'text', text: 'Läs mer', format: 0 }] },
          ],
        },
        { type: 'list', listType: 'bullet', tag: 'ul', start: 1, version: 1, children: [{ type: 'listitem', value: 1, version: 1, children: [{ type: 'text', text: 'Samverkan', format: 0 }] }] },
      ],
    },
  }
  for (const [year, code, text, factors] of [
    [2025, '2480', motivation, ['Uthållighet']],
    [2026, '1281', lexicalFromParagraphs(['Lund visar vägen.']), ['Tydlig ledning', 'Invånarna först']],
  ] as const) {
    const doc = await createYear(payload, { year, status: 'announced', deadline: `${year}-04-14T21:59:59Z`, announcementAt: `${year}-05-20T08:00:00Z`, criteria: criteria.map((c) => c.id) })
    const winner = await importApplication(payload, doc, criteria, { municipality: code, status: 'winner' })
    await payload.update({
      collection: 'award-years',
      id: doc.id,
      data: { winner: winner.id, juryMotivation: text, successFactors: factors.map((f) => ({ text: f })) } as never,
      context: { [HISTORICAL_IMPORT]: true },
      ...sys,
    })
  }

  /** Years made by /__test/finalists, removed again by /__test/reset. */
  const scenarioYears: Array<number | string> = []
  const removeScenarios = async () => {
    for (const id of scenarioYears.splice(0)) {
      await payload.update({ collection: 'award-years', id, data: { winner: null } as never, context: { [HISTORICAL_IMPORT]: true }, ...sys })
      await payload.delete({ collection: 'applications', where: { awardYear: { equals: id } }, ...sys })
      await payload.delete({ collection: 'award-years', id, ...sys })
    }
  }

  const failures: Failure[] = []
  const server = await serve(t.config, '127.0.0.1', async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://test')
    const cors = { 'access-control-allow-origin': req.headers.origin ?? '*', 'access-control-allow-headers': 'content-type', 'access-control-expose-headers': EXPOSED_RESPONSE_HEADERS }
    if (url.pathname.startsWith('/__test/')) {
      if (req.method === 'OPTIONS') return (send(res, 204, null, cors), true)
      if (url.pathname === '/__test/clock') t.clock.set((await readJson(req)).at ?? OPEN_NOW)
      else if (url.pathname === '/__test/fail') {
        failures.push((await readJson(req)) as Failure)
      } else if (url.pathname === '/__test/reset') {
        failures.splice(0)
        await removeScenarios()
      } else if (url.pathname === '/__test/finalists') {
        // A decided year (2023) with three published finalists, its winner public at announcementAt;
        // Göteborg's contact holds an edit link and (with questions) two of the jury's questions:
        // one open, one closed and answered.
        const { announcementAt, questions } = await readJson(req)
        const year = await createYear(payload, {
          year: 2023,
          status: 'decided',
          deadline: '2026-12-14T22:59:59Z',
          finalistsAt: '2027-01-10T08:00:00Z',
          publishFinalists: true,
          announcementAt,
          criteria: criteria.map((c) => c.id),
        })
        scenarioYears.push(year.id)
        const token = randomBytes(32).toString('base64url')
        const finalists = []
        for (const code of ['1480', '0380', '2480']) {
          finalists.push(
            await importApplication(payload, year, criteria, {
              municipality: code,
              status: 'finalist',
              shortlistedAt: '2027-01-10T08:00:00Z',
              ...(code === '1480' && {
                editTokenHash: createHash('sha256').update(token).digest('hex'),
                supplementaryQuestions: questions
                  ? [
                      { question: 'Hur följer ni upp effekterna för invånarna?', answerBy: '2027-03-01T22:59:59Z', answerLimit: 200, askedAt: '2027-01-12T08:00:00Z' },
                      {
                        question: 'Vem leder arbetet?',
                        answerBy: '2027-01-20T22:59:59Z',
                        answerLimit: 200,
                        askedAt: '2027-01-12T08:00:00Z',
                        answer: 'Kommundirektören.',
                        answeredAt: '2027-01-15T09:00:00Z',
                      },
                    ]
                  : [],
              }),
            }),
          )
        }
        await payload.update({
          collection: 'award-years',
          id: year.id,
          data: { winner: finalists[0]!.id, juryMotivation: lexicalFromParagraphs(['Göteborg har byggt med invånarna.']), successFactors: [{ text: 'Samskapande' }] } as never,
          context: { [HISTORICAL_IMPORT]: true },
          ...sys,
        })
        return (send(res, 200, { token }, cors), true)
      } else if (url.pathname === '/__test/applications') {
        const { docs } = await payload.find({
          collection: 'applications',
          where: { and: [{ awardYear: { equals: open.id } }, { municipality: { equals: url.searchParams.get('municipality') } }] },
          ...sys,
        })
        return (
          send(res, 200, { docs: docs.map((d: any) => ({ reference: d.reference, status: d.status, partner: d.partner, answers: d.answers.map((a: any) => a.text), contact: d.contact })) }, cors),
          true
        )
      } else if (url.pathname === '/__test/edit-token') {
        // A confirmed application with a known edit token (the real one travels by e-mail).
        const token = randomBytes(32).toString('base64url')
        const { municipality, email } = await readJson(req)
        const contact = { name: 'Kim Kontakt', email: email ?? `kim.${municipality}@kommun.example` }
        await payload.create({
          collection: 'applications',
          data: { ...applicationData(open, criteria, { municipality, contact }), editTokenHash: createHash('sha256').update(token).digest('hex') } as never,
          ...sys,
        })
        return (send(res, 200, { token }, cors), true)
      } else if (url.pathname === '/__test/confirm-token') {
        // An application as the public API leaves it: unconfirmed, with a known confirmation token.
        const token = randomBytes(32).toString('base64url')
        const { municipality, expired } = await readJson(req)
        const expires = new Date(t.clock.now().getTime() + (expired ? -1 : 48) * 3_600_000).toISOString()
        await payload.create({
          collection: 'applications',
          data: { ...applicationData(open, criteria, { municipality }), confirmTokenHash: createHash('sha256').update(token).digest('hex'), confirmExpiresAt: expires } as never,
          ...sys,
          context: { [PUBLIC_SUBMISSION]: {} },
        })
        return (send(res, 200, { token }, cors), true)
      } else if (url.pathname === '/__test/preview-token') {
        return (send(res, 200, { token: previewToken(payload.secret, 2028, t.clock.now()) }, cors), true)
      } else if (url.pathname === '/__test/mails') {
        return (send(res, 200, { mails: mails.map((m) => ({ to: m.to, subject: m.subject, text: m.text })) }, cors), true)
      }
      return (send(res, 200, { ok: true }, cors), true)
    }
    if (failures.length > 0 && req.method !== 'OPTIONS' && url.pathname.startsWith('/api/ehk/')) {
      const failure = failures.shift()!
      // A failed fetch, as the page sees it: an answer without CORS headers is withheld by the
      // browser exactly like a dropped connection (which Chromium would retry on its own).
      if (failure.status === 'network') res.writeHead(502).end()
      else send(res, failure.status, failure.body ?? {}, { ...cors, ...failure.headers })
      return true
    }
    return false
  })
  // globalSetup.ts waits for this line.
  console.log(`EHK_API_READY ${server.url}`)
  // `payload run` ends the process when the script's top level is done: wait for globalSetup's signal.
  await new Promise((resolve) => process.once('SIGTERM', resolve))
  await server.close()
  await t.destroy()
}

await main()
