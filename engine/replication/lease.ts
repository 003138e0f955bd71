// Leadership as a lease in a JetStream KV bucket (issue 17). NATS 2.9 has no per-key TTL, so the bucket's max age is
// the lease TTL: the `leader` key is created exclusively (`create` fails while it exists), renewed by `update` with the
// revision the holder last wrote, and disappears when its holder stops renewing. The holder also keeps its own
// deadline by the monotonic clock, from the moment it *sent* a renewal (the server's copy lives at least that long):
// a process that was paused cannot know it was, so it checks the deadline before it acknowledges anything.
import type { KV } from '@nats-io/kv';
import { LEASE_RENEWALS_PER_TTL, LEASE_SAFETY_FRACTION } from '../../schemas/limits.ts';

export const LEASE_KEY = 'leader';

export interface LeaseValue {
  nodeId: string;
  url: string;
  /** The KV revision of the create: a new number per primary, part of its stream msg ids. */
  term: number;
}

export class Lease {
  private revision: number | null = null;
  private deadline = 0;
  private timer: NodeJS.Timeout | null = null;
  term = 0;

  constructor(
    private readonly kv: KV,
    private readonly ttlMs: number,
    private readonly self: { nodeId: string; url: string },
    /** Told once when a renewal fails or comes too late: the holder must stop acknowledging at once. */
    private readonly onLost: (why: string) => void,
  ) {}

  /** The current leader as the bucket holds it, or null when the key has lapsed. */
  async current(): Promise<LeaseValue | null> {
    const entry = await this.kv.get(LEASE_KEY);
    if (entry === null || entry.operation !== 'PUT') return null;
    return entry.json<LeaseValue>();
  }

  /** Tries to take a free lease; true if this node holds it now. */
  async tryAcquire(): Promise<boolean> {
    const sentMs = performance.now();
    let revision: number;
    try {
      // The term is not known before the create; the renewal right after writes it into the value.
      revision = await this.kv.create(LEASE_KEY, JSON.stringify({ ...this.self, term: 0 }));
    } catch {
      return false;
    }
    this.revision = revision;
    this.term = revision;
    this.deadline = sentMs + this.ttlMs * (1 - LEASE_SAFETY_FRACTION);
    await this.renew();
    if (!this.held()) return false;
    this.timer = setInterval(() => void this.renew(), this.ttlMs / LEASE_RENEWALS_PER_TTL);
    return true;
  }

  /** True while this node's own clock says the lease has not run out (checked before every acknowledgement). */
  held(): boolean {
    return this.revision !== null && performance.now() < this.deadline;
  }

  private async renew(): Promise<void> {
    if (this.revision === null) return;
    if (!this.held()) return this.lose('the lease ran out before it was renewed');
    const sentMs = performance.now();
    try {
      const value: LeaseValue = { ...this.self, term: this.term };
      this.revision = await this.kv.update(LEASE_KEY, JSON.stringify(value), this.revision);
      this.deadline = sentMs + this.ttlMs * (1 - LEASE_SAFETY_FRACTION);
    } catch (error) {
      this.lose(`renewal refused: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private lose(why: string): void {
    if (this.revision === null) return;
    this.revision = null;
    this.deadline = 0;
    this.stopTimer();
    this.onLost(why);
  }

  /** Gives the lease up (shutdown): deleted now, so a standby need not wait for the TTL. */
  async release(): Promise<void> {
    const revision = this.revision;
    this.revision = null;
    this.stopTimer();
    if (revision !== null) await this.kv.delete(LEASE_KEY, { previousSeq: revision }).catch(() => {});
  }

  stop(): void {
    this.revision = null;
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
