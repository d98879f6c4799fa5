// The jury's endpoints under /api/award-years/:id/… and /api/reviews/…: the board's data, the
// selection of the finalists, the decision and the export. Each checks who is calling; writes run
// with the caller's own access, so that every rule of the collections applies to them too.
import { commitTransaction, type Endpoint, Forbidden, initTransaction, killTransaction, type PayloadRequest, ValidationError } from 'payload'
import { jurorProfile } from '../access/jurorProfile.js'
import { isStaffRole, roleOf } from '../access/roles.js'
import type { EhkContext } from '../defaults.js'
import { normalizeText } from '../domain/characters.js'
import { requiredFinalists, type Round, roundOf } from '../domain/lifecycle.js'
import type { Lang } from '../domain/text.js'
import { parseDocumentId } from '../lib/ids.js'
import { lexicalFromParagraphs } from '../lib/richText.js'
import { requestLang } from '../lib/violations.js'
import { BoardError, juryBoard } from './board.js'
import { asReader, asSystem, countedInYear, criterionTitles, type JuryYear, loadRound, loadYear, yearConflicts } from './load.js'
import { juryCsv } from './spreadsheet.js'
import { workList } from './workList.js'
import { asFields } from '../types.js'

const MESSAGES = {
  login: { sv: 'Logga in först.', en: 'Log in first.' },
  staff: { sv: 'Bara personal kan göra det här.', en: 'Only staff can do this.' },
  juror: { sv: 'Bara jurymedlemmar har en arbetslista.', en: 'Only jurors have a work list.' },
  noYear: { sv: 'Året finns inte.', en: 'No such year.' },
  badJson: { sv: 'Förfrågan kunde inte läsas (ogiltig JSON).', en: 'The request could not be read (invalid JSON).' },
  invalid: { sv: 'Uppgifterna innehåller fel.', en: 'The request has errors.' },
  finalistsList: { sv: 'Välj finalisterna: en lista med ansökningarnas id.', en: "Choose the finalists: a list of the applications' ids." },
  finalistsCount: (n: number) => ({ sv: `Välj exakt ${n} ${n === 1 ? 'finalist' : 'finalister'}.`, en: `Choose exactly ${n} ${n === 1 ? 'finalist' : 'finalists'}.` }),
  notInRound: { sv: 'Ansökan hör inte till årets gallring.', en: "The application is not in this year's screening." },
  winner: { sv: 'Välj vinnaren bland finalisterna.', en: 'Choose the winner among the finalists.' },
  motivation: { sv: 'Skriv juryns motivering (högst 5 000 tecken).', en: "Write the jury's motivation (at most 5,000 characters)." },
  factors: { sv: 'Framgångsfaktorer: högst 20, var och en högst 500 tecken.', en: 'Success factors: at most 20, each at most 500 characters.' },
  error: { sv: 'Något gick fel. Försök igen.', en: 'Something went wrong. Please try again.' },
}

const jsonAnswer = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } })
const refusal = (status: number, message: string, errors?: Record<string, string>) => jsonAnswer({ message, ...(errors && { errors }) }, status)

const roundAsked = (req: PayloadRequest): Round => roundOf(new URL(req.url ?? '', 'http://x').searchParams.get('round'))

