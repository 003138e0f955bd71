// Benchmark entry: `npm run bench` (quick, < 3 min on 2 cores) or `npm run bench:full`. Runs every suite in one process
// against child-process servers (engine, uWS echo, uWS HTTP hello), then writes results/<name>.json and REPORT.md.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startEcho, type EchoServer } from './driver/start-echo.ts';
import { loginTokens, sampleCatalog, sampleOrdering } from './engine-client.ts';
import { runFsync, type FsyncOptions } from './fsync.ts';
import { HTTP_SHAPES, runHttp, type HttpShape } from './http.ts';
import { runInProcess } from './in-process.ts';
import { runPubSub } from './pubsub.ts';
import { cpuPressurePct, gitInfo, machineInfo, writeReport } from './report.ts';
import type { BenchResults } from './results.ts';
import { describeColdStart, restartForColdStart, runScale, scaleProbe } from './scale.ts';
import { processRssBytes } from './proc-stats.ts';
import { startBenchEngine, type BenchEngine, type SeedScale } from './start-engine.ts';
import { startHello, type HelloServer } from './start-hello.ts';
import { ORDER_FEED, PUBSUB, SHAPES, shapeName, WORKLOADS, type PubSubSpec, type Shape } from './workloads.ts';
import { fmtRate, runWsSuite } from './ws-suite.ts';
// Issue 14, Lager and Ändringslogg:
import { prepareJournal } from './journal-bench.ts';

export interface RunSettings {
  name: string;
  /** Seed scale of the engine behind the WebSocket, pub/sub and HTTP runs. */
  dataScale: SeedScale;
  ws: { warmupMs: number; durationMs: number; shapes: readonly Shape[] };
  pubsub: { spec: PubSubSpec; warmupMs: number; durationMs: number };
  /** The staff order feed (issue 5): the same fan-out harness on `orders` with a paced order writer. */
  feed: { spec: PubSubSpec; warmupMs: number; durationMs: number };
  fsync: FsyncOptions;
  inProcess: { scale: SeedScale; iterations: number; warmupIterations: number; batchScale: number };
  http: { durationS: number; warmupS: number; shapes: readonly HttpShape[] };
  /** Cold start + probe at this (bigger) scale, and the same probe on the main engine; null skips both. */
  scale: { scale: SeedScale; warmupMs: number; durationMs: number } | null;
  /** Run bench/search/compare.ts (if present) and put its table in the report. */
  searchCompare: boolean;
}

export const QUICK: RunSettings = {
  name: 'quick',
  dataScale: 'demo',
  ws: { warmupMs: 500, durationMs: 2_000, shapes: SHAPES },
  pubsub: { spec: PUBSUB, warmupMs: 500, durationMs: 2_000 },
  feed: { spec: ORDER_FEED, warmupMs: 500, durationMs: 2_000 },
  fsync: { commits: 500, batchPuts: 64, batches: 50, pacedPerS: 1_000, pacedCommits: 1_000 },
  inProcess: { scale: 'demo', iterations: 100, warmupIterations: 10, batchScale: 1 },
  http: { durationS: 2, warmupS: 0.5, shapes: HTTP_SHAPES },
  scale: null,
  searchCompare: false,
};

export const FULL: RunSettings = {
  name: 'full',
  dataScale: 'demo',
  ws: { warmupMs: 1_000, durationMs: 5_000, shapes: SHAPES },
  pubsub: { spec: PUBSUB, warmupMs: 1_000, durationMs: 5_000 },
  feed: { spec: ORDER_FEED, warmupMs: 1_000, durationMs: 5_000 },
  fsync: { commits: 2_000, batchPuts: 64, batches: 200, pacedPerS: 1_000, pacedCommits: 5_000 },
  inProcess: { scale: 'demo', iterations: 500, warmupIterations: 50, batchScale: 1 },
  http: { durationS: 5, warmupS: 1, shapes: HTTP_SHAPES },
  scale: { scale: 'large', warmupMs: 1_000, durationMs: 3_000 },
  searchCompare: true,
};

