// The document shapes our hooks, endpoints and jobs read, in one place.
//
// Why not Payload's generated types (payload-types.ts)? The plugin's collections are named by the
// host project (`slugs` in the options), so a Local API call names its collection with a string
// that TypeScript cannot tie to a generated type: Payload then types the result loosely (and its
// `data` and `where` as what no literal fits). `asDocs()` and `asDoc()` below are the one place where a
// result is taken as one of these shapes; every other cast in the code says why it is there.
import type { ApplicationStatus, YearStatus } from './domain/lifecycle.js'

export type Id = number | string

/** A relationship as stored (an id) or populated (the document), or empty. */
export type Rel<T> = Id | (T & { id: Id }) | null | undefined

export type MediaDoc = { url?: string | null; alt?: string | null }

export type CriterionDoc = { id: Id; title: string; description?: unknown; guidingQuestions?: Array<{ question: string }> }

export type PartnerDoc = { id: Id; name: string; shortName?: string | null; role: string; website?: string | null; logo?: Rel<MediaDoc> }

export type JurorDoc = {
  id: Id
  name: string
  title?: string | null
  bio?: string | null
  organisation?: Rel<{ name: string; shortName?: string | null }>
  photo?: Rel<MediaDoc>
  user?: Rel<object>
  years?: Array<Rel<object>> | null
  ties?: Array<{ municipality: string; kind?: string }> | null
}

export type YearDoc = {
  id: Id
  year: number
  title: string
  status: YearStatus
  opensAt?: string | null
  deadline?: string | null
  finalistsAt?: string | null
  publishFinalists?: boolean | null
  ceremonyAt?: string | null
  announcementAt?: string | null
  timeline?: Array<{ startsOn: string; endsOn?: string | null; description: string }> | null
  characterLimit: number
  criteria?: Array<Rel<CriterionDoc>> | null
  assessmentFocus?: unknown
  contact?: { title?: string | null; email?: string | null; phone?: string | null } | null
  partners?: Array<Rel<object>> | null
  winner?: Rel<{ municipality: string }>
  juryMotivation?: unknown
  successFactors?: Array<{ text: string }> | null
}

export type ApplicationDoc = {
  id: Id
  reference: string
  municipality: string
  municipalityName: string
  status: ApplicationStatus
  submittedAt: string
  confirmExpiresAt?: string | null
  awardYear: Id | YearDoc
  contact?: { name?: string | null; role?: string | null; email?: string | null; phone?: string | null } | null
  answers?: Array<{ criterion: Id | { id: Id }; text: string }>
  requestHash?: string | null
  linkSentAt?: string | null
  competing?: boolean | null
  supplementaryQuestions?: Array<{ id: string; question: string; answerBy: string; answerLimit: number; askedAt?: string | null; answer?: string | null; answeredAt?: string | null }> | null
}

/** Local API results as the shape `T` (see the top of this file for why it cannot be inferred). */
export const asDocs = <T>(found: readonly unknown[]): T[] => found as T[]

/** One Local API result as the shape `T`, or undefined. */
export const asDoc = <T>(found: unknown): T => found as T

/** What a Local API call writes (`data`) or selects by (`where`) in one of the plugin's collections (see above). */
export const asFields = (value: object): never => value as never
