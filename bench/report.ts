// Writes bench/results/<name>.json and its latency plot, and regenerates bench/REPORT.md from them.
// Rerendering without rerunning: node --import tsx bench/report.ts quick|full
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PubSubResult } from './pubsub.ts';
import type { BenchResults, MachineInfo } from './results.ts';
import type { ScaleProbeRow } from './scale.ts';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './start-engine.ts';
import { latencyThroughputSvg, type PlotSeries } from './svg-plot.ts';
import { evaluateTargets } from './targets.ts';
import type { WsPair } from './ws-suite.ts';

const GB = 2 ** 30;
/** The echo series in the plot uses the frames of this workload (echo runs of the other workloads differ by a few bytes). */
const PLOT_ECHO_FRAMES_OF = 'stock.get';
const FULL_RESULTS_NAME = 'full';

export function machineInfo(loadAvgStart: number): MachineInfo {
  const cpus = os.cpus();
  return {
    platform: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    memoryGb: Math.round((os.totalmem() / GB) * 10) / 10,
    node: process.version,
    loadAvgStart,
    loadAvgEnd: Math.round(os.loadavg()[0]! * 100) / 100,
    cpuPressureStart: cpuPressurePct(),
    cpuPressureEnd: Number.NaN,
  };
}

/** Linux PSI: % of the last 60 s in which some runnable task waited for a CPU (other processes competing); NaN elsewhere. */
export function cpuPressurePct(): number {
  try {
    const m = /^some avg10=[\d.]+ avg60=([\d.]+)/m.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'));
    return m === null ? Number.NaN : Number(m[1]);
  } catch {
    return Number.NaN;
  }
}

