// The jury's pure rules on hand-computed examples: the ranking (mean, median, spread, the
// juror-normalised score, ties, a juror with one review, a juror who scores everything alike), the
// conflicts, each juror's progress, the rounds' windows and reminders, published finalists, an
// answer to a supplementary question, and the CSV for Swedish Excel.
import { describe, expect, it } from 'vitest'
import { checkSupplementaryAnswer } from '../../src/domain/application.js'
import { conflictOf, notConflicted } from '../../src/domain/conflicts.js'
import { juryProgress } from '../../src/domain/jury.js'
import { areFinalistsPublic, reminderDue, roundState } from '../../src/domain/lifecycle.js'
import { competitionRanks, median, rankApplications, type ScoredReview } from '../../src/domain/ranking.js'
import { formulaSafe, juryCsv } from '../../src/jury/spreadsheet.js'

const review = (application: number, juror: string, ...scores: number[]): ScoredReview => ({
  application,
  juror,
  scores: scores.map((score, i) => ({ criterion: `c${i + 1}`, score })),
  recommendation: scores[0]! >= 4 ? 'advance' : scores[0]! >= 3 ? 'consider' : 'decline',
})

describe('the ranking', () => {
  // A scores 4, 3, 2 (mean 3, population deviation √(2/3) ≈ 0.8165, so z = +1.2247, 0, −1.2247);
  // B scores everything 5 (no spread: says nothing about order, contributes 0);
  // C has reviewed only application 1 (one review: no scale, contributes 0).
  const reviews = [review(1, 'A', 4), review(2, 'A', 3), review(3, 'A', 2), review(1, 'B', 5), review(2, 'B', 5), review(3, 'B', 5), review(1, 'C', 2)]

  it('ranks by the mean, with median, spread and the recommendations tally', () => {
    const ranking = rankApplications(reviews, { finalistCount: 1 })
    expect(ranking.map((r) => [r.application, r.rank, r.reviews, r.overall])).toEqual([
      [2, 1, 2, { mean: 4, median: 4, min: 3, max: 5 }],
      [1, 2, 3, { mean: 3.67, median: 4, min: 2, max: 5 }],
      [3, 3, 2, { mean: 3.5, median: 3.5, min: 2, max: 5 }],
    ])
    expect(ranking.find((r) => r.application === 1)!.recommendations).toEqual({ advance: 2, consider: 0, decline: 1 })
  })

  it('normalises each juror against their own scale: a harsh and a lenient juror weigh the same', () => {
    const ranking = rankApplications(reviews, { finalistCount: 1 })
    const byApp = new Map(ranking.map((r) => [r.application, r]))
    expect(byApp.get(1)!.jurorScores).toEqual([
      { juror: 'A', score: 4, normalized: 1.225 },
      { juror: 'B', score: 5, normalized: 0 },
      { juror: 'C', score: 2, normalized: 0 },
    ])
    // (1.2247 + 0 + 0) / 3 = 0.408; (0 + 0) / 2 = 0; (−1.2247 + 0) / 2 = −0.612.
    expect([1, 2, 3].map((a) => [byApp.get(a)!.normalized, byApp.get(a)!.rankNormalized])).toEqual([
      [0.408, 1],
      [0, 2],
      [-0.612, 3],
    ])
  })

  it('marks where the two rankings disagree at the finalist cut-off, and ranks resting on few or spread scores', () => {
    const ranking = rankApplications(reviews, { finalistCount: 1, minReviews: 3 })
    expect(ranking.map((r) => [r.application, r.flags])).toEqual([
      [2, { disagreesAtCut: true, fewReviews: true, spread: true }],
      [1, { disagreesAtCut: true, fewReviews: false, spread: true }],
      [3, { disagreesAtCut: false, fewReviews: true, spread: true }],
    ])
    // Close scores are not spread.
    expect(rankApplications([review(1, 'A', 3), review(1, 'B', 4)], { finalistCount: 1 })[0]!.flags.spread).toBe(false)
  })

  it('gives equal scores the same rank (1, 1, 3), and orders them by the normalised score', () => {
    const tied = [review(1, 'A', 3), review(2, 'A', 3), review(3, 'A', 1), review(1, 'B', 4), review(2, 'B', 2), review(3, 'B', 3)]
    // Means: 3.5, 2.5, 2 — no tie; a tie needs equal means:
    const equal = [review(1, 'A', 4), review(2, 'A', 4), review(3, 'A', 2)]
    expect(rankApplications(equal, { finalistCount: 2 }).map((r) => [r.application, r.rank])).toEqual([
      [1, 1],
      [2, 1],
      [3, 3],
    ])
    expect(rankApplications(tied, { finalistCount: 2 }).map((r) => r.rank)).toEqual([1, 2, 3])
    expect(competitionRanks([5, 3, 5, 1])).toEqual([1, 3, 1, 4])
  })

  it('averages each criterion on its own', () => {
    const [row] = rankApplications([review(1, 'A', 5, 1), review(1, 'B', 3, 2), review(1, 'C', 4, 4)], { finalistCount: 1 })
    expect(row!.perCriterion).toEqual([
      { criterion: 'c1', mean: 4, median: 4, min: 3, max: 5 },
      { criterion: 'c2', mean: 2.33, median: 2, min: 1, max: 4 },
    ])
    // A review's score is the mean of its criteria: 3, 2.5, 4.
    expect(row!.overall).toEqual({ mean: 3.17, median: 3, min: 2.5, max: 4 })
  })

  it('leaves out reviews without scores, and is empty without reviews', () => {
    expect(rankApplications([{ application: 1, juror: 'A', scores: [] }], { finalistCount: 5 })).toEqual([])
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})

describe('conflicts', () => {
  const conflicts = { declared: [7], ties: ['1280'] }
  it('are declared ones and ties to the municipality, the same as a rule and as a query', () => {
    expect(conflictOf(conflicts, { id: 7, municipality: '0180' })).toBe('declared')
    expect(conflictOf(conflicts, { id: 8, municipality: '1280' })).toBe('tie')
    expect(conflictOf(conflicts, { id: 9, municipality: '0180' })).toBeNull()
    expect(notConflicted(conflicts)).toEqual([{ id: { not_in: [7] } }, { municipality: { not_in: ['1280'] } }])
    expect(notConflicted({ declared: [], ties: [] })).toEqual([])
  })

  it("leave the application out of the juror's progress", () => {
    const applications = [
      { id: 1, municipality: '1280' },
      { id: 2, municipality: '0180' },
      { id: 3, municipality: '0181' },
      { id: 7, municipality: '0380' },
    ]
    const reviews = [
      { application: 2, juror: 'A', submitted: true },
      { application: 3, juror: 'A', submitted: false },
      { application: 7, juror: 'A', conflictOfInterest: true },
      { application: 2, juror: 'B', submitted: true },
    ]
    expect(
      juryProgress(applications, reviews, [
        { id: 'A', conflicts },
        { id: 'B', conflicts: { declared: [], ties: [] } },
      ]),
    ).toEqual([
      {
        juror: 'A',
        assigned: 2,
        submitted: 1,
        drafts: 1,
        left: 1,
        conflicts: [
          { application: 1, kind: 'tie' },
          { application: 7, kind: 'declared' },
        ],
      },
      { juror: 'B', assigned: 4, submitted: 1, drafts: 0, left: 3, conflicts: [] },
    ])
  })
})

describe('the rounds', () => {
  const year = { status: 'closed' as const, deadline: '2027-04-14T21:59:59.000Z', finalistsAt: '2027-04-19T08:00:00.000Z', juryDecisionAt: '2027-05-12T15:00:00.000Z' }
  const at = (iso: string) => new Date(iso)

  it('screening: from the deadline to the finalists date, reopened by staff until a later date', () => {
    expect(roundState({ ...year, status: 'open' }, 'screening', at('2027-04-14T21:59:58.999Z')).window).toBe('not-open')
    expect(roundState({ ...year, status: 'open' }, 'screening', at('2027-04-14T21:59:59.000Z')).window).toBe('open')
    expect(roundState(year, 'screening', at('2027-04-19T07:59:59.999Z')).window).toBe('open')
    expect(roundState(year, 'screening', at('2027-04-19T08:00:00.000Z')).window).toBe('closed')
    expect(roundState({ ...year, screeningReopenedUntil: '2027-04-21T08:00:00.000Z' }, 'screening', at('2027-04-20T08:00:00.000Z')).window).toBe('open')
    // Once the finalists are selected, screening is over whatever the dates say.
    expect(roundState({ ...year, status: 'finalists' }, 'screening', at('2027-04-18T08:00:00.000Z')).window).toBe('closed')
  })

  it('final: from the selection of the finalists to the jury decision date', () => {
    expect(roundState(year, 'final', at('2027-04-20T08:00:00.000Z')).window).toBe('not-open')
    expect(roundState({ ...year, status: 'finalists' }, 'final', at('2027-05-12T14:59:59.999Z')).window).toBe('open')
    expect(roundState({ ...year, status: 'finalists' }, 'final', at('2027-05-12T15:00:00.000Z')).window).toBe('closed')
    expect(roundState({ ...year, status: 'finalists', finalReopenedUntil: '2027-05-14T15:00:00.000Z' }, 'final', at('2027-05-13T08:00:00.000Z')).window).toBe('open')
    expect(roundState({ ...year, status: 'decided' }, 'final', at('2027-05-01T08:00:00.000Z')).window).toBe('closed')
  })

  it('remind jurors N days before an open round closes, never when reminders are off', () => {
    const state = roundState(year, 'screening', at('2027-04-16T08:00:00.000Z'))
    expect(reminderDue(state, 3, at('2027-04-16T07:59:59.999Z'))).toBe(false)
    expect(reminderDue(state, 3, at('2027-04-16T08:00:00.000Z'))).toBe(true)
    expect(reminderDue(state, 0, at('2027-04-18T08:00:00.000Z'))).toBe(false)
    expect(reminderDue(roundState(year, 'screening', at('2027-04-20T08:00:00.000Z')), 3, at('2027-04-20T08:00:00.000Z'))).toBe(false)
  })

  it('publish the finalists only where the year says so, from the finalists date', () => {
    const finalists = { status: 'finalists' as const, finalistsAt: '2027-04-19T08:00:00.000Z', publishFinalists: true }
    expect(areFinalistsPublic(finalists, at('2027-04-19T07:59:59.999Z'))).toBe(false)
    expect(areFinalistsPublic(finalists, at('2027-04-19T08:00:00.000Z'))).toBe(true)
    expect(areFinalistsPublic({ ...finalists, publishFinalists: false }, at('2027-05-01T00:00:00.000Z'))).toBe(false)
    expect(areFinalistsPublic({ ...finalists, status: 'closed' }, at('2027-05-01T00:00:00.000Z'))).toBe(false)
  })
})

describe('an answer to a supplementary question', () => {
  const question = { answerBy: '2027-05-01T10:00:00.000Z', answerLimit: 10 }
  const before = new Date('2027-05-01T09:59:59.999Z')
  it('is counted like the application (characters, not code units) within its limit, before its date', () => {
    expect(checkSupplementaryAnswer(question, 'Åtta 👩‍⚕️ ok!', before)).toEqual([])
    expect(checkSupplementaryAnswer(question, 'elva tecken', before).map((v) => v.rule)).toEqual(['question.answer-limit'])
    expect(checkSupplementaryAnswer(question, '   ', before).map((v) => v.rule)).toEqual(['question.answer-text'])
    expect(checkSupplementaryAnswer(question, 'Sent svar', new Date('2027-05-01T10:00:00.000Z')).map((v) => v.rule)).toEqual(['question.closed'])
  })
})

describe('the CSV for Swedish Excel', () => {
  it('keeps text that would start a formula as text', () => {
    for (const danger of ['=1+1', '+46 8 123', '-2', '@SUM(A1)', '\tx', '\rx', '＝1']) expect(formulaSafe(danger)).toBe(`'${danger}`)
    expect(formulaSafe('Lund')).toBe('Lund')
  })

  it('has a BOM, ";" between cells, decimal commas, Stockholm time, and marks conflicted cells', () => {
    const csv = juryCsv(
      {
        year: { id: 1, year: 2027, title: 'Sveriges eHälsokommun 2027', status: 'closed', criteria: [1] },
        round: 'screening',
        jurors: [
          { id: 'A', name: '=Anna', ties: [] },
          { id: 'B', name: 'Bo', ties: ['1280'] },
        ],
        applications: [
          { id: 10, reference: 'EHK-2027-1280-ABCD', municipality: '1280', municipalityName: 'Malmö kommun', status: 'submitted', submittedAt: '2027-04-14T21:59:58.000Z' },
          { id: 11, reference: 'EHK-2027-0180-EFGH', municipality: '0180', municipalityName: 'Stockholms kommun', status: 'submitted' },
        ],
        reviews: [
          { id: 1, application: 10, juror: 'A', round: 'screening', submitted: true, conflictOfInterest: false, scores: [{ criterion: 1, score: 4 }], recommendation: 'advance' },
          { id: 2, application: 11, juror: 'A', round: 'screening', submitted: true, conflictOfInterest: false, scores: [{ criterion: 1, score: 3 }], recommendation: 'consider' },
          { id: 3, application: 11, juror: 'B', round: 'screening', submitted: true, conflictOfInterest: false, scores: [{ criterion: 1, score: 4 }], recommendation: 'advance' },
        ],
      },
      [{ id: 1, title: 'Ledning' }],
      new Map([['B', { declared: [], ties: ['1280'] }]]),
      1,
    )
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const [header, first, second] = csv.slice(1).split('\r\n')
    expect(header).toContain("'=Anna: Ledning;'=Anna: rekommendation / recommendation;Bo: Ledning")
    // Malmö first: 4 from Anna alone (Bo is tied to Malmö, so his score counts nowhere); Stockholm 3,5.
    // Normalised: Anna's 4 and 3 are +1 and −1 on her scale; Bo's single review says nothing (0).
    expect(first!.split(';')).toEqual([
      'EHK-2027-1280-ABCD',
      'Malmö kommun',
      '1280',
      'Skåne län',
      'Inskickad',
      '2027-04-14 23:59',
      '',
      'Gallring',
      '1',
      '1',
      '1',
      '4',
      '4',
      '4',
      '4',
      '1',
      '1',
      '0',
      '0',
      'få bedömningar',
      '4',
      '4',
      'Gå vidare',
      'JÄV',
      'JÄV',
    ])
    expect(second!.split(';')).toEqual([
      'EHK-2027-0180-EFGH',
      'Stockholms kommun',
      '0180',
      'Stockholms län',
      'Inskickad',
      '',
      '',
      'Gallring',
      '2',
      '2',
      '2',
      '3,5',
      '3,5',
      '3',
      '4',
      '-0,5',
      '1',
      '1',
      '0',
      '',
      '3,5',
      '3',
      'Tveksam',
      '4',
      'Gå vidare',
    ])
  })
})
