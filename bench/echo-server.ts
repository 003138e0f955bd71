// Pure uWebSockets.js echo server on /ws: the ceiling reference for the bench driver (refuses to run on uWS's slow `ws` fallback).
// Usage: node --import tsx bench/echo-server.ts [port|0] [--exit-with-stdin]; prints `listening <port>`, exits on SIGTERM.
import type * as UwsTypes from 'uWebSockets.js';
import type { Uws } from '../engine/io/uws.ts';
import { loadNativeUws } from '../engine/io/uws.ts';

/** Largest message the echo server accepts. */
const PAYLOAD_BYTES_MAX = 64 * 1024;
const BACKPRESSURE_BYTES_MAX = 1024 * 1024;
const IDLE_TIMEOUT_S = 120;
const HOST = '127.0.0.1';

// The same check as the engine's: the package silently falls back to `ws`, which would measure `ws`, not uWS.
let uws: Uws;
try {
  uws = loadNativeUws();
} catch (error) {
  process.stderr.write(`echo-server: ${(error as Error).message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
/** With --exit-with-stdin the server exits when its stdin closes, i.e. when the parent process dies. */
const exitWithStdin = args.includes('--exit-with-stdin');
const portArg = args.find((a) => !a.startsWith('--')) ?? process.env.ECHO_PORT ?? '0';
const port = Number(portArg);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`echo-server: bad port ${portArg}\n`);
  process.exit(1);
}

let listenSocket: UwsTypes.us_listen_socket | null = null;

uws
  .App()
  .ws('/ws', {
    compression: uws.DISABLED,
    maxPayloadLength: PAYLOAD_BYTES_MAX,
    maxBackpressure: BACKPRESSURE_BYTES_MAX,
    idleTimeout: IDLE_TIMEOUT_S,
    message: (ws, message, isBinary) => {
      ws.send(message, isBinary);
    },
  })
  .listen(HOST, port, (socket) => {
    if (!socket) {
      process.stderr.write(`echo-server: cannot listen on ${HOST}:${port}\n`);
      process.exit(1);
    }
    listenSocket = socket;
    process.stdout.write(`listening ${uws.us_socket_local_port(socket)}\n`);
  });

function stop(): void {
  if (listenSocket !== null) uws.us_listen_socket_close(listenSocket);
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (exitWithStdin) {
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}
