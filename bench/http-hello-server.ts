// Raw uWebSockets.js HTTP hello server: the reference for the engine's HTTP figures (same library, nothing behind it).
// Usage: node --import tsx bench/http-hello-server.ts [port|0]; prints `listening <port>`, exits on SIGTERM or when stdin closes.
import type * as UwsTypes from 'uWebSockets.js';
import type { Uws } from '../engine/io/uws.ts';
import { loadNativeUws } from '../engine/io/uws.ts';

const HOST = '127.0.0.1';
/** About the size of the engine's /health body, with the same content type. */
const BODY = JSON.stringify({ status: 'ok', seq: 0, store: 'lmdb', connections: 0 });

// Like the echo server: refuse uWS's JavaScript fallback, which would measure something else.
let uws: Uws;
try {
  uws = loadNativeUws();
} catch (error) {
  process.stderr.write(`http-hello-server: ${(error as Error).message}\n`);
  process.exit(1);
}

const port = Number(process.argv[2] ?? '0');
let listenSocket: UwsTypes.us_listen_socket | null = null;
uws
  .App()
  .get('/*', (res) => {
    res.cork(() => res.writeHeader('content-type', 'application/json').end(BODY));
  })
  .listen(HOST, port, (socket) => {
    if (!socket) {
      process.stderr.write(`http-hello-server: cannot listen on ${HOST}:${port}\n`);
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
process.stdin.on('end', stop);
process.stdin.resume();