export function gitInfo(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' });
    return { commit, dirty: status.trim().length > 0 };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

const mark = (met: boolean | null): string => (met === null ? '—' : met ? '✅' : '❌');
const n0 = (x: number): string => Math.round(x).toLocaleString('en-US');
const us = (x: number): string => (Math.abs(x) >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${x} µs`);

function table(head: string[], rows: Array<Array<string | number>>): string {
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

export function plotSeries(pairs: readonly WsPair[]): PlotSeries[] {
  const byWorkload = new Map<string, WsPair[]>();
  for (const p of pairs) byWorkload.set(p.workload, [...(byWorkload.get(p.workload) ?? []), p]);
  const echoOf = byWorkload.get(PLOT_ECHO_FRAMES_OF) ?? [...byWorkload.values()][0] ?? [];
  const series: PlotSeries[] = [
    {
      name: 'uWS echo',
      points: echoOf.map((p) => ({
        throughputPerS: p.echo.throughputPerS,
        p50Us: p.echo.latencyUs.p50,
        p99Us: p.echo.latencyUs.p99,
        label: p.shape,
      })),
    },
  ];
  for (const [name, list] of byWorkload) {
    series.push({
      name,
      points: list.map((p) => ({
        throughputPerS: p.engine.throughputPerS,
        p50Us: p.engine.latencyUs.p50,
        p99Us: p.engine.latencyUs.p99,
        label: p.shape,
      })),
    });
  }
  return series;
}

/** One fan-out run (stock topics or the staff order feed): what ran, then its figures. */
function fanOutSection(title: string, p: PubSubResult): string[] {
  const writer =
    p.writerRatePerS !== undefined
      ? `one writer connection sends \`${p.writeOp}\` paced at ${n0(p.writerRatePerS)}/s (at most ${p.writerPipeline} in flight)`
      : `one writer connection keeps ${p.writerPipeline} \`${p.writeOp}\` in flight`;
  const subscribed =
    (p.feed ?? 'stock') === 'orders'
      ? `subscribe to the staff feed \`orders\` while ${writer}`
      : `subscribe to ${p.topicsPerListener} of ${p.topics} \`stock/<artNo>\` topics each (${p.subscribersPerTopic} subscribers per topic) while ${writer} on those articles`;
  return [
    `## ${title}`,
    '',
    `${p.listeners} connections (pipeline 0: they only listen) ${subscribed}. ` +
      'Push latency = time a listener receives the push − time the writer sent the write (matched by journal `seq`): end to end, fsync included. ' +
      "After ack = push receive time − the writer's ack receive time of the same write (clamped at 0): what fan-out adds once the write is durable. " +
      'Delivered share = pushes received / pushes the acknowledged writes should produce.',
    '',
    table(
      [
        'writes /s',
        'write ack p50',
        'write ack p99',
        'pushes delivered /s',
        'delivered share',
        'push p50',
        'push p90',
        'push p99',
        'push max',
        'after ack p50',
        'after ack p99',
        'engine CPU',
        'driver CPU',
        'errors',
      ],
      [
        [
          n0(p.writesPerS),
          us(p.writeAckUs.p50),
          us(p.writeAckUs.p99),
          n0(p.deliveredPerS),
          `${(p.deliveredShare * 100).toFixed(2)}%`,
          us(p.pushLatencyUs.p50),
          us(p.pushLatencyUs.p90),
          us(p.pushLatencyUs.p99),
          us(p.pushLatencyUs.max),
          p.pushAfterAckUs ? us(p.pushAfterAckUs.p50) : '–',
          p.pushAfterAckUs ? us(p.pushAfterAckUs.p99) : '–',
          `${p.serverCpuPct}%`,
          `${p.driverCpuPct}%`,
          p.writeErrors,
        ],
      ],
    ),
    '',
  ];
}

export function renderReport(r: BenchResults, lastFull: BenchResults | null, svgRelPath: string): string {
  const out: string[] = [...headerSection(r), ...targetsSection(r), ...wsSection(r, svgRelPath)];
  if (r.pubsub !== null) out.push(...fanOutSection('Pub/sub fan-out', r.pubsub));
  if (r.feed != null) out.push(...fanOutSection('Staff order feed', r.feed));
  out.push(...fsyncSection(r), ...inProcessSection(r), ...httpSection(r), ...scaleSection(r, lastFull));
  out.push(...searchSection(r), ...ownRunSection('import.md'), ...ownRunSection('recall.md'));
  // Issue 16, bench: the history runs (`npm run bench:history`), Halland's and Stockholm's size.
  out.push(...ownRunSection('history-history.md'), ...ownRunSection('history-history-stockholm.md'));
  out.push(...ownRunSection('history-compact.md'));
  // Issue 17: the read workers' figures (hand-recorded from alternating `--read-workers` runs).
  out.push(...ownRunSection('read-workers.md'));
  // Issue 17: primary and standby on NATS JetStream (`node --import tsx bench/replication.ts`).
  out.push(...ownRunSection('replication.md'));
  // Issue 17: a standby's start at the history scale (`node --import tsx bench/standby-start.ts`).
  out.push(...ownRunSection('standby-start.md'));
  out.push(...notesSection(r));
  return `${out.join('\n')}`;
}

/**
 * A benchmark with a run of its own, included as its results file says it (a page of its own with its headings one level down): the catalog import
 * (`npm run bench:import` writes results/import.md; a 100 000-row file and an apply of its own) and the recall at
 * `large` (`npm run bench:recall` writes results/recall.md; a store of its own with 50 000 units of one article).
 */
function ownRunSection(fileName: string): string[] {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', fileName);
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8').trimEnd();
  // A file written as a page of its own starts with a title (#): its headings go one level down to sit in the report.
  return [text.startsWith('# ') ? text.replace(/^(#+) /gm, '$1# ') : text, ''];
}

function headerSection(r: BenchResults): string[] {
  const m = r.machine;
  const out: string[] = [];
  out.push('# Aidstock benchmark report', '');
  out.push(
    `_Generated by \`bench/run.ts ${r.name}\` on ${r.startedAt} in ${r.elapsedS} s. Do not edit: rerun \`npm run bench\` (quick) or \`npm run bench:full\`. Raw figures: [results/${r.name}.json](results/${r.name}.json)._`,
    '',
  );
  out.push(
    `**Machine**: ${m.cpuModel}, ${m.cpus} cores, ${m.memoryGb} GB, ${m.platform} ${m.arch}; Node ${m.node}. ` +
      `**Commit** \`${r.git.commit}\`${r.git.dirty ? ' (with uncommitted changes)' : ''}. **Data**: \`${r.dataScale}\` seed scale. ` +
      `**Load average** (1 min) ${m.loadAvgStart} at start, ${m.loadAvgEnd} at end; **CPU pressure** (share of the last minute in which runnable tasks waited for a core) ${m.cpuPressureStart}% at start, ${m.cpuPressureEnd}% at end. On a shared machine other processes add noise to every figure below.`,
    '',
  );
  return out;
}

function targetsSection(r: BenchResults): string[] {
  const out: string[] = [];
  out.push('## Targets', '');
  out.push(
    table(
      ['figure', 'target', 'measured', ''],
      r.targets.map((t) => [t.figure, t.target, t.measured, mark(t.met)]),
    ),
    '',
  );
  return out;
}

function wsSection(r: BenchResults, svgRelPath: string): string[] {
  const out: string[] = [];
  out.push('## WebSocket: engine vs raw uWS echo', '');
  out.push(
    "Each engine run is paired with a run of the raw uWebSockets.js echo server (the project's uWS build, child process) driven by the " +
      'same driver with the same pre-encoded frames and the same connections × pipeline, back to back. Closed loop, msgpack, one session ' +
      'per connection bound before the clock (`session.resume` of a token from one `session.login`), errors never counted as throughput. ' +
      `Warm-up ${r.settings.wsWarmupMs} ms, measured ${r.settings.wsDurationMs} ms per run. Ratio = engine / echo throughput; Δp99 = engine p99 − echo p99; engine GC = pauses during the engine run (longest); cmds/commit = commands per LMDB group commit (from /metrics). ` +
      `Driver ceiling (successful requests per driver CPU-second, best echo run): **${n0(r.driverCeilingPerS)}/s**.`,
    '',
  );
  out.push(
    table(
      [
        'workload',
        'shape',
        'engine /s',
        'p50',
        'p99',
        'p99.9',
        'echo /s',
        'echo p50',
        'echo p99',
        'ratio',
        'Δp99',
        'engine CPU',
        'driver CPU',
        'engine GC (max)',
        'errors',
        'cmds/commit',
      ],
      r.ws.map((p) => [
        `\`${p.workload}\``,
        p.shape,
        n0(p.engine.throughputPerS),
        us(p.engine.latencyUs.p50),
        us(p.engine.latencyUs.p99),
        us(p.engine.latencyUs.p999),
        n0(p.echo.throughputPerS),
        us(p.echo.latencyUs.p50),
        us(p.echo.latencyUs.p99),
        p.throughputRatio,
        us(p.p99DeltaUs),
        `${p.engine.serverCpuPct}%`,
        `${p.engine.driverCpuPct}%`,
        p.engineGc ? `${p.engineGc.count} (${p.engineGc.maxMs} ms)` : '',
        p.engine.errors + p.echo.errors,
        p.commandsPerCommit ?? '',
      ]),
    ),
    '',
  );
  const spreads = [...new Set(r.ws.map((p) => p.shape))].map((shape) => {
    const echoes = r.ws.filter((p) => p.shape === shape).map((p) => p.echo.throughputPerS);
    return `${shape}: ${n0(Math.min(...echoes))}–${n0(Math.max(...echoes))}/s`;
  });
  if (spreads.length > 0) {
    out.push(
      `_Noise indicator: the echo server alone, with frames that differ by a few bytes between workloads, ranged ${spreads.join('; ')} in this run. Ratios are taken against the echo run next to each engine run._`,
      '',
    );
  }
  out.push(`![latency against throughput](${svgRelPath})`, '');
  out.push(
    '_Latency (p50 solid, p99 dashed, log scale) against throughput (log scale); points are the shapes, joined in the order 1×1 → 16×16 → 64×8. Echo with the `stock.get` frames._',
    '',
  );
  return out;
}

function fsyncSection(r: BenchResults): string[] {
  const out: string[] = [];
  if (r.fsync !== null) {
    const f = r.fsync;
    out.push('## Durability floor: LMDB put + flushed', '');
    const paced =
      f.pacedUs !== undefined
        ? ` Paced: one entry every ${1000 / f.pacedPerS!} ms whatever earlier ones are doing (the staff feed's order rate), each timed from its put to its own flush — LMDB alone used ${f.pacedCpuPct}% of a core.`
        : '';
    out.push(
      `In the same run, right before the first durable-write workload, in a temp dir on the engine's file system: a journal-like entry and a stock row put, then \`await flushed\` (fsync), ${f.commits} times in sequence; then ${f.batchPuts} entries per commit.${paced}`,
      '',
    );
    const rows = [
      [
        '1 entry per commit',
        us(f.commitUs.p50),
        us(f.commitUs.p90),
        us(f.commitUs.p99),
        us(f.commitUs.max),
        `${n0(f.commitsPerS)} commits/s`,
      ],
      [
        `${f.batchPuts} entries per commit`,
        us(f.batchUs.p50),
        us(f.batchUs.p90),
        us(f.batchUs.p99),
        us(f.batchUs.max),
        `${n0(f.batchedPutsPerS)} entries/s`,
      ],
    ];
    if (f.pacedUs !== undefined) {
      rows.push([
        `paced at ${n0(f.pacedPerS!)}/s`,
        us(f.pacedUs.p50),
        us(f.pacedUs.p90),
        us(f.pacedUs.p99),
        us(f.pacedUs.max),
        `${n0(f.pacedCommitsPerS!)} entries/s`,
      ]);
    }
    out.push(table(['variant', 'p50', 'p90', 'p99', 'max', 'rate'], rows), '');
  }
  return out;
}

function inProcessSection(r: BenchResults): string[] {
  const out: string[] = [];
  if (r.inProcess !== null) {
    const ip = r.inProcess;
    out.push('## In-process (tinybench)', '');
    out.push(
      `State from the \`${ip.scale}\` generator. Each tinybench iteration runs a batch of operations over 1 024 distinct inputs; results are folded into a sink; \`global.gc()\` between suites.`,
      '',
    );
    out.push(
      table(
        ['suite', 'operation', 'ns/op (mean)', 'ns/op p50', 'ns/op p99', 'ops/s', 'batch × iterations', 'rme'],
        ip.rows.map((x) => [
          x.suite,
          x.name,
          n0(x.nsPerOp),
          n0(x.nsPerOpP50),
          n0(x.nsPerOpP99),
          n0(x.opsPerS),
          `${x.batch} × ${x.iterations}`,
          `±${x.rmePct}%`,
        ]),
      ),
      '',
    );
  }
  return out;
}

function httpSection(r: BenchResults): string[] {
  const out: string[] = [];
  if (r.http !== null) {
    out.push('## HTTP (autocannon)', '');
    out.push(
      `autocannon runs in the bench process; its own ceiling here is about **${n0(r.http.clientCeilingPerS)} requests per CPU-second**, so rows near it measure autocannon. ` +
        `The reference is a raw uWS HTTP hello server (child process) with a body like /health's. autocannon records latency in whole milliseconds (${r.http.latencyResolutionMs} ms resolution: 0 means under 1 ms). ` +
        (r.http.apiPathsAbsent.length > 0
          ? `Read API paths not served by the engine yet (not benchmarked): ${r.http.apiPathsAbsent.map((p) => `\`${p}\``).join(', ')}.`
          : ''),
      '',
    );
    out.push(
      table(
        [
          'target',
          'path',
          'connections × pipelining',
          'req/s',
          'p50',
          'p99',
          'max',
          'server CPU',
          'errors',
          'ratio to hello',
        ],
        r.http.rows.map((h) => [
          h.target,
          `\`${h.path}\``,
          `${h.connections} × ${h.pipelining}`,
          n0(h.throughputPerS),
          `${h.latencyMsP50} ms`,
          `${h.latencyMsP99} ms`,
          `${h.latencyMsMax} ms`,
          `${h.serverCpuPct}%`,
          h.errors + h.non2xx,
          h.ratioToHello ?? '',
        ]),
      ),
      '',
    );
  }
  return out;
}

