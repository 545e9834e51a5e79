/**
 * Remembers credentials that verified recently, keyed by a fingerprint of
 * realm, login and secret, so that clients which send a password with every
 * request do not pay for a slow hash each time. A failed attempt for a login
 * forgets that login at once, so lock-outs take effect immediately.
 */
export class CredentialCache<T = unknown> {
  private readonly entries = new Map<string, { value: T; login: string; expiresAt: number }>();
  private readonly verifying = new Map<string, Promise<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10000,
  ) {}

  get(key: string, nowMs: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= nowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  put(key: string, login: string, value: T, nowMs: number): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, login, expiresAt: nowMs + this.ttlMs });
  }

  /**
   * Runs one verification per key at a time. A client that sends its
   * password with every request sends it on many connections at once when
   * the cache is cold: those requests wait for the one verification already
   * running and share its success, instead of each reserving a login attempt
   * (enough of them in flight would look like a burst of guesses and be
   * refused as locked) and each paying for the slow hash. A failure is not
   * shared: each waiter then makes its own attempt, counted as before.
   */
  async verifyOnce(key: string, verify: () => Promise<T>): Promise<T> {
    const running = this.verifying.get(key);
    if (running) {
      const shared = await running.then(
        (value) => ({ value }),
        () => null,
      );
      return shared ? shared.value : verify();
    }
    const attempt = verify();
    this.verifying.set(key, attempt);
    try {
      return await attempt;
    } finally {
      if (this.verifying.get(key) === attempt) this.verifying.delete(key);
    }
  }

  forgetLogin(login: string): void {
    for (const [key, entry] of this.entries) if (entry.login === login) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
