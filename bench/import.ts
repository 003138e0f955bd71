// Catalog import bench (issue 14): a 100 000-row import file against the seeded `demo` catalog (80 000 new articles,
// 20 000 changed), uploaded for a dry run, then applied while one connection reads `stock.get` in a closed loop
// (1 connection × 1 in flight), next to the raw uWS echo of the same frames measured in the same run.
// Targets: dry run < 10 s, apply < 60 s, stock.get p99 during the apply ≤ echo p99 + 1 ms.
// Usage: npm run bench:import [-- --rows 100000] [--profile]   (--profile: the engine writes a CPU profile to a
// temp dir on exit, for `node --cpu-prof`-style analysis of a missed target)
// Writes bench/results/import.json and bench/results/import.md (the section for bench/REPORT.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SEED_DEFAULT } from '../engine/seed/seed-store.ts';
import { generateCatalogTables, SCALES } from '../engine/seed/generate.ts';
import { importFileText } from '../test/helpers/import-file.ts';
import { runLoad, type LoadResult, type Workload } from './driver/load.ts';
import { startEcho } from './driver/start-echo.ts';
import { BenchClient, loginTokens } from './engine-client.ts';
import { REPO_ROOT, startBenchEngine, tempDir } from './start-engine.ts';

const TARGET_DRY_RUN_S = 10;
const TARGET_APPLY_S = 60;
const TARGET_DELTA_US = 1_000;
const WARMUP_MS = 1_000;
/** The read window during the apply; the apply must outlast it (checked and reported). */
const WINDOW_MS = 15_000;
const IDLE_MS = 10_000;
const POLL_MS = 250;
/** Articles stock.get reads (existing ones, so every reply is a real balance, none a not_found). */
const READ_ARTNOS = 4096;

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, profile: { type: 'boolean', default: false } },
});
const rows = Number(values.rows);

interface Status {
  importId: string;
  state: string;
  counts: Record<string, number>;
  toApply: number;
  written: number;
  failed: number;
  batches: { done: number; total: number };
  startedMs: number | null;
  finishedMs: number | null;
}

/** The seeded `demo` catalog as the engine has it (same scale and seed). */
function demoCatalog() {
  return generateCatalogTables(SCALES.demo.articles, SEED_DEFAULT);
}

function stockGetWorkload(catalog: ReturnType<typeof demoCatalog>): Workload {
  const artNos = [...catalog.articles.keys()].slice(0, READ_ARTNOS);
  return {
    name: 'stock.get',
    mix: [{ weight: 1, op: 'stock.get', args: (i) => ({ artNo: artNos[i % artNos.length] }) }],
  };
}

function fileFor(catalog: ReturnType<typeof demoCatalog>, articleRows: number): string {
  const isoCodes = [...catalog.iso.values()].filter((node) => node.level === 3).map((node) => node.code);
  return importFileText(
    { isoCodes, supplierIds: [...catalog.suppliers.keys()], articles: [...catalog.articles.values()] },
    { rows: articleRows, changed: Math.min(SCALES.demo.articles, Math.floor(articleRows / 5)), tag: 'bench' },
  );
}

function summary(r: LoadResult) {
  return {
    throughputPerS: Math.round(r.throughputPerS),
    latencyUs: r.latencyUs,
    requests: r.requests,
    errors: r.errors,
  };
}

