/**
 * Public read results, shared by all requests on this app server for a second and dropped at once
 * when an editor changes what they are made of (the plugin's afterChange/afterDelete hooks). Under
 * load the database is then asked about once a second per path instead of once per request; other
 * app servers show a change within that second.
 */
export class ReadCache {
  private entries = new Map<string, { until: number; value: Promise<unknown> }>()

  constructor(private readonly ttlMs = 1000) {}

  clear(): void {
    this.entries.clear()
  }

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const now = Date.now()
    // Keys come from URLs: expired ones are swept before they can pile up.
    if (this.entries.size > 500) for (const [k, e] of this.entries) if (e.until <= now) this.entries.delete(k)
    const entry = this.entries.get(key)
    if (entry && entry.until > now) return entry.value as Promise<T>
    const value = compute()
    this.entries.set(key, { until: now + this.ttlMs, value })
    // A failed read is not kept.
    value.catch(() => this.entries.delete(key))
    return value
  }
}
