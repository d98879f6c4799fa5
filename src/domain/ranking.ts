// The jury's ranking of a round: pure numbers from the submitted reviews, the same for the jury
// board, the export and the benchmark. Each review gives one score per criterion (1–5) and a
// recommendation; a review's own score is the mean of its criterion scores.
//
// Beyond the mean and median of HotCRP and Award Force, a juror-normalised score: each juror's
// review scores are standardised against that juror's own mean and spread in the round (a z-score),
// so that a harsh and a lenient juror weigh the same. A juror whose scores say nothing about their
// scale (a single review, or the same score every time) contributes 0, the neutral value.
import { compareIds } from './ids.js'

/** The scale of a score per criterion. */
export const REVIEW_SCORE = { min: 1, max: 5 } as const

export const RECOMMENDATIONS = ['advance', 'consider', 'decline'] as const
export type Recommendation = (typeof RECOMMENDATIONS)[number]

export interface ScoredReview {
  application: string | number
  juror: string | number
  scores: ReadonlyArray<{ criterion: string | number; score: number }>
  recommendation?: Recommendation | null
}

export interface Spread {
  mean: number
  median: number
  min: number
  max: number
}

export interface RankedApplication {
  application: string | number
  /** Reviews that count (submitted, no conflict). */
  reviews: number
  overall: Spread
  perCriterion: Array<{ criterion: string | number } & Spread>
  recommendations: Record<Recommendation, number>
  /** Mean of the jurors' standardised scores; 0 is the middle of every juror's own scale. */
  normalized: number
  /** 1 is best; equal scores share a rank (1, 2, 2, 4). */
  rank: number
  rankNormalized: number
  /** Each juror's review score, for the board's dot chart. */
  jurorScores: Array<{ juror: string | number; score: number; normalized: number }>
  flags: {
    /** One ranking puts it among the finalists and the other does not. */
    disagreesAtCut: boolean
    /** Fewer reviews than a rank can rest on. */
    fewReviews: boolean
    /** The jurors disagree widely (its scores span 2 points or more on the 1–5 scale). */
    spread: boolean
  }
}

export interface RankingOptions {
  /** The finalist cut-off: the first `finalistCount` places. */
  finalistCount: number
  /** Reviews below which a rank is marked as resting on too few (default 2). */
  minReviews?: number
  /** A span of review scores (max − min) from which a rank is marked as too spread (default 2). */
  maxSpread?: number
}

const round2 = (n: number) => Math.round(n * 100) / 100
const round3 = (n: number) => Math.round(n * 1000) / 1000
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Population standard deviation: the spread of this juror's own scores, not an estimate of anything else. */
function deviation(values: readonly number[]): number {
  const m = mean(values)
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)))
}

function spread(values: readonly number[]): Spread {
  return { mean: round2(mean(values)), median: round2(median(values)), min: Math.min(...values), max: Math.max(...values) }
}

/** A review's own score: the mean of its criterion scores. */
export const reviewScore = (review: ScoredReview) => mean(review.scores.map((s) => s.score))

/** Standard competition ranking of `values` (higher is better): equal values share the best rank. */
export function competitionRanks(values: readonly number[]): number[] {
  return values.map((value) => 1 + values.filter((other) => other > value + 1e-9).length)
}

/**
 * The ranking of one round: every application with at least one review, best first (by mean,
 * then by normalised score, then by its id for a stable order).
 */
export function rankApplications(reviews: readonly ScoredReview[], options: RankingOptions): RankedApplication[] {
  const { finalistCount, minReviews = 2, maxSpread = 2 } = options
  const scored = reviews.filter((r) => r.scores.length > 0).map((r) => ({ review: r, score: reviewScore(r) }))

  // Each juror's scale in this round.
  const byJuror = new Map<string, number[]>()
  for (const { review, score } of scored) byJuror.set(String(review.juror), [...(byJuror.get(String(review.juror)) ?? []), score])
  const scale = new Map([...byJuror].map(([juror, scores]) => [juror, { mean: mean(scores), deviation: scores.length > 1 ? deviation(scores) : 0 }]))
  const standardised = (juror: string | number, score: number) => {
    const { mean: m, deviation: d } = scale.get(String(juror))!
    return d > 0 ? (score - m) / d : 0
  }

  const byApplication = new Map<string, typeof scored>()
  for (const entry of scored) byApplication.set(String(entry.review.application), [...(byApplication.get(String(entry.review.application)) ?? []), entry])

  const rows = [...byApplication.values()].map((entries) => {
    const scores = entries.map((e) => e.score)
    const criteria = [...new Set(entries.flatMap((e) => e.review.scores.map((s) => String(s.criterion))))]
    const recommendations = Object.fromEntries(RECOMMENDATIONS.map((r) => [r, entries.filter((e) => e.review.recommendation === r).length])) as Record<Recommendation, number>
    const jurorScores = entries.map((e) => ({ juror: e.review.juror, score: round2(e.score), normalized: round3(standardised(e.review.juror, e.score)) }))
    const overall = spread(scores)
    return {
      application: entries[0]!.review.application,
      reviews: entries.length,
      overall,
      perCriterion: criteria.map((criterion) => ({
        criterion: entries[0]!.review.scores.find((s) => String(s.criterion) === criterion)?.criterion ?? criterion,
        ...spread(entries.flatMap((e) => e.review.scores.filter((s) => String(s.criterion) === criterion).map((s) => s.score))),
      })),
      recommendations,
      normalized: round3(mean(jurorScores.map((j) => j.normalized))),
      jurorScores,
      rawMean: mean(scores),
      flags: { disagreesAtCut: false, fewReviews: entries.length < minReviews, spread: overall.max - overall.min >= maxSpread },
    }
  })

  const ranks = competitionRanks(rows.map((r) => r.rawMean))
  const normalizedRanks = competitionRanks(rows.map((r) => r.normalized))
  return rows
    .map(({ rawMean: _, ...row }, i) => {
      const rank = ranks[i]!
      const rankNormalized = normalizedRanks[i]!
      return { ...row, rank, rankNormalized, flags: { ...row.flags, disagreesAtCut: rank <= finalistCount !== rankNormalized <= finalistCount } }
    })
    .sort((a, b) => a.rank - b.rank || a.rankNormalized - b.rankNormalized || compareIds(a.application, b.application))
}
