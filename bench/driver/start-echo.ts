// Spawn bench/echo-server.ts as a child process (its own event loop and core) and hand back its port.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Time allowed for the echo server to print `listening <port>`. */
export const ECHO_START_MS_MAX = 15_000;
/** Time allowed for a clean SIGTERM exit before SIGKILL. */
export const ECHO_STOP_MS_MAX = 3_000;

const ECHO_SERVER_PATH = fileURLToPath(new URL('../echo-server.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface EchoServer {
  port: number;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export function startEcho(port = 0): Promise<EchoServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', ECHO_SERVER_PATH, String(port), '--exit-with-stdin'], {
    cwd: REPO_ROOT,
    // stdin stays an open pipe: the server exits when it closes, so a crashed parent leaves no orphan.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((res) => child.once('exit', () => res()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), ECHO_STOP_MS_MAX);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<EchoServer>((resolve, reject) => {
    let out = '';
    const fail = (err: Error): void => {
      clearTimeout(timer);
      void stop();
      reject(err);
    };
    const timer = setTimeout(() => fail(new Error(`echo server did not start within ${ECHO_START_MS_MAX} ms`)), ECHO_START_MS_MAX);
    child.once('error', fail);
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      fail(new Error(`echo server exited early (code ${code}, signal ${signal})`));
    child.once('exit', onEarlyExit);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const m = /listening (\d+)/.exec(out);
      if (m === null) return;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      const listenPort = Number(m[1]);
      resolve({ port: listenPort, url: `ws://127.0.0.1:${listenPort}/ws`, pid: child.pid ?? -1, stop });
    });
  });
}
