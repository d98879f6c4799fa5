'use client'
import { useRouter } from 'next/navigation'
import { useId, useRef, useState } from 'react'
import type { Lang } from '../../domain/text.js'
import { send } from './request.js'
import { juryTexts } from './texts.js'

interface Props {
  yearId: number | string
  required: number
  /** Every application of the screening round, best ranked first; the first `required` are preselected. */
  candidates: Array<{ id: number | string; label: string }>
  lang: Lang
}

/** Staff select exactly the year's number of finalists; the year then moves on to "finalists". */
export function FinalistsForm({ yearId, required, candidates, lang }: Props) {
  const t = juryTexts(lang)
  const id = useId()
  const router = useRouter()
  const [chosen, setChosen] = useState(() => new Set(candidates.slice(0, required).map((c) => String(c.id))))
  const [error, setError] = useState('')
  const [sending, setSending] = useState(false)
  const alert = useRef<HTMLParagraphElement>(null)
  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    setSending(true)
    const outcome = await send(`/api/award-years/${yearId}/finalists`, 'POST', { applications: candidates.filter((c) => chosen.has(String(c.id))).map((c) => c.id) }, t.failed)
    setSending(false)
    if (outcome.ok) return router.push(`/admin/jury/${yearId}?round=final`)
    setError(outcome.message)
    setTimeout(() => alert.current?.focus())
  }
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.selectFinalists}</h2>
      <p className="ehk-help">{t.selectFinalistsHelp(required)}</p>
      {error ? (
        <p ref={alert} tabIndex={-1} className="ehk-error" role="alert">
          {error}
        </p>
      ) : null}
      <fieldset aria-describedby={`${id}-count`}>
        <legend>{t.selectFinalists}</legend>
        {candidates.map((c) => (
          <label key={c.id} className="ehk-check">
            <input
              type="checkbox"
              checked={chosen.has(String(c.id))}
              onChange={(e) => {
                const next = new Set(chosen)
                if (e.target.checked) next.add(String(c.id))
                else next.delete(String(c.id))
                setChosen(next)
              }}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      <p id={`${id}-count`} aria-live="polite">
        {t.chosen(chosen.size, required)}
      </p>
      <button type="submit" className="ehk-button" disabled={sending}>
        {t.saveFinalists}
      </button>
    </form>
  )
}
