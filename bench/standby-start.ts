// Issue 17: how a standby starts at a history scale (ten years of a region), as an operator would see it. A 3-node
// nats-server cluster on loopback (started here), a primary on DATA_DIR (seeded with SEED_SCALE on its first run,
// reused after) that puts its first snapshot in the object store; then a standby on an empty data directory (download
// the snapshot, open it, load the state, follow the stream) and the same standby restarted on its own directory.
// Both run with READ_WORKERS=0 (the replicas' own start is in read-workers.md). Writes bench/results/standby-start.md.
// `node --import tsx bench/standby-start.ts --data-dir DIR [--scale history]`.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startNatsCluster } from '../test/helpers/nats-cluster.ts';
import { gitInfo } from './report.ts';
import { REPO_ROOT, tempDir } from './start-engine.ts';

const RESULT_FILE = fileURLToPath(new URL('./results/standby-start.md', import.meta.url));
/** Seeding ten years of Stockholm takes long on 2 cores. */
const READY_MS_MAX = 60 * 60_000;
const POLL_MS = 250;
/** The engine's own heap limit at these scales (as README's history start says). */
const OLD_SPACE_MB = 12_000;

interface Node {
  child: ChildProcess;
  output: () => string;
  /** ms from spawn to the first output line matching a pattern. */
  at: (pattern: RegExp) => Promise<number>;
  url: () => string;
  stop: () => Promise<void>;
}

