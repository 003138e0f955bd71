// The handler context of one connection, built once when it opens (not per message: the hot path allocates
// nothing for it). Per message only `encoding`, `nowMs` and `user` are refreshed; handlers read them before
// any await, so a later message cannot change what an earlier async handler sees. `subscribe` and `unsubscribe` call
// the socket synchronously: they run only inside the message callback, while the connection is open.
import { SUBSCRIPTIONS_PER_CONNECTION_MAX } from '../../schemas/limits.ts';
import type { Engine } from '../engine.ts';
import type { Authenticator } from './auth.ts';
import { wireTopic, type Connection } from './connection.ts';
import type { ConnectionContext } from './handler-types.ts';
import type { Sessions } from './sessions.ts';
import type { SignIn } from './sign-in.ts';

type Ws = import('uWebSockets.js').WebSocket<Connection>;

export interface Shared {
  engine: Engine;
  sessions: Sessions;
  auth: Authenticator;
  signIn: SignIn;
  clockMs: () => number;
}

export function connectionContext(ws: Ws, conn: Connection, shared: Shared): ConnectionContext {
  const { engine, sessions } = shared;
  const ctx: ConnectionContext = {
    engine,
    sessions,
    auth: shared.auth,
    signIn: shared.signIn,
    address: conn.address,
    nowMs: 0,
    user: null,
    workplaceId: null,
    encoding: 'msgpack',
    refresh(encoding) {
      ctx.encoding = encoding;
      ctx.nowMs = shared.clockMs();
      const session = conn.token === null ? null : sessions.get(conn.token);
      if (session === null) conn.token = conn.userId = null;
      ctx.user = session === null ? null : (engine.state.users.get(session.userId) ?? null);
    },
    bindSession(token, userId) {
      if (conn.userId !== userId) ctx.workplaceId = null;
      conn.token = token;
      conn.userId = userId;
    },
    unbindSession() {
      if (conn.token !== null) sessions.delete(conn.token);
      conn.token = conn.userId = null;
      ctx.workplaceId = null;
    },
    subscribe(topic) {
      if (!conn.topics.has(topic) && conn.topics.size >= SUBSCRIPTIONS_PER_CONNECTION_MAX) {
        return {
          ok: false,
          code: 'overloaded',
          message: `Högst ${SUBSCRIPTIONS_PER_CONNECTION_MAX} prenumerationer per anslutning.`,
        };
      }
      const previous = conn.topics.get(topic);
      if (previous !== undefined) ws.unsubscribe(wireTopic(topic, previous));
      conn.topics.set(topic, ctx.encoding);
      ws.subscribe(wireTopic(topic, ctx.encoding));
      return { ok: true, result: { topic } };
    },
    unsubscribe(topic) {
      const previous = conn.topics.get(topic);
      if (previous !== undefined) ws.unsubscribe(wireTopic(topic, previous));
      conn.topics.delete(topic);
      return { ok: true, result: { topic } };
    },
  };
  return ctx;
}
