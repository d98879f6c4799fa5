import { ROUND_LABELS, type RoundState } from '../../domain/lifecycle.js'
import type { Lang } from '../../domain/text.js'
import { formatStockholm } from '../../domain/time.js'
import { WINDOW_LABELS } from '../labels.js'
import { juryTexts } from './texts.js'

const when = (at: Date | string | null, lang: Lang) => (at ? <time dateTime={new Date(at).toISOString()}>{formatStockholm(at, lang)}</time> : '–')

/** The jury's two rounds: whether each takes reviews now, from when and until when. */
export function RoundTable({ states, lang }: { states: RoundState[]; lang: Lang }) {
  const t = juryTexts(lang)
  return (
    <table className="ehk-rounds">
      <caption>{t.rounds}</caption>
      <thead>
        <tr>
          <th scope="col">{t.round}</th>
          <th scope="col">{t.state}</th>
          <th scope="col">{t.opens}</th>
          <th scope="col">{t.closes}</th>
        </tr>
      </thead>
      <tbody>
        {states.map((state) => (
          <tr key={state.round}>
            <th scope="row">{ROUND_LABELS[state.round][lang]}</th>
            <td>{WINDOW_LABELS[state.window][lang]}</td>
            <td>{state.round === 'final' ? t.finalOpens : when(state.opensAt, lang)}</td>
            <td>{when(state.closesAt, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
