// Types shared by every op handler and the connection that runs them, with the two helpers all handlers use. A leaf:
// it imports types only, so handlers, the dispatcher and the connection can all import it without a cycle.
import type { User } from '../../schemas/entities.ts';
import type { Event } from '../../schemas/events.ts';
import type { OpArgs, OpName } from '../../schemas/ops.ts';
import type { ErrorCode } from '../../schemas/protocol.ts';
import type { Engine } from '../engine.ts';
import type { Authenticator } from './auth.ts';
import type { Encoding } from './codec.ts';
import type { Sessions } from './sessions.ts';
import type { SignIn } from './sign-in.ts';

/** A refusal may name the primary (issue 17: a standby's `read_only`), which the reply carries as `error.primary`. */
export type Outcome =
  | { ok: true; result: unknown }
  | { ok: false; code: ErrorCode; message: string; primary?: string | null };

/**
 * What a handler may touch: the engine, the caller and its connection. One object per connection, refreshed per
 * message: a handler reads `user` and `nowMs` before its first await (a later message of the same connection
 * refreshes them while an earlier command waits for its commit).
 */
export interface HandlerContext {
  engine: Engine;
  sessions: Sessions;
  auth: Authenticator;
  /** Password throttle, sign-in codes and which sign-in methods are on. */
  signIn: SignIn;
  /** The client's address (throttling); as the socket sees it. */
  address: string;
  nowMs: number;
  /** The signed-in user; handlers of ops with roles always get one. */
  user: User | null;
  /** The workplace the session acts for (session.setWorkplace), or null: the user's first (see actingWorkplace). */
  workplaceId: string | null;
  bindSession(token: string, userId: string): void;
  unbindSession(): void;
  subscribe(topic: string): Outcome;
  unsubscribe(topic: string): Outcome;
}

/** A handler's context as the WebSocket connection keeps it (ws-context.ts builds it once per connection). */
export interface ConnectionContext extends HandlerContext {
  encoding: Encoding;
  /** Called at the start of every message: the clock, and the session (which logout elsewhere may have ended). */
  refresh(encoding: Encoding): void;
}

/**
 * Validated args in (zod ran at the edge, dispatch.ts), an outcome out. A synchronous outcome is answered at once;
 * a promise is answered when it resolves, and a command's only after its events are durable. A handler throws only
 * on a broken invariant: that crashes the process.
 */
export type Handler<O extends OpName> = (ctx: HandlerContext, args: OpArgs<O>) => Outcome | Promise<Outcome>;

/** A part of the op → handler table: every op of `Ops`, each with a handler typed for its args. */
export type HandlerTable<Ops extends OpName> = { [O in Ops]: Handler<O> };

/** The signed-in user of a role-checked op (dispatch refuses those ops without one, so null is a bug). */
export function me(ctx: HandlerContext): User {
  if (ctx.user === null) throw new Error('handler of a role-checked op ran without a user');
  return ctx.user;
}

/** An accepted command's events (a core Decision or the engine's CommandOutcome), or its refusal. */
export type EventsOutcome = { ok: true; events: readonly Event[] } | { ok: false; code: string; message: string };

/** The first event of an accepted command, which must be of `type`: anything else is a broken invariant. */
export function firstEvent<T extends Event['type']>(outcome: EventsOutcome, type: T): Extract<Event, { type: T }> {
  if (!outcome.ok) throw new Error(`expected ${type}, got ${outcome.code}: ${outcome.message}`);
  const event = outcome.events[0];
  if (event?.type !== type) throw new Error(`expected ${type}, got ${event?.type ?? 'no event'}`);
  return event as Extract<Event, { type: T }>;
}
