// E-mail: written whole to files without SMTP, sent through the jobs queue (encrypted while it
// waits, retried while the mail server is down), and the jobs that keep personal data no longer
// than the year's retention says.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseEmail, MAIL_DIR } from '../../src/config/email.js'
import { fileMailAdapter } from '../../src/mail/local.js'
import { type ApiFixture, OPEN_NOW, startApi, tokenIn } from '../helpers/api.js'
import { createUser, createYear, type Doc, importApplication, sys, type User } from '../helpers/fixtures.js'

describe('e-mail without a mail server', () => {
  it('is written whole to a file in data/mail/ (recipients, subject, text with its links) and the log says where', async () => {
    expect(chooseEmail({})).toEqual(expect.any(Function))
    expect(MAIL_DIR).toBe(path.join('data', 'mail'))
    const dir = mkdtempSync(path.join(tmpdir(), 'ehk-mail-'))
    const logged: string[] = []
    const adapter = fileMailAdapter(dir)({ payload: { logger: { info: (line: string) => logged.push(line) } } as never })
    await adapter.sendEmail({ to: 'anna@kommun.se', subject: 'Bekräfta ansökan', text: 'Länk: https://cms.example.org/ansokan#bekrafta=abc' })
    const [file] = readdirSync(dir)
    expect(file).toMatch(/-Bekrafta-ansokan\.txt$/)
    expect(readFileSync(path.join(dir, file!), 'utf8')).toBe(
      'Från / From: Sveriges eHälsokommun <no-reply@example.org>\nTill / To: anna@kommun.se\nÄmne / Subject: Bekräfta ansökan\n\nLänk: https://cms.example.org/ansokan#bekrafta=abc',
    )
    expect(logged[0]).toContain(path.join(dir, file!))
    rmSync(dir, { recursive: true })
    expect(await chooseEmail({ SMTP_HOST: '127.0.0.1', SMTP_PORT: '2525', SMTP_SKIP_VERIFY: 'true' })).toEqual(expect.any(Function))
  })
})

