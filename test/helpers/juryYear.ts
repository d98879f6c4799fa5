// A whole jury year on generated data, for the jury benchmark and the board's screenshot: N
// confirmed applications, J jurors (one tied to a municipality, one with declared conflicts), every
// juror's screening reviews, five finalists and their final reviews. Reviews are written straight
// to the database (no hooks): what is measured is reading and ranking them, not writing them.
import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { MUNICIPALITIES } from '../../src/domain/municipalities.js'
import { HISTORICAL_IMPORT } from '../../src/lib/context.js'

export interface JuryYearOptions {
  year: number
  /** The year's dates are set around this instant: the deadline a week before, the final round open until two weeks after. */
  now: Date
  applications: number
  jurors: number
  finalists?: number
  /** Seed of the generated scores: the same seed, the same year. */
  seed?: number
  password: string
}

export interface JuryYearData {
  yearId: number | string
  editor: { email: string; password: string }
  jurors: Array<{ email: string; password: string; id: number | string }>
  applications: Array<number | string>
  finalists: Array<number | string>
  reviews: number
}

/** A small deterministic generator (mulberry32): the benchmark measures the same data every run. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const sys = { overrideAccess: true, depth: 0 } as const

export async function generateJuryYear(payload: Payload, options: JuryYearOptions): Promise<JuryYearData> {
  const rng = random(options.seed ?? 2027)
  const finalistCount = options.finalists ?? 5
  const criteria: Array<{ id: number | string; title: string }> = []
  for (const [order, title] of ['Ledning', 'Infrastruktur', 'Kompetens', 'Användning'].entries()) {
    // The award's four areas: the demo content's, where it has them (titles are unique).
    const [existing] = (await payload.find({ collection: 'criteria', where: { title: { equals: title } }, limit: 1, ...sys })).docs
    criteria.push(
      (existing as never) ?? (await payload.create({ collection: 'criteria', data: { title, order, guidingQuestions: [{ question: `Hur arbetar ni med ${title.toLowerCase()}?` }] }, ...sys })),
    )
  }
  const y = options.year
  const day = 86_400_000
  const at = (days: number) => new Date(options.now.getTime() + days * day).toISOString()
  const dates = { deadline: at(-7), finalists: at(-1), decision: at(14), announcement: at(21) }
  const year = await payload.create({
    collection: 'award-years',
    data: {
      year: y,
      title: `Sveriges eHälsokommun ${y}`,
      status: 'closed',
      characterLimit: 12000,
      criteria: criteria.map((c) => c.id),
      deadline: dates.deadline,
      finalistsAt: dates.finalists,
      juryDecisionAt: dates.decision,
      announcementAt: dates.announcement,
    } as never,
    context: { [HISTORICAL_IMPORT]: true },
    ...sys,
  })
  const user = (email: string, role: string) => payload.create({ collection: 'users', data: { email, password: options.password, role } as never, ...sys })
  const editorEmail = `redaktor-${y}@bench.example`
  await user(editorEmail, 'editor')
  const jurors: JuryYearData['jurors'] = []
  for (let j = 0; j < options.jurors; j++) {
    const email = `jury${j + 1}-${y}@bench.example`
    const account = await user(email, 'juror')
    // Juror 1 is tied to the first municipality (employer); the rest have no ties.
    const ties = j === 0 ? [{ municipality: MUNICIPALITIES[0]!.code, kind: 'employer' }] : []
    const profile = await payload.create({ collection: 'jurors', data: { name: `Jurymedlem ${j + 1}`, years: [year.id], user: account.id, ties } as never, ...sys })
    jurors.push({ email, password: options.password, id: profile.id })
  }
  const applications: Array<{ id: number | string }> = []
  for (const municipality of MUNICIPALITIES.slice(0, options.applications)) {
    applications.push(
      await payload.create({
        collection: 'applications',
        data: {
          awardYear: year.id,
          municipality: municipality.code,
          status: 'submitted',
          contact: { name: 'Kim Kontakt', email: `kontakt@${municipality.code}.example` },
          answers: criteria.map((c) => ({ criterion: c.id, text: `${municipality.name} arbetar med ${c.title.toLowerCase()}: mätbara resultat för invånarna.` })),
          consent: true,
          submittedAt: at(-8 - (applications.length % 20)),
        } as never,
        context: { [HISTORICAL_IMPORT]: true },
        ...sys,
      }),
    )
  }
  // Each application has a quality, each juror a bias (harsh or lenient) and some noise.
  const quality = applications.map(() => 1.5 + rng() * 3)
  const bias = jurors.map((_, j) => (j === 1 ? -0.8 : j === 2 ? 0.6 : (rng() - 0.5) * 0.4))
  const score = (a: number, j: number) => Math.min(5, Math.max(1, Math.round(quality[a]! + bias[j]! + (rng() - 0.5) * 1.2)))
  let reviews = 0
  const review = async (a: number, j: number, round: 'screening' | 'final') => {
    // Written without Payload's hooks, so array rows need the ids Payload would give them.
    const scores = criteria.map((c) => ({ id: randomBytes(12).toString('hex'), criterion: c.id, score: score(a, j) }))
    const mean = scores.reduce((s, x) => s + x.score, 0) / scores.length
    await payload.db.create({
      collection: 'reviews',
      data: {
        application: applications[a]!.id,
        juror: jurors[j]!.id,
        round,
        scores,
        recommendation: mean >= 3.75 ? 'advance' : mean >= 2.75 ? 'consider' : 'decline',
        submitted: true,
        submittedAt: round === 'screening' ? at(-3) : options.now.toISOString(),
        conflictOfInterest: false,
      },
    })
    reviews++
  }
  for (let a = 0; a < applications.length; a++) {
    for (let j = 0; j < jurors.length; j++) {
      if (j === 0 && a === 0) continue // the tie
      if (j === 3 && a > 0 && a % 97 === 0) {
        // A declared conflict.
        await payload.db.create({
          collection: 'reviews',
          data: { application: applications[a]!.id, juror: jurors[j]!.id, round: 'screening', conflictOfInterest: true, conflictNote: 'Tidigare anställd i kommunen.', submitted: false },
        })
        continue
      }
      await review(a, j, 'screening')
    }
  }
  // The finalists: the best by quality, in the final round with every juror's review.
  const best = quality
    .map((q, a) => [q, a] as const)
    .sort((p, q) => q[0] - p[0])
    .slice(0, finalistCount)
    .map(([, a]) => a)
  for (const a of best) {
    await payload.db.updateOne({ collection: 'applications', id: applications[a]!.id, data: { status: 'finalist', shortlistedAt: dates.finalists } })
    for (let j = 0; j < jurors.length; j++) if (!(j === 0 && a === 0)) await review(a, j, 'final')
  }
  await payload.db.updateMany({
    collection: 'applications',
    where: { and: [{ awardYear: { equals: year.id } }, { status: { equals: 'submitted' } }] },
    data: { status: 'not-selected' },
  })
  await payload.db.updateOne({ collection: 'award-years', id: year.id, data: { status: 'finalists' } })
  return {
    yearId: year.id,
    editor: { email: editorEmail, password: options.password },
    jurors,
    applications: applications.map((a) => a.id),
    finalists: best.map((a) => applications[a]!.id),
    reviews,
  }
}
