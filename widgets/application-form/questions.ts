// A finalist's page after the deadline: the jury's supplementary questions, answered through the
// private link until their dates, each with its own live character count (the same counting rule
// as the server's). Fetched only by the form of a finalist who has questions.
import { html, nothing } from 'lit'
import { countCharacters, normalizeText, tooLarge } from '../../src/domain/characters.js'
import { formatStockholm } from '../../src/domain/time.js'
import { ApiError } from '../shared/api.js'
import type { EhkApplicationForm, Mine } from './application-form.js'

async function sendReplies(form: EhkApplicationForm, event: Event) {
  event.preventDefault()
  if (form.sending) return
  // Answer i of the request is the i-th open question, whose text area is answer-i.
  const answers = form.data!.mine!.questions.filter((q) => q.open).map((q) => ({ id: q.id, text: normalizeText(form.replies[q.id] ?? '') }))
  const saved = await form.send<Mine>('/applications/mine/answers', { method: 'PATCH', body: JSON.stringify({ answers }) })
  if (saved instanceof ApiError) return form.refused(saved)
  form.data = { ...form.data!, mine: saved.data }
  form.errors = {}
  form.problem = ''
  form.notice = form.t.answersSaved
  form.dispatchEvent(new CustomEvent('ehk-submitted', { detail: saved.data, bubbles: true, composed: true }))
  return form.focusOn('.notice')
}

export function questionsForm(form: EhkApplicationForm, mine: Mine, notice: unknown) {
  const { t } = form
  const when = (at: string) => formatStockholm(at, form.language)
  let index = 0
  return html`<form part="form" novalidate @submit=${(e: Event) => sendReplies(form, e)}>
    ${notice} ${form.summary()}
    <p role="heading" aria-level="2"><strong>${t.questionsTitle}</strong></p>
    <p>${mine.municipality.name}, ${form.data!.year.title}. ${t.questionsIntro}</p>
    ${mine.questions.map((q) => {
      if (!q.open) {
        return html`<div class="field">
          <p><strong>${q.question}</strong></p>
          <p>${q.answer ?? t.noAnswer}</p>
          <p class="hint">${q.answeredAt ? t.answered(when(q.answeredAt)) : t.closedQuestion}</p>
        </div>`
      }
      const id = `answer-${index++}`
      const count = countCharacters(form.replies[q.id] ?? '')
      const m = form.messages(id, [`${id}-hint`, `${id}-count`])
      return html`<div class="field">
        <label for=${id}>${q.question}</label>
        <p class="hint" id=${`${id}-hint`}>${t.answerBy(when(q.answerBy))}</p>
        ${m.errors}
        <textarea id=${id} rows="6" .value=${form.replies[q.id] ?? ''} aria-invalid=${m.invalid} aria-describedby=${m.describedBy}
          @input=${(e: InputEvent) => {
            form.replies = { ...form.replies, [q.id]: (e.target as HTMLTextAreaElement).value }
            form.announceLater(() => t.remaining(q.answerLimit - countCharacters(form.replies[q.id] ?? '')))
          }}></textarea>
        <p id=${`${id}-count`} part="counter" class=${count > q.answerLimit || tooLarge([normalizeText(form.replies[q.id] ?? '')], q.answerLimit) ? 'counter error' : 'counter'}>${t.answerCount(count, q.answerLimit)}</p>
      </div>`
    })}
    <p class="visually-hidden" aria-live="polite">${form.announcement}</p>
    ${index > 0 ? html`<div><button part="button" type="submit" ?disabled=${form.sending}>${form.sending ? t.sending : t.saveAnswers}</button></div>` : nothing}
  </form>`
}
