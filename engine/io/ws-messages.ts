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
import { FRAME_BYTES_MAX, IN_FLIGHT_PER_CONNECTION_MAX } from '../../schemas/limits.ts';
import type { ErrorBody, Reply, RequestIdT } from '../../schemas/protocol.ts';
import type { SearchHitView } from '../core/catalog-search.ts';
import type { ArticleSummary } from '../core/views.ts';
import { decodeFrame, type Encoding, encodeFrame } from './codec.ts';
import type { Connection } from './connection.ts';
import { dispatch } from './dispatch.ts';
import type { Outcome } from './handler-types.ts';
import type { Metrics } from './metrics.ts';
import { ReplyBatch } from './reply-batch.ts';
import { listReplyEncoder, searchReplyEncoder } from './row-reply.ts';
// Issue 14, Lager:
import { LedgerReplyEncoder } from './ledger-reply.ts';
import type { LedgerPage } from '../store/stock-ledger.ts';

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

/** Pages of article rows have hand-written msgpack encoders (row-reply.ts); null: the generic codec. */
type RowReply = (op: string, id: RequestIdT, result: unknown) => Uint8Array | null;

function rowReplies(): RowReply {
  const searchReplies = searchReplyEncoder();
  const listReplies = listReplyEncoder();
  const ledgerReplies = new LedgerReplyEncoder(); // Issue 14, Lager
  return (op, id, result) => {
    if (op === 'stock.ledger') return ledgerReplies.encode(id, result as LedgerPage); // Issue 14, Lager
    if (op === 'catalog.search') {
      const r = result as { total: number; hits: SearchHitView[]; suggestion?: string };
      return searchReplies.encode(id, {
        total: r.total,
        rows: r.hits,
        ...(r.suggestion === undefined ? {} : { suggestion: r.suggestion }),
      });
    }
    if (op === 'catalog.list') {
      const r = result as { total: number; articles: ArticleSummary[] };
      return listReplies.encode(id, { total: r.total, rows: r.articles });
    }
    return null;
  };
}

function sendBytes(ws: Ws, conn: Connection, frame: Uint8Array | string, encoding: Encoding): void {
  if (conn.closed) return;
  const status = ws.send(frame, encoding === 'msgpack');
  // With closeOnBackpressureLimit uWS may have closed the socket already (the close callback set `closed`).
  if (status === SEND_DROPPED && !conn.closed) ws.end(CLOSE_TOO_SLOW, 'backpressure limit: read your replies');
}

function send(ws: Ws, conn: Connection, reply: Reply, encoding: Encoding): void {
  sendBytes(ws, conn, encodeFrame(reply, encoding), encoding);
}

function finisher(metrics: Metrics): Finish {
  const rowReply = rowReplies();
  return (ws, conn, id, op, outcome, encoding, startMs, issues) => {
    conn.inFlight--;
    const rows = outcome.ok && encoding === 'msgpack' ? rowReply(op, id as RequestIdT, outcome.result) : null;
    if (rows !== null) sendBytes(ws, conn, rows, encoding);
    else if (outcome.ok) send(ws, conn, { id: id as RequestIdT, ok: true, result: outcome.result }, encoding);
    else {
      metrics.error(op, outcome.code);
      const error: ErrorBody = { code: outcome.code, message: outcome.message, ...(issues ? { issues } : {}) };
      if (outcome.code === 'read_only') error.primary = (outcome as { primary?: string | null }).primary ?? null; // issue 17
      send(ws, conn, { id, ok: false, error }, encoding);
    }
    metrics.request(op, (performance.now() - startMs) / 1000);
  };
}

function decodeOrFail(message: ArrayBuffer, isBinary: boolean): unknown {
  try {
    return decodeFrame(message, isBinary);
  } catch {
    return DECODE_FAILED;
  }
}

/** The uWS `message` callback: size check, decode, pipelining limit, dispatch, then the reply now or after commit. */
export function messageHandler(metrics: Metrics): (ws: Ws, message: ArrayBuffer, isBinary: boolean) => void {
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
    const { id, op, outcome, issues } = dispatch(frame, ctx);
    if (!(outcome instanceof Promise)) return finish(ws, conn, id, op, outcome, encoding, startMs, issues);
    outcome.then(
      // The client may have gone while the commit was in flight: replies.add never corks a closed socket.
      (done) => replies.add(ws, conn, () => finish(ws, conn, id, op, done, encoding, startMs)),
      crash,
    );
  };
}

/** A failed commit or a broken invariant: crash loudly (an unhandled rejection ends the process). */
function crash(error: unknown): never {
  throw error;
}
