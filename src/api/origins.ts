import type { Payload } from 'payload'
import type { Slugs } from '../defaults.js'

/**
 * The origins that may embed the widgets and post applications, read from the partners and kept for
 * a short while; a change of a partner clears it at once (other app servers catch up within the TTL).
 */
export class AllowedOrigins {
  private cached?: { until: number; partners: Promise<Map<string, number | string>> }

  constructor(
    private readonly slugs: Slugs,
    private readonly ttlMs = 60_000,
  ) {}

  clear(): void {
    this.cached = undefined
  }

  /** The partner that listed this origin, or undefined. */
  async partnerFor(payload: Payload, origin: string): Promise<number | string | undefined> {
    if (!this.cached || this.cached.until < Date.now()) {
      this.cached = { until: Date.now() + this.ttlMs, partners: this.load(payload) }
    }
    return (await this.cached.partners).get(origin)
  }

  private async load(payload: Payload): Promise<Map<string, number | string>> {
    const { docs } = await payload.find({
      collection: this.slugs.partners,
      depth: 0,
      pagination: false,
      select: { allowedOrigins: true },
      overrideAccess: true,
    })
    const map = new Map<string, number | string>()
    for (const partner of docs as Array<{ id: number | string; allowedOrigins?: Array<{ origin: string }> }>) {
      for (const { origin } of partner.allowedOrigins ?? []) map.set(origin, partner.id)
    }
    return map
  }
}
