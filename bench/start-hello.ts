// Spawns bench/http-hello-server.ts as a child process (its own event loop and core) and hands back its URL.
import { fileURLToPath } from 'node:url';
import { spawnListening } from './driver/spawn-listening.ts';

const HELLO_SERVER_PATH = fileURLToPath(new URL('./http-hello-server.ts', import.meta.url));

export interface HelloServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startHello(): Promise<HelloServer> {
  const server = await spawnListening(HELLO_SERVER_PATH, ['0'], 'hello server');
  return { url: `http://127.0.0.1:${server.port}`, pid: server.pid, stop: server.stop };
}