const fmtUs = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${Math.round(us)} µs`);

type Read = (url: string, mode: 'echo' | 'reply', durationMs: number) => Promise<LoadResult>;
type Engine = Awaited<ReturnType<typeof startBenchEngine>>;

/** Uploads the file: the dry run's status and its wall time (upload → reply). */
async function dryRun(
  engine: Engine,
  token: string,
  bytes: Buffer<ArrayBuffer>,
): Promise<{ planned: Status; dryRunS: number }> {
  const started = performance.now();
  const res = await fetch(`${engine.httpUrl}/api/imports`, {
    method: 'POST',
    body: bytes,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'x-file-name': 'bench.csv' },
  });
  const planned = (await res.json()) as Status;
  const dryRunS = (performance.now() - started) / 1000;
  if (res.status !== 201) throw new Error(`dry run refused: ${JSON.stringify(planned)}`);
  process.stdout.write(`dry run ${dryRunS.toFixed(2)} s: ${JSON.stringify(planned.counts)}\n`);
  return { planned, dryRunS };
}

/** One admin op on a connection of its own (the load connection stays untouched). */
async function adminCall(engine: Engine, token: string, op: string, args: unknown): Promise<Status> {
  const client = await BenchClient.connect(engine.wsUrl);
  try {
    await client.call('session.resume', { token });
    return (await client.call(op, args)) as Status;
  } finally {
    await client.close();
  }
}

/** Starts the apply, reads stock.get 1×1 during it, then waits for its end. */
async function applyWhileReading(engine: Engine, token: string, importId: string, read: Read) {
  const applyStarted = performance.now();
  await adminCall(engine, token, 'admin.importApply', { importId });
  const during = await read(engine.wsUrl, 'reply', WINDOW_MS);
  const windowEnded = performance.now();
  let status = await adminCall(engine, token, 'admin.importStatus', { importId });
  while (status.state === 'applying') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    status = await adminCall(engine, token, 'admin.importStatus', { importId });
  }
  const applyS = ((status.finishedMs ?? 0) - (status.startedMs ?? 0)) / 1000;
  return {
    status,
    during,
    applyS,
    applyWallS: (performance.now() - applyStarted) / 1000,
    coveredWindow: applyStarted + applyS * 1000 >= windowEnded,
  };
}

async function main(): Promise<void> {
  const catalog = demoCatalog();
  const workload = stockGetWorkload(catalog);
  const bytes = Buffer.from(fileFor(catalog, rows));
  process.stdout.write(`import file: ${rows} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB\n`);
  const profileDir = values.profile ? tempDir('import-prof') : null;
  const engine = await startBenchEngine({
    scale: 'demo',
    ...(profileDir === null ? {} : { nodeFlags: ['--cpu-prof', '--cpu-prof-dir', profileDir] }),
  });
  const echo = await startEcho();
  try {
    const tokens = await loginTokens(engine.wsUrl, ['admin', 'hmc1']);
    const read: Read = (url, mode, durationMs) =>
      runLoad({
        url,
        mode,
        connections: 1,
        pipeline: 1,
        warmupMs: WARMUP_MS,
        durationMs,
        encoding: 'msgpack',
        workload,
        ...(mode === 'reply' ? { setup: () => [{ op: 'session.resume', args: { token: tokens.hmc1 } }] } : {}),
      });
    const echoBefore = await read(echo.url, 'echo', IDLE_MS);
    const idle = await read(engine.wsUrl, 'reply', IDLE_MS);
    const { planned, dryRunS } = await dryRun(engine, tokens.admin!, bytes);
    const applied = await applyWhileReading(engine, tokens.admin!, planned.importId, read);
    const echoAfter = await read(echo.url, 'echo', IDLE_MS);
    const result = resultOf({ bytes: bytes.length, planned, dryRunS, ...applied, idle, echoBefore, echoAfter });
    const resultsDir = path.join(REPO_ROOT, 'bench', 'results');
    fs.writeFileSync(path.join(resultsDir, 'import.json'), `${JSON.stringify(result, null, 2)}\n`);
    fs.writeFileSync(path.join(resultsDir, 'import.md'), reportSection(result));
    process.stdout.write(reportSection(result));
    if (profileDir !== null) process.stdout.write(`engine CPU profile (written on exit) in ${profileDir}\n`);
  } finally {
    await echo.stop();
    await engine.stop();
  }
}

interface Measured {
  bytes: number;
  planned: Status;
  dryRunS: number;
  status: Status;
  during: LoadResult;
  applyS: number;
  applyWallS: number;
  coveredWindow: boolean;
  idle: LoadResult;
  echoBefore: LoadResult;
  echoAfter: LoadResult;
}

function resultOf(m: Measured) {
  const echoP99 = Math.min(m.echoBefore.latencyUs.p99, m.echoAfter.latencyUs.p99);
  const deltaUs = m.during.latencyUs.p99 - echoP99;
  return {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '',
      loadAvg1: os.loadavg()[0],
      node: process.version,
    },
    scale: 'demo',
    rows,
    bytes: m.bytes,
    counts: m.planned.counts,
    dryRunS: m.dryRunS,
    applyS: m.applyS,
    applyWallS: m.applyWallS,
    applyState: m.status.state,
    written: m.status.written,
    failed: m.status.failed,
    batches: m.status.batches.total,
    readWindowCoveredByApply: m.coveredWindow,
    stockGetDuringApply: summary(m.during),
    stockGetIdle: summary(m.idle),
    echoBefore: summary(m.echoBefore),
    echoAfter: summary(m.echoAfter),
    echoP99Us: echoP99,
    targets: {
      dryRun: { targetS: TARGET_DRY_RUN_S, ok: m.dryRunS < TARGET_DRY_RUN_S },
      apply: { targetS: TARGET_APPLY_S, ok: m.applyS < TARGET_APPLY_S && m.status.state === 'applied' },
      stockGetP99: { targetDeltaUs: TARGET_DELTA_US, deltaUs, ok: deltaUs <= TARGET_DELTA_US },
    },
    command: `npm run bench:import -- --rows ${rows}`,
  };
}

type Result = {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; loadAvg1: number | undefined; node: string };
  rows: number;
  bytes: number;
  counts: Record<string, number>;
  dryRunS: number;
  applyS: number;
  batches: number;
  written: number;
  readWindowCoveredByApply: boolean;
  stockGetDuringApply: ReturnType<typeof summary>;
  stockGetIdle: ReturnType<typeof summary>;
  echoP99Us: number;
  targets: { dryRun: { ok: boolean }; apply: { ok: boolean }; stockGetP99: { deltaUs: number; ok: boolean } };
  command: string;
};

function reportSection(r: Result): string {
  const mark = (ok: boolean) => (ok ? '✅' : '❌');
  const during = r.stockGetDuringApply.latencyUs;
  const idle = r.stockGetIdle.latencyUs;
  return `## Catalog import (CSV)

