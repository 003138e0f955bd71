// Session tokens: random, held in memory, expired after idle time. A restart signs everyone out (clients
// re-login); durable sessions would belong with the identity provider, not in the journal. At most SESSIONS_MAX are
// held (the idle, then the oldest, make room); a token idle past SESSION_IDLE_MS_MAX is gone at its next use.
import crypto from 'node:crypto';
import { SESSION_IDLE_MS_MAX, SESSIONS_MAX } from '../../schemas/limits.ts';

export interface Session {
  token: string;
  userId: string;
  lastUsedMs: number;
}

export class Sessions {
  private readonly byToken = new Map<string, Session>();

  constructor(private readonly clockMs: () => number) {}

  create(userId: string): Session {
    if (this.byToken.size >= SESSIONS_MAX) this.evictIdle();
    if (this.byToken.size >= SESSIONS_MAX) {
      // Oldest first: Map keeps insertion order.
      const oldest = this.byToken.keys().next().value as string;
      this.byToken.delete(oldest);
    }
    const session = { token: crypto.randomBytes(24).toString('base64url'), userId, lastUsedMs: this.clockMs() };
    this.byToken.set(session.token, session);
    return session;
  }

  /** The live session of a token, touched; null when unknown or idle too long. */
  get(token: string): Session | null {
    const session = this.byToken.get(token);
    if (session === undefined) return null;
    const now = this.clockMs();
    if (now - session.lastUsedMs > SESSION_IDLE_MS_MAX) {
      this.byToken.delete(token);
      return null;
    }
    session.lastUsedMs = now;
    return session;
  }

  delete(token: string): void {
    this.byToken.delete(token);
  }

  get size(): number {
    return this.byToken.size;
  }

  private evictIdle(): void {
    const now = this.clockMs();
    for (const [token, session] of this.byToken) {
      if (now - session.lastUsedMs > SESSION_IDLE_MS_MAX) this.byToken.delete(token);
    }
  }
}
