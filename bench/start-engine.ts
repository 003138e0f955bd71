// Spawns the engine (bench/engine-child.ts) on its own core as an operator would: PORT=0, a data dir, a seed scale; waits for the ready line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENGINE_CHILD = fileURLToPath(new URL('./engine-child.ts', import.meta.url));
const MEM_LINE_PREFIX = 'bench-mem ';
const GC_LINE_PREFIX = 'bench-gc ';
/** Seeding `large` (1 M persons, 2 M individuals) takes minutes on 2 cores; a plain start takes seconds. */
export const ENGINE_READY_MS_MAX = 10 * 60_000;
const ENGINE_STOP_MS_MAX = 30_000;
const MEM_REPLY_MS_MAX = 5_000;
/** Output kept for error messages. */
const OUTPUT_CHARS_MAX = 20_000;
const READY_LINE = /aidstock ready on http:\/\/localhost:(\d+) in ([\d.]+) s, rss (\d+) MB/;

export type SeedScale = 'tiny' | 'demo' | 'large';

export interface EngineStartOptions {
  scale: SeedScale;
  /** Reused between starts to measure a cold start on existing data; a fresh temp dir by default. */
  dataDir?: string;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir', dir]. */
  nodeFlags?: string[];
  /** Another engine-child.ts (e.g. next to a patched copy of engine/, for a before/after comparison). */
  childScript?: string;
}

export interface BenchEngine {
  pid: number;
  port: number;
  wsUrl: string;
  httpUrl: string;
  dataDir: string;
  /** What the engine printed: seconds from its process start to serving, and RSS then. */
  readySelfS: number;
  readyRssMb: number;
  /** Wall clock from spawn to the ready line (includes Node and tsx start-up): what an operator waits. */
  readyWallS: number;
  memory(): Promise<NodeJS.MemoryUsage>;
  /** GC pauses in the engine since the previous call (the first call counts from start). */
  gcPauses(): Promise<GcPauses>;
  /** The engine's recent stdout and stderr (for error messages), and whether it has exited. */
  output(): string;
  exited(): boolean;
  /** SIGTERM (the engine flushes LMDB and exits) and wait. */
  stop(): Promise<void>;
}

export interface GcPauses {
  count: number;
  totalMs: number;
  maxMs: number;
  /** Pauses of 1 ms or more. */
  longCount: number;
}

export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `aidstock-bench-${label}-`));
}

export function startBenchEngine(options: EngineStartOptions): Promise<BenchEngine> {
  const dataDir = options.dataDir ?? tempDir('engine');
  const spawnedMs = performance.now();
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', 'tsx', options.childScript ?? ENGINE_CHILD],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, SEED_SCALE: options.scale, STORE: 'lmdb' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (text: string): void => {
    output = (output + text).slice(-OUTPUT_CHARS_MAX);
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // One outstanding question per kind: the bench asks, waits, then asks again.
  const waiters = new Map<string, (json: string) => void>();
  let stdoutLine = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', keep);

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), ENGINE_STOP_MS_MAX);
    await exited;
    clearTimeout(timer);
  };

  const ask = <T>(command: string, prefix: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`engine did not answer ${command}`)), MEM_REPLY_MS_MAX);
      waiters.set(prefix, (json) => {
        clearTimeout(timer);
        resolve(JSON.parse(json) as T);
      });
      child.stdin.write(`${command}\n`);
    });

  return new Promise<BenchEngine>((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`engine not ready within ${ENGINE_READY_MS_MAX} ms:\n${output}`));
    }, ENGINE_READY_MS_MAX);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`engine exited (code ${code}, signal ${signal}) before ready:\n${output}`));
    });
    child.stdout.on('data', (chunk: string) => {
      keep(chunk);
      stdoutLine += chunk;
      for (let newlineAt = stdoutLine.indexOf('\n'); newlineAt >= 0; newlineAt = stdoutLine.indexOf('\n')) {
        const line = stdoutLine.slice(0, newlineAt);
        stdoutLine = stdoutLine.slice(newlineAt + 1);
        const prefix = [MEM_LINE_PREFIX, GC_LINE_PREFIX].find((p) => line.startsWith(p));
        if (prefix !== undefined) {
          waiters.get(prefix)?.(line.slice(prefix.length));
          waiters.delete(prefix);
          continue;
        }
        const m = READY_LINE.exec(line);
        if (m === null || ready) continue;
        ready = true;
        clearTimeout(timer);
        const port = Number(m[1]);
        resolve({
          pid: child.pid ?? -1,
          port,
          wsUrl: `ws://127.0.0.1:${port}/ws`,
          httpUrl: `http://127.0.0.1:${port}`,
          dataDir,
          readySelfS: Number(m[2]),
          readyRssMb: Number(m[3]),
          readyWallS: Math.round(performance.now() - spawnedMs) / 1000,
          memory: () => ask<NodeJS.MemoryUsage>('mem', MEM_LINE_PREFIX),
          gcPauses: () => ask<GcPauses>('gc', GC_LINE_PREFIX),
          output: () => output,
          exited: () => child.exitCode !== null || child.signalCode !== null,
          stop,
        });
      }
    });
  });
}
