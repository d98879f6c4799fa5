'use client'
import type { Lang } from '../../domain/text.js'
import { juryTexts } from './texts.js'

/** Opens the browser's print dialog (where "save as PDF" is one of the printers). */
export function PrintButton({ lang }: { lang: Lang }) {
  return (
    <button type="button" className="ehk-button" onClick={() => window.print()}>
      {juryTexts(lang).printButton}
    </button>
  )
}
