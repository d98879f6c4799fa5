import { describe, expect, it } from 'vitest'
import { DEADLINE } from '../../test/browser/constants.js'
import { CONSENT } from '../../src/domain/consent.js'
import { $, $$, api, applications, control, expectAccessible, expectLoadingErrorRetry, mails, mount, textOf, until } from '../test/helpers.js'
import type { EhkApplicationForm } from './application-form.js'

const loaded = async (form: EhkApplicationForm) => {
  await until(() => form.state === 'ready' || form.state === 'error', 'the form to load')
  await form.updateComplete
  return form
}
const open = async (attributes: Record<string, string> = {}) => loaded(mount('ehk-application-form', attributes))

function type(form: EhkApplicationForm, selector: string, value: string) {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(form, selector)!
  field.value = value
  field.dispatchEvent(new Event('input'))
}
function choose(form: EhkApplicationForm, code: string) {
  const select = $<HTMLSelectElement>(form, '#municipality')!
  select.value = code
  select.dispatchEvent(new Event('change'))
}
async function fill(form: EhkApplicationForm, code: string, texts = ['Ledning.', 'Infrastruktur.', 'Kompetens.', 'Användning.'], email = `kim.${code}@kommun.example`) {
  choose(form, code)
  type(form, '#contact-name', 'Kim Kontakt')
  type(form, '#contact-email', email)
  texts.forEach((text, i) => type(form, `#answer-${i}`, text))
  if (!$<HTMLInputElement>(form, '#consent')!.checked) $(form, '#consent')!.click()
  await form.updateComplete
}
const submit = async (form: EhkApplicationForm) => {
  $<HTMLButtonElement>(form, 'button[type="submit"]')!.click()
  await until(() => !form.sending && ($(form, '.summary') || $(form, '.receipt') || $(form, '.notice')), 'the answer to the submission')
  await form.updateComplete
}
/** The countdown the form shows in its place when the year is not open, once it has loaded. */
const countdownIn = async (form: EhkApplicationForm) => {
  const countdown = await until(() => $<HTMLElementTagNameMap['ehk-countdown']>(form, 'ehk-countdown'), 'the countdown')
  await until(() => countdown.state === 'ready', 'the countdown to load')
  await countdown.updateComplete
  return countdown
}
const focused = (form: EhkApplicationForm) => form.shadowRoot!.activeElement
const storageKey = `ehk-draft:${api}:2027`

/** Four answers adding up to `total` characters, each made by `text(n)` (n characters). */
function answers(total: number, text: (n: number) => string) {
  const each = Math.floor(total / 4)
  return [each, each, each, total - 3 * each].map(text)
}
const repeat = (unit: string) => (n: number) => unit.repeat(n)
/** Every tenth character a CRLF line break, which counts as one character. */
const withCrlf = (n: number) => Array.from({ length: n }, (_, i) => (i % 10 === 9 ? '\r\n' : 'b')).join('')

