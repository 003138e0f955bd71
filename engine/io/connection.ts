// Per-connection state kept in uWS user data: the bound session, requests in flight, topics.
// Contract: uWS owns this object for the socket's life. `closed` is set in the close callback; after it any call on
// the socket throws, so every reply sent later (a command answered after its commit) checks `closed` first.
import type { Encoding } from './codec.ts';
import type { ConnectionContext } from './handler-types.ts';

export interface Connection {
  token: string | null;
  userId: string | null;
  /** Requests accepted and not yet answered (pipelining limit). */
  inFlight: number;
  /** Topics this connection subscribed to, with the encoding its pushes go out in. */
  topics: Map<string, Encoding>;
  closed: boolean;
  /** Built at open, reused by every message of this connection. */
  context: ConnectionContext | null;
  /** The client's address as text at upgrade: counted against CONNECTIONS_PER_ADDRESS_MAX (ws-admission.ts), and the
   * per-address key of sign-in throttling (login-throttle.ts). */
  address: string;
  /** Issue 17: the writer's seq right after this connection's last command was decided; a read worker answers its later
   * queries only from a replica at or past it (read-your-writes, even for a query pipelined behind the command). */
  writtenSeq: number;
}

export function newConnection(address = ''): Connection {
  return {
    token: null,
    userId: null,
    inFlight: 0,
    topics: new Map(),
    closed: false,
    context: null,
    address,
    writtenSeq: 0,
  };
}

/** uWS topics are per encoding, so one publish serves every subscriber in the bytes it asked for. */
export function wireTopic(topic: string, encoding: Encoding): string {
  return `${encoding === 'msgpack' ? 'm' : 'j'}:${topic}`;
}
