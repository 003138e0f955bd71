// One run of the history bench: prepare the data dir, pick the subjects, cold start, then the reads at 1x1, the hot
// paths at 16x16 against a demo engine, and the GC, each next to the uWS echo. Every server it starts is stopped and
// every temp dir removed, also when a stage fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupDataDir } from '../../engine/store/lmdb-backup.ts';
import { FILE_NAME } from '../../engine/store/lmdb-store.ts';
import { startEcho, type EchoServer } from '../driver/start-echo.ts';
import { loginTokens, sampleCatalog, sampleOrdering } from '../engine-client.ts';
import { diskBytes } from '../proc-stats.ts';
import { cpuPressurePct, gitInfo, machineInfo } from '../report.ts';
import type { MachineInfo } from '../results.ts';
import { startBenchEngine, tempDir, type BenchEngine, type EngineScale } from '../start-engine.ts';
import { WORKLOADS } from '../workloads.ts';
import { historyNodeFlags, prepareDataDir } from './data-dir.ts';
import { dataSize } from './data-size.ts';
import { runLatencyProbes } from './latency.ts';
import { prepareLedger } from './ledger.ts';
import { checkProbes, historyProbes, PROBE_PRESCRIBER, PROBE_REVIEWER, PROBE_STAFF } from './probes.ts';
import { findSubjects } from './subjects.ts';
import { runThroughput, type LoadTarget } from './throughput.ts';
import type { ColdStartFigures, HistoryResult, Subjects } from './types.ts';

const MB = 2 ** 20;
/** Idle after the cold start before memory is read: V8's follow-up major GCs of a freshly loaded heap run meanwhile. */
const SETTLE_MS = 5_000;
const ENGINE_OUTPUT_IN_ERROR_CHARS = 4_000;
/** Exit code after Ctrl-C (128 + SIGINT). */
const INTERRUPTED_EXIT_CODE = 130;
/** The stock keeper who tops up the articles order.place orders (as the quick bench). */
const STOCK_KEEPER = 'hmc1';

export interface HistoryOptions {
  scale: EngineScale;
  /** Reused (and kept) when given; else a temp dir, removed at the end. */
  dataDir: string | null;
  small: boolean;
  warmupMs: number;
  durationMs: number;
  command: string;
  progress: (line: string) => void;
}