describe('the outbox and the retention jobs', () => {
  let api: ApiFixture
  let payload: Payload
  let editor: User

  beforeAll(async () => {
    api = await startApi()
    payload = api.payload
    editor = await createUser(payload, 'editor')
  })
  afterAll(() => api?.close())

  const jobs = async () => (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'ehk-send-mail' } }, pagination: false, ...sys })).docs as Doc[]

  it('keeps a queued message encrypted, and retries it until the mail server takes it', async () => {
    api.mail.refuse(true)
    const since = api.mail.messages.length
    const { status } = await api.post(api.validBody('0114'))
    expect(status).toBe(201)
    // The immediate attempt fails; the job waits for its retry, its message sealed.
    await expect.poll(async () => (await jobs()).map((j) => [j.totalTried, j.hasError]), { timeout: 10_000 }).toEqual([[1, false]])
    const [job] = await jobs()
    const stored = JSON.stringify(job)
    for (const secret of ['eva.0114@kommun.example', 'bekrafta=', 'Upplands Väsby']) expect(stored).not.toContain(secret)
    expect(new Date(job!.waitUntil).getTime()).toBeGreaterThan(Date.now())
    // The mail server is back; the queue's runner (here by hand, in the app on its schedule) sends it.
    api.mail.refuse(false)
    await payload.update({ collection: 'payload-jobs', id: job!.id, data: { waitUntil: new Date(Date.now() - 1000).toISOString() } as never, ...sys })
    await payload.jobs.run({ queue: 'ehk-mail' })
    const message = await api.mail.next('eva.0114@kommun.example', /^Bekräfta ansökan/, { since })
    expect(tokenIn(message.text, 'bekrafta')).toMatch(/^[\w-]{43}$/)
    expect(await jobs()).toEqual([]) // deleted once sent
  })

  it('erases an applicant’s personal data on a staff request, recorded; jurors and the public may not', async () => {
    const [application] = await api.stored('0114')
    const url = `${api.server.url}/api/applications/${application!.id}/erase-personal-data`
    const login = async (user: User) => {
      const response = await fetch(`${api.server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: 'correct-horse-battery' }),
      })
      return { authorization: `JWT ${(await response.json()).token}`, 'content-type': 'application/json' }
    }
    const juror = await createUser(payload, 'juror')
    expect((await fetch(url, { method: 'POST', body: JSON.stringify({ reason: 'x' }) })).status).toBe(403)
    expect((await fetch(url, { method: 'POST', headers: await login(juror), body: JSON.stringify({ reason: 'x' }) })).status).toBe(403)
    const staff = await login(editor)
    const noReason = await fetch(url, { method: 'POST', headers: staff, body: '{}' })
    expect(noReason.status).toBe(422)
    expect((await fetch(`${api.server.url}/api/applications/abc/erase-personal-data`, { method: 'POST', headers: staff, body: JSON.stringify({ reason: 'x' }) })).status).toBe(404)
    const erased = await fetch(url, { method: 'POST', headers: staff, body: JSON.stringify({ reason: 'Begäran från den registrerade 2027-02-01' }) })
    expect(erased.status).toBe(200)
    expect(await erased.json()).toEqual({ erased: true, at: '2027-02-01T12:00:00.000Z' })
    const [after] = await api.stored('0114')
    expect(after).toMatchObject({ contact: { name: null, role: null, email: null, phone: null }, personalDataErasedAt: '2027-02-01T12:00:00.000Z', confirmTokenHash: null, requestHash: null })
    expect(after!.answers).toHaveLength(4)
    const entry = (await payload.find({ collection: 'history', where: { action: { equals: 'personal-data-erased' } }, ...sys })).docs[0]!
    expect(entry).toMatchObject({ reason: 'Begäran från den registrerade 2027-02-01', actor: editor.id })
    // An erased application still keeps its other rules when staff change it.
    await payload.update({ collection: 'applications', id: after!.id, data: { partner: api.partner.id }, user: editor, overrideAccess: false })
  })

  it('erases the contact details of every application of a year whose retention has ended, and no other', async () => {
    const old = await createYear(payload, {
      year: 2020,
      status: 'announced',
      deadline: '2020-04-14T21:59:59Z',
      announcementAt: '2020-05-17T08:00:00Z',
      retentionMonths: 24,
      criteria: api.criteria.map((c) => c.id),
    })
    const recent = await createYear(payload, { year: 2024, status: 'announced', deadline: '2024-04-14T21:59:59Z', announcementAt: '2025-05-17T08:00:00Z', criteria: api.criteria.map((c) => c.id) })
    const gone = await importApplication(payload, old, api.criteria, { municipality: '0180', status: 'winner' })
    const kept = await importApplication(payload, recent, api.criteria, { municipality: '0180', status: 'winner' })
    await payload.jobs.queue({ task: 'ehk-retention', queue: 'ehk-maintenance', input: {} })
    await payload.jobs.run({ queue: 'ehk-maintenance' })
    const read = async (doc: Doc) => (await payload.findByID({ collection: 'applications', id: doc.id, ...sys })) as Doc
    expect((await read(gone)).contact).toEqual({ name: null, role: null, email: null, phone: null })
    expect((await read(gone)).personalDataErasedAt).toBe(new Date(OPEN_NOW).toISOString())
    expect((await read(kept)).contact.email).toBe('anna@malmo.se')
    const entry = (await payload.find({ collection: 'history', where: { and: [{ action: { equals: 'personal-data-erased' } }, { 'document.value': { equals: gone.id } }] }, ...sys })).docs[0]!
    expect(entry).toMatchObject({ actor: null, actorLabel: 'Systemet / the system' })
    expect(entry.reason).toMatch(/^Årets lagringstid \(24 månader\) har gått ut/)
  })

  it('runs the maintenance tasks on a schedule of their own', async () => {
    const tasks = payload.config.jobs.tasks!.filter((task) => task.schedule)
    expect(tasks.map((task) => [task.slug, task.schedule!.map((s) => s.queue)])).toEqual([
      ['ehk-expire-unconfirmed', ['ehk-maintenance']],
      ['ehk-retention', ['ehk-maintenance']],
      ['ehk-jury-notices', ['ehk-maintenance']],
    ])
  })
})