_\`${r.command}\` on ${r.generatedAt}: ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}, load average ${r.machine.loadAvg1?.toFixed(2)} at the end. Raw figures: [results/import.json](results/import.json)._

A generated file of ${r.rows.toLocaleString('en-US')} rows (${(r.bytes / 1024 / 1024).toFixed(1)} MB; ${r.counts.new} new, ${r.counts.changed} changed, ${r.counts.unchanged} unchanged, ${r.counts.error} errors) against the \`demo\` catalog, uploaded to \`POST /api/imports\` (dry run: parse with csv-parse, plan against the state) and applied with \`admin.importApply\` (${r.batches} batches, ${r.written} articles written). During the apply one connection reads \`stock.get\` in a closed loop (1×1); the raw uWS echo of the same frames ran in the same run (the lower p99 of a run before and one after is used).

| figure | target | measured | |
| --- | --- | --- | --- |
| dry run of ${r.rows.toLocaleString('en-US')} rows (upload → reply) | < 10 s | ${r.dryRunS.toFixed(2)} s | ${mark(r.targets.dryRun.ok)} |
| apply (first batch → last durable) | < 60 s | ${r.applyS.toFixed(2)} s | ${mark(r.targets.apply.ok)} |
| \`stock.get\` p99 at 1×1 during the apply | ≤ echo p99 + 1 ms | ${fmtUs(during.p99)} vs echo ${fmtUs(r.echoP99Us)} (${r.targets.stockGetP99.deltaUs >= 0 ? '+' : '−'}${fmtUs(Math.abs(r.targets.stockGetP99.deltaUs))})${r.readWindowCoveredByApply ? '' : ' (the apply ended before the read window)'} | ${mark(r.targets.stockGetP99.ok)} |

\`stock.get\` 1×1 during the apply: ${r.stockGetDuringApply.throughputPerS}/s, p50 ${fmtUs(during.p50)}, p99 ${fmtUs(during.p99)}, p99.9 ${fmtUs(during.p999)}, max ${fmtUs(during.max)}, errors ${r.stockGetDuringApply.errors}; idle before the import: ${r.stockGetIdle.throughputPerS}/s, p50 ${fmtUs(idle.p50)}, p99 ${fmtUs(idle.p99)}, p99.9 ${fmtUs(idle.p999)}.
`;
}

await main();
