// Spawns the engine (bench/engine-child.ts) on its own core as an operator would: PORT=0, a data dir, a seed scale; waits for the ready line.
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
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
// Issue 16, bench: the history scales (Halland, Stockholm) bench/history.ts starts engines at.
export type EngineScale = SeedScale | 'history' | 'history-stockholm';

export interface EngineStartOptions {
  scale: EngineScale;
  /** Reused between starts to measure a cold start on existing data; a fresh temp dir by default. */
  dataDir?: string;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir', dir]. */
  nodeFlags?: string[];
  /** Another engine-child.ts (e.g. next to a patched copy of engine/, for a before/after comparison). */
  childScript?: string;
  /** Issue 16, bench: time allowed to the ready line (seeding a history scale takes longer than ENGINE_READY_MS_MAX). */
  readyMsMax?: number;
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
  /** Issue 16, bench: the ready line as printed (it also counts articles, persons and individuals). */
  readyLine: string;
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

type EngineChild = ChildProcessByStdio<Writable, Readable, Readable>;

export function startBenchEngine(options: EngineStartOptions): Promise<BenchEngine> {
  const dataDir = options.dataDir ?? tempDir('engine');
  const spawnedMs = performance.now();
  const child = spawnEngineChild(options, dataDir);
  const tail = new OutputTail();
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', tail.keep);
  const questions = new ChildQuestions(child);
  const handle = (ready: RegExpExecArray, line: string): BenchEngine => {
    const port = Number(ready[1]);
    return {
      pid: child.pid ?? -1,
      port,
      wsUrl: `ws://127.0.0.1:${port}/ws`,
      httpUrl: `http://127.0.0.1:${port}`,
      dataDir,
      readySelfS: Number(ready[2]),
      readyRssMb: Number(ready[3]),
      readyWallS: Math.round(performance.now() - spawnedMs) / 1000,
      readyLine: line,
      memory: () => questions.ask<NodeJS.MemoryUsage>('mem', MEM_LINE_PREFIX),
      gcPauses: () => questions.ask<GcPauses>('gc', GC_LINE_PREFIX),
      output: () => tail.text,
      exited: () => hasExited(child),
      stop: () => stopChild(child),
    };
  };
  return new Promise<BenchEngine>((resolve, reject) => {
    let ready = false;
    const readyMsMax = options.readyMsMax ?? ENGINE_READY_MS_MAX;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`engine not ready within ${readyMsMax} ms:\n${tail.text}`));
    }, readyMsMax);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`engine exited (code ${code}, signal ${signal}) before ready:\n${tail.text}`));
    });
    onLines(child, tail, (line) => {
      if (questions.answer(line)) return;
      const m = READY_LINE.exec(line);
      if (m === null || ready) return;
      ready = true;
      clearTimeout(timer);
      resolve(handle(m, line));
    });
  });
}

function spawnEngineChild(options: EngineStartOptions, dataDir: string): EngineChild {
  return spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', 'tsx', options.childScript ?? ENGINE_CHILD],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, SEED_SCALE: options.scale, STORE: 'lmdb' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
}

/** The child's recent stdout and stderr, kept for error messages. */
class OutputTail {
  text = '';
  readonly keep = (chunk: string): void => {
    this.text = (this.text + chunk).slice(-OUTPUT_CHARS_MAX);
  };
}

/** Calls `onLine` for every complete stdout line, after keeping the chunk in the tail. */
function onLines(child: EngineChild, tail: OutputTail, onLine: (line: string) => void): void {
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    tail.keep(chunk);
    pending += chunk;
    for (let newlineAt = pending.indexOf('\n'); newlineAt >= 0; newlineAt = pending.indexOf('\n')) {
      const line = pending.slice(0, newlineAt);
      pending = pending.slice(newlineAt + 1);
      onLine(line);
    }
  });
}

/** Questions to the child on stdin, answered by a prefixed stdout line. One outstanding question per kind. */
class ChildQuestions {
  private readonly waiters = new Map<string, (json: string) => void>();
  constructor(private readonly child: EngineChild) {}

  ask<T>(command: string, prefix: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`engine did not answer ${command}`)), MEM_REPLY_MS_MAX);
      this.waiters.set(prefix, (json) => {
        clearTimeout(timer);
        resolve(JSON.parse(json) as T);
      });
      this.child.stdin.write(`${command}\n`);
    });
  }

  /** True when the line answered a question (and is no other line). */
  answer(line: string): boolean {
    const prefix = [MEM_LINE_PREFIX, GC_LINE_PREFIX].find((p) => line.startsWith(p));
    if (prefix === undefined) return false;
    this.waiters.get(prefix)?.(line.slice(prefix.length));
    this.waiters.delete(prefix);
    return true;
  }
}

const hasExited = (child: EngineChild): boolean => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM (the engine flushes LMDB and exits), SIGKILL after ENGINE_STOP_MS_MAX. */
async function stopChild(child: EngineChild): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), ENGINE_STOP_MS_MAX);
  await exited;
  clearTimeout(timer);
}