function scaleSection(r: BenchResults, lastFull: BenchResults | null): string[] {
  const out: string[] = [];
  // A quick run has no `large` figures: show the last full run's, marked as such.
  const fromFull = lastFull !== null && r.name !== FULL_RESULTS_NAME ? lastFull : null;
  const borrowedColds = fromFull?.coldStarts.filter((c) => !r.coldStarts.some((x) => x.scale === c.scale)) ?? [];
  const colds = [...r.coldStarts, ...borrowedColds];
  const probe = r.scaleProbe.length > 0 ? r.scaleProbe : (fromFull?.scaleProbe ?? []);
  const borrowed = borrowedColds.length > 0 || (r.scaleProbe.length === 0 && probe.length > 0);
  const fullNote = borrowed && fromFull !== null;
  if (colds.length > 0) {
    out.push('## Cold start and scale', '');
    if (fullNote)
      out.push(
        `_Rows at other scales come from the last full run (${lastFull!.startedAt}, commit \`${lastFull!.git.commit}\`)._`,
        '',
      );
    out.push(
      "The first start on an empty DATA_DIR generates and writes the demo data (seeding); the cold start is the **second** start on the same DATA_DIR. Time to ready: wall clock from spawning Node to the ready line (the engine's own figure, from its process start, in brackets).",
      '',
    );
    out.push(
      table(
        [
          'scale',
          'seeding (first start)',
          'cold start to ready',
          'RSS',
          'heap used / total',
          'external',
          'LMDB on disk (file size)',
        ],
        colds.map((c) => [
          `\`${c.scale}\``,
          `${c.seedingWallS} s`,
          `${c.readyWallS} s (${c.readySelfS} s)`,
          `${c.rssMb} MB`,
          `${c.heapUsedMb} / ${c.heapTotalMb} MB`,
          `${c.externalMb} MB`,
          `${c.lmdbDiskMb} MB (${c.lmdbFileMb} MB)`,
        ]),
      ),
      '',
    );
  }
  out.push(...probeSection(probe));
  return out;
}

