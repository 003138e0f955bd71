// The uWebSockets.js app: /ws (the API), /health, /metrics, the HTTP read API and the portal's static files, on
// one port. This file wires; ws-messages.ts owns a message's path, publish.ts the pushes after commit.
// Backpressure: uWS buffers up to BACKPRESSURE_BYTES_MAX per WebSocket; past it the connection is closed, by a reply
// (ws-messages.ts) or a push (closeOnBackpressureLimit) alike. Shutdown closes the listen socket, then every connection (1001).
import { BACKPRESSURE_BYTES_MAX, FRAME_BYTES_MAX } from '../../schemas/limits.ts';
import type { Engine } from '../engine.ts';
import type { Authenticator } from './auth.ts';
import { newConnection, type Connection } from './connection.ts';
import { loadStaticFiles, serveHttp } from './http.ts';
import { serveHttpApi } from './http-api.ts';
import { serveAccessLogCsv } from './http-access-log.ts';
import { serveAttachments } from './http-attachments.ts';
import { serveImports } from './catalog-import/http-import.ts';
import { Metrics } from './metrics.ts';
import { publishCommits } from './publish.ts';
import { Sessions } from './sessions.ts';
import { lockoutLine, newSignIn, type SignIn } from './sign-in.ts';
import { OidcRelyingParty, type OidcSettings } from './oidc.ts';
import { serveAuthConfig, serveOidc } from './http-oidc.ts';
import { loadNativeUws } from './uws.ts';
import { AddressCounts, admit, type Admission } from './ws-admission.ts';
import { connectionContext, type Shared } from './ws-context.ts';
import { storageHealth, storageMetrics } from './storage-report.ts';
import { messageHandler } from './ws-messages.ts';
import type { ReadPool } from './read-pool.ts';

type Ws = import('uWebSockets.js').WebSocket<Connection>;
type App = import('uWebSockets.js').TemplatedApp;

export interface ServerOptions {
  port: number;
  engine: Engine;
  auth: Authenticator;
  portalDir: string;
  clockMs: () => number;
  /** Origins a browser may open /ws from (ALLOWED_ORIGINS); null: the engine's own only. */
  allowedOrigins?: readonly string[] | null;
  /** Password sign-in on (demo data) or off (production, sign-in through the IdP). */
  passwordSignIn: boolean;
  /** OIDC sign-in (GET /auth/login, /auth/callback); null: off. */
  oidc: OidcSettings | null;
  /** Issue 17: every node's base URL (NODE_URLS), told to the portal so it can reconnect to another node. */
  nodeUrls?: readonly string[];
  /** Issue 17: read workers answering read-only queries from replicas; null or absent: every op on this thread. */
  readPool?: ReadPool | null;
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
function serveWebSocket(
  app: App,
  shared: Shared,
  metrics: Metrics,
  sockets: Set<Ws>,
  admission: Admission,
  readPool: ReadPool | null,
): void {
  app.ws<Connection>('/ws', {
    maxPayloadLength: UWS_PAYLOAD_BYTES_MAX,
    maxBackpressure: BACKPRESSURE_BYTES_MAX,
    // A subscriber past the limit is closed, not skipped: it would miss pushes silently (test/slow-consumer.process).
    // A boolean in uWS; its typings say number.
    closeOnBackpressureLimit: 1,
    idleTimeout: 120,
    sendPingsAutomatically: true,
    upgrade: (res, req, context) => {
      const address = admit(res, req, admission);
      if (address === null) return;
      res.upgrade(
        newConnection(address),
        req.getHeader('sec-websocket-key'),
        req.getHeader('sec-websocket-protocol'),
        req.getHeader('sec-websocket-extensions'),
        context,
      );
    },
    open: (ws) => {
      sockets.add(ws);
      admission.counts.opened(ws.getUserData().address);
      ws.getUserData().context = connectionContext(ws, ws.getUserData(), shared);
    },
    message: messageHandler(metrics, readPool),
    close: (ws) => {
      ws.getUserData().closed = true;
      admission.counts.closed(ws.getUserData().address);
      sockets.delete(ws);
    },
  });
}

/** Sign-in state shared by every connection; a lockout is a stdout line and a count in /metrics. */
function signInOf(options: ServerOptions, metrics: Metrics): SignIn {
  const enabled = { passwordEnabled: options.passwordSignIn, oidcEnabled: options.oidc !== null };
  return newSignIn(enabled, options.clockMs, (lockout) => {
    metrics.loginLockouts++;
    console.log(lockoutLine(lockout));
  });
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const uws = loadNativeUws();
  const { engine } = options;
  const sessions = new Sessions(options.clockMs);
  engine.replication?.shareSessions(sessions); // issue 17: sessions survive a failover
  const metrics = new Metrics();
  const sockets = new Set<Ws>();
  const app = uws.App();
  engine.onBatch = (n) => metrics.commitBatch(n);
  publishCommits(app, engine, metrics);

  const admission = { allowedOrigins: options.allowedOrigins ?? null, counts: new AddressCounts() };
  const signIn = signInOf(options, metrics);
  const shared = { engine, sessions, auth: options.auth, signIn, clockMs: options.clockMs };
  const readPool = options.readPool ?? null;
  serveWebSocket(app, shared, metrics, sockets, admission, readPool);
  const rp = options.oidc === null ? null : new OidcRelyingParty(options.oidc, options.clockMs);
  serveAuthConfig(app, signIn, rp, options.nodeUrls ?? []);
  if (rp !== null) serveOidc(app, engine, signIn, rp, options.clockMs);

  serveHttpApi(app, engine);
  serveAttachments(app, engine, sessions, options.clockMs);
  serveAccessLogCsv(app, engine, sessions, options.clockMs);
  serveImports(app, engine, sessions, options.clockMs);
  const files = loadStaticFiles(options.portalDir);
  serveHttp(
    app,
    files,
    () => ({
      health: {
        seq: engine.state.seq,
        store: engine.store.kind,
        connections: sockets.size,
        ...storageHealth(engine.storage),
        ...(engine.replication === null ? {} : { replication: engine.replication.health() }), // issue 17
      },
      metrics: () => {
        const stats = engine.store.stats();
        return `${metrics.render({
          connections: sockets.size,
          sessions: sessions.size,
          journalEntries: stats.journalEntries,
          bytesOnDisk: stats.bytesOnDisk,
          commitsInFlight: engine.commitsInFlight,
          seq: engine.state.seq,
        })}${storageMetrics(engine.storage)}${readPool?.render() ?? ''}${engine.replication?.metrics() ?? ''}`;
      },
    }),
    options.nodeUrls ?? [],
  );

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
