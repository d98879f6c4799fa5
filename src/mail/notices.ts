// The e-mails about applications, Swedish first and English second. Links are absolute, built from
// the configured server URL, never from a request's Host header. An e-mail to an address that has
// not confirmed yet carries nothing the sender wrote except the municipality they chose, so that
// the form cannot be used to send arbitrary text to strangers.
import type { Payload, PayloadRequest } from 'payload'
import type { EhkContext } from '../defaults.js'
import { formatStockholm } from '../domain/time.js'
import { idOf } from '../lib/relations.js'
import { asDoc } from '../types.js'

type Year = { id: number | string; year: number; title: string; deadline?: string | null; contact?: { email?: string | null } | null }
export type StaffYear = Pick<Year, 'contact'>
export type ApplicationMail = {
  id: number | string
  reference: string
  municipalityName: string
  contact?: { email?: string | null } | null
  answers?: Array<{ text: string }> | null
}

const SEPARATOR = '\n\n—\n\n'

/** An absolute link into the CMS: to a page of the admin, or the applicant's page with a private token in its fragment. */
export function cmsLink(payload: Payload, path: string): string {
  const base = payload.config.serverURL
  if (!base) throw new Error('eHalsokommun: serverURL must be set in the Payload config: links in e-mails are built from it.')
  return new URL(path, base).toString()
}

export const applicantLink = (ctx: EhkContext, payload: Payload, kind: 'bekrafta' | 'redigera', token: string) => `${cmsLink(payload, ctx.applicantPage)}#${kind}=${token}`

async function yearOf(req: PayloadRequest, ctx: EhkContext, id: unknown): Promise<Year> {
  return asDoc<Year>(await req.payload.findByID({ collection: ctx.slugs.awardYears, id: idOf(id), depth: 0, overrideAccess: true, req }))
}

/** Where notices for staff go: the year's contact address, or else every administrator and editor. */
export async function staffAddresses(req: PayloadRequest, ctx: EhkContext, year: StaffYear): Promise<string[]> {
  if (year.contact?.email) return [year.contact.email]
  const { docs } = await req.payload.find({ collection: ctx.slugs.users, where: { role: { in: ['admin', 'editor'] } }, pagination: false, depth: 0, overrideAccess: true, req })
  return docs.map((u) => (u as { email?: string }).email).filter((e): e is string => Boolean(e))
}

export function send(req: PayloadRequest, to: string | string[] | null | undefined, subject: string, sv: string, en: string) {
  if (!to || (Array.isArray(to) && to.length === 0)) return Promise.resolve()
  return req.payload.sendEmail({ to, subject, text: `${sv}${SEPARATOR}${en}` })
}

/** To an address that has not confirmed: the confirmation link, and nothing the sender wrote but the municipality. */
export async function mailConfirmationLink(req: PayloadRequest, ctx: EhkContext, application: ApplicationMail & { awardYear: unknown; confirmExpiresAt: string }, token: string) {
  const year = await yearOf(req, ctx, application.awardYear)
  const link = applicantLink(ctx, req.payload, 'bekrafta', token)
  const until = { sv: formatStockholm(application.confirmExpiresAt, 'sv'), en: formatStockholm(application.confirmExpiresAt, 'en') }
  await send(
    req,
    application.contact?.email,
    `Bekräfta ansökan till ${year.title} / confirm the application`,
    [
      `Någon har skickat en ansökan till ${year.title} för ${application.municipalityName} och angett den här e-postadressen som kontakt.`,
      '',
      `Ansökan räknas först när du har bekräftat den. Bekräfta senast ${until.sv} via länken (dela den inte):`,
      link,
      '',
      `Referensnummer: ${application.reference}`,
      '',
      'Om det inte var du kan du bortse från det här mejlet. Ansökan raderas då automatiskt.',
    ].join('\n'),
    [
      `Someone has sent an application to ${year.title} for ${application.municipalityName} and given this e-mail address as the contact.`,
      `The application counts only once you have confirmed it. Confirm by ${until.en} through the link above. Reference: ${application.reference}.`,
      'If it was not you, ignore this e-mail; the application is then deleted automatically.',
    ].join('\n'),
  )
}