interface Live {
  history: BenchEngine | null;
  demo: BenchEngine | null;
  echo: EchoServer | null;
  tempDirs: string[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const loadAvg = (): number => Math.round(os.loadavg()[0]! * 100) / 100;

/** Memory after settling, disk, and an online backup into a temp dir (removed again). */
async function coldStartFigures(engine: BenchEngine, live: Live): Promise<ColdStartFigures> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const mem = await engine.memory();
  const file = path.join(engine.dataDir, FILE_NAME);
  const backupDir = tempDir('history-backup');
  live.tempDirs.push(backupDir);
  const backupStartMs = performance.now();
  const backupFile = await backupDataDir(engine.dataDir, backupDir, Date.now(), 1);
  const backupS = Math.round(performance.now() - backupStartMs) / 1000;
  const backupMb = round1(fs.statSync(backupFile).size / MB);
  fs.rmSync(backupDir, { recursive: true, force: true });
  return {
    readyWallS: engine.readyWallS,
    readySelfS: engine.readySelfS,
    rssMb: round1(mem.rss / MB),
    heapUsedMb: round1(mem.heapUsed / MB),
    heapTotalMb: round1(mem.heapTotal / MB),
    lmdbDiskMb: round1(diskBytes(engine.dataDir) / MB),
    lmdbFileMb: round1(fs.statSync(file).size / MB),
    backupS,
    backupMb,
  };
}

/** Signs in the workloads' and probes' users and samples catalog, order inputs (stock topped up) and the ledger. */
async function loadTarget(engine: BenchEngine, subjects: Subjects | null): Promise<LoadTarget> {
  const users = [...WORKLOADS.map((w) => w.username), PROBE_PRESCRIBER, PROBE_REVIEWER, PROBE_STAFF, STOCK_KEEPER];
  const tokens = await loginTokens(engine.wsUrl, users);
  const sampled = await sampleCatalog(engine.wsUrl, tokens[PROBE_PRESCRIBER]!);
  const ordering = await sampleOrdering(
    engine.wsUrl,
    tokens[PROBE_PRESCRIBER]!,
    tokens[STOCK_KEEPER]!,
    'ot',
    subjects?.orderingPnrs ?? [],
  );
  return { engine, catalog: { ...sampled, ordering }, tokens };
}

/** The prescriber with the most orders signs in for `order.list mine` if they are a demo user; else null. */
async function prescriberToken(url: string, prescriberId: string): Promise<string | null> {
  try {
    return (await loginTokens(url, [prescriberId]))[prescriberId] ?? null;
  } catch {
    return null;
  }
}

/** CPU pressure (PSI some avg60, %) above which the run says other processes competed for the cores (as run.ts). */
const CPU_PRESSURE_BUSY_PCT = 10;

function busyNote(m: MachineInfo): string[] {
  if (m.cpuPressureStart <= CPU_PRESSURE_BUSY_PCT && m.loadAvgStart <= m.cpus) return [];
  return [
    `The machine was busy (load average ${m.loadAvgStart} on ${m.cpus} cores, CPU pressure ${m.cpuPressureStart}%): compare history with demo and echo (measured back to back) rather than absolute figures.`,
  ];
}

/** The last output of an engine that died, added to the error that followed. */
function withEngineOutput(error: unknown, live: Live): Error {
  const message = error instanceof Error ? error.message : String(error);
  const died = [live.history, live.demo].find((e) => e?.exited());
  if (died === undefined || died === null) return error instanceof Error ? error : new Error(message);
  const tail = died.output().slice(-ENGINE_OUTPUT_IN_ERROR_CHARS);
  return new Error(`${message}\nthe engine on ${died.dataDir} exited; its last output:\n${tail}`, { cause: error });
}

async function stopAll(live: Live): Promise<void> {
  await live.echo?.stop();
  await live.demo?.stop();
  await live.history?.stop();
  for (const dir of live.tempDirs) fs.rmSync(dir, { recursive: true, force: true });
}

export async function runHistory(o: HistoryOptions): Promise<HistoryResult> {
  const startMs = performance.now();
  const startedAt = new Date().toISOString();
  // At the start: the machine's load and CPU pressure then, before our engines add to them.
  const machine = machineInfo(loadAvg());
  const live: Live = { history: null, demo: null, echo: null, tempDirs: [] };
  const dataDir = o.dataDir ?? tempDir(`history-${o.scale}`);
  if (o.dataDir === null) live.tempDirs.push(dataDir);
  // Ctrl-C: the engines and echo stop with the run (they also stop when our stdin pipe to them closes); temp dirs go.
  const interrupted = (): void => void stopAll(live).finally(() => process.exit(INTERRUPTED_EXIT_CODE));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const seedingS = await prepareDataDir(o.scale, dataDir, o.small, o.progress);
    o.progress('scanning the data dir for the subjects with the longest histories');
    const { subjects, pickups } = findSubjects(dataDir, o.progress);
    o.progress(
      `  patient ${subjects.patientPnr} (${subjects.patientOrders} orders), individual ${subjects.indNo} (${subjects.indDeliveries} deliveries), prescriber ${subjects.prescriberId} (${subjects.prescriberOrders} orders) in ${subjects.scanS} s`,
    );
    o.progress(`cold start at ${o.scale} on the seeded data dir`);
    live.history = await startBenchEngine({ scale: o.scale, dataDir, nodeFlags: historyNodeFlags() });
    const coldStart = await coldStartFigures(live.history, live);
    o.progress(
      `  ready in ${coldStart.readyWallS} s (engine says ${coldStart.readySelfS} s), rss ${coldStart.rssMb} MB, heap ${coldStart.heapUsedMb}/${coldStart.heapTotalMb} MB, LMDB ${coldStart.lmdbDiskMb} MB, backup ${coldStart.backupS} s`,
    );
    return await measure(o, live, {
      subjects,
      pickups,
      seedingS,
      coldStart,
      dataDir,
      startMs,
      startedAt,
      machine,
    });
  } catch (error) {
    throw withEngineOutput(error, live);
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await stopAll(live);
  }
}

