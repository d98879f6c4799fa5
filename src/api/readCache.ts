/** How an app server learns that another changed public content (see SharedChanges in publicApi.ts). */
export interface ChangeSignal {
  /** Whether content changed on another server since the last call. */
  moved(): Promise<boolean>
}

/**
 * Public read results, prepared ahead of the requests that ask for them: a view is computed once,
 * then served from memory. An editor's change drops every view on the app server it is made on (the
 * plugin's afterChange/afterDelete hooks) and bumps the change signal; other servers, reading the
 * signal at most once a second while they serve, drop theirs when it moved. Under traffic a view is
 * also computed again in the background once it is `refreshMs` old (the signal can be read a moment
 * before the change it announces is committed), and one older than `maxStaleMs` (a quiet app server)
 * is computed before it is served, so that no app server shows another's change later than that. A
 * view is never kept past the instant it stops being true by itself (the deadline, an announcement).
 * Without a signal, views are computed again in the background once they are `freshMs` old.
 */
export class ReadCache {
  private entries = new Map<string, Entry<unknown>>()

  private readonly signal?: ChangeSignal
  private readonly refreshMs: number
  /** When the signal was last read, and whether a read is under way. */
  private signalReadAt = -Infinity
  private readingSignal = false

  /** `now`: the clock the views are made by (the plugin's), so that a view never outlives its moment. */
  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly freshMs = 1000,
    private readonly maxStaleMs = 10_000,
    signal?: { signal: ChangeSignal; refreshMs: number },
  ) {
    this.signal = signal?.signal
    this.refreshMs = signal?.refreshMs ?? freshMs
  }

  clear(): void {
    this.entries.clear()
  }

  /** Reads the change signal (once at a time, at most once per `freshMs`) and drops every view when it moved. */
  private watchSignal(now: number): void {
    if (!this.signal || this.readingSignal || now - this.signalReadAt < this.freshMs) return
    this.readingSignal = true
    this.signal
      .moved()
      .then(
        (moved) => moved && this.clear(),
        () => undefined,
      )
      .finally(() => {
        this.signalReadAt = now
        this.readingSignal = false
      })
  }

  /**
   * The view under `key`. `changesAt` tells when a computed view stops being true by itself (a
   * winner becoming public): it is not served from that instant on.
   */
  get<T>(key: string, compute: () => Promise<T>, changesAt?: (value: T) => Date | null | undefined): Promise<T> {
    const now = this.now().getTime()
    const entry = this.entries.get(key) as Entry<T> | undefined
    if (entry && now < entry.expires && now - entry.computedAt < this.maxStaleMs) {
      if (now - entry.computedAt >= this.freshMs) this.watchSignal(now)
      if (now - entry.computedAt >= this.refreshMs && !entry.refreshing) this.refresh(key, entry)
      return entry.value
    }
    return this.prepare(key, compute, changesAt, now)
  }

  private prepare<T>(key: string, compute: () => Promise<T>, changesAt: ((value: T) => Date | null | undefined) | undefined, now: number): Promise<T> {
    const value = compute()
    const entry: Entry<T> = { value, compute, changesAt, computedAt: now, expires: Infinity, refreshing: false }
    // Keys come from URLs: the oldest views make room before they can pile up.
    this.entries.delete(key)
    this.entries.set(key, entry)
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!)
    value.then(
      (result) => (entry.expires = changesAt?.(result)?.getTime() ?? Infinity),
      // A failed read is not kept.
      () => this.entries.get(key) === entry && this.entries.delete(key),
    )
    return value
  }

  /** Computes a view again while the old one is served; a view dropped meanwhile (a change) stays dropped. */
  private refresh<T>(key: string, entry: Entry<T>): void {
    entry.refreshing = true
    const started = this.now().getTime()
    entry.compute().then(
      (result) => {
        if (this.entries.get(key) !== entry) return
        this.entries.set(key, { ...entry, value: Promise.resolve(result), computedAt: started, expires: entry.changesAt?.(result)?.getTime() ?? Infinity, refreshing: false })
      },
      () => (entry.refreshing = false),
    )
  }
}

const MAX_ENTRIES = 500

interface Entry<T> {
  value: Promise<T>
  compute: () => Promise<T>
  // (Method syntax: an entry of any view type is kept in the one map.)
  changesAt?(value: T): Date | null | undefined
  computedAt: number
  /** When the view stops being true by itself. */
  expires: number
  refreshing: boolean
}
