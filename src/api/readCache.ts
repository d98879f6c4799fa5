/**
 * Public read results, shared by all requests on this app server for a second and dropped at once
 * when an editor changes what they are made of (the plugin's afterChange/afterDelete hooks). Under
 * load the database is then asked about once a second per path instead of once per request; other
 * app servers show a change within that second.
 */
export class ReadCache {
  private entries = new Map<string, { until: number; value: Promise<unknown> }>()

  /** `now`: the clock the views are made by (the plugin's), so that a view never outlives its moment. */
  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly ttlMs = 1000,
  ) {}

  clear(): void {
    this.entries.clear()
  }

  /**
   * The value under `key`, computed at most once a second. `changesAt` tells when a computed value
   * stops being true by itself (a winner becoming public): it is not kept past that instant.
   */
  get<T>(key: string, compute: () => Promise<T>, changesAt?: (value: T) => Date | null | undefined): Promise<T> {
    const now = this.now().getTime()
    // Keys come from URLs: expired ones are swept before they can pile up.
    if (this.entries.size > 500) for (const [k, e] of this.entries) if (e.until <= now) this.entries.delete(k)
    const entry = this.entries.get(key)
    if (entry && entry.until > now) return entry.value as Promise<T>
    const value = compute()
    const stored = { until: now + this.ttlMs, value }
    this.entries.set(key, stored)
    value.then(
      (result) => {
        const change = changesAt?.(result)?.getTime()
        if (change !== undefined && change < stored.until) stored.until = change
      },
      // A failed read is not kept.
      () => this.entries.delete(key),
    )
    return value
  }
}