/** How cost grows with the data: one column group per scale. */
function probeSection(probe: ScaleProbeRow[]): string[] {
  const out: string[] = [];
  if (probe.length > 0) {
    out.push('How cost grows with the data (engine only, same workloads and shapes at each scale):', '');
    out.push(
      table(
        [
          'workload',
          'shape',
          ...[...new Set(probe.map((x) => x.scale))].flatMap((s) => [`${s} /s`, `${s} p50`, `${s} p99`]),
        ],
        [...new Set(probe.map((x) => `${x.workload}|${x.shape}`))].map((key) => {
          const [workload, shape] = key.split('|') as [string, string];
          const cells: string[] = [];
          for (const s of new Set(probe.map((x) => x.scale))) {
            const row = probe.find((x) => x.scale === s && x.workload === workload && x.shape === shape);
            cells.push(
              row ? n0(row.throughputPerS) : '',
              row ? us(row.latencyUsP50) : '',
              row ? us(row.latencyUsP99) : '',
            );
          }
          return [`\`${workload}\``, shape, ...cells];
        }),
      ),
      '',
    );
  }
  return out;
}

function searchSection(r: BenchResults): string[] {
  const out: string[] = [];
  if (r.search !== null) {
    out.push('## Search (bench/search)', '');
    if (r.search.markdown !== undefined) out.push(r.search.markdown, '');
    else if (r.search.result !== undefined) out.push('```json', JSON.stringify(r.search.result, null, 2), '```', '');
    out.push(`_${r.search.note}_`, '');
  }
  return out;
}

