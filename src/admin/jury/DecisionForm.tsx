'use client'
import { useRouter } from 'next/navigation'
import { useId, useRef, useState } from 'react'
import type { Lang } from '../../domain/text.js'
import { send } from './request.js'
import { juryTexts } from './texts.js'

interface Props {
  yearId: number | string
  finalists: Array<{ id: number | string; label: string }>
  lang: Lang
}

/** Staff record the jury's decision: the winner among the finalists, the motivation and the success factors. */
export function DecisionForm({ yearId, finalists, lang }: Props) {
  const t = juryTexts(lang)
  const id = useId()
  const router = useRouter()
  const [winner, setWinner] = useState('')
  const [motivation, setMotivation] = useState('')
  const [factors, setFactors] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  const [sending, setSending] = useState(false)
  const alert = useRef<HTMLDivElement>(null)
  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    setSending(true)
    const outcome = await send(
      `/api/award-years/${yearId}/decision`,
      'POST',
      {
        winner,
        motivation,
        successFactors: factors
          .split('\n')
          .map((f) => f.trim())
          .filter(Boolean),
      },
      t.failed,
    )
    setSending(false)
    if (outcome.ok) {
      setErrors({})
      setMessage(t.saved)
      return router.refresh()
    }
    setErrors(outcome.errors)
    setMessage(outcome.message)
    setTimeout(() => alert.current?.focus())
  }
  const field = (name: string) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [`${id}-${name}-help`, errors[name] ? `${id}-${name}-error` : ''].filter(Boolean).join(' '),
  })
  const error = (name: string) =>
    errors[name] ? (
      <p className="ehk-error" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    ) : null
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.decision}</h2>
      <p className="ehk-help">{t.decisionHelp}</p>
      {message ? (
        <div ref={alert} tabIndex={-1} role={Object.keys(errors).length || message !== t.saved ? 'alert' : 'status'}>
          <p className={message === t.saved ? undefined : 'ehk-error'}>{message}</p>
        </div>
      ) : null}
      <label htmlFor={`${id}-winner`}>{t.winner}</label>
      <span className="ehk-help" id={`${id}-winner-help`}>
        {t.chooseWinner}
      </span>
      {error('winner')}
      <select id={`${id}-winner`} value={winner} onChange={(e) => setWinner(e.target.value)} required {...field('winner')}>
        <option value="">{t.chooseWinner}</option>
        {finalists.map((f) => (
          <option key={f.id} value={String(f.id)}>
            {f.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-motivation`}>{t.motivation}</label>
      <span className="ehk-help" id={`${id}-motivation-help`}>
        {t.motivationHelp}
      </span>
      {error('motivation')}
      <textarea id={`${id}-motivation`} rows={6} value={motivation} onChange={(e) => setMotivation(e.target.value)} required {...field('motivation')} />
      <label htmlFor={`${id}-successFactors`}>{t.factors}</label>
      <span className="ehk-help" id={`${id}-successFactors-help`}>
        {t.factorsHelp}
      </span>
      {error('successFactors')}
      <textarea id={`${id}-successFactors`} rows={4} value={factors} onChange={(e) => setFactors(e.target.value)} {...field('successFactors')} />
      <button type="submit" className="ehk-button" disabled={sending}>
        {t.saveDecision}
      </button>
    </form>
  )
}
