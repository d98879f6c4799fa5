import { MUNICIPALITY_ROWS } from './municipalities.data.js'

export interface Municipality {
  /** Four-digit code from the official list, e.g. "1281". */
  code: string
  /** Official name, e.g. "Lunds kommun". */
  name: string
  /** Short name, e.g. "Lund". */
  shortName: string
  county: string
}

export const MUNICIPALITIES: readonly Municipality[] = MUNICIPALITY_ROWS.map(([code, name, shortName, county]) => ({
  code,
  name,
  shortName,
  county,
}))

const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]))

export function findMunicipality(code: unknown): Municipality | undefined {
  return typeof code === 'string' ? byCode.get(code) : undefined
}

export const isMunicipalityCode = (code: unknown): boolean => findMunicipality(code) !== undefined

/** Sweden's 21 counties, in the order of their codes (the first two digits of a municipality's code). */
export const COUNTIES: readonly string[] = [...new Set(MUNICIPALITIES.map((m) => m.county))]