async function bodyOf(req: PayloadRequest): Promise<Record<string, unknown> | undefined> {
  try {
    const body = (await req.json?.()) as unknown
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** A refusal from the collections' own rules, as this endpoint's answer: 403 for access, 422 with the rule's message per field. */
function answerFor(error: unknown, lang: Lang): Response {
  if (error instanceof Forbidden) return refusal(403, MESSAGES.staff[lang])
  if (error instanceof ValidationError) {
    const errors = Object.fromEntries(error.data.errors.map((e) => [e.path, e.message]))
    return refusal(422, error.data.errors[0]?.message ?? MESSAGES.invalid[lang], errors)
  }
  throw error
}

/** Runs a change of several documents as one: all of it, or (on any refusal) none of it. */
async function atomically(req: PayloadRequest, lang: Lang, change: () => Promise<Response>): Promise<Response> {
  const owns = await initTransaction(req)
  try {
    const response = await change()
    if (owns) await commitTransaction(req)
    return response
  } catch (error) {
    await killTransaction(req)
    return answerFor(error, lang)
  }
}

export function yearEndpoints(ctx: EhkContext): Endpoint[] {
  const staffOnly = (req: PayloadRequest): Response | undefined => {
    const lang = requestLang(req)
    if (!req.user) return refusal(401, MESSAGES.login[lang])
    return isStaffRole(roleOf(req)) ? undefined : refusal(403, MESSAGES.staff[lang])
  }
  const yearIdOf = (req: PayloadRequest) => parseDocumentId(req.payload, req.routeParams?.id)
  /** The year of the path, for staff: or the answer to send (401, 403, 404). */
  const staffYear = async (req: PayloadRequest): Promise<Response | JuryYear> => {
    const refused = staffOnly(req)
    if (refused) return refused
    const id = yearIdOf(req)
    const year = id === undefined ? null : await loadYear(req, ctx, id, asSystem)
    return year ?? refusal(404, MESSAGES.noYear[requestLang(req)])
  }

  return [
    {
      // The board's data as the caller may see it (the admin view renders the same).
      path: '/:id/jury-board',
      method: 'get',
      handler: async (req) => {
        const lang = requestLang(req)
        if (!req.user) return refusal(401, MESSAGES.login[lang])
        const id = yearIdOf(req)
        if (id === undefined) return refusal(404, MESSAGES.noYear[lang])
        try {
          return jsonAnswer(await juryBoard(req, ctx, id, roundAsked(req)))
        } catch (error) {
          if (error instanceof BoardError) return refusal(error.status, error.message)
          throw error
        }
      },
    },
    {
      // { applications: [id, …] }: exactly the year's number of finalists, then the year moves to "finalists".
      path: '/:id/finalists',
      method: 'post',
      handler: async (req) => {
        const lang = requestLang(req)
        const year = await staffYear(req)
        if (year instanceof Response) return year
        const body = await bodyOf(req)
        if (!body) return refusal(400, MESSAGES.badJson[lang])
        const chosen = Array.isArray(body.applications) ? body.applications.map((a) => parseDocumentId(req.payload, a)) : null
        if (!chosen || chosen.some((a) => a === undefined) || new Set(chosen.map(String)).size !== chosen.length) {
          return refusal(422, MESSAGES.finalistsList[lang], { applications: MESSAGES.finalistsList[lang] })
        }
        const [screening, counted] = await Promise.all([loadRound(req, ctx, year, 'screening', asSystem), countedInYear(req, ctx, year.id)])
        const inRound = new Set(screening.applications.map((a) => String(a.id)))
        const required = requiredFinalists(year, counted)
        if (chosen.length !== required) return refusal(422, MESSAGES.finalistsCount(required)[lang], { applications: MESSAGES.finalistsCount(required)[lang] })
        const outside = chosen.findIndex((a) => !inRound.has(String(a)))
        if (outside >= 0) return refusal(422, MESSAGES.notInRound[lang], { [`applications.${outside}`]: MESSAGES.notInRound[lang] })
        const asCaller = { ...asReader(req), depth: 0, req } as const
        return atomically(req, lang, async () => {
          const picked = new Set(chosen.map(String))
          for (const application of screening.applications) {
            const status = picked.has(String(application.id)) ? 'finalist' : application.status === 'finalist' ? 'submitted' : undefined
            if (status && status !== application.status) await req.payload.update({ collection: ctx.slugs.applications, id: application.id, data: { status }, ...asCaller })
          }
          await req.payload.update({ collection: ctx.slugs.awardYears, id: year.id, data: { status: 'finalists' }, ...asCaller })
          return jsonAnswer(await juryBoard(req, ctx, year.id, 'final'))
        })
      },
    },
    {
      // { winner, motivation (plain text, paragraphs separated by blank lines), successFactors: [text, …] } → "decided".
      path: '/:id/decision',
      method: 'post',
      handler: async (req) => {
        const lang = requestLang(req)
        const refused = staffOnly(req)
        if (refused) return refused
        const id = yearIdOf(req)
        if (id === undefined) return refusal(404, MESSAGES.noYear[lang])
        const body = await bodyOf(req)
        if (!body) return refusal(400, MESSAGES.badJson[lang])
        const errors: Record<string, string> = {}
        const winner = parseDocumentId(req.payload, body.winner)
        if (winner === undefined) errors.winner = MESSAGES.winner[lang]
        const motivation = typeof body.motivation === 'string' ? normalizeText(body.motivation).trim() : ''
        if (!motivation || motivation.length > 5000) errors.motivation = MESSAGES.motivation[lang]
        const factors = Array.isArray(body.successFactors) ? body.successFactors.map((f) => (typeof f === 'string' ? normalizeText(f).trim() : '')) : body.successFactors === undefined ? [] : null
        if (!factors || factors.length > 20 || factors.some((f) => !f || f.length > 500)) errors.successFactors = MESSAGES.factors[lang]
        if (Object.keys(errors).length > 0) return refusal(422, Object.values(errors)[0]!, errors)
        return atomically(req, lang, async () => {
          await req.payload.update({
            collection: ctx.slugs.awardYears,
            id,
            data: asFields({
              winner,
              juryMotivation: lexicalFromParagraphs(
                motivation
                  .split(/\n\s*\n/)
                  .map((p) => p.trim())
                  .filter(Boolean),
              ),
              successFactors: factors!.map((text) => ({ text })),
              status: 'decided',
            }),
            ...asReader(req),
            depth: 0,
            req,
          })
          return jsonAnswer(await juryBoard(req, ctx, id, 'final'))
        })
      },
    },
    {
      // The round's applications, aggregates and every juror's scores for Excel (staff only).
      path: '/:id/export.csv',
      method: 'get',
      handler: async (req) => {
        const year = await staffYear(req)
        if (year instanceof Response) return year
        const round = roundAsked(req)
        const [data, conflicts, criteria, counted] = await Promise.all([
          loadRound(req, ctx, year, round, asSystem),
          yearConflicts(req, ctx, year.id),
          criterionTitles(req, ctx, year),
          countedInYear(req, ctx, year.id),
        ])
        const csv = juryCsv(data, criteria, conflicts, round === 'screening' ? requiredFinalists(year, counted) : 1)
        return new Response(csv, {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="ehalsokommun-${year.year}-${round === 'final' ? 'final' : 'gallring'}.csv"`,
            'Cache-Control': 'private, no-store',
            'X-Content-Type-Options': 'nosniff',
          },
        })
      },
    },
  ]
}

export function reviewEndpoints(ctx: EhkContext): Endpoint[] {
  return [
    {
      // The logged-in juror's work list (the admin's "Mitt juryarbete" renders the same).
      path: '/work-list',
      method: 'get',
      handler: async (req) => {
        const lang = requestLang(req)
        if (!req.user) return refusal(401, MESSAGES.login[lang])
        const profile = await jurorProfile(req, ctx)
        if (!profile) return refusal(403, MESSAGES.juror[lang])
        return jsonAnswer({ years: await workList(req, ctx, profile) })
      },
    },
  ]
}
