// The uWebSockets.js app: /ws (the API), /health, /metrics and the portal's static files, on one port.
// Contract: a frame's ArrayBuffer is decoded inside the callback; replies to async ops are sent corked after
// the commit's fsync; a reply uWS has to drop for backpressure closes that connection (it is not reading).
import type { JournalEntry } from '../../schemas/events.ts';
import { BACKPRESSURE_BYTES_MAX, FRAME_BYTES_MAX, IN_FLIGHT_PER_CONNECTION_MAX } from '../../schemas/limits.ts';
import type { ErrorBody, Reply, RequestIdT } from '../../schemas/protocol.ts';
import type { Engine } from '../engine.ts';
import type { RowWrite } from '../store/store.ts';
import type { Authenticator } from './auth.ts';
import { decodeFrame, encodeFrame, type Encoding } from './codec.ts';
import { newConnection, wireTopic, type Connection } from './connection.ts';
import { dispatch } from './dispatch.ts';
import { OrderFeed } from './order-feed.ts';
import type { Outcome } from './handlers.ts';
import { connectionContext } from './ws-context.ts';
import { ReplyBatch } from './reply-batch.ts';
import { Metrics } from './metrics.ts';
import { Sessions } from './sessions.ts';
import { loadStaticFiles, serveHttp } from './http.ts';
import { serveHttpApi } from './http-api.ts';
import { loadNativeUws } from './uws.ts';

type Ws = import('uWebSockets.js').WebSocket<Connection>;

export interface ServerOptions {
  port: number;
  engine: Engine;
  auth: Authenticator;
  portalDir: string;
  clockMs: () => number;
}

export interface RunningServer {
  port: number;
  metrics: Metrics;
  close(): void;
}

const SEND_DROPPED = 2;
const CLOSE_TOO_SLOW = 1008;
const CLOSE_TOO_BIG = 1009;
/** uWS drops the TCP connection without a close code past its own limit; we check FRAME_BYTES_MAX ourselves below
 * so an oversized frame gets a proper 1009, and keep uWS's cut-off as the hard ceiling on buffering. */
