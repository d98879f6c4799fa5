import type { Access, AccessResult } from 'payload'
import type { EhkContext } from '../defaults.js'
import { jurorProfile } from './jurorProfile.js'
import { roleOf } from './roles.js'

/** Reviews are written by jurors with a juror profile (and by administrators on their behalf). */
export const isJurorOrAdmin =
  (ctx: EhkContext): Access =>
  async ({ req }): Promise<AccessResult> =>
    roleOf(req) === 'admin' || (await jurorProfile(req, ctx)) !== undefined
