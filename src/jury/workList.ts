// A juror's work: per year they sit on, the round that is open (or else the latest one), the
// applications waiting for them there (municipality and county only: the list never opens one),
// their progress and when the round closes.
import type { PayloadRequest } from 'payload'
import { conflictsOf, type JurorProfile } from '../access/jurorProfile.js'
import type { EhkContext } from '../defaults.js'
import { juryProgress } from '../domain/jury.js'
import { type Round, type RoundState, roundState } from '../domain/lifecycle.js'
import { findMunicipality } from '../domain/municipalities.js'
import { asReader, asSystem, loadRound, loadYear } from './load.js'

export interface WorkItem {
  application: number | string
  municipalityName: string
  county: string
  review: { id: number | string; state: 'draft' | 'submitted' } | null
}

export interface WorkYear {
  year: { id: number | string; year: number; title: string }
  round: RoundState
  items: WorkItem[]
  progress: { assigned: number; submitted: number; drafts: number; /** Conflicts the juror declared. */ conflicts: number; left: number }
}

/** The round a juror works in now: the open one, else the latest that has opened, else none. */
function currentRound(states: RoundState[]): RoundState | undefined {
  return states.find((s) => s.window === 'open') ?? [...states].reverse().find((s) => s.window === 'closed')
}

export async function workList(req: PayloadRequest, ctx: EhkContext, profile: JurorProfile): Promise<WorkYear[]> {
  const now = ctx.now()
  const conflicts = await conflictsOf(req, ctx, profile)
  const years: WorkYear[] = []
  for (const yearId of profile.years) {
    const year = await loadYear(req, ctx, yearId, asSystem)
    if (!year) continue
    const state = currentRound((['screening', 'final'] as Round[]).map((r) => roundState(year, r, now)))
    if (!state) continue
    // What the juror may open, read with their own access; their progress counted by the system.
    const [mine, all] = await Promise.all([loadRound(req, ctx, year, state.round, asReader(req)), loadRound(req, ctx, year, state.round, asSystem)])
    const own = new Map(mine.reviews.filter((r) => String(r.juror) === String(profile.id)).map((r) => [String(r.application), r]))
    const [progress] = juryProgress(all.applications, all.reviews, [{ id: profile.id, conflicts }])
    years.push({
      year: { id: year.id, year: year.year, title: year.title },
      round: state,
      items: mine.applications.map((a) => {
        const review = own.get(String(a.id))
        return {
          application: a.id,
          municipalityName: a.municipalityName,
          county: findMunicipality(a.municipality)?.county ?? '',
          review: review ? { id: review.id, state: review.submitted ? 'submitted' : 'draft' } : null,
        }
      }),
      // Declared conflicts only: a count of ties would tell the juror that a municipality they are tied to has applied.
      progress: { ...progress!, conflicts: progress!.conflicts.filter((c) => c.kind === 'declared').length },
    })
  }
  return years.sort((a, b) => b.year.year - a.year.year)
}
