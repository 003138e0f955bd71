// One WebSocket message, from bytes to reply. Contract: the frame's ArrayBuffer is decoded inside the uWS callback
// (it dies when the callback returns); synchronous outcomes are answered at once; a command's reply waits for its
// commit's fsync and goes out batched with the other replies of that commit (ReplyBatch); a reply that uWS has to
// drop for backpressure closes the connection (the client is not reading).
import { FRAME_BYTES_MAX, IN_FLIGHT_PER_CONNECTION_MAX } from '../../schemas/limits.ts';
import type { ErrorBody, Reply, RequestIdT } from '../../schemas/protocol.ts';
import { decodeFrame, encodeFrame, type Encoding } from './codec.ts';
import type { Connection } from './connection.ts';
import { dispatch } from './dispatch.ts';
import type { Outcome } from './handler-types.ts';
import type { Metrics } from './metrics.ts';
import { ReplyBatch } from './reply-batch.ts';
import { listReplyEncoder, searchReplyEncoder } from './row-reply.ts';
import type { SearchHitView } from '../core/catalog-search.ts';
import type { ArticleSummary } from '../core/views.ts';

type Ws = import('uWebSockets.js').WebSocket<Connection>;

const SEND_DROPPED = 2;
const CLOSE_TOO_SLOW = 1008;
const CLOSE_TOO_BIG = 1009;

export function messageHandler(metrics: Metrics): (ws: Ws, message: ArrayBuffer, isBinary: boolean) => void {
  const replies = new ReplyBatch();
  const searchReplies = searchReplyEncoder();
  const listReplies = listReplyEncoder();
  /** Pages of article rows have hand-written msgpack encoders (row-reply.ts); null: the generic codec. */
  const rowReply = (op: string, id: RequestIdT, result: unknown): Uint8Array | null => {
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

  const sendBytes = (ws: Ws, conn: Connection, frame: Uint8Array | string, encoding: Encoding) => {
    if (conn.closed) return;
    const status = ws.send(frame, encoding === 'msgpack');
    if (status === SEND_DROPPED) ws.end(CLOSE_TOO_SLOW, 'backpressure limit: read your replies');
  };
  const send = (ws: Ws, conn: Connection, reply: Reply, encoding: Encoding) =>
    sendBytes(ws, conn, encodeFrame(reply, encoding), encoding);

  const finish = (
    ws: Ws,
    conn: Connection,
    id: RequestIdT | null,
    op: string,
    outcome: Outcome,
    encoding: Encoding,
    startMs: number,
    issues?: ErrorBody['issues'],
  ) => {
    conn.inFlight--;
    // uWS copies the frame in send, so the row encoders' reused buffers are free again right after.
    const rows = outcome.ok && encoding === 'msgpack' ? rowReply(op, id as RequestIdT, outcome.result) : null;
    if (rows !== null) sendBytes(ws, conn, rows, encoding);
    else if (outcome.ok) send(ws, conn, { id: id as RequestIdT, ok: true, result: outcome.result }, encoding);
    else {
      metrics.error(op, outcome.code);
      const error: ErrorBody = { code: outcome.code, message: outcome.message, ...(issues ? { issues } : {}) };
      send(ws, conn, { id, ok: false, error }, encoding);
    }
    metrics.request(op, (performance.now() - startMs) / 1000);
  };

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
    let frame: unknown;
    try {
      frame = decodeFrame(message, isBinary);
    } catch {
      metrics.framesRejected++;
      return finish(
        ws,
        conn,
        null,
        'invalid',
        { ok: false, code: 'invalid_request', message: 'Ramen gick inte att avkoda.' },
        encoding,
        startMs,
      );
    }
    if (conn.inFlight > IN_FLIGHT_PER_CONNECTION_MAX) {
      return finish(
        ws,
        conn,
        null,
        'overloaded',
        { ok: false, code: 'overloaded', message: 'För många obesvarade förfrågningar.' },
        encoding,
        startMs,
      );
    }
    const ctx = conn.context!;
    ctx.refresh(encoding);
    const { id, op, outcome, issues } = dispatch(frame, ctx);
    if (!(outcome instanceof Promise)) return finish(ws, conn, id, op, outcome, encoding, startMs, issues);
    outcome.then(
      // The client may have gone while the commit was in flight: replies.add never corks a closed socket.
      (done) => replies.add(ws, conn, () => finish(ws, conn, id, op, done, encoding, startMs)),
      (error: unknown) => {
        throw error;
      }, // a failed commit or a broken invariant: crash loudly.
    );
  };
}
