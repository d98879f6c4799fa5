// A year's applications with the jury's aggregates and every juror's scores, as a CSV file that
// Swedish Excel opens as it is: UTF-8 with a byte order mark, ";" between cells, decimal commas,
// dates in Stockholm time, and text that Excel would take for a formula kept as text.
import { stringify } from 'csv-stringify/sync'
import { conflictOf } from '../domain/conflicts.js'
import { ROUND_LABELS } from '../domain/lifecycle.js'
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../domain/lifecycle.js'
import { findMunicipality } from '../domain/municipalities.js'
import { RECOMMENDATIONS, rankApplications, type Recommendation } from '../domain/ranking.js'
import type { JurorConflicts } from '../domain/conflicts.js'
import { stockholmDateTime } from '../domain/time.js'
import { conflictsOfJuror, countingReviews, type JuryRound } from './load.js'

/** What spreadsheet programs read as the start of a formula (with the full-width forms some convert). */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/

/** A text cell that would start a formula gets an apostrophe in front, so that it stays text. */
export const formulaSafe = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text)

/** Numbers as Swedish Excel reads them: a decimal comma, a plain hyphen-minus. */
const decimal = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n).replace('.', ','))

const RECOMMENDATION_LABELS: Record<Recommendation, string> = { advance: 'Gå vidare', consider: 'Tveksam', decline: 'Gå inte vidare' }
const CONFLICT = 'JÄV'

/** Our own cells are numbers, dates and labels; anything a person wrote passes through formulaSafe. */
type Cell = string | number | null | undefined

export function juryCsv(data: JuryRound, criteria: Array<{ id: number | string; title: string }>, conflicts: Map<string, JurorConflicts>, finalistCount: number): string {
  const ranking = new Map(rankApplications(countingReviews(data, conflicts), { finalistCount }).map((row) => [String(row.application), row]))
  const header: string[] = [
    'Referens / Reference',
    'Kommun / Municipality',
    'Kommunkod / Code',
    'Län / County',
    'Status',
    'Inskickad / Submitted',
    'Finalist sedan / Finalist since',
    'Omgång / Round',
    'Rank',
    'Rank normaliserad / Rank normalised',
    'Bedömningar / Reviews',
    'Medel / Mean',
    'Median',
    'Min',
    'Max',
    'Normaliserad poäng / Normalised score',
    ...RECOMMENDATIONS.map((r) => `${RECOMMENDATION_LABELS[r]} (antal)`),
    'Flaggor / Flags',
    ...criteria.map((c) => `${c.title}: medel / mean`),
    ...data.jurors.flatMap((j) => [...criteria.map((c) => `${j.name}: ${c.title}`), `${j.name}: rekommendation / recommendation`]),
  ]
  const rows = [...data.applications]
    .map((application) => ({ application, row: ranking.get(String(application.id)) }))
    .sort((a, b) => (a.row?.rank ?? Infinity) - (b.row?.rank ?? Infinity) || a.application.municipalityName.localeCompare(b.application.municipalityName, 'sv'))
    .map(({ application, row }): Cell[] => {
      const flags = row ? [row.flags.disagreesAtCut && 'oense vid gränsen', row.flags.fewReviews && 'få bedömningar', row.flags.spread && 'stor spridning'].filter(Boolean).join(', ') : ''
      return [
        formulaSafe(application.reference),
        formulaSafe(application.municipalityName),
        application.municipality,
        findMunicipality(application.municipality)?.county ?? '',
        APPLICATION_STATUS_LABELS[application.status as ApplicationStatus]?.sv ?? application.status,
        application.submittedAt ? stockholmDateTime(application.submittedAt) : '',
        application.shortlistedAt ? stockholmDateTime(application.shortlistedAt) : '',
        ROUND_LABELS[data.round].sv,
        row?.rank,
        row?.rankNormalized,
        row?.reviews ?? 0,
        decimal(row?.overall.mean),
        decimal(row?.overall.median),
        decimal(row?.overall.min),
        decimal(row?.overall.max),
        decimal(row?.normalized),
        ...RECOMMENDATIONS.map((r) => row?.recommendations[r] ?? 0),
        flags,
        ...criteria.map((c) => decimal(row?.perCriterion.find((p) => String(p.criterion) === String(c.id))?.mean)),
        ...data.jurors.flatMap((juror) => {
          if (conflictOf(conflictsOfJuror(conflicts, juror.id), application)) return Array<Cell>(criteria.length + 1).fill(CONFLICT)
          const review = data.reviews.find((r) => r.submitted && String(r.juror) === String(juror.id) && String(r.application) === String(application.id))
          return [...criteria.map((c) => review?.scores.find((s) => String(s.criterion) === String(c.id))?.score), review?.recommendation ? RECOMMENDATION_LABELS[review.recommendation] : '']
        }),
      ]
    })
  return stringify([header.map(formulaSafe), ...rows], { delimiter: ';', bom: true, record_delimiter: 'windows', cast: { number: (n) => decimal(n) } })
}
