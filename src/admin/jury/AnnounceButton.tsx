'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import type { Lang } from '../../domain/text.js'
import { send } from './request.js'
import { juryTexts } from './texts.js'

/** Announces a decided year by hand, when its time has come and the scheduled job has not run yet. */
export function AnnounceButton({ yearId, lang }: { yearId: number | string; lang: Lang }) {
  const t = juryTexts(lang)
  const router = useRouter()
  const [error, setError] = useState('')
  const [sending, setSending] = useState(false)
  return (
    <div className="ehk-actions">
      <button
        type="button"
        className="ehk-button"
        disabled={sending}
        onClick={async () => {
          setSending(true)
          const outcome = await send(`/api/award-years/${yearId}`, 'PATCH', { status: 'announced' }, t.failed)
          setSending(false)
          if (outcome.ok) router.refresh()
          else setError(outcome.message)
        }}
      >
        {t.announce}
      </button>
      <span className="ehk-help">{t.announceHelp}</span>
      {error ? (
        <p className="ehk-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
