// The uWebSockets.js app: /ws (the API), /health, /metrics, the HTTP read API and the portal's static files, on
// one port. This file wires; ws-messages.ts owns a message's path, publish.ts the pushes after commit.
// Backpressure: uWS buffers up to BACKPRESSURE_BYTES_MAX per WebSocket; past it a reply closes the connection
// (ws-messages.ts) and a push is dropped (publish.ts). Shutdown closes the listen socket, then every connection (1001).
import { BACKPRESSURE_BYTES_MAX, FRAME_BYTES_MAX } from '../../schemas/limits.ts';
import type { Engine } from '../engine.ts';
import type { Authenticator } from './auth.ts';
import { newConnection, type Connection } from './connection.ts';
import { loadStaticFiles, serveHttp } from './http.ts';
import { serveHttpApi } from './http-api.ts';
import { serveAccessLogCsv } from './http-access-log.ts';
import { serveAttachments } from './http-attachments.ts';
import { Metrics } from './metrics.ts';
import { publishCommits } from './publish.ts';
import { Sessions } from './sessions.ts';
import { loadNativeUws } from './uws.ts';
import { connectionContext, type Shared } from './ws-context.ts';
import { messageHandler } from './ws-messages.ts';

type Ws = import('uWebSockets.js').WebSocket<Connection>;
type App = import('uWebSockets.js').TemplatedApp;

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

/** uWS drops the TCP connection without a close code past its own limit; ws-messages checks FRAME_BYTES_MAX itself
 * so an oversized frame gets a proper 1009, and uWS's cut-off stays the hard ceiling on buffering. */
const UWS_PAYLOAD_BYTES_MAX = 4 * FRAME_BYTES_MAX;

/** /ws: every connection gets its handler context once, at open; `sockets` tracks the open ones for shutdown. */
function serveWebSocket(app: App, shared: Shared, metrics: Metrics, sockets: Set<Ws>): void {
  app.ws<Connection>('/ws', {
    maxPayloadLength: UWS_PAYLOAD_BYTES_MAX,
    maxBackpressure: BACKPRESSURE_BYTES_MAX,
    idleTimeout: 120,
    sendPingsAutomatically: true,
    upgrade: (res, req, context) => {
      res.upgrade(
        newConnection(),
        req.getHeader('sec-websocket-key'),
        req.getHeader('sec-websocket-protocol'),
        req.getHeader('sec-websocket-extensions'),
        context,
      );
    },
    open: (ws) => {
      sockets.add(ws);
      ws.getUserData().context = connectionContext(ws, ws.getUserData(), shared);
    },
    message: messageHandler(metrics),
    close: (ws) => {
      ws.getUserData().closed = true;
      sockets.delete(ws);
    },
  });
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const uws = loadNativeUws();
  const { engine } = options;
  const sessions = new Sessions(options.clockMs);
  const metrics = new Metrics();
  const sockets = new Set<Ws>();
  const app = uws.App();
  engine.onBatch = (n) => metrics.commitBatch(n);
  publishCommits(app, engine, metrics);

  serveWebSocket(app, { engine, sessions, auth: options.auth, clockMs: options.clockMs }, metrics, sockets);

  serveHttpApi(app, engine);
  serveAttachments(app, engine, sessions, options.clockMs);
  serveAccessLogCsv(app, engine, sessions, options.clockMs);
  const files = loadStaticFiles(options.portalDir);
  serveHttp(app, files, () => ({
    health: { status: 'ok', seq: engine.state.seq, store: engine.store.kind, connections: sockets.size },
    metrics: () => {
      const stats = engine.store.stats();
      return metrics.render({
        connections: sockets.size,
        sessions: sessions.size,
        journalEntries: stats.journalEntries,
        bytesOnDisk: stats.bytesOnDisk,
        commitsInFlight: engine.commitsInFlight,
        seq: engine.state.seq,
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
