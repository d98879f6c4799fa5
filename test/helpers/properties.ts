// How hard the property tests try. `npm test` makes at least EVERYDAY_RUNS runs of each property
// (enough to keep finding what each is for); `npm run test:deep` sets EHK_PROPERTY_RUNS=full and
// makes each property's full count. A failure prints its seed and path (fast-check's own report);
// EHK_PROPERTY_SEED replays a seed.
import type { Parameters } from 'fast-check'

export const EVERYDAY_RUNS = 50

/** fast-check's parameters for a property whose full count is `full`. */
export function propertyRuns(full: number): Parameters<unknown> {
  const setting = process.env.EHK_PROPERTY_RUNS
  const numRuns = setting === 'full' ? full : setting ? Number(setting) : Math.min(full, EVERYDAY_RUNS)
  if (!Number.isInteger(numRuns) || numRuns < 1) throw new Error(`EHK_PROPERTY_RUNS must be "full" or a whole number of runs, not "${setting}"`)
  const seed = process.env.EHK_PROPERTY_SEED
  return { numRuns, ...(seed ? { seed: Number(seed) } : {}) }
}
