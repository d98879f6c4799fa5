import type { UIFieldServerProps } from 'payload'
import { ROUNDS, roundState, type YearState } from '../domain/lifecycle.js'
import { adminLang, ehkContext } from './context.js'
import { RoundTable } from './jury/RoundTable.js'
import './jury/jury.css'

/** The year's two jury rounds and their states, on the year's edit view. */
export function RoundStates({ data, payload, i18n }: UIFieldServerProps) {
  const year = (data ?? {}) as YearState
  if (!year.status) return null
  const now = ehkContext(payload).now()
  return (
    <div className="ehk-jury" style={{ paddingBlock: 0 }}>
      <RoundTable states={ROUNDS.map((round) => roundState(year, round, now))} lang={adminLang(i18n)} />
    </div>
  )
}