const UWS_PAYLOAD_BYTES_MAX = 4 * FRAME_BYTES_MAX;

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const uws = loadNativeUws();
  const { engine } = options;
  const sessions = new Sessions(options.clockMs);
  const metrics = new Metrics();
  const sockets = new Set<Ws>();
  const app = uws.App();
  engine.onBatch = (n) => metrics.commitBatch(n);
  const replies = new ReplyBatch();

  const send = (ws: Ws, conn: Connection, reply: Reply, encoding: Encoding) => {
    if (conn.closed) return;
    const status = ws.send(encodeFrame(reply, encoding), encoding === 'msgpack');
    if (status === SEND_DROPPED) ws.end(CLOSE_TOO_SLOW, 'backpressure limit: read your replies');
  };

  const finish = (ws: Ws, conn: Connection, id: RequestIdT | null, op: string, outcome: Outcome,
    encoding: Encoding, startMs: number, issues?: ErrorBody['issues']) => {
    conn.inFlight--;
    if (outcome.ok) send(ws, conn, { id: id as RequestIdT, ok: true, result: outcome.result }, encoding);
    else {
      metrics.error(op, outcome.code);
      const error: ErrorBody = { code: outcome.code, message: outcome.message, ...(issues ? { issues } : {}) };
      send(ws, conn, { id, ok: false, error }, encoding);
    }
    metrics.request(op, (performance.now() - startMs) / 1000);
  };

  const onMessage = (ws: Ws, message: ArrayBuffer, isBinary: boolean) => {
    const startMs = performance.now();
    const conn = ws.getUserData();
    if (message.byteLength > FRAME_BYTES_MAX) {
      metrics.framesRejected++;
      ws.end(CLOSE_TOO_BIG, `frame over ${FRAME_BYTES_MAX} bytes`);
      return;
    }
    const encoding: Encoding = isBinary ? 'msgpack' : 'json';
    let frame: unknown;
    try {
      frame = decodeFrame(message, isBinary);
    } catch {
      metrics.framesRejected++;
      conn.inFlight++;
      finish(ws, conn, null, 'invalid', { ok: false, code: 'invalid_request', message: 'Ramen gick inte att avkoda.' }, encoding, startMs);
      return;
    }
    conn.inFlight++;
    if (conn.inFlight > IN_FLIGHT_PER_CONNECTION_MAX) {
      finish(ws, conn, null, 'overloaded', { ok: false, code: 'overloaded', message: 'För många obesvarade förfrågningar.' }, encoding, startMs);
      return;
    }
    const ctx = conn.context!;
    ctx.refresh(encoding);
    const { id, op, outcome, issues } = dispatch(frame, ctx);
    if (!(outcome instanceof Promise)) return finish(ws, conn, id, op, outcome, encoding, startMs, issues);
    outcome.then(
      // The client may have gone while the commit was in flight: replies.add never corks a closed socket.
      (done) => replies.add(ws, conn, () => finish(ws, conn, id, op, done, encoding, startMs)),
      (error: unknown) => { throw error; }, // a failed commit or a broken invariant: crash loudly.
    );
  };

  /** One encode per encoding, and uWS fans it out to every subscriber (batched per socket, within backpressure limits). */
  const publish = (topic: string, event: unknown) => {
    for (const encoding of ['msgpack', 'json'] as const) {
      const wire = wireTopic(topic, encoding);
      const subscribers = app.numSubscribers(wire);
      if (subscribers === 0) continue;
      app.publish(wire, encodeFrame({ topic, event }, encoding), encoding === 'msgpack');
      metrics.pushes += subscribers;
    }
  };
  const orderFeed = new OrderFeed(engine.state);
  const publishCommitted = (entry: JournalEntry, rows: readonly RowWrite[]) => {
    for (const row of rows) {
      if (row.table !== 'stock') continue;
      const stock = row.value as { warehouse: string; artNo: string; onHand: number; reserved: number };
      publish(`stock/${stock.artNo}`, { type: 'stock', seq: entry.seq, ...stock, available: stock.onHand - stock.reserved });
    }
    for (const push of orderFeed.pushes(entry, rows)) publish(push.topic, push.event);
  };
  engine.onCommitted(publishCommitted);

  app.ws<Connection>('/ws', {
    maxPayloadLength: UWS_PAYLOAD_BYTES_MAX,
    maxBackpressure: BACKPRESSURE_BYTES_MAX,
    idleTimeout: 120,
    sendPingsAutomatically: true,
    upgrade: (res, req, context) => {
      res.upgrade(newConnection(), req.getHeader('sec-websocket-key'), req.getHeader('sec-websocket-protocol'),
        req.getHeader('sec-websocket-extensions'), context);
    },
    open: (ws) => {
      sockets.add(ws);
      ws.getUserData().context = connectionContext(ws, ws.getUserData(), { engine, sessions, auth: options.auth, clockMs: options.clockMs });
    },
    message: onMessage,
    close: (ws) => { ws.getUserData().closed = true; sockets.delete(ws); },
  });

  serveHttpApi(app, engine);
  const files = loadStaticFiles(options.portalDir);
  serveHttp(app, files, () => ({
    health: { status: 'ok', seq: engine.state.seq, store: engine.store.kind, connections: sockets.size },
    metrics: () => {
      const stats = engine.store.stats();
      return metrics.render({
        connections: sockets.size, sessions: sessions.size, journalEntries: stats.journalEntries,
        bytesOnDisk: stats.bytesOnDisk, commitsInFlight: engine.commitsInFlight, seq: engine.state.seq,
      });
    },
  }));

  return new Promise((resolve, reject) => {
    app.listen('0.0.0.0', options.port, (listenSocket) => {
      if (!listenSocket) return reject(new Error(`cannot listen on port ${options.port}`));
      resolve({
        port: uws.us_socket_local_port(listenSocket),
        metrics,
        close: () => {
          uws.us_listen_socket_close(listenSocket);
          for (const ws of [...sockets]) ws.end(1001, 'server shutting down');
        },
      });
    });
  });
}
