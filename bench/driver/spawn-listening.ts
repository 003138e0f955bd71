// Spawns a reference server script as a child process (its own event loop and core) and waits for its
// `listening <port>` line. Shared by the echo and the HTTP hello servers.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Time allowed for a server to print `listening <port>`. */
export const SERVER_START_MS_MAX = 15_000;
/** Time allowed for a clean SIGTERM exit before SIGKILL. */
export const SERVER_STOP_MS_MAX = 3_000;

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ListeningServer {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export function spawnListening(scriptPath: string, args: string[], label: string): Promise<ListeningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', scriptPath, ...args], {
    cwd: REPO_ROOT,
    // stdin stays an open pipe: the server exits when it closes, so a crashed parent leaves no orphan.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), SERVER_STOP_MS_MAX);
    await exited;
    clearTimeout(timer);
  };
  return new Promise<ListeningServer>((resolve, reject) => {
    let out = '';
    const fail = (err: Error): void => {
      clearTimeout(timer);
      void stop();
      reject(err);
    };
    const timer = setTimeout(
      () => fail(new Error(`${label} did not start within ${SERVER_START_MS_MAX} ms`)),
      SERVER_START_MS_MAX,
    );
    child.once('error', fail);
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      fail(new Error(`${label} exited early (code ${code}, signal ${signal})`));
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
      resolve({ port: Number(m[1]), pid: child.pid ?? -1, stop });
    });
  });
}
