import type { UIFieldServerProps } from 'payload'
import { idOf } from '../lib/relations.js'
import { adminLang, ehkContext } from './context.js'
import './jury/jury.css'

/** Beside each answer of an application: the questions its area asks the municipality, as the applicant saw them. */
export async function GuidingQuestions({ siblingData, payload, req, i18n }: UIFieldServerProps) {
  const id = siblingData?.criterion == null ? undefined : idOf(siblingData.criterion)
  if (id === undefined) return null
  const criterion = (await payload.findByID({ collection: ehkContext(payload).slugs.criteria, id, depth: 0, disableErrors: true, overrideAccess: false, user: req.user, req })) as {
    guidingQuestions?: Array<{ question: string }> | null
  } | null
  const questions = criterion?.guidingQuestions ?? []
  if (questions.length === 0) return null
  return (
    <div className="ehk-jury ehk-guiding">
      <p>{adminLang(i18n) === 'en' ? 'Questions to start from:' : 'Frågor att utgå från:'}</p>
      <ul>
        {questions.map((q, i) => (
          <li key={i}>{q.question}</li>
        ))}
      </ul>
    </div>
  )
}
