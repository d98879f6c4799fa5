import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionSlug, PayloadRequest } from 'payload'
import type { EhkContext } from '../../defaults.js'
import { compareIds } from '../../domain/ids.js'
import { type ApplicationStatus, isCounted } from '../../domain/lifecycle.js'
import { recordHistory } from '../../lib/history.js'
import { idOf } from '../../lib/relations.js'
import { notifyCompeting } from '../../mail/notices.js'
import { freePlace } from './hooks/checkApplicationRules.js'
import { asDocs } from '../../types.js'

type Member = { id: number | string; status: ApplicationStatus; place?: string | null; competing?: boolean | null; confirmedAt?: string | null; reference?: string }

/** The place of a municipality in a year, as the one application that holds it stores it. */
export const standingPlace = (yearId: number | string, municipality: string) => `${yearId}:${municipality}`

const byConfirmation = (a: Member, b: Member) => String(a.confirmedAt ?? '').localeCompare(String(b.confirmedAt ?? '')) || compareIds(a.id, b.id)

const isUniqueViolation = (error: unknown) => (error as { name?: string })?.name === 'ValidationError' || /unique|duplicate key|E11000/i.test(String((error as Error)?.message ?? error))

/**
 * Puts one municipality's applications of one year in order: of the counted ones (confirmed, not
 * withdrawn), the earliest confirmed keeps the municipality's place; if there is more than one,
 * all of them are marked competing, for staff to decide. Deterministic and idempotent: two
 * settlements running at once agree, and each one checks after writing that nobody changed the
 * group meanwhile, so the last one to finish leaves the marks right. The unique index on `place`
 * makes two holders impossible whatever happens.
 * Returns the counted applications when the group has just become competing.
 */
export async function settlePlace(req: PayloadRequest, ctx: EhkContext, yearId: number | string, municipality: string): Promise<Member[] | undefined> {
  const slug = ctx.slugs.applications
  const standing = standingPlace(yearId, municipality)
  let becameCompeting: Member[] | undefined
  for (let round = 0; round < 5; round++) {
    const members = await group(req, slug, yearId, municipality)
    const counted = members.filter((m) => isCounted(m.status)).sort(byConfirmation)
    const holder = counted.find((m) => m.place === standing) ?? counted[0]
    const competing = counted.length > 1
    try {
      // Free the place before giving it, so that the unique index never sees two holders.
      for (const m of members) if (m !== holder && m.place === standing) await write(req, slug, m.id, { place: freePlace() })
      if (holder && holder.place !== standing) await write(req, slug, holder.id, { place: standing })
      for (const m of members) {
        const marked = competing && counted.includes(m)
        if (Boolean(m.competing) !== marked) await write(req, slug, m.id, { competing: marked })
        if (marked && !m.competing) becameCompeting = counted
      }
    } catch (error) {
      if (isUniqueViolation(error)) continue // another settlement took the place first: look again
      throw error
    }
    const after = await group(req, slug, yearId, municipality)
    const countedAfter = after.filter((m) => isCounted(m.status))
    const settled = countedAfter.length === counted.length && countedAfter.every((m) => Boolean(m.competing) === competing && (m.place === standing) === (m.id === holder?.id))
    if (settled) return becameCompeting
  }
  req.payload.logger.warn(`ehk: the applications of ${municipality} in year ${yearId} did not settle after 5 rounds`)
  return becameCompeting
}

async function group(req: PayloadRequest, slug: CollectionSlug, yearId: number | string, municipality: string): Promise<Member[]> {
  const { docs } = await req.payload.find({
    collection: slug,
    where: { and: [{ awardYear: { equals: yearId } }, { municipality: { equals: municipality } }] },
    select: { status: true, place: true, competing: true, confirmedAt: true, reference: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  return asDocs<Member>(docs)
}

/** Server-owned bookkeeping: written without running the collection's hooks again. */
const write = (req: PayloadRequest, slug: CollectionSlug, id: number | string, data: Record<string, unknown>) => req.payload.db.updateOne({ collection: slug, id, data, req, returning: false })

/** After a change that can move an application in or out of the counted ones. */
export const settleAfterChange =
  (ctx: EhkContext): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    if (operation === 'update' && previousDoc?.status === doc.status) return doc
    const yearId = idOf(doc.awardYear)
    const competing = await settlePlace(req, ctx, yearId, doc.municipality)
    if (competing) {
      const references = competing.map((m) => m.reference).join(', ')
      for (const member of competing) {
        await recordHistory(req, ctx.slugs.history, ctx.now(), {
          action: 'application-competing',
          summary: `${doc.municipalityName}: ${competing.length} bekräftade ansökningar (${references})`,
          document: { relationTo: ctx.slugs.applications, value: member.id },
        })
      }
      await notifyCompeting(req, ctx, yearId, doc.municipalityName, competing)
    }
    return doc
  }

export const settleAfterDelete =
  (ctx: EhkContext): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await settlePlace(req, ctx, idOf(doc.awardYear), doc.municipality)
    return doc
  }