interface Prepared {
  subjects: Subjects;
  pickups: number;
  seedingS: number | null;
  coldStart: ColdStartFigures;
  dataDir: string;
  startMs: number;
  startedAt: string;
  machine: MachineInfo;
}

/** Echo and demo engine up; both engines' inputs sampled, the history's size, ledger and probes (checked once). */
async function prepareInputs(o: HistoryOptions, live: Live, p: Prepared) {
  const history = live.history!;
  live.echo = await startEcho();
  o.progress('demo engine: first start on a fresh temp data dir (seeds)');
  live.demo = await startBenchEngine({ scale: 'demo' });
  live.tempDirs.push(live.demo.dataDir);
  const target = await loadTarget(history, p.subjects);
  const demo = await loadTarget(live.demo, null);
  const staffToken = target.tokens[PROBE_STAFF]!;
  const data = await dataSize(history.wsUrl, history.readyLine, staffToken, target.tokens[PROBE_REVIEWER]!, p.pickups);
  o.progress(`  data: ${JSON.stringify(data)}`);
  const ledger = await prepareLedger(history.wsUrl, staffToken, target.catalog.ordering!.artNos[0]!);
  const ownToken = await prescriberToken(history.wsUrl, p.subjects.prescriberId);
  const tokens = { ...target.tokens, ...(ownToken === null ? {} : { [p.subjects.prescriberId]: ownToken }) };
  const probes = historyProbes(p.subjects, ledger, ownToken === null ? null : p.subjects.prescriberId);
  await checkProbes(history.wsUrl, tokens, probes);
  return { history, echo: live.echo, target, demo, data, ledger, tokens, probes };
}

/** The 1x1 probes and the 16x16 runs on prepared inputs; the result. */
async function measure(o: HistoryOptions, live: Live, p: Prepared): Promise<HistoryResult> {
  const { history, echo, target, demo, data, ledger, tokens, probes } = await prepareInputs(o, live, p);
  o.progress(`1x1 reads with the longest histories (echo, then engine; ${o.durationMs} ms each)`);
  const latency = await runLatencyProbes({
    engineUrl: history.wsUrl,
    echoUrl: echo.url,
    tokens,
    probes,
    warmupMs: o.warmupMs,
    durationMs: o.durationMs,
    gcPauses: history.gcPauses,
    progress: o.progress,
  });
  o.progress('16x16 hot paths: echo, history, demo back to back');
  const throughput = await runThroughput({
    history: target,
    demo,
    echoUrl: echo.url,
    warmupMs: o.warmupMs,
    durationMs: o.durationMs,
    progress: o.progress,
  });
  const endMem = await history.memory();
  const machine = p.machine;
  machine.loadAvgEnd = loadAvg();
  machine.cpuPressureEnd = cpuPressurePct();
  return {
    scale: o.scale,
    startedAt: p.startedAt,
    elapsedS: Math.round(performance.now() - p.startMs) / 1000,
    machine,
    git: gitInfo(),
    command: o.command,
    dataDirReused: p.seedingS === null,
    seedingS: p.seedingS,
    data,
    subjects: p.subjects,
    coldStart: { ...p.coldStart, rssEndMb: round1(endMem.rss / MB) },
    ledger: { artNo: ledger.artNo, pages: ledger.ledgerCursors.length },
    latency: latency.rows,
    throughput: throughput.rows,
    gc: [latency.gc, ...throughput.gc],
    notes: busyNote(machine),
  };
}
