'use client'
import { useEffect, useId, useRef, useState } from 'react'
import type { Lang } from '../../domain/text.js'
import { send } from './request.js'
import { juryTexts } from './texts.js'

interface Props {
  application: number | string
  municipality: string
  round: 'screening' | 'final'
  /** The juror's draft review of the application, if there is one: the declaration goes on it. */
  review?: number | string | null
  lang: Lang
}

/**
 * Declares a conflict of interest from the work list, without opening the application: one button,
 * a reason, done. The application is hidden from the juror from then on.
 */
export function ConflictButton({ application, municipality, round, review, lang }: Props) {
  const t = juryTexts(lang)
  const id = useId()
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [done, setDone] = useState(false)
  const [sending, setSending] = useState(false)
  const field = useRef<HTMLTextAreaElement>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const confirmation = useRef<HTMLParagraphElement>(null)

  useEffect(() => {
    if (asking) field.current?.focus()
  }, [asking])
  useEffect(() => {
    if (done) confirmation.current?.focus()
  }, [done])

  if (done) {
    return (
      <p ref={confirmation} tabIndex={-1} role="status">
        {t.declared(municipality)}
      </p>
    )
  }
  if (!asking) {
    return (
      <button ref={opener} type="button" className="ehk-button ehk-secondary" aria-label={t.declareFor(municipality)} onClick={() => setAsking(true)}>
        {t.declare}
      </button>
    )
  }
  const declare = async (event: React.FormEvent) => {
    event.preventDefault()
    if (!reason.trim()) return setError(t.reasonHelp)
    setSending(true)
    const data = { conflictOfInterest: true, conflictNote: reason.trim() }
    const outcome = review ? await send(`/api/reviews/${review}`, 'PATCH', data, t.failed) : await send('/api/reviews', 'POST', { ...data, application, round }, t.failed)
    setSending(false)
    if (outcome.ok) setDone(true)
    else setError(outcome.message)
  }
  return (
    <form onSubmit={declare} aria-label={t.declareFor(municipality)}>
      <label htmlFor={`${id}-reason`}>{t.reason}</label>
      <p className="ehk-help" id={`${id}-help`}>
        {t.reasonHelp}
      </p>
      {error ? (
        <p className="ehk-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
      <textarea
        ref={field}
        id={`${id}-reason`}
        rows={2}
        value={reason}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-help`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="ehk-actions">
        <button type="submit" className="ehk-button" disabled={sending}>
          {t.confirmDeclare}
        </button>
        <button
          type="button"
          className="ehk-button ehk-secondary"
          onClick={() => {
            setAsking(false)
            setError('')
            setTimeout(() => opener.current?.focus())
          }}
        >
          {t.cancel}
        </button>
      </div>
    </form>
  )
}
