// Session tokens: random (SESSION_TOKEN_BYTES), held in memory. A restart signs everyone out (clients re-login);
// durable sessions would belong with the identity provider, not in the journal. A session ends when idle past
// SESSION_IDLE_MS_MAX or SESSION_ABSOLUTE_MS_MAX after sign-in, whichever comes first (checked at its next use). A
// user holds at most SESSIONS_PER_USER_MAX (a new one ends their oldest) and the engine SESSIONS_MAX (the expired,
// then the oldest, make room). `deleteUser` is logout everywhere.
import crypto from 'node:crypto';
import {
  SESSION_ABSOLUTE_MS_MAX,
  SESSION_IDLE_MS_MAX,
  SESSION_TOKEN_BYTES,
  SESSIONS_MAX,
  SESSIONS_PER_USER_MAX,
} from '../../schemas/limits.ts';

export interface Session {
  token: string;
  userId: string;
  createdMs: number;
  lastUsedMs: number;
}

export class Sessions {
  private readonly byToken = new Map<string, Session>();
  /** Each user's tokens, oldest first. */
  private readonly byUser = new Map<string, Set<string>>();

  constructor(private readonly clockMs: () => number) {}

  create(userId: string): Session {
    if (this.byToken.size >= SESSIONS_MAX) this.evictExpired();
    if (this.byToken.size >= SESSIONS_MAX) this.delete(this.byToken.keys().next().value as string);
    const mine = this.byUser.get(userId);
    if (mine !== undefined && mine.size >= SESSIONS_PER_USER_MAX) this.delete(mine.values().next().value as string);
    const now = this.clockMs();
    const token = crypto.randomBytes(SESSION_TOKEN_BYTES).toString('base64url');
    const session = { token, userId, createdMs: now, lastUsedMs: now };
    this.byToken.set(token, session);
    const tokens = this.byUser.get(userId) ?? new Set<string>();
    tokens.add(token);
    this.byUser.set(userId, tokens);
    return session;
  }

  /** The live session of a token, touched; null when unknown, idle too long or past its absolute lifetime. */
  get(token: string): Session | null {
    const session = this.byToken.get(token);
    if (session === undefined) return null;
    const now = this.clockMs();
    if (this.expired(session, now)) {
      this.delete(token);
      return null;
    }
    session.lastUsedMs = now;
    return session;
  }

  delete(token: string): void {
    const session = this.byToken.get(token);
    if (session === undefined) return;
    this.byToken.delete(token);
    const tokens = this.byUser.get(session.userId);
    tokens?.delete(token);
    if (tokens?.size === 0) this.byUser.delete(session.userId);
  }

  /** Logout everywhere: every session of the user ends; returns how many. */
  deleteUser(userId: string): number {
    const tokens = [...(this.byUser.get(userId) ?? [])];
    for (const token of tokens) this.delete(token);
    return tokens.length;
  }

  /** Live sessions of a user (expired ones still held count until their next use or eviction). */
  countOf(userId: string): number {
    return this.byUser.get(userId)?.size ?? 0;
  }

  get size(): number {
    return this.byToken.size;
  }

  private expired(session: Session, now: number): boolean {
    return now - session.lastUsedMs > SESSION_IDLE_MS_MAX || now - session.createdMs > SESSION_ABSOLUTE_MS_MAX;
  }

  private evictExpired(): void {
    const now = this.clockMs();
    for (const session of [...this.byToken.values()]) if (this.expired(session, now)) this.delete(session.token);
  }
}
