'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import type { Lang } from '../../domain/text.js'
import { send } from './request.js'
import { juryTexts } from './texts.js'

/** Starts the juror's review of an application in the round (a draft) and opens it. */
export function StartReviewButton({ application, municipality, round, lang }: { application: number | string; municipality: string; round: 'screening' | 'final'; lang: Lang }) {
  const t = juryTexts(lang)
  const router = useRouter()
  const [error, setError] = useState('')
  const [sending, setSending] = useState(false)
  const start = async () => {
    setSending(true)
    const outcome = await send('/api/reviews', 'POST', { application, round }, t.failed)
    setSending(false)
    const doc = outcome.body.doc as { id?: number | string } | undefined
    if (outcome.ok && doc?.id !== undefined) router.push(`/admin/collections/reviews/${doc.id}`)
    else setError(outcome.message)
  }
  return (
    <>
      <button type="button" className="ehk-button" disabled={sending} aria-label={`${t.startReview}: ${municipality}`} onClick={start}>
        {t.startReview}
      </button>
      {error ? (
        <p className="ehk-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  )
}
