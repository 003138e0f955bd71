// One WebSocket message, from bytes to reply.
//
// Contract (as uWebSockets.js states its own):
// - Buffer: the frame's ArrayBuffer belongs to uWS and is valid only during the message callback; it is decoded
//   there, and nothing keeps a view of it.
// - Reply: a synchronous outcome is answered inside the callback. A command's reply waits for its commit's fsync and
//   goes out with the other replies of that commit, one cork per socket (ReplyBatch). A reply to a connection that
//   closed meanwhile is dropped (only the bookkeeping runs). uWS copies a frame in `send`, so the row encoders'
//   reused buffers are free again as soon as `send` returns.
// - Backpressure: uWS buffers up to BACKPRESSURE_BYTES_MAX per socket; a reply it has to drop past that closes the
//   connection with 1008 (the client is not reading its replies). A frame over FRAME_BYTES_MAX closes it with 1009,
//   more than IN_FLIGHT_PER_CONNECTION_MAX unanswered requests are refused with `overloaded`.
// - Cost: per message this allocates the decoded frame and the reply, and a closure only for an async outcome.
// - Read workers (issue 17): a read op (read-ops.ts) is checked here as any op, then answered by a read worker, which
//   encodes the reply; it goes out like a command's, through ReplyBatch. The worker answers from a replica that holds
//   every command this connection sent before (`writtenSeq`), acknowledged or still in its commit.
import { FRAME_BYTES_MAX, IN_FLIGHT_PER_CONNECTION_MAX } from '../../schemas/limits.ts';
import type { ErrorBody, RequestIdT } from '../../schemas/protocol.ts';
import { decodeFrame, type Encoding } from './codec.ts';
import type { Connection } from './connection.ts';
import { dispatch, type Offload } from './dispatch.ts';
import type { ConnectionContext, Outcome } from './handler-types.ts';
import type { Metrics } from './metrics.ts';
import { ReplyBatch } from './reply-batch.ts';
import { replyEncoder } from './reply-encode.ts';
import type { ReadPool } from './read-pool.ts';
import type { ReadAnswer } from './read-protocol.ts';

type Ws = import('uWebSockets.js').WebSocket<Connection>;

const SEND_DROPPED = 2;
const CLOSE_TOO_SLOW = 1008;
const CLOSE_TOO_BIG = 1009;

/** Refusals known before dispatch; shared, never mutated. */
const UNDECODABLE: Outcome = { ok: false, code: 'invalid_request', message: 'Ramen gick inte att avkoda.' };
const TOO_MANY_IN_FLIGHT: Outcome = { ok: false, code: 'overloaded', message: 'För många obesvarade förfrågningar.' };
/** What `decodeOrFail` returns for a frame that is not msgpack or JSON (a frame may decode to any value). */
const DECODE_FAILED: unique symbol = Symbol('decode failed');

/** Answers one request: the row encoders' bytes, else the generic codec's; counts the request and its error. */
type Finish = (
  ws: Ws,
  conn: Connection,
  id: RequestIdT | null,
  op: string,
  outcome: Outcome,
  encoding: Encoding,
  startMs: number,
  issues?: ErrorBody['issues'],
) => void;

function sendBytes(ws: Ws, conn: Connection, frame: Uint8Array | string, encoding: Encoding): void {
  if (conn.closed) return;
  const status = ws.send(frame, encoding === 'msgpack');
  // With closeOnBackpressureLimit uWS may have closed the socket already (the close callback set `closed`).
  if (status === SEND_DROPPED && !conn.closed) ws.end(CLOSE_TOO_SLOW, 'backpressure limit: read your replies');
}

function finisher(metrics: Metrics): Finish {
  const encode = replyEncoder();
  return (ws, conn, id, op, outcome, encoding, startMs, issues) => {
    conn.inFlight--;
    sendBytes(ws, conn, encode(id, op, outcome, encoding, issues), encoding);
    if (!outcome.ok) metrics.error(op, outcome.code);
    metrics.request(op, (performance.now() - startMs) / 1000);
  };
}

