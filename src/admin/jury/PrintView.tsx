import { redirect } from 'next/navigation.js'
import type { AdminViewServerProps, TypedUser } from 'payload'
import { APPLICATION_STATUS_LABELS, type ApplicationStatus, ROUND_LABELS, type Round } from '../../domain/lifecycle.js'
import { findMunicipality } from '../../domain/municipalities.js'
import { type Recommendation } from '../../domain/ranking.js'
import { formatStockholm } from '../../domain/time.js'
import { parseDocumentId } from '../../lib/ids.js'
import { idOf } from '../../lib/relations.js'
import { adminLang, ehkContext } from '../context.js'
import { PrintButton } from './PrintButton.js'
import { segmentsOf } from './Page.js'
import { juryTexts } from './texts.js'
import './jury.css'
import { NumHead } from './NumHead.js'
import { asDocs } from '../../types.js'

const RECOMMENDATION_LABELS: Record<Recommendation, { sv: string; en: string }> = {
  advance: { sv: 'Gå vidare', en: 'Advance' },
  consider: { sv: 'Tveksam', en: 'Undecided' },
  decline: { sv: 'Gå inte vidare', en: 'Do not advance' },
}

type Application = {
  id: number | string
  reference: string
  municipality: string
  municipalityName: string
  status: ApplicationStatus
  awardYear: unknown
  submittedAt?: string | null
  contact?: { name?: string | null; role?: string | null; email?: string | null; phone?: string | null } | null
  answers?: Array<{ criterion: unknown; text: string }> | null
  supplementaryQuestions?: Array<{ id: string; question: string; answerBy: string; answer?: string | null; answeredAt?: string | null }> | null
}
type Review = {
  id: number | string
  juror: unknown
  round: Round
  submitted?: boolean | null
  scores?: Array<{ criterion: unknown; score: number; comment?: string | null }> | null
  recommendation?: Recommendation | null
  comment?: string | null
}

/**
 * /admin/jury/utskrift/:id: one application on paper (or as a PDF through the browser's "save as
 * PDF"): its answers, the jury's questions and the answers to them, and the reviews — each as far
 * as the reader may see them (a juror never sees the contact person, nor others' reviews before
 * submitting their own).
 */
export async function PrintView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const lang = adminLang(req.i18n)
  const t = juryTexts(lang)
  const segments = segmentsOf(props)
  if (!req.user) redirect(`/admin/login?redirect=${encodeURIComponent(`/admin/${segments.join('/')}`)}`)
  const ctx = ehkContext(req.payload)
  const asReader = { overrideAccess: false, user: req.user as TypedUser, depth: 0, req } as const
  const id = parseDocumentId(req.payload, segments[2])
  const application = (id === undefined ? null : await req.payload.findByID({ collection: ctx.slugs.applications, id, disableErrors: true, ...asReader })) as Application | null
  if (!application) {
    return (
      <main className="ehk-jury ehk-print">
        <p role="alert">{t.notFound}</p>
      </main>
    )
  }
  const [year, criteria, reviews] = await Promise.all([
    req.payload.findByID({ collection: ctx.slugs.awardYears, id: idOf(application.awardYear), ...asReader }) as Promise<{ title: string }>,
    req.payload.find({ collection: ctx.slugs.criteria, pagination: false, ...asReader }),
    req.payload.find({ collection: ctx.slugs.reviews, where: { application: { equals: application.id } }, pagination: false, sort: 'round', ...asReader }),
  ])
  const jurorIds = asDocs<Review>(reviews.docs).map((r) => idOf(r.juror))
  const jurors = await req.payload.find({ collection: ctx.slugs.jurors, where: { id: { in: jurorIds } }, pagination: false, ...asReader })
  const jurorName = new Map(jurors.docs.map((j) => [String(j.id), String((j as { name?: unknown }).name)]))
  const criterionTitle = new Map(criteria.docs.map((c) => [String(c.id), String((c as { title?: unknown }).title)]))
  const when = (at?: string | null) => (at ? formatStockholm(at, lang) : '')
  const municipality = findMunicipality(application.municipality)
  return (
    <main className="ehk-jury ehk-print">
      <p className="ehk-no-print">
        <a href="/admin/jury">{t.backToWork}</a> <PrintButton lang={lang} />
      </p>
      <h1>
        {application.municipalityName}: {year.title}
      </h1>
      <p>
        {t.reference}: {application.reference}. {municipality?.county}. {APPLICATION_STATUS_LABELS[application.status]?.[lang]}. {when(application.submittedAt)}
      </p>
      {application.contact?.email ? (
        <p>
          {t.contact}: {[application.contact.name, application.contact.role, application.contact.email, application.contact.phone].filter(Boolean).join(', ')}
        </p>
      ) : null}
      <h2>{t.answers}</h2>
      {(application.answers ?? []).map((answer, i) => (
        <section key={i}>
          <h3>{criterionTitle.get(String(idOf(answer.criterion))) ?? ''}</h3>
          <p className="ehk-answer">{answer.text}</p>
        </section>
      ))}
      {(application.supplementaryQuestions ?? []).length > 0 ? (
        <>
          <h2>{t.questions}</h2>
          {application.supplementaryQuestions!.map((q) => (
            <section key={q.id}>
              <h3>{q.question}</h3>
              <p className="ehk-help">{q.answeredAt ? t.answeredAt(when(q.answeredAt)) : `${t.notAnswered}. ${t.answerBy(when(q.answerBy))}.`}</p>
              {q.answer ? <p className="ehk-answer">{q.answer}</p> : null}
            </section>
          ))}
        </>
      ) : null}
      {reviews.docs.length > 0 ? <h2>{t.juryReviews}</h2> : null}
      {asDocs<Review>(reviews.docs).map((review) => (
        <section key={String(review.id)}>
          <h3>
            {jurorName.get(String(idOf(review.juror))) ?? ''}: {ROUND_LABELS[review.round][lang]}
            {review.submitted ? '' : ` (${t.draft.toLowerCase()})`}
          </h3>
          {(review.scores ?? []).length > 0 ? (
            <table>
              <caption>{t.score}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.area}</th>
                  <NumHead>{t.score}</NumHead>
                  <th scope="col">{t.comment}</th>
                </tr>
              </thead>
              <tbody>
                {review.scores!.map((s, i) => (
                  <tr key={i}>
                    <th scope="row">{criterionTitle.get(String(idOf(s.criterion))) ?? ''}</th>
                    <td className="ehk-num">{s.score}</td>
                    <td className="ehk-answer">{s.comment ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {review.recommendation ? (
            <p>
              {t.recommendation}: {RECOMMENDATION_LABELS[review.recommendation][lang]}
            </p>
          ) : null}
          {review.comment ? (
            <p className="ehk-answer">
              {t.overallComment}: {review.comment}
            </p>
          ) : null}
        </section>
      ))}
    </main>
  )
}
