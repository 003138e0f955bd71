// Spawn bench/echo-server.ts as a child process (its own event loop and core) and hand back its port.
import { fileURLToPath } from 'node:url';
import { spawnListening, SERVER_START_MS_MAX, SERVER_STOP_MS_MAX } from './spawn-listening.ts';

/** Time allowed for the echo server to print `listening <port>`. */
export const ECHO_START_MS_MAX = SERVER_START_MS_MAX;
/** Time allowed for a clean SIGTERM exit before SIGKILL. */
export const ECHO_STOP_MS_MAX = SERVER_STOP_MS_MAX;

const ECHO_SERVER_PATH = fileURLToPath(new URL('../echo-server.ts', import.meta.url));

export interface EchoServer {
  port: number;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startEcho(port = 0): Promise<EchoServer> {
  const server = await spawnListening(ECHO_SERVER_PATH, [String(port), '--exit-with-stdin'], 'echo server');
  return { ...server, url: `ws://127.0.0.1:${server.port}/ws` };
}
