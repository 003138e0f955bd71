// A bounded map of short-lived one-time values (OIDC sign-ins in progress, sign-in codes): each entry lives ttlMs,
// is taken at most once, and past maxEntries the oldest goes, so a flood of /auth/login cannot grow memory.
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresMs: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly clockMs: () => number,
  ) {}

  set(key: string, value: V): void {
    this.dropExpired();
    // Oldest first: Map keeps insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, expiresMs: this.clockMs() + this.ttlMs });
  }

  /** The value once: removed whether it is still valid or not. */
  take(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    return entry.expiresMs >= this.clockMs() ? entry.value : undefined;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Entries expire in insertion order (one ttl for all), so the scan stops at the first live one. */
  private dropExpired(): void {
    const now = this.clockMs();
    for (const [key, entry] of this.entries) {
      if (entry.expiresMs >= now) return;
      this.entries.delete(key);
    }
  }
}
