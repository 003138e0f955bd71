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

/**
 * Issue 17: with replication, sessions are shared by every node through a replicated bucket, so a client resumes its
 * session on whichever node leads after a failover. Only a SHA-256 of the token leaves the node (keyHash): a copy of
 * the bucket lets no one sign in. Idle time is kept per node (a node counts it from when it learned of the session).
 */
export interface SessionReplica {
  created(keyHash: string, session: Session): void;
  deleted(keyHash: string): void;
}

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export class Sessions {
  private readonly byToken = new Map<string, Session>();
  /** Each user's tokens, oldest first. */
  private readonly byUser = new Map<string, Set<string>>();
  /** Issue 17: sessions made on other nodes, by token hash (their token is only known when a client presents it). */
  private readonly remote = new Map<string, { userId: string; createdMs: number }>();
  /** Issue 17, while shared: this node's own sessions by token hash, and the hash of each token (hashed once). */
  private readonly tokenByHash = new Map<string, string>();
  private readonly hashByToken = new Map<string, string>();
  replica: SessionReplica | null = null;

  constructor(private readonly clockMs: () => number) {}

  /** Issue 17: a session another node made (or ended); taken over when its token is presented here. */
  mirror(keyHash: string, value: { userId: string; createdMs: number } | null): void {
    const own = this.tokenByHash.get(keyHash);
    if (value === null) {
      this.remote.delete(keyHash);
      if (own !== undefined) this.dropLocal(own);
      return;
    }
    if (own !== undefined) return; // this node's own put, seen again through the bucket
    if (this.remote.size >= SESSIONS_MAX) this.remote.delete(this.remote.keys().next().value as string);
    this.remote.set(keyHash, value);
  }

  private adopt(token: string): Session | undefined {
    if (this.remote.size === 0) return undefined;
    const keyHash = tokenHash(token);
    const known = this.remote.get(keyHash);
    if (known === undefined) return undefined;
    this.remote.delete(keyHash);
    const session = { token, userId: known.userId, createdMs: known.createdMs, lastUsedMs: this.clockMs() };
    this.addLocal(session, keyHash);
    return session;
  }

  private addLocal(session: Session, keyHash: string | null): void {
    this.byToken.set(session.token, session);
    const tokens = this.byUser.get(session.userId) ?? new Set<string>();
    tokens.add(session.token);
    this.byUser.set(session.userId, tokens);
    if (keyHash === null) return;
    this.tokenByHash.set(keyHash, session.token);
    this.hashByToken.set(session.token, keyHash);
  }

  create(userId: string): Session {
    if (this.byToken.size >= SESSIONS_MAX) this.evictExpired();
    if (this.byToken.size >= SESSIONS_MAX) this.delete(this.byToken.keys().next().value as string);
    const mine = this.byUser.get(userId);
    if (mine !== undefined && mine.size >= SESSIONS_PER_USER_MAX) this.delete(mine.values().next().value as string);
    const now = this.clockMs();
    const token = crypto.randomBytes(SESSION_TOKEN_BYTES).toString('base64url');
    const session = { token, userId, createdMs: now, lastUsedMs: now };
    const keyHash = this.replica === null ? null : tokenHash(token);
    this.addLocal(session, keyHash);
    if (keyHash !== null) this.replica?.created(keyHash, session);
    return session;
  }

  /** The live session of a token, touched; null when unknown, idle too long or past its absolute lifetime. */
  get(token: string): Session | null {
    const session = this.byToken.get(token) ?? this.adopt(token);
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
    const keyHash = this.hashByToken.get(token);
    if (keyHash !== undefined) this.replica?.deleted(keyHash);
    this.dropLocal(token);
  }

  private dropLocal(token: string): void {
    const session = this.byToken.get(token);
    if (session === undefined) return;
    this.byToken.delete(token);
    const keyHash = this.hashByToken.get(token);
    if (keyHash !== undefined) {
      this.hashByToken.delete(token);
      this.tokenByHash.delete(keyHash);
    }
    const tokens = this.byUser.get(session.userId);
    tokens?.delete(token);
    if (tokens?.size === 0) this.byUser.delete(session.userId);
  }

  /** Logout everywhere: every session of the user ends; returns how many. */
  deleteUser(userId: string): number {
    const tokens = [...(this.byUser.get(userId) ?? [])];
    for (const token of tokens) this.delete(token);
    // Issue 17: the user's sessions on other nodes end too (each node drops its own when the bucket says so).
    for (const [keyHash, known] of [...this.remote]) {
      if (known.userId !== userId) continue;
      this.remote.delete(keyHash);
      this.replica?.deleted(keyHash);
    }
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
