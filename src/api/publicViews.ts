// What the public may see of a year, a winner, a juror and a partner: built field by field from the
// documents, so that nothing is published by accident when a field is added to a collection.
import { CONSENT } from '../domain/consent.js'
import { applicationWindow, areFinalistsPublic, isWinnerPublic } from '../domain/lifecycle.js'
import { findMunicipality } from '../domain/municipalities.js'
import { toPublicRichText } from '../domain/richText.js'
import type { CriterionDoc as Criterion, JurorDoc, PartnerDoc, Rel, YearDoc } from '../types.js'

const populated = <T>(value: Rel<T>): (T & { id: number | string }) | undefined => (typeof value === 'object' && value !== null ? value : undefined)

export function publicYear(year: YearDoc, now: Date) {
  const window = applicationWindow(year, now)
  return {
    year: year.year,
    title: year.title,
    status: year.status,
    window,
    acceptingApplications: window === 'open',
    opensAt: year.opensAt ?? null,
    deadline: year.deadline ?? null,
    finalistsAt: year.finalistsAt ?? null,
    ceremonyAt: year.ceremonyAt ?? null,
    announcementAt: year.announcementAt ?? null,
    timeline: (year.timeline ?? []).map((entry) => ({ startsOn: entry.startsOn, endsOn: entry.endsOn ?? null, description: entry.description })),
    characterLimit: year.characterLimit,
    criteria: (year.criteria ?? [])
      .map(populated)
      .filter((c): c is Criterion => !!c)
      .map((c) => ({
        id: c.id,
        title: c.title,
        description: toPublicRichText(c.description),
        guidingQuestions: (c.guidingQuestions ?? []).map((q) => q.question),
      })),
    assessmentFocus: toPublicRichText(year.assessmentFocus),
    contact: year.contact?.email || year.contact?.title ? { title: year.contact.title ?? null, email: year.contact.email ?? null, phone: year.contact.phone ?? null } : null,
    // What an applicant consents to, and the version a submission must name (consentVersion).
    consent: CONSENT,
  }
}

/**
 * A winner, only for a year whose embargo is lifted (the caller has already filtered; this checks
 * again). The winning application itself is never public: the caller looks up its municipality.
 */
export function publicWinner(year: YearDoc, municipalityCode: string | undefined, now: Date) {
  const municipality = findMunicipality(municipalityCode)
  if (!isWinnerPublic(year, now) || !municipality) return undefined
  return {
    year: year.year,
    title: year.title,
    municipality: { code: municipality.code, name: municipality.name, shortName: municipality.shortName },
    motivation: toPublicRichText(year.juryMotivation),
    successFactors: (year.successFactors ?? []).map((f) => f.text),
    announcedAt: year.announcementAt ?? null,
  }
}

/** A year's finalists, where the year publishes them and its finalists date has come: municipalities only, never scores. */
export function publicFinalists(year: YearDoc, municipalityCodes: string[], now: Date) {
  if (!areFinalistsPublic(year, now)) return undefined
  const municipalities = municipalityCodes
    .map((code) => findMunicipality(code))
    .filter((m) => m !== undefined)
    .map((m) => ({ code: m.code, name: m.name, shortName: m.shortName }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
  return { year: year.year, title: year.title, municipalities }
}

export function publicJuror(juror: Pick<JurorDoc, 'name' | 'title' | 'bio' | 'organisation' | 'photo'>) {
  const organisation = populated(juror.organisation)
  const photo = populated(juror.photo)
  return {
    name: juror.name,
    title: juror.title ?? null,
    organisation: organisation ? { name: organisation.name, shortName: organisation.shortName ?? null } : null,
    bio: juror.bio ?? null,
    photo: photo?.url ? { url: photo.url, alt: photo.alt ?? '' } : null,
  }
}

export function publicPartner(partner: Omit<PartnerDoc, 'id'>) {
  const logo = populated(partner.logo)
  return {
    name: partner.name,
    shortName: partner.shortName ?? null,
    role: partner.role,
    website: partner.website ?? null,
    logo: logo?.url ? { url: logo.url, alt: logo.alt ?? '' } : null,
  }
}

/** The public API's answers as the widgets read them: they import these types instead of declaring the contract again. */
export type PublicYear = ReturnType<typeof publicYear>
export type PublicWinner = NonNullable<ReturnType<typeof publicWinner>>
export type PublicFinalists = NonNullable<ReturnType<typeof publicFinalists>>
export type PublicJuror = ReturnType<typeof publicJuror>
export type PublicPartner = ReturnType<typeof publicPartner>
export interface JuryView {
  year: number
  jury: PublicJuror[]
  partners: PublicPartner[]
}
export interface WinnersView {
  winners: PublicWinner[]
  finalists: PublicFinalists[]
  /** When the next winner becomes public: the widget asks again then. */
  nextAnnouncementAt: string | null
}