const ENGINE_OUTPUT_IN_ERROR_CHARS = 4_000;
/** The occupational therapist whose rules pick the articles to order, and the HMC user who tops up their stock. */
const ORDER_PRESCRIBER = 'ot1';
const ORDER_STOCK_KEEPER = 'hmc1';
/** CPU pressure (PSI some avg60, %) above which the run notes that other processes competed for the cores. */
const CPU_PRESSURE_BUSY_PCT = 10;
const SEARCH_COMPARE_PATH = fileURLToPath(new URL('./search/compare.ts', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Runs the search helper's comparison if bench/search/compare.ts exists; never fails the run. */
async function searchCompare(progress: (line: string) => void): Promise<BenchResults['search']> {
  if (!fs.existsSync(SEARCH_COMPARE_PATH))
    return { note: 'bench/search/compare.ts is not there yet: search comparison skipped.' };
  try {
    const mod = (await import(pathToFileURL(SEARCH_COMPARE_PATH).href)) as {
      runSearchCompare?: () => Promise<unknown>;
      markdown?: (result: unknown) => string;
    };
    if (typeof mod.runSearchCompare !== 'function')
      return { note: 'bench/search/compare.ts has no runSearchCompare export: skipped.' };
    progress('  runSearchCompare() with its defaults');
    const result = await mod.runSearchCompare();
    const markdown =
      typeof mod.markdown === 'function' ? mod.markdown(result) : typeof result === 'string' ? result : undefined;
    // Both: the report shows the tables, the targets read the figures.
    return {
      ...(markdown !== undefined ? { markdown } : {}),
      result,
      note: 'From runSearchCompare in bench/search/compare.ts (in-process).',
    };
  } catch (error) {
    return { note: `runSearchCompare failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export interface RunOutput {
  results: BenchResults;
  /** Null for a partial run (`--only`), which writes nothing. */
  files: { json: string; svg: string; report: string } | null;
}

/** Suite names `--only` takes besides workload names: the stock fan-out and the staff order feed. */
const ONLY_PUBSUB = 'pubsub';
const ONLY_FEED = 'feed';

/** The servers a run has started; whatever is still set when the run ends or fails gets stopped. */
interface LiveServers {
  echo: EchoServer | null;
  engine: BenchEngine | null;
  hello: HelloServer | null;
}

type Progress = (line: string) => void;

function emptyResults(settings: RunSettings, loadAvgStart: number, notes: string[]): BenchResults {
  return {
    name: settings.name,
    startedAt: new Date().toISOString(),
    elapsedS: 0,
    machine: machineInfo(loadAvgStart),
    git: gitInfo(),
    dataScale: settings.dataScale,
    settings: {
      wsWarmupMs: settings.ws.warmupMs,
      wsDurationMs: settings.ws.durationMs,
      shapes: settings.ws.shapes,
      pubsub: settings.pubsub,
      feed: settings.feed,
      fsync: settings.fsync,
      inProcess: settings.inProcess,
      http: settings.http,
      scale: settings.scale,
    },
    driverCeilingPerS: 0,
    ws: [],
    pubsub: null,
    feed: null,
    fsync: null,
    inProcess: null,
    http: null,
    coldStarts: [],
    scaleProbe: [],
    search: null,
    targets: [],
    notes,
  };
}

/** Starts the engine on a fresh temp DATA_DIR (it seeds) and the echo server, signs every user in, samples inputs. */
async function startAndSample(settings: RunSettings, live: LiveServers, progress: Progress) {
  progress(`engine: first start at ${settings.dataScale} on a fresh temp DATA_DIR (seeds)`);
  const engine = await startBenchEngine({ scale: settings.dataScale });
  live.engine = engine;
  const seeding = { wallS: engine.readyWallS, rssMb: Math.round((processRssBytes(engine.pid) / 2 ** 20) * 10) / 10 };
  progress(`  ready in ${engine.readyWallS} s (seeding included), rss ${engine.readyRssMb} MB`);
  const echo = await startEcho();
  live.echo = echo;
  const feeds = [settings.pubsub.spec, settings.feed.spec];
  const usernames = [
    ...WORKLOADS.map((w) => w.username),
    ...feeds.flatMap((f) => [f.listenerUsername, f.writerUsername]),
    ORDER_PRESCRIBER,
    ORDER_STOCK_KEEPER,
  ];
  const tokens = await loginTokens(engine.wsUrl, usernames);
  const sampled = await sampleCatalog(engine.wsUrl, tokens[WORKLOADS[0]!.username]!);
  const ordering = await sampleOrdering(engine.wsUrl, tokens[ORDER_PRESCRIBER]!, tokens[ORDER_STOCK_KEEPER]!);
  // Issue 14: the ledger's article is a sale article in stock (no rental units registered and written off to fill it).
  const journal = await prepareJournal(engine.wsUrl, tokens.admin!, ordering.artNos[0]!);
  const catalog = { ...sampled, ordering, journal };
  progress(
    `  sampled ${catalog.artNos.length} articles and ${catalog.isoCodes.length} ISO subclasses from the engine; ` +
      `${catalog.ordering.pnrs.length} patients and ${catalog.ordering.artNos.length} articles to order (stock topped up); ` +
      `${catalog.journal.ledgerCursors.length} ledger pages of ${catalog.journal.artNo}`,
  );
  return { engine, echo, seeding, tokens, catalog };
}

type Started = Awaited<ReturnType<typeof startAndSample>>;

/** The stock fan-out and the staff order feed, each when wanted. */
async function runFeeds(
  settings: RunSettings,
  wanted: (name: string) => boolean,
  { engine, catalog, tokens }: Started,
  results: BenchResults,
  progress: Progress,
): Promise<void> {
  if (wanted(ONLY_PUBSUB)) {
    progress(`pub/sub fan-out: ${settings.pubsub.spec.listeners} listeners`);
    results.pubsub = await runPubSub({
      engineUrl: engine.wsUrl,
      enginePid: engine.pid,
      catalog,
      tokens,
      spec: settings.pubsub.spec,
      warmupMs: settings.pubsub.warmupMs,
      durationMs: settings.pubsub.durationMs,
      progress,
    });
  }

  if (wanted(ONLY_FEED)) {
    progress(
      `staff order feed: ${settings.feed.spec.listeners} listeners on \`orders\`, orders at ${settings.feed.spec.writerRatePerS ?? 'closed loop'}/s`,
    );
    results.feed = await runPubSub({
      engineUrl: engine.wsUrl,
      enginePid: engine.pid,
      catalog,
      tokens,
      spec: settings.feed.spec,
      warmupMs: settings.feed.warmupMs,
      durationMs: settings.feed.durationMs,
      progress,
    });
  }
}

async function runHttpAgainstHello(
  settings: RunSettings,
  live: LiveServers,
  { engine, catalog }: Started,
  results: BenchResults,
  progress: Progress,
): Promise<void> {
  progress('http: autocannon, engine vs uWS hello');
  const hello = await startHello();
  live.hello = hello;
  results.http = await runHttp({
    engineUrl: engine.httpUrl,
    enginePid: engine.pid,
    helloUrl: hello.url,
    helloPid: hello.pid,
    artNo: catalog.artNos[0]!,
    isoCode: catalog.isoCodes[0]!,
    shapes: settings.http.shapes,
    durationS: settings.http.durationS,
    warmupS: settings.http.warmupS,
    progress,
  });
  await hello.stop();
  live.hello = null;
}

/** The scale probe on the main engine, its cold start on the data just written, then the bigger scale if set. */
async function runColdStartAndScale(
  settings: RunSettings,
  live: LiveServers,
  { engine, seeding }: Started,
  results: BenchResults,
  progress: Progress,
): Promise<void> {
  if (settings.scale !== null) {
    progress(`scale probe at ${settings.dataScale}`);
    results.scaleProbe.push(
      ...(await scaleProbe(engine, settings.dataScale, settings.scale.warmupMs, settings.scale.durationMs, progress)),
    );
  }

  // Cold start at the run's scale: restart on the data just written (and changed) by the runs above.
  progress(`cold start at ${settings.dataScale}: restarting on the same DATA_DIR`);
  const dataDir = engine.dataDir;
  await engine.stop();
  live.engine = null;
  const restarted = await restartForColdStart(settings.dataScale, dataDir, seeding);
  live.engine = restarted.engine;
  results.coldStarts.push(restarted.figures);
  progress(describeColdStart(restarted.figures));
  await restarted.engine.stop();
  live.engine = null;
  fs.rmSync(dataDir, { recursive: true, force: true });

  if (settings.scale !== null) {
    progress(`scale: ${settings.scale.scale} (seeding, then the cold start on the same data)`);
    const big = await runScale(settings.scale.scale, settings.scale.warmupMs, settings.scale.durationMs, progress);
    results.coldStarts.push(big.coldStart);
    results.scaleProbe.push(...big.probe);
  } else {
    results.notes.push(
      'Quick run: cold start at `large` and the scale table are measured by `npm run bench:full` (shown below from its last run, if any).',
    );
  }
}

async function stopAll(live: LiveServers): Promise<void> {
  await live.echo?.stop();
  await live.hello?.stop();
  if (live.engine !== null) {
    await live.engine.stop();
    fs.rmSync(live.engine.dataDir, { recursive: true, force: true });
  }
}

/** The search comparison if asked for, the end-of-run machine figures, then results, report and targets. */
async function finishRun(
  settings: RunSettings,
  results: BenchResults,
  benchDir: string,
  startMs: number,
  progress: Progress,
): Promise<RunOutput> {
  if (settings.searchCompare) {
    progress('search comparison (bench/search)');
    results.search = await searchCompare(progress);
    progress(`  ${results.search?.note}`);
  }

  results.machine.loadAvgEnd = Math.round(os.loadavg()[0]! * 100) / 100;
  results.machine.cpuPressureEnd = cpuPressurePct();
  results.elapsedS = Math.round((performance.now() - startMs) / 100) / 10;
  const files = writeReport(results, benchDir);
  for (const t of results.targets)
    progress(
      `target ${t.met === null ? '—' : t.met ? 'met   ' : 'MISSED'} ${t.figure}: ${t.measured} (target ${t.target})`,
    );
  progress(`wrote ${files.json.slice(benchDir.length)} and REPORT.md in ${results.elapsedS} s`);
  return { results, files };
}

/**
 * Every workload × shape against the engine and the echo server back to back, the fsync floor before the first
 * writing workload (or after all of them when every suite runs), and the driver's ceiling; then the echo server stops.
 */
async function runWebSocket(
  settings: RunSettings,
  workloads: typeof WORKLOADS,
  allSuites: boolean,
  { engine, echo, catalog, tokens }: Started,
  live: LiveServers,
  results: BenchResults,
  measureFsync: () => Promise<void>,
  progress: Progress,
): Promise<void> {
  progress(`websocket: ${workloads.length} workloads x ${settings.ws.shapes.length} shapes, engine and echo each`);
  results.ws = await runWsSuite({
    engineUrl: engine.wsUrl,
    engineHttpUrl: engine.httpUrl,
    enginePid: engine.pid,
    echoUrl: echo.url,
    echoPid: echo.pid,
    catalog,
    tokens,
    workloads,
    shapes: settings.ws.shapes,
    warmupMs: settings.ws.warmupMs,
    durationMs: settings.ws.durationMs,
    progress,
    engineGcPauses: engine.gcPauses,
    beforeWorkload: (spec) => (spec.kind === 'read' ? Promise.resolve() : measureFsync()),
  });
  if (allSuites || workloads.some((w) => w.kind !== 'read')) await measureFsync();
  results.driverCeilingPerS = Math.max(0, ...results.ws.map((p) => p.echo.driverCeilingPerS));
  progress(`  driver ceiling: ${fmtRate(results.driverCeilingPerS)} successful requests per driver CPU-second`);
  await echo.stop();
  live.echo = null;
}

/**
 * Runs every suite of `settings` and writes the results and report under benchDir (bench/ by default). With `only`
 * (workload names, `pubsub`, `feed`) it runs just those WebSocket workloads (each paired with echo) and feeds, skips
 * every other suite and writes nothing: a partial run must not replace the report.
 */
export async function runBench(
  settings: RunSettings,
  benchDir = BENCH_DIR,
  log: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  only?: ReadonlySet<string>,
): Promise<RunOutput> {
  const wanted = (name: string): boolean => only === undefined || only.has(name);
  const workloads = WORKLOADS.filter((w) => wanted(w.name));
  const startMs = performance.now();
  const loadAvgStart = Math.round(os.loadavg()[0]! * 100) / 100;
  const stamp = (): string => `[${((performance.now() - startMs) / 1000).toFixed(0).padStart(3)} s]`;
  /** The top-level stage running now, named in the error if the run fails. */
  let stage = 'start';
  const progress = (line: string): void => {
    if (!line.startsWith(' ')) stage = line;
    log(`${stamp()} ${line}`);
  };
  const notes: string[] = [];
  const results = emptyResults(settings, loadAvgStart, notes);
  progress(
    `aidstock bench ${settings.name}: ${results.machine.cpuModel} x${results.machine.cpus}, Node ${process.version}, commit ${results.git.commit}${results.git.dirty ? '+dirty' : ''}, load avg ${loadAvgStart}`,
  );
  if (results.machine.cpuPressureStart > CPU_PRESSURE_BUSY_PCT || loadAvgStart > results.machine.cpus)
    notes.push(
      `The machine was busy when the run started (load average ${loadAvgStart} on ${results.machine.cpus} cores, CPU pressure ${results.machine.cpuPressureStart}%): expect noise, and compare ratios (taken back to back) rather than absolute figures.`,
    );

  // In-process first, while no server is running.
  if (only === undefined) {
    progress('in-process (tinybench)');
    results.inProcess = await runInProcess({ ...settings.inProcess, progress });
  }
  // The fsync floor is measured right before the first workload that writes (the disk's state then is the one the
  // writes meet: seeding's write-back long done, other processes' I/O as it is), or at the end if none writes.
  const measureFsync = async (): Promise<void> => {
    if (results.fsync !== null) return;
    progress('fsync floor: LMDB put + flushed');
    results.fsync = await runFsync(settings.fsync);
    progress(
      `  1 entry/commit p50 ${results.fsync.commitUs.p50} us p99 ${results.fsync.commitUs.p99} us; ${settings.fsync.batchPuts}/commit ${results.fsync.batchedPutsPerS} entries/s`,
    );
  };

  const live: LiveServers = { echo: null, engine: null, hello: null };
  try {
    const started = await startAndSample(settings, live, progress);
    await runWebSocket(settings, workloads, only === undefined, started, live, results, measureFsync, progress);

    await runFeeds(settings, wanted, started, results, progress);
    if (only !== undefined) return { results, files: null };
    await runHttpAgainstHello(settings, live, started, results, progress);
    await runColdStartAndScale(settings, live, started, results, progress);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const engineDied = live.engine?.exited()
      ? `\nthe engine exited; its last output:\n${live.engine.output().slice(-ENGINE_OUTPUT_IN_ERROR_CHARS)}`
      : '';
    throw new Error(`bench stage "${stage}" failed: ${message}${engineDied}`, { cause: error });
  } finally {
    await stopAll(live);
  }
  return finishRun(settings, results, benchDir, startMs, progress);
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1]);
/**
 * The command line: quick|full, then optional flags. `--only` runs some workloads (writes nothing); `--shapes 16x16,…`
 * some shapes; `--read-workers N` sets READ_WORKERS for the engine child (issue 17: 0 is the single thread).
 */
function parseArgs(argv: readonly string[]): { settings: RunSettings; only?: Set<string> } | null {
  const [mode = 'quick', ...flags] = argv;
  const base = mode === 'full' ? FULL : mode === 'quick' ? QUICK : null;
  if (base === null || flags.length % 2 !== 0) return null;
  let settings: RunSettings = base;
  let only: Set<string> | undefined;
  for (let i = 0; i < flags.length; i += 2) {
    const [flag, value] = [flags[i], flags[i + 1]!];
    if (flag === '--only') only = new Set(value.split(','));
    else if (flag === '--shapes') {
      const shapes = SHAPES.filter((shape) => value.split(',').includes(shapeName(shape)));
      if (shapes.length === 0) return null;
      settings = { ...settings, ws: { ...settings.ws, shapes } };
    } else if (flag === '--read-workers' && /^\d+$/.test(value)) process.env.READ_WORKERS = value;
    else return null;
  }
  // A run that changes the shapes or the engine's threads is partial too: it must not replace the report.
  if (only === undefined && flags.length > 0) return null;
  return { settings, ...(only === undefined ? {} : { only }) };
}

if (isMain) {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed === null) {
    process.stderr.write(
      `usage: node --expose-gc --import tsx bench/run.ts quick|full [--only <workload>,${ONLY_PUBSUB},${ONLY_FEED}] [--shapes 16x16,…] [--read-workers N]\n` +
        '  (--shapes and --read-workers need --only: a partial run writes nothing)\n',
    );
    process.exit(2);
  }
  const { settings, only } = parsed;
  runBench(settings, BENCH_DIR, undefined, only).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