function notesSection(r: BenchResults): string[] {
  const out: string[] = [];
  if (r.notes.length > 0) {
    out.push('## Notes', '');
    for (const note of r.notes) out.push(`- ${note}`);
    out.push('');
  }
  return out;
}

function readResults(file: string): BenchResults | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
  } catch {
    return null;
  }
}

/** Writes <benchDir>/results/<name>.json and <name>-latency.svg, then <benchDir>/REPORT.md. Returns the paths written. */
export function writeReport(results: BenchResults, benchDir: string): { json: string; svg: string; report: string } {
  const resultsDir = path.join(benchDir, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const lastFull =
    results.name === FULL_RESULTS_NAME ? null : readResults(path.join(resultsDir, `${FULL_RESULTS_NAME}.json`));
  results.targets = evaluateTargets(results, lastFull);
  const json = path.join(resultsDir, `${results.name}.json`);
  fs.writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  const svgName = `${results.name}-latency.svg`;
  const svg = path.join(resultsDir, svgName);
  fs.writeFileSync(
    svg,
    latencyThroughputSvg(plotSeries(results.ws), {
      title: `Aidstock over WebSocket vs raw uWS echo (${results.name}, ${results.dataScale} data, ${results.machine.cpus} cores)`,
    }),
  );
  const report = path.join(benchDir, 'REPORT.md');
  fs.writeFileSync(report, renderReport(results, lastFull, `results/${svgName}`));
  return { json, svg, report };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1]);
if (isMain) {
  const benchDir = path.dirname(fileURLToPath(import.meta.url));
  const name = process.argv[2] ?? 'quick';
  const results = readResults(path.join(benchDir, 'results', `${name}.json`));
  if (results === null) {
    process.stderr.write(`no bench/results/${name}.json: run npm run bench first\n`);
    process.exit(1);
  }
  const files = writeReport(results, benchDir);
  process.stdout.write(`rewrote ${path.relative(benchDir, files.report)} from results/${name}.json\n`);
}