/** To a confirmed address: the private edit link, and after a confirmation a summary of what was sent. */
export async function mailEditLink(req: PayloadRequest, ctx: EhkContext, application: ApplicationMail & { awardYear: unknown }, token: string, occasion: 'confirmed' | 'competing' | 'resent') {
  const year = await yearOf(req, ctx, application.awardYear)
  const link = applicantLink(ctx, req.payload, 'redigera', token)
  const deadline = year.deadline ? { sv: formatStockholm(year.deadline, 'sv'), en: formatStockholm(year.deadline, 'en') } : { sv: '', en: '' }
  const summary = (application.answers ?? []).map((a) => `${a.text.slice(0, 200)}${a.text.length > 200 ? '…' : ''}`).join('\n\n')
  const opening = {
    confirmed: { sv: `Tack! Er ansökan till ${year.title} är bekräftad och räknas nu.`, en: `Thank you! Your application to ${year.title} is confirmed and now counts.` },
    competing: {
      sv: `Er ansökan till ${year.title} är bekräftad. Arrangören kommer att kontakta er innan den bedöms.`,
      en: `Your application to ${year.title} is confirmed. The organiser will contact you before it is assessed.`,
    },
    resent: { sv: `Här är länken till er ansökan till ${year.title}, som ni bad om.`, en: `Here is the link to your application to ${year.title}, as you asked.` },
  }[occasion]
  await send(
    req,
    application.contact?.email,
    `${occasion === 'resent' ? 'Länk till ansökan' : 'Ansökan bekräftad'}: ${application.reference}`,
    [
      opening.sv,
      '',
      `Referensnummer: ${application.reference}`,
      `Kommun: ${application.municipalityName}`,
      '',
      `Ni kan ändra eller återkalla ansökan fram till ${deadline.sv} via den här länken (dela den inte; en ny länk gör den gamla ogiltig):`,
      link,
      ...(occasion === 'resent' || !summary ? [] : ['', 'Sammanfattning:', summary]),
    ].join('\n'),
    `${opening.en} Reference ${application.reference}. You can change or withdraw the application until ${deadline.en} through the link above (do not share it; a new link replaces the old one).`,
  )
}

/** To the organiser, once an application is confirmed (never on posting: an unconfirmed one may be anyone's). */
export async function mailOrganiserNotice(req: PayloadRequest, ctx: EhkContext, application: ApplicationMail & { awardYear: unknown }) {
  const year = await yearOf(req, ctx, application.awardYear)
  const link = cmsLink(req.payload, `/admin/collections/${ctx.slugs.applications}/${application.id}`)
  await send(
    req,
    year.contact?.email,
    `Ny ansökan till ${year.title}: ${application.municipalityName}`,
    `${application.municipalityName} har skickat och bekräftat en ansökan (${application.reference}):\n${link}`,
    `${application.municipalityName} has sent and confirmed an application (${application.reference}).`,
  )
}

/** To staff, when a municipality has more than one counted application. */
export async function notifyCompeting(req: PayloadRequest, ctx: EhkContext, yearId: number | string, municipalityName: string, competing: Array<{ id: number | string; reference?: string }>) {
  const year = await yearOf(req, ctx, yearId)
  const links = competing.map((m) => `${m.reference}: ${cmsLink(req.payload, `/admin/collections/${ctx.slugs.applications}/${m.id}`)}`).join('\n')
  await send(
    req,
    await staffAddresses(req, ctx, year),
    `Konkurrerande ansökningar: ${municipalityName} (${year.year})`,
    [
      `${municipalityName} har ${competing.length} bekräftade ansökningar till ${year.title}. Bara en kan gälla.`,
      'Kontakta kommunen, bestäm vilken som gäller och återkalla de andra med ett skäl (status ”Återkallad”).',
      '',
      links,
    ].join('\n'),
    `${municipalityName} has ${competing.length} confirmed applications to ${year.title}; only one can stand. Decide which, and withdraw the others with a reason.`,
  )
}

/** To the applicant, when they withdrew through their link. */
export async function mailWithdrawn(req: PayloadRequest, ctx: EhkContext, application: ApplicationMail & { awardYear: unknown }) {
  const year = await yearOf(req, ctx, application.awardYear)
  await send(
    req,
    application.contact?.email,
    `Ansökan återkallad: ${application.reference}`,
    `Er ansökan till ${year.title} för ${application.municipalityName} (${application.reference}) är återkallad och kommer inte att bedömas.`,
    `Your application to ${year.title} for ${application.municipalityName} (${application.reference}) is withdrawn and will not be assessed.`,
  )
}
