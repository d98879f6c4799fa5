import type { Lang } from '../../domain/text.js'
import { REVIEW_SCORE } from '../../domain/ranking.js'
import { juryTexts } from './texts.js'

const WIDTH = 120
const HEIGHT = 18
const x = (score: number) => 6 + ((score - REVIEW_SCORE.min) / (REVIEW_SCORE.max - REVIEW_SCORE.min)) * (WIDTH - 12)

/**
 * Each juror's score of one application as a dot on the 1–5 scale: dots close together mean the
 * jury agrees. The numbers are in the image's text alternative.
 */
export function ScoreDots({ scores, lang }: { scores: number[]; lang: Lang }) {
  const label = juryTexts(lang).dots(scores.map((s) => s.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 })).join('; '))
  return (
    <svg className="ehk-dots" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <line x1={x(REVIEW_SCORE.min)} x2={x(REVIEW_SCORE.max)} y1={HEIGHT / 2} y2={HEIGHT / 2} stroke="currentColor" strokeOpacity={0.4} />
      {/* The middle of the scale, for orientation. */}
      <line x1={x((REVIEW_SCORE.min + REVIEW_SCORE.max) / 2)} x2={x((REVIEW_SCORE.min + REVIEW_SCORE.max) / 2)} y1={3} y2={HEIGHT - 3} stroke="currentColor" strokeOpacity={0.4} />
      {scores.map((score, i) => (
        <circle key={i} cx={x(score)} cy={HEIGHT / 2} r={4} fill="currentColor" fillOpacity={0.75} />
      ))}
    </svg>
  )
}
