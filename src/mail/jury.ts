// The e-mails of the jury's year, Swedish first and English second: to finalists (selected,
// questions), to the winner and the other finalists at the announcement, to jurors (a round opens,
// a reminder) and to staff (every juror has submitted). Every one goes through the outbox: queued,
// sent by a job, retried while the mail server is down.
import type { PayloadRequest } from 'payload'
import type { EhkContext } from '../defaults.js'
import { ROUND_LABELS, type Round } from '../domain/lifecycle.js'
import { formatStockholm, type Instant } from '../domain/time.js'
import { applicantLink, cmsLink, send, staffAddresses, type StaffYear } from './notices.js'

type Finalist = { reference: string; municipalityName: string; contact?: { email?: string | null } | null }
type Year = StaffYear & { title: string; year: number; announcementAt?: Instant | null }

const when = (at: Instant | null | undefined) => (at ? { sv: formatStockholm(at, 'sv'), en: formatStockholm(at, 'en') } : { sv: 'ett senare datum', en: 'a later date' })

/** To a finalist's contact, when the jury has selected the finalists. */
export async function mailFinalistSelected(req: PayloadRequest, year: Year, finalist: Finalist) {
  const announcement = when(year.announcementAt)
  await send(
    req,
    finalist.contact?.email,
    `${finalist.municipalityName} är finalist i ${year.title}`,
    [
      `Grattis! Juryn har valt ${finalist.municipalityName} (${finalist.reference}) till en av finalisterna i ${year.title}.`,
      '',
      'Under juryns fortsatta arbete kan ni få kompletterande frågor. De kommer i så fall med e-post, med en länk där ni svarar.',
      `Vinnaren tillkännages ${announcement.sv}.`,
    ].join('\n'),
    `Congratulations! The jury has selected ${finalist.municipalityName} (${finalist.reference}) as one of the finalists of ${year.title}. The jury may send you supplementary questions by e-mail, with a link for answering them. The winner is announced ${announcement.en}.`,
  )
}

/** To a finalist's contact: the jury's new questions, with a fresh private link for answering them. */
export async function mailQuestions(req: PayloadRequest, ctx: EhkContext, year: Year, finalist: Finalist, questions: Array<{ question: string; answerBy: string }>, token: string) {
  const link = applicantLink(ctx, req.payload, 'redigera', token)
  const by = when(questions.map((q) => q.answerBy).sort()[0])
  await send(
    req,
    finalist.contact?.email,
    `Kompletterande ${questions.length === 1 ? 'fråga' : 'frågor'} från juryn: ${finalist.reference}`,
    [
      `Juryn för ${year.title} har ${questions.length === 1 ? 'en kompletterande fråga' : `${questions.length} kompletterande frågor`} till ${finalist.municipalityName}:`,
      '',
      ...questions.map((q, i) => `${i + 1}. ${q.question}`),
      '',
      `Svara senast ${by.sv} via den här länken (dela den inte; den ersätter tidigare länkar):`,
      link,
    ].join('\n'),
    `The jury of ${year.title} has ${questions.length === 1 ? 'a supplementary question' : `${questions.length} supplementary questions`} for ${finalist.municipalityName} (see above). Answer by ${by.en} through the link above (do not share it; it replaces earlier links).`,
  )
}

/** To the winner's contact and to the other finalists', at the announcement. */
export async function mailAnnouncement(req: PayloadRequest, year: Year, finalist: Finalist, won: boolean) {
  await send(
    req,
    finalist.contact?.email,
    won ? `${finalist.municipalityName} är ${year.title}!` : `${year.title}: vinnaren är utsedd`,
    won
      ? `Stort grattis! Juryn har utsett ${finalist.municipalityName} till ${year.title}. Vinnaren är nu offentlig. Arrangören hör av sig om det fortsatta.`
      : `Tack för er ansökan och för att ni var finalist i ${year.title}. Juryn har nu utsett vinnaren, som är offentlig från och med nu. ${finalist.municipalityName} blev inte vinnare den här gången.`,
    won
      ? `Congratulations! The jury has chosen ${finalist.municipalityName} as ${year.title}. The winner is now public; the organiser will be in touch.`
      : `Thank you for your application and for being a finalist in ${year.title}. The jury has chosen the winner, public from now on. ${finalist.municipalityName} did not win this time.`,
  )
}

type Juror = { name: string; email: string }

/** To each juror of a round that has opened. */
export async function mailRoundOpened(req: PayloadRequest, year: Year, round: Round, closesAt: Date | null, jurors: Juror[], count: number) {
  const link = cmsLink(req.payload, '/admin/jury')
  const closes = when(closesAt)
  for (const juror of jurors) {
    await send(
      req,
      juror.email,
      `${year.title}: omgången ”${ROUND_LABELS[round].sv}” har öppnat`,
      [
        `Hej ${juror.name}!`,
        '',
        `Juryns omgång ”${ROUND_LABELS[round].sv}” i ${year.title} har öppnat med ${count} ${count === 1 ? 'ansökan' : 'ansökningar'}. Den stänger ${closes.sv}.`,
        `Din arbetslista: ${link}`,
        '',
        'Är du jävig för någon ansökan? Anmäl det från arbetslistan, utan att öppna ansökan.',
      ].join('\n'),
      `The ${ROUND_LABELS[round].en.toLowerCase()} round of ${year.title} has opened with ${count} application(s) and closes ${closes.en}. Your work list: ${link}. Declare any conflict of interest from the list, without opening the application.`,
    )
  }
}

/** To each juror with reviews left, some days before a round closes. */
export async function mailReminder(req: PayloadRequest, year: Year, round: Round, closesAt: Date, jurors: Array<Juror & { left: number }>) {
  const link = cmsLink(req.payload, '/admin/jury')
  const closes = when(closesAt)
  for (const juror of jurors) {
    await send(
      req,
      juror.email,
      `Påminnelse: ${juror.left} ${juror.left === 1 ? 'bedömning' : 'bedömningar'} kvar i ${year.title}`,
      [
        `Hej ${juror.name}!`,
        '',
        `Omgången ”${ROUND_LABELS[round].sv}” stänger ${closes.sv}. Du har ${juror.left} ${juror.left === 1 ? 'bedömning' : 'bedömningar'} kvar att skicka in.`,
        `Din arbetslista: ${link}`,
      ].join('\n'),
      `The ${ROUND_LABELS[round].en.toLowerCase()} round closes ${closes.en}. You have ${juror.left} review(s) left to submit. Your work list: ${link}`,
    )
  }
}

/** To staff, when every juror has submitted every review of a round. */
export async function mailRoundComplete(req: PayloadRequest, ctx: EhkContext, year: Year & { id: number | string }, round: Round) {
  const link = cmsLink(req.payload, `/admin/jury/${year.id}?round=${round}`)
  await send(
    req,
    await staffAddresses(req, ctx, year),
    `${year.title}: alla i juryn har bedömt (${ROUND_LABELS[round].sv.toLowerCase()})`,
    `Alla jurymedlemmar har skickat in sina bedömningar i omgången ”${ROUND_LABELS[round].sv}”. Jurytavlan: ${link}`,
    `Every juror has submitted their reviews in the ${ROUND_LABELS[round].en.toLowerCase()} round. The jury board: ${link}`,
  )
}
