import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import type { EhkContext } from '../../../defaults.js'
import { violation, type Violation } from '../../../domain/text.js'
import { HISTORICAL_IMPORT, SYSTEM_CHANGE } from '../../../lib/context.js'
import { newToken, sha256 } from '../../../lib/hash.js'
import { recordHistory } from '../../../lib/history.js'
import { idOf } from '../../../lib/relations.js'
import { throwIfViolations } from '../../../lib/violations.js'
import { mailQuestions } from '../../../mail/jury.js'
import { asDoc, asFields, type YearDoc } from '../../../types.js'

export type Question = {
  id?: string | null
  question: string
  answerBy: string
  answerLimit: number
  askedAt?: string | null
  answer?: string | null
  answeredAt?: string | null
}

const rowsOf = (value: unknown): Question[] => (Array.isArray(value) ? (value as Question[]) : [])

/**
 * The jury's supplementary questions, as staff write them: only to a finalist while the year is in
 * its final round, each with an answer-by date in the future. An asked question is on record: its
 * text stays and it cannot be removed (its date and limit may still be changed). The time it was
 * asked and the municipality's answer are the system's to write. An import brings its questions
 * and answers as they were.
 */
export const checkQuestions =
  (ctx: EhkContext): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    if (req.context[SYSTEM_CHANGE] || req.context[HISTORICAL_IMPORT] || !('supplementaryQuestions' in data)) return data
    const before = new Map(rowsOf(originalDoc?.supplementaryQuestions).map((q) => [String(q.id), q]))
    const rows = rowsOf(data.supplementaryQuestions)
    const now = ctx.now()
    const problems: Violation[] = []
    const asking = rows.some((q) => !before.has(String(q.id)))
    if (asking) {
      const year = (await req.payload.findByID({ collection: ctx.slugs.awardYears, id: idOf(originalDoc?.awardYear ?? data.awardYear), depth: 0, overrideAccess: true, req })) as { status: string }
      if ((originalDoc?.status ?? data.status) !== 'finalist' || year.status !== 'finalists') {
        problems.push(
          violation(
            'question.finalists-only',
            'supplementaryQuestions',
            'Kompletterande frågor ställs till finalister, medan året har status ”Finalister utsedda”.',
            'Supplementary questions go to finalists, while the year is “Finalists selected”.',
          ),
        )
      }
    }
    rows.forEach((row, i) => {
      const asked = before.get(String(row.id))
      if (asked) {
        if (asked.askedAt && row.question !== asked.question) {
          problems.push(
            violation(
              'question.asked-final',
              `supplementaryQuestions.${i}.question`,
              'En ställd fråga kan inte skrivas om. Ställ en ny fråga i stället.',
              'An asked question cannot be rewritten. Ask a new question instead.',
            ),
          )
        }
        Object.assign(row, { askedAt: asked.askedAt ?? null, answer: asked.answer ?? null, answeredAt: asked.answeredAt ?? null })
      } else {
        Object.assign(row, { askedAt: now.toISOString(), answer: null, answeredAt: null })
      }
      if (row.answerBy && new Date(row.answerBy) <= now && (!asked || asked.answerBy !== row.answerBy)) {
        problems.push(violation('question.answer-by', `supplementaryQuestions.${i}.answerBy`, 'Svarsdatumet måste ligga i framtiden.', 'The answer-by date must lie in the future.'))
      }
    })
    const kept = new Set(rows.map((q) => String(q.id)))
    if ([...before.values()].some((q) => q.askedAt && !kept.has(String(q.id)))) {
      problems.push(violation('question.keep', 'supplementaryQuestions', 'En ställd fråga kan inte tas bort.', 'An asked question cannot be removed.'))
    }
    throwIfViolations(req, ctx.slugs.applications, problems)
    return data
  }

/**
 * New questions are mailed to the finalist's contact with a fresh private link (the old one stops
 * working), and every question asked or answered goes into the history. Imported questions are
 * history already: nobody is mailed.
 */
export const followQuestions =
  (ctx: EhkContext): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    if (req.context[HISTORICAL_IMPORT]) return doc
    const before = new Map(rowsOf(previousDoc?.supplementaryQuestions).map((q) => [String(q.id), q]))
    const rows = rowsOf(doc.supplementaryQuestions)
    const asked = rows.filter((q) => !before.has(String(q.id)))
    const answered = rows.filter((q) => q.answeredAt && before.get(String(q.id))?.answeredAt !== q.answeredAt)
    const document = { relationTo: ctx.slugs.applications, value: doc.id }
    for (const q of asked) {
      await recordHistory(req, ctx.slugs.history, ctx.now(), { action: 'question-asked', summary: `${doc.reference}: ${q.question}`, document, details: { question: q.id, answerBy: q.answerBy } })
    }
    for (const q of answered) {
      await recordHistory(req, ctx.slugs.history, ctx.now(), { action: 'question-answered', summary: `${doc.reference}: ${q.question}`, document, details: { question: q.id, answer: q.answer } })
    }
    if (asked.length > 0 && doc.contact?.email) {
      const token = newToken()
      await req.payload.update({
        collection: ctx.slugs.applications,
        id: doc.id,
        data: asFields({ editTokenHash: sha256(token), linkSentAt: ctx.now().toISOString() }),
        overrideAccess: true,
        context: { [SYSTEM_CHANGE]: true },
        req,
      })
      const year = asDoc<YearDoc>(await req.payload.findByID({ collection: ctx.slugs.awardYears, id: idOf(doc.awardYear), depth: 0, overrideAccess: true, req }))
      await mailQuestions(req, ctx, year, doc, asked, token)
    }
    return doc
  }