/** Issue 17: a reply a read worker encoded; sent and counted as `finish` does. */
function finishRead(
  ws: Ws,
  conn: Connection,
  metrics: Metrics,
  op: string,
  answer: ReadAnswer,
  encoding: Encoding,
  startMs: number,
): void {
  conn.inFlight--;
  sendBytes(ws, conn, answer.frame, encoding);
  if (answer.errorCode !== null) metrics.error(op, answer.errorCode);
  metrics.request(op, (performance.now() - startMs) / 1000);
}

/** One per connection, made at its first message: dispatch calls it synchronously, so it reads the context as
 * this message refreshed it (user, workplace, clock, encoding) and the connection's `writtenSeq`. */
const offloads = new WeakMap<Connection, NonNullable<Offload>>();

function offloadOf(pool: ReadPool | null, conn: Connection, ctx: ConnectionContext): Offload {
  if (pool === null) return null;
  let offload = offloads.get(conn);
  if (offload === undefined) {
    offload = (id, op, args) => {
      const caller = { userId: ctx.user?.id ?? null, workplaceId: ctx.workplaceId, nowMs: ctx.nowMs };
      return pool.query(id, op, args, caller, ctx.encoding, conn.writtenSeq);
    };
    offloads.set(conn, offload);
  }
  return offload;
}

function decodeOrFail(message: ArrayBuffer, isBinary: boolean): unknown {
  try {
    return decodeFrame(message, isBinary);
  } catch {
    return DECODE_FAILED;
  }
}

/** The uWS `message` callback: size check, decode, pipelining limit, dispatch, then the reply now or after commit. */
export function messageHandler(
  metrics: Metrics,
  pool: ReadPool | null = null,
): (ws: Ws, message: ArrayBuffer, isBinary: boolean) => void {
  const replies = new ReplyBatch();
  const finish = finisher(metrics);
  return (ws, message, isBinary) => {
    const startMs = performance.now();
    const conn = ws.getUserData();
    if (message.byteLength > FRAME_BYTES_MAX) {
      metrics.framesRejected++;
      ws.end(CLOSE_TOO_BIG, `frame over ${FRAME_BYTES_MAX} bytes`);
      return;
    }
    const encoding: Encoding = isBinary ? 'msgpack' : 'json';
    conn.inFlight++;
    const frame = decodeOrFail(message, isBinary);
    if (frame === DECODE_FAILED) {
      metrics.framesRejected++;
      return finish(ws, conn, null, 'invalid', UNDECODABLE, encoding, startMs);
    }
    if (conn.inFlight > IN_FLIGHT_PER_CONNECTION_MAX) {
      return finish(ws, conn, null, 'overloaded', TOO_MANY_IN_FLIGHT, encoding, startMs);
    }
    const ctx = conn.context!;
    ctx.refresh(encoding);
    const dispatched = dispatch(frame, ctx, offloadOf(pool, conn, ctx));
    if ('offloaded' in dispatched) {
      const { op, offloaded } = dispatched;
      offloaded.then(
        (answer) => replies.add(ws, conn, () => finishRead(ws, conn, metrics, op, answer, encoding, startMs)),
        crash,
      );
      return;
    }
    const { id, op, outcome, issues } = dispatched;
    if (!(outcome instanceof Promise)) return finish(ws, conn, id, op, outcome, encoding, startMs, issues);
    // Read-your-writes (issue 17): a command is decided and applied synchronously in dispatch, so the writer's seq now
    // covers it; this connection's later queries wait on a replica until that seq is applied there (durable).
    if (pool !== null) conn.writtenSeq = ctx.engine.state.seq;
    outcome.then(
      // The client may have gone while the commit was in flight: replies.add never corks a closed socket.
      (done) => {
        // A failed commit puts the writer back to what is durable: its seq will not come, so wait for none past that.
        if (!done.ok && done.code === 'storage_unavailable') {
          conn.writtenSeq = Math.min(conn.writtenSeq, ctx.engine.durableSeq);
        }
        replies.add(ws, conn, () => finish(ws, conn, id, op, done, encoding, startMs));
      },
      crash,
    );
  };
}

/** A failed commit or a broken invariant: crash loudly (an unhandled rejection ends the process). */
function crash(error: unknown): never {
  throw error;
}
