// Spawns bench/http-hello-server.ts as a child process (its own event loop and core) and hands back its URL.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './start-engine.ts';

const HELLO_SERVER_PATH = fileURLToPath(new URL('./http-hello-server.ts', import.meta.url));
const HELLO_START_MS_MAX = 15_000;
const HELLO_STOP_MS_MAX = 3_000;

export interface HelloServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export function startHello(): Promise<HelloServer> {
  // stdin stays an open pipe: the server exits when it closes, so a crashed parent leaves no orphan.
  const child = spawn(process.execPath, ['--import', 'tsx', HELLO_SERVER_PATH, '0'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), HELLO_STOP_MS_MAX);
    await exited;
    clearTimeout(timer);
  };
  return new Promise<HelloServer>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`hello server did not start within ${HELLO_START_MS_MAX} ms`));
    }, HELLO_START_MS_MAX);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hello server exited early (code ${code})`));
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const m = /listening (\d+)/.exec(out);
      if (m === null) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve({ url: `http://127.0.0.1:${m[1]}`, pid: child.pid ?? -1, stop });
    });
  });
}