function startNode(env: Record<string, string>): Node {
  const spawnedMs = performance.now();
  const child = spawn(process.execPath, [`--max-old-space-size=${OLD_SPACE_MB}`, '--import', 'tsx', 'engine/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', READ_WORKERS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const seen: Array<{ line: string; ms: number }> = [];
  const waiters: Array<{ pattern: RegExp; resolve: (ms: number) => void }> = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const line of chunk.toString().split('\n')) {
      if (line === '') continue;
      const ms = performance.now() - spawnedMs;
      seen.push({ line, ms });
      for (const w of waiters.filter((x) => x.pattern.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(ms);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    at: (pattern) => {
      const hit = seen.find((s) => pattern.test(s.line));
      if (hit !== undefined) return Promise.resolve(hit.ms);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${pattern} within ${READY_MS_MAX} ms:\n${output}`)),
          READY_MS_MAX,
        );
        waiters.push({
          pattern,
          resolve: (ms) => {
            clearTimeout(timer);
            resolve(ms);
          },
        });
        void exited.then(() => reject(new Error(`exited before ${pattern}:\n${output.slice(-4000)}`)));
      });
    },
    url: () => {
      const match = /aidstock ready on (http:\/\/localhost:\d+)/.exec(output);
      if (match === null) throw new Error('not ready');
      return match[1]!.replace('localhost', '127.0.0.1');
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function health(url: string): Promise<{ seq: number; replication: Record<string, unknown> }> {
  return (await (await fetch(`${url}/health`)).json()) as { seq: number; replication: Record<string, unknown> };
}

async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_MS_MAX;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function rssMbOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024);
}

interface Start {
  label: string;
  snapshotS: number | null;
  snapshotMb: number | null;
  readyS: number;
  readyRssMb: number;
  followingS: number;
  rssMbFollowing: number;
}

/** Spawn → ready line → following the stream at the primary's seq; the download when it bootstraps. */
async function measureStandby(label: string, env: Record<string, string>, primaryUrl: string): Promise<Start> {
  const spawnedMs = performance.now();
  const node = startNode(env);
  try {
    const readyMs = await node.at(/aidstock ready on/);
    const ready = /in ([\d.]+) s, rss (\d+) MB/.exec(node.output())!;
    const snapshot = /bootstrapped from the latest snapshot \((\d+) MB in ([\d.]+) s\)/.exec(node.output());
    const target = (await health(primaryUrl)).seq;
    await until(async () => {
      const h = await health(node.url());
      return h.replication.state === 'following' && h.replication.appliedSeq === target;
    });
    const start: Start = {
      label,
      snapshotS: snapshot === null ? null : Number(snapshot[2]),
      snapshotMb: snapshot === null ? null : Number(snapshot[1]),
      readyS: readyMs / 1000,
      readyRssMb: Number(ready[2]),
      followingS: (performance.now() - spawnedMs) / 1000,
      rssMbFollowing: rssMbOf(node.child.pid!),
    };
    console.log(JSON.stringify(start));
    return start;
  } finally {
    await node.stop();
  }
}

/** The same data directory started as a plain engine (no REPLICATION): what a standby's start is compared with. */
async function measurePlain(dataDir: string): Promise<Start> {
  const node = startNode({ DATA_DIR: dataDir });
  try {
    const readyMs = await node.at(/aidstock ready on/);
    const ready = /in ([\d.]+) s, rss (\d+) MB/.exec(node.output())!;
    const start: Start = {
      label: 'for comparison: the same directory as a plain engine (no REPLICATION)',
      snapshotS: null,
      snapshotMb: null,
      readyS: readyMs / 1000,
      readyRssMb: Number(ready[2]),
      followingS: Number.NaN,
      rssMbFollowing: rssMbOf(node.child.pid!),
    };
    console.log(JSON.stringify(start));
    return start;
  } finally {
    await node.stop();
  }
}

function markdown(scale: string, primary: { readyS: number; seq: number; snapshot: string }, starts: Start[]): string {
  const git = gitInfo();
  const s = (x: number | null) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(1));
  return [
    '# Standby start at a history scale (issue 17)',
    '',
    `Scale \`${scale}\`; a 3-node nats-server cluster (R3) on loopback on the same machine; READ_WORKERS=0 on both nodes; ` +
      `the primary's ready line after ${primary.readyS.toFixed(1)} s at journal seq ${primary.seq}, its first snapshot ` +
      `${primary.snapshot}.`,
    '',
    `Command: \`node --import tsx bench/standby-start.ts --data-dir DIR --scale ${scale}\` — commit ${git.commit}` +
      `${git.dirty ? ' (dirty)' : ''}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}.`,
    '',
    '| standby | snapshot download | spawn → ready line | RSS at ready | spawn → following at the primary’s seq | RSS then |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...starts.map(
      (x) =>
        `| ${x.label} | ${x.snapshotMb === null ? '–' : `${x.snapshotMb} MB in ${s(x.snapshotS)} s`} | ` +
        `${s(x.readyS)} s | ${x.readyRssMb} MB | ${Number.isNaN(x.followingS) ? '–' : `${s(x.followingS)} s`} | ${x.rssMbFollowing} MB |`,
    ),
    '',
    'A standby starts as the engine does (the same load of the same LMDB tables), after it fetched the snapshot when its',
    'data directory was empty; then it follows the stream from the snapshot’s seq. The download is the object store’s',
    'chunks over loopback, written to a `.partial` file and renamed.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, scale: { type: 'string', default: 'history' } },
  });
  const dataDir = path.resolve(values['data-dir'] ?? tempDir('standby-primary'));
  const scale = values.scale!;
  const cluster = await startNatsCluster();
  const prefix = `standby${process.pid}`;
  const env = { REPLICATION: 'jetstream', NATS_URL: cluster.url, REPLICATION_PREFIX: prefix, LEASE_TTL_MS: '10000' };
  const standbyDir = tempDir('standby');
  const primary = startNode({ ...env, ROLE: 'primary', NODE_ID: 'p', DATA_DIR: dataDir, SEED_SCALE: scale });
  try {
    const readyMs = await primary.at(/aidstock ready on/);
    await primary.at(/replication: leading/);
    await primary.at(/replication: snapshot at seq/);
    const snapshot = /snapshot at seq \d+ \((\d+ MB in [\d.]+ s)\)/.exec(primary.output())![1]!;
    const seq = (await health(primary.url())).seq;
    console.log(`primary ready in ${(readyMs / 1000).toFixed(1)} s at seq ${seq}; snapshot ${snapshot}`);
    const standbyEnv = { ...env, ROLE: 'standby', NODE_ID: 's', DATA_DIR: standbyDir };
    const starts = [
      await measureStandby('new, on an empty data directory', standbyEnv, primary.url()),
      await measureStandby('restarted on its own data directory', standbyEnv, primary.url()),
      await measurePlain(standbyDir),
    ];
    fs.writeFileSync(RESULT_FILE, markdown(scale, { readyS: readyMs / 1000, seq, snapshot }, starts));
    console.log(`written ${RESULT_FILE}`);
  } finally {
    await primary.stop();
    await cluster.stop();
    fs.rmSync(standbyDir, { recursive: true, force: true });
    if (values['data-dir'] === undefined) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
