// Starts the real engine as a child process (as an operator would) and waits for its ready line.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const READY_TIMEOUT_MS = 90_000;

export interface EngineProcess {
  port: number;
  url: string;
  wsUrl: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL (kill -9) and wait for exit. */
  kill9(): Promise<void>;
}

/** Every engine this test process started: killed when it exits, so a test that timed out leaves none running. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function tempDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `aidstock-${label}-`));
}

export interface StartOptions {
  dataDir?: string;
  scale?: 'tiny' | 'demo' | 'large';
  store?: 'lmdb' | 'memory';
  env?: Record<string, string>;
}

export function startEngine(options: StartOptions = {}): Promise<EngineProcess> {
  const dataDir = options.dataDir ?? tempDataDir('engine');
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      SEED_SCALE: options.scale ?? 'tiny',
      STORE: options.store ?? 'lmdb',
      // The single thread unless a test asks for read workers: a replica per engine would add a second load and a
      // thread to each of the suite's engine starts on CI's two cores (minutes in all). The workers' own tests
      // (read-replicas, replication) set READ_WORKERS, and bench-smoke runs the engine's default.
      READ_WORKERS: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`engine not ready:\n${output}`));
    }, READY_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /aidstock ready on http:\/\/localhost:(\d+)/.exec(output);
      if (match === null) return;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({
        port,
        url: `http://127.0.0.1:${port}`,
        wsUrl: `ws://127.0.0.1:${port}/ws`,
        dataDir,
        child,
        output: () => output,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
        kill9: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`engine exited with ${code} before ready:\n${output}`));
    });
  });
}
