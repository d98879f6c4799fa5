import type { UIFieldServerProps } from 'payload'
import { ROUND_LABELS, ROUNDS, roundState, type YearState } from '../domain/lifecycle.js'
import { formatStockholm } from '../domain/time.js'
import { adminLang, ehkContext } from './context.js'
import { WINDOW_LABELS } from './labels.js'

/** The year's two jury rounds: whether each is open, and from when to when (on the year's edit view). */
export function RoundStates({ data, payload, i18n }: UIFieldServerProps) {
  const lang = adminLang(i18n)
  const now = ehkContext(payload).now()
  const year = (data ?? {}) as YearState
  if (!year.status) return null
  const when = (at: Date | null) => (at ? <time dateTime={at.toISOString()}>{formatStockholm(at, lang)}</time> : '–')
  return (
    <table className="ehk-rounds" style={{ marginBottom: 'var(--base)', borderCollapse: 'collapse' }}>
      <caption style={{ textAlign: 'start', fontWeight: 600 }}>{lang === 'sv' ? 'Juryns omgångar' : "The jury's rounds"}</caption>
      <thead>
        <tr>
          {(lang === 'sv' ? ['Omgång', 'Läge', 'Öppnar', 'Stänger'] : ['Round', 'State', 'Opens', 'Closes']).map((h) => (
            <th key={h} scope="col" style={{ textAlign: 'start', paddingInlineEnd: '1.5rem' }}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ROUNDS.map((round) => {
          const state = roundState(year, round, now)
          return (
            <tr key={round}>
              <th scope="row" style={{ textAlign: 'start', fontWeight: 400, paddingInlineEnd: '1.5rem' }}>
                {ROUND_LABELS[round][lang]}
              </th>
              <td style={{ paddingInlineEnd: '1.5rem' }}>{WINDOW_LABELS[state.window][lang]}</td>
              <td style={{ paddingInlineEnd: '1.5rem' }}>{round === 'final' ? (lang === 'sv' ? 'när finalisterna är utsedda' : 'when the finalists are selected') : when(state.opensAt)}</td>
              <td>{when(state.closesAt)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