describe('<ehk-application-form>', () => {
  it('shows the open year: 290 municipalities, contact fields, each criterion with its questions, the counter', async () => {
    const form = await open()
    expect($$(form, '#municipality option')).toHaveLength(291)
    expect($$(form, 'textarea').map((t) => form.shadowRoot!.querySelector(`label[for="${t.id}"]`)!.textContent)).toEqual(['Ledning', 'Infrastruktur', 'Kompetens', 'Användning'])
    expect(textOf($(form, '#answer-0-hint')!)).toBe('Frågor att utgå från:Hur arbetar ni med Ledning?')
    expect(textOf($(form, '#counter')!)).toBe('0 av 12 000 tecken')
    expect($(form, '#answer-2')!.getAttribute('aria-describedby')).toBe('answer-2-hint counter')
    await expectAccessible(form)
  })

  it('shows the server’s message at each field and in a summary that takes focus', async () => {
    const form = await open()
    await submit(form)
    const summary = $(form, '.summary')!
    expect(focused(form)).toBe(summary)
    expect(textOf(summary)).toContain('Ansökan behöver rättas')
    expect([...summary.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Välj en kommun i listan.',
      'Ange kontaktpersonens namn.',
      'Ange en giltig e-postadress med bokstäverna a–z, siffror och . _ - +, till exempel namn@kommun.se.',
      'Ni behöver godkänna att uppgifterna behandlas för att kunna skicka ansökan.',
      'Ledning: Skriv en beskrivning för området.',
      'Infrastruktur: Skriv en beskrivning för området.',
      'Kompetens: Skriv en beskrivning för området.',
      'Användning: Skriv en beskrivning för området.',
    ])
    const name = $(form, '#contact-name')!
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect($(form, `#${name.getAttribute('aria-describedby')}`)!.textContent).toBe('Ange kontaktpersonens namn.')
    expect($(form, '#answer-0')!.getAttribute('aria-describedby')).toBe('answer-0-hint counter answer-0-error')
    await expectAccessible(form)
    // A link in the summary takes the person to the field.
    const link = [...summary.querySelectorAll('a')].find((a) => a.textContent === 'Ange kontaktpersonens namn.')!
    link.click()
    expect(focused(form)).toBe(name)
  })

  it('speaks English with lang="en", and so does the server', async () => {
    const form = await open({ lang: 'en' })
    expect(textOf($(form, 'label[for="municipality"]')!)).toBe('Municipality')
    await submit(form)
    expect($$(form, '.summary li').map((li) => li.textContent)).toContain('Enter a valid e-mail address with the letters a–z, digits and . _ - +, such as name@kommun.se.')
    expect(textOf($(form, '.consent')!)).toBe(CONSENT.en)
  })

  for (const [kind, text, code] of [
    ['CRLF line breaks', withCrlf, '0114'],
    ['decomposed (NFD) letters', repeat('a\u030a'), '0115'],
    ['emoji', repeat('👩‍⚕️'), '0117'],
  ] as const) {
    it(`counts ${kind} as the server does: 12 001 refused, 12 000 received`, async () => {
      const form = await open()
      await fill(form, code, answers(12_001, text))
      expect(textOf($(form, '#counter')!)).toBe('12 001 av 12 000 tecken')
      expect($(form, '#counter')!.classList.contains('error')).toBe(true)
      await submit(form)
      expect($$(form, '.summary li').map((li) => li.textContent!.replace(/\s/g, ' '))).toEqual(['Texten är 1 tecken för lång: högst 12 000 tecken totalt, nu 12 001.'])
      expect(await applications(code)).toHaveLength(0)

      await fill(form, code, answers(12_000, text))
      expect(textOf($(form, '#counter')!)).toBe('12 000 av 12 000 tecken')
      await submit(form)
      expect(textOf($(form, '.receipt')!)).toMatch(new RegExp(`Referensnummer: EHK-2027-${code}-\\w{4}`))
      expect(await applications(code)).toHaveLength(1)
    })
  }

  it('tells screen readers the characters left once typing pauses', async () => {
    const form = await open()
    const live = $(form, '[aria-live="polite"]')!
    type(form, '#answer-1', 'Tio tecken')
    await form.updateComplete
    expect(live.textContent).toBe('')
    await until(() => live.textContent, 'the announcement', 3000)
    expect(live.textContent!.replace(/\s/g, ' ')).toBe('Du har 11 990 tecken kvar.')
  })

  it('keeps the answers through a reload (the contact only in this tab), receives the application, says it counts once confirmed, then forgets the draft', async () => {
    const first = await open()
    choose(first, '0120')
    type(first, '#contact-name', 'Utkast Person')
    type(first, '#answer-3', 'Påbörjad text\r\nmed radbrytning.')
    first.remove()
    // The answers in the browser, the contact person only in the tab's session storage.
    expect(localStorage.getItem(storageKey)).not.toContain('Utkast Person')
    expect(sessionStorage.getItem(storageKey)).toContain('Utkast Person')
    const second = await open()
    expect($<HTMLSelectElement>(second, '#municipality')!.value).toBe('0120')
    expect($<HTMLInputElement>(second, '#contact-name')!.value).toBe('Utkast Person')
    expect($<HTMLTextAreaElement>(second, '#answer-3')!.value).toBe('Påbörjad text\nmed radbrytning.')
    expect(textOf($(second, '.consent')!)).toBe(CONSENT.sv)
    await fill(second, '0120')
    await submit(second)
    const receipt = $(second, '.receipt')!
    expect(focused(second)).toBe(receipt)
    expect(textOf(receipt)).toMatch(
      /^Nästan klart: bekräfta ansökan Ansökan är mottagen men räknas först när den är bekräftad\. Vi har skickat en länk till kim\.0120@kommun\.example\. Öppna den senast 3 februari 2027 kl\. 13:00; därefter kan ni också ändra ansökan via den\. Referensnummer: EHK-2027-0120-\w{4} Värmdö kommun, Sveriges eHälsokommun 2027$/,
    )
    await expectAccessible(second)
    expect(localStorage.getItem(storageKey)).toBeNull()
    expect(sessionStorage.getItem(storageKey)).toBeNull()
    const [stored] = await applications('0120')
    expect(stored).toMatchObject({ status: 'unconfirmed', partner: expect.any(Number) })
  })

  it('takes a second application for a municipality like the first: nobody is locked out', async () => {
    const form = await open()
    await fill(form, '0180', undefined, 'ny.person@stockholm.example')
    await submit(form)
    expect(textOf($(form, '.receipt')!)).toContain('Nästan klart: bekräfta ansökan')
    expect(await applications('0180')).toHaveLength(2)
  })

  it('tells the same person again that their link is on its way, and keeps the draft', async () => {
    const { token: _ } = await control('edit-token', { municipality: '0182', email: 'samma@nacka.example' })
    const form = await open()
    await fill(form, '0182', undefined, 'samma@nacka.example')
    await submit(form)
    const notice = $(form, '.notice')!
    expect(focused(form)).toBe(notice)
    expect(textOf(notice)).toBe('Om adressen hör till en ansökan från kommunen har vi skickat en länk dit. Titta i inkorgen (och skräpposten).')
    expect($<HTMLTextAreaElement>(form, '#answer-0')!.value).toBe('Ledning.')
    expect(await applications('0182')).toHaveLength(1)
    await expectAccessible(form)
  })

  it('sends one application however often the button is pressed', async () => {
    const form = await open()
    await fill(form, '0123')
    const button = $<HTMLButtonElement>(form, 'button[type="submit"]')!
    button.click()
    button.click()
    $<HTMLFormElement>(form, 'form')!.requestSubmit()
    await until(() => $(form, '.receipt'), 'the receipt')
    expect(await applications('0123')).toHaveLength(1)
  })

  it('shows 403 when the deadline passes while the form is open, keeping the draft', async () => {
    const form = await open()
    await fill(form, '0125')
    await control('clock', { at: DEADLINE })
    await submit(form)
    expect(textOf($(form, '.summary')!)).toContain('Sista ansökningsdag har passerat.')
    expect(JSON.parse(localStorage.getItem(storageKey)!).municipality).toBe('0125')
  })

  it('shows 429 with the time to wait, keeping the draft', async () => {
    const form = await open()
    await fill(form, '0126')
    // The real API's 429 (asserted in test/int/api.test.ts), replayed.
    await control('fail', { status: 429, headers: { 'retry-after': '540' }, body: { status: 429, message: 'För många förfrågningar. Försök igen om en stund.' } })
    await submit(form)
    expect(textOf($(form, '.summary')!)).toContain('För många försök. Vänta 9 minuter och försök igen.')
    expect(localStorage.getItem(storageKey)).toContain('0126')
    expect(await applications('0126')).toHaveLength(0)
  })

  it('shows a network failure, keeps the draft, and sends once on retry with the same key', async () => {
    const form = await open()
    await fill(form, '0127')
    await control('fail', { status: 'network' })
    await submit(form)
    expect(textOf($(form, '.summary')!)).toContain('Servern svarar inte. Texten är sparad i webbläsaren; försök igen.')
    const { key } = JSON.parse(localStorage.getItem(storageKey)!)
    expect(key).toMatch(/^[0-9a-f]{32}$/)
    await submit(form)
    expect($(form, '.receipt')).not.toBeNull()
    expect(await applications('0127')).toHaveLength(1)
  })

  it('shows the loading state, then an error with retry when the API fails, accessibly', async () => {
    await control('fail', { status: 500, body: { status: 500, message: 'Något gick fel hos oss. Försök igen.' } })
    const form = mount('ehk-application-form')
    await expectLoadingErrorRetry(form, () => $(form, 'form'))
  })

  it('shows the countdown, saying when applications open, instead of the form before the opening', async () => {
    await control('clock', { at: '2026-10-15T08:00:00Z' })
    const form = await open()
    expect($(form, 'form')).toBeNull()
    expect(textOf(await countdownIn(form))).toBe('Ansökan öppnar 1 november 2026 kl. 01:00. Sista ansökningsdag: 14 april 2027 kl. 23:59')
  })

  it('shows the countdown’s closed text instead of the form for a closed year', async () => {
    const form = await open({ year: '2026', lang: 'en' })
    expect($(form, 'form')).toBeNull()
    expect(textOf(await countdownIn(form))).toBe('Applications are closed. Deadline: 14 April 2026 at 23:59')
    await expectAccessible(form)
  })

  it('opens the application from the e-mail’s edit link, takes the token out of the address bar, and saves changes', async () => {
    const { token } = await control('edit-token', { municipality: '0128' })
    location.hash = `#redigera=${token}`
    const form = await open()
    expect(location.href).not.toContain(token)
    expect($<HTMLSelectElement>(form, '#municipality')!.value).toBe('0128')
    expect($<HTMLSelectElement>(form, '#municipality')!.disabled).toBe(true)
    expect(textOf($(form, 'button[type="submit"]')!)).toBe('Spara ändringarna')
    type(form, '#answer-0', 'Ändrad text om ledning.')
    type(form, '#contact-role', '')
    await submit(form)
    expect(textOf($(form, '.receipt')!)).toContain('Ändringarna är sparade.')
    const [stored] = await applications('0128')
    expect(stored!.answers[0]).toBe('Ändrad text om ledning.')
    expect(localStorage.getItem(storageKey)).toBeNull()
  })

  it('confirms the application from the e-mail’s confirmation link, once, and opens it for changes', async () => {
    const { token } = await control('confirm-token', { municipality: '0138' })
    location.hash = `#bekrafta=${token}`
    const form = await open()
    expect(location.href).not.toContain(token)
    expect(textOf($(form, '.notice')!)).toBe('Tack! Ansökan är bekräftad och räknas nu.')
    expect(textOf($(form, 'button[type="submit"]')!)).toBe('Spara ändringarna')
    expect((await applications('0138'))[0]!.status).toBe('submitted')
    await expectAccessible(form)
    // The same link again (another tab, a second click): the server says what happened.
    location.hash = `#bekrafta=${token}`
    const again = await open()
    expect(textOf($(again, '.notice')!)).toBe('Ansökan är redan bekräftad. Länken för att ändra den har skickats med e-post.')
    expect($(again, 'form')).toBeNull()
    await expectAccessible(again)
  })

  it('lets a finalist answer the jury’s open question through the link; the closed one shows its answer', async () => {
    const { token } = await control('finalists', { announcementAt: '2027-06-01T08:00:00Z', questions: true })
    location.hash = `#redigera=${token}`
    const form = await open()
    expect(location.href).not.toContain(token)
    const text = textOf(form)
    expect(text).toContain('Juryns kompletterande frågor')
    expect(text).toContain('Göteborgs kommun, Sveriges eHälsokommun 2023.')
    expect(text).toContain('Vem leder arbetet? Kommundirektören. Besvarad 15 januari 2027 kl. 10:00.')
    expect(textOf($(form, 'label[for="answer-0"]')!)).toBe('Hur följer ni upp effekterna för invånarna?')
    expect(textOf($(form, '#answer-0-hint')!)).toBe('Svara senast 1 mars 2027 kl. 23:59.')
    // Only the open question has a field.
    expect($(form, '#answer-1')).toBeNull()
    await expectAccessible(form)

    // Too long: the count says so at once, the server refuses it with the field's message.
    type(form, '#answer-0', 'å'.repeat(201))
    await form.updateComplete
    expect(textOf($(form, '#answer-0-count')!)).toBe('201 av 200 tecken')
    await submit(form)
    expect(textOf(form)).toContain('Svaret är 1 tecken för långt: högst 200 tecken.')
    expect($(form, '#answer-0')!.getAttribute('aria-invalid')).toBe('true')
    await expectAccessible(form)

    type(form, '#answer-0', 'Med en årlig enkät\r\ntill brukarna.')
    await submit(form)
    expect(textOf($(form, '.notice')!)).toBe('Svaren är sparade och juryn kan läsa dem.')
    const mine = await (await fetch(`${api}/api/ehk/v1/applications/mine`, { headers: { 'x-ehk-edit-token': token } })).json()
    expect(mine.questions.map((q: { answer: string | null }) => q.answer)).toEqual(['Med en årlig enkät\ntill brukarna.', 'Kommundirektören.'])
  })

  it('says plainly when a confirmation link has expired', async () => {
    const { token } = await control('confirm-token', { municipality: '0139', expired: true })
    location.hash = `#bekrafta=${token}`
    const form = await open({ lang: 'en' })
    expect(textOf($(form, '.notice')!)).toBe('The link has expired. Send the application again to get a new link.')
  })

  it('withdraws the application from its edit link after asking once more', async () => {
    const { token } = await control('edit-token', { municipality: '0140' })
    location.hash = `#redigera=${token}`
    const form = await open()
    const withdraw = [...$$<HTMLButtonElement>(form, 'button')].find((b) => b.textContent === 'Återkalla ansökan')!
    withdraw.click()
    const ask = await until(() => $(form, '.ask'), 'the question')
    await form.updateComplete
    expect(focused(form)).toBe(ask)
    expect(textOf(ask)).toBe('Vill ni återkalla ansökan? Den bedöms då inte, och det går inte att ångra här. Ja, återkalla Nej, behåll den')
    await expectAccessible(form)
    ;[...$$<HTMLButtonElement>(form, '.ask button')].find((b) => b.textContent === 'Nej, behåll den')!.click()
    await form.updateComplete
    expect($(form, '.ask')).toBeNull()
    expect((await applications('0140'))[0]!.status).toBe('submitted')
    ;[...$$<HTMLButtonElement>(form, 'button')].find((b) => b.textContent === 'Återkalla ansökan')!.click()
    await form.updateComplete
    ;[...$$<HTMLButtonElement>(form, '.ask button')].find((b) => b.textContent === 'Ja, återkalla')!.click()
    const receipt = await until(() => $(form, '.receipt'), 'the receipt')
    expect(textOf(receipt)).toMatch(/^Ansökan är återkallad\. Referensnummer: EHK-2027-0140-\w{4}/)
    expect((await applications('0140'))[0]!.status).toBe('withdrawn')
  })

  it('mails a lost link on request, answering the same whoever asks', async () => {
    await control('edit-token', { municipality: '0160', email: 'tappad@tyreso.example' })
    const form = await open()
    const details = $<HTMLDetailsElement>(form, 'details')!
    expect(textOf($(form, 'summary')!)).toBe('Har ni redan ansökt och tappat länken?')
    details.open = true
    await form.updateComplete
    $<HTMLButtonElement>(form, 'details button[type="submit"]')!.click()
    await until(() => $(form, '#lost-email-error'), 'the messages')
    expect($(form, '#lost-email')!.getAttribute('aria-invalid')).toBe('true')
    await expectAccessible(form)
    const select = $<HTMLSelectElement>(form, '#lost-municipality')!
    select.value = '0160'
    select.dispatchEvent(new Event('change'))
    type(form, '#lost-email', 'tappad@tyreso.example')
    $<HTMLButtonElement>(form, 'details button[type="submit"]')!.click()
    const message = await until(() => $(form, '.lost-message'), 'the answer')
    await form.updateComplete
    expect(focused(form)).toBe(message)
    expect(textOf(message)).toBe('Om adressen hör till en ansökan från kommunen har vi skickat en länk dit. Titta i inkorgen (och skräpposten).')
    await until(async () => (await mails()).some((m) => m.to === 'tappad@tyreso.example' && /^Länk till ansökan/.test(m.subject)), 'the e-mail')
  })
})
