/**
 * Runs tasks with the same key one after another on this app server, and others side by side. For
 * the submissions' idempotency key: a retry that arrives while the first attempt is still being
 * stored waits for it and gets its receipt, whatever the database (a unique index then guards the
 * same rule between app servers).
 */
export class KeyedLock {
  private tails = new Map<string, Promise<unknown>>()

  run<T>(key: string | undefined, task: () => Promise<T>): Promise<T> {
    if (key === undefined) return task()
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task, task)
    const tail = result.catch(() => undefined)
    this.tails.set(key, tail)
    void tail.then(() => this.tails.get(key) === tail && this.tails.delete(key))
    return result
  }
}
