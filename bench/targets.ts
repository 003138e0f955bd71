// The targets for this 2-core machine, evaluated from one run's figures (ratios within the same run).
import type { BenchResults, TargetRow } from './results.ts';
import type { WsPair } from './ws-suite.ts';
import type { ComparisonResult } from './search/compare.ts';

export const STOCK_GET_RATIO_MIN = 0.4;
export const SEARCH_RATIO_MIN = 0.25;
export const DURABLE_WRITE_RATIO_MIN = 0.1;
export const READ_P99_OVER_ECHO_US_MAX = 50;
export const WRITE_P99_OVER_FSYNC_US_MAX = 500;
/** Staff order feed: every placement on all screens within this p99, at (nearly) the paced order rate, none lost. */
export const FEED_PUSH_P99_US_MAX = 5_000;
export const FEED_RATE_SHARE_MIN = 0.9;
export const FEED_DELIVERED_SHARE_MIN = 0.999;
export const COLD_START_S_MAX = 5;
export const COLD_START_RSS_MB_MAX = 2048;
/** Issue 4, in process at 100 000 articles. */
export const SEARCH_P99_US_MAX = 50;
export const SEARCH_RECALL_MIN = 0.95;
export const SEARCH_BUILD_MS_MAX = 2_000;
export const SEARCH_BUILD_MB_MAX = 300;
/** Issue 5, in process: the pure decision of a typical order.place (median). */
export const ORDER_DECIDE_NS_P50_MAX = 5_000;
const ORDER_DECIDE_TASK = 'decide order.place';
// Issue 14: journal reads (an index range and the entries it names) may take this much longer than echo at 1×1.
export const JOURNAL_READ_P99_OVER_ECHO_US_MAX = 200;
const JOURNAL_READS: ReadonlySet<string> = new Set(['stock.ledger', 'admin.changeLog']);
const TARGET_SCALE = 'large';

const signed = (us: number): string => `${us >= 0 ? '+' : '−'}${Math.abs(us)} µs`;
const fmtK = (perS: number): string => (perS >= 1000 ? `${(perS / 1000).toFixed(1)} k/s` : `${perS}/s`);

/** Best saturation throughput of a workload (any shape but 1x1) and the echo's best with the same frames. */
export function saturation(
  pairs: readonly WsPair[],
  workload: string,
): { engine: WsPair; echo: WsPair; ratio: number } | null {
  const sat = pairs.filter((p) => p.workload === workload && !(p.connections === 1 && p.pipeline === 1));
  if (sat.length === 0) return null;
  const engine = sat.reduce((a, b) => (b.engine.throughputPerS > a.engine.throughputPerS ? b : a));
  const echo = sat.reduce((a, b) => (b.echo.throughputPerS > a.echo.throughputPerS ? b : a));
  const ratio = echo.echo.throughputPerS > 0 ? engine.engine.throughputPerS / echo.echo.throughputPerS : 0;
  return { engine, echo, ratio: Math.round(ratio * 1000) / 1000 };
}

function ratioTarget(pairs: readonly WsPair[], workload: string, figure: string, min: number): TargetRow {
  const s = saturation(pairs, workload);
  if (s === null) return { figure, target: `≥ ${min} × echo`, measured: 'not measured', met: null };
  return {
    figure,
    target: `≥ ${min} × echo`,
    measured: `${s.ratio} × (${fmtK(s.engine.engine.throughputPerS)} at ${s.engine.shape} vs echo ${fmtK(s.echo.echo.throughputPerS)} at ${s.echo.shape})`,
    met: s.ratio >= min,
  };
}

export function evaluateTargets(r: BenchResults, lastFull: BenchResults | null): TargetRow[] {
  const rows: TargetRow[] = [];
  rows.push(ratioTarget(r.ws, 'stock.get', '`stock.get` throughput', STOCK_GET_RATIO_MIN));
  rows.push(ratioTarget(r.ws, 'catalog.search', '`catalog.search` throughput', SEARCH_RATIO_MIN));
  for (const w of new Set(r.ws.filter((p) => p.kind === 'write').map((p) => p.workload))) {
    rows.push(ratioTarget(r.ws, w, `durable \`${w}\` throughput`, DURABLE_WRITE_RATIO_MIN));
  }
  rows.push(...latencyTargets(r));
  if (r.feed != null) rows.push(feedTarget(r.feed, r.fsync));
  rows.push(...coldStartTargets(r, lastFull));
  const decide = decideTarget(r);
  if (decide !== null) rows.push(decide);
  rows.push(...searchTargets(r.search?.result as ComparisonResult | undefined));
  return rows;
}

/** Read p99 at 1×1 against echo's, durable write p99 at 1×1 against the fsync floor's. */
function latencyTargets(r: BenchResults): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const p of r.ws.filter((x) => x.connections === 1 && x.pipeline === 1)) {
    if (p.kind === 'read') {
      const max = JOURNAL_READS.has(p.workload) ? JOURNAL_READ_P99_OVER_ECHO_US_MAX : READ_P99_OVER_ECHO_US_MAX;
      rows.push({
        figure: `read p99 at 1×1 (\`${p.workload}\`)`,
        target: `≤ echo p99 + ${max} µs`,
        measured: `${p.engine.latencyUs.p99} µs vs echo ${p.echo.latencyUs.p99} µs (${signed(p.p99DeltaUs)})`,
        met: p.p99DeltaUs <= max,
      });
    } else if (p.kind === 'write' && r.fsync !== null) {
      const fsyncP99 = r.fsync.commitUs.p99;
      const over = Math.round((p.engine.latencyUs.p99 - fsyncP99) * 10) / 10;
      rows.push({
        figure: `durable write p99 at 1×1 (\`${p.workload}\`)`,
        target: `≤ fsync p99 + ${WRITE_P99_OVER_FSYNC_US_MAX / 1000} ms`,
        measured: `${p.engine.latencyUs.p99} µs vs fsync p99 ${fsyncP99} µs (${signed(over)}); p50 ${p.engine.latencyUs.p50} µs vs fsync p50 ${r.fsync.commitUs.p50} µs`,
        met: over <= WRITE_P99_OVER_FSYNC_US_MAX,
      });
    }
  }
  return rows;
}

/** The staff order feed: every placement on every staff screen, in time, at the paced order rate. */
function feedTarget(f: NonNullable<BenchResults['feed']>, fsync: BenchResults['fsync']): TargetRow {
  const rate = f.writerRatePerS ?? f.writesPerS;
  return {
    figure: `staff feed: each placement on all ${f.listeners} staff screens`,
    target: `push p99 ≤ ${FEED_PUSH_P99_US_MAX / 1000} ms at ${fmtK(rate)} orders, ≥ ${FEED_DELIVERED_SHARE_MIN * 100}% delivered`,
    measured:
      `p99 ${f.pushLatencyUs.p99} µs (p50 ${f.pushLatencyUs.p50} µs) end to end, fsync included` +
      (f.pushAfterAckUs ? `; after the writer's ack p99 ${f.pushAfterAckUs.p99} µs` : '') +
      ` at ${fmtK(f.writesPerS)} orders, ${fmtK(f.deliveredPerS)} pushes, ${(f.deliveredShare * 100).toFixed(2)}% delivered` +
      (fsync?.pacedUs
        ? `; LMDB alone paced at ${fmtK(fsync.pacedPerS!)} entries: flush p99 ${fsync.pacedUs.p99} µs`
        : ''),
    met:
      f.pushLatencyUs.p99 <= FEED_PUSH_P99_US_MAX &&
      f.writesPerS >= FEED_RATE_SHARE_MIN * rate &&
      f.deliveredShare >= FEED_DELIVERED_SHARE_MIN,
  };
}

/** Cold start at `large`, from this run or else the last full one. */
function coldStartTargets(r: BenchResults, lastFull: BenchResults | null): TargetRow[] {
  const rows: TargetRow[] = [];
  const fromThis = r.coldStarts.find((c) => c.scale === TARGET_SCALE);
  const fromFull = lastFull?.coldStarts.find((c) => c.scale === TARGET_SCALE);
  const cold = fromThis ?? fromFull;
  const source =
    fromThis !== undefined
      ? ''
      : fromFull !== undefined
        ? ` (last full run, ${lastFull!.startedAt.slice(0, 10)}, ${lastFull!.git.commit})`
        : '';
  rows.push({
    figure: 'cold start at `large`: time to ready',
    target: `< ${COLD_START_S_MAX} s`,
    measured:
      cold === undefined
        ? 'not measured (run `npm run bench:full`)'
        : `${cold.readyWallS} s spawn→ready (engine: ${cold.readySelfS} s)${source}`,
    met: cold === undefined ? null : cold.readyWallS < COLD_START_S_MAX,
  });
  rows.push({
    figure: 'cold start at `large`: RSS',
    target: `< ${COLD_START_RSS_MB_MAX / 1024} GB`,
    measured:
      cold === undefined
        ? 'not measured (run `npm run bench:full`)'
        : `${cold.rssMb} MB (heap used ${cold.heapUsedMb} MB)${source}`,
    met: cold === undefined ? null : cold.rssMb < COLD_START_RSS_MB_MAX,
  });
  return rows;
}

function decideTarget(r: BenchResults): TargetRow | null {
  const decideRow = r.inProcess?.rows.find((x) => x.name === ORDER_DECIDE_TASK);
  if (decideRow === undefined) return null;
  return {
    figure: `in-core order decision (\`${ORDER_DECIDE_TASK}\`, ${r.inProcess!.scale} state)`,
    target: `< ${ORDER_DECIDE_NS_P50_MAX / 1000} µs median`,
    measured: `${(decideRow.nsPerOpP50 / 1000).toFixed(2)} µs median, p99 ${(decideRow.nsPerOpP99 / 1000).toFixed(2)} µs (per order, batches of ${decideRow.batch})`,
    met: decideRow.nsPerOpP50 < ORDER_DECIDE_NS_P50_MAX,
  };
}

/** Issue 4's in-process targets, from the search comparison of a full run (bench/search/compare.ts). */
function searchTargets(c: ComparisonResult | undefined): TargetRow[] {
  const ours = c?.engines.find((e) => e.engine === 'aidstock');
  if (c === undefined || ours === undefined) return [];
  const at = `at ${c.count.toLocaleString('en')} articles`;
  const recall = Math.min(ours.recall.typo!, ours.recall.folded!);
  return [
    {
      figure: `in-process search p99 ${at}`,
      target: `< ${SEARCH_P99_US_MAX} µs`,
      measured:
        `${ours.p99Us.toFixed(1)} µs (p50 ${ours.p50Us.toFixed(1)} µs)` +
        (ours.queryMedianP99Us === undefined ? '' : `; per-query medians p99 ${ours.queryMedianP99Us.toFixed(1)} µs`),
      met: ours.p99Us < SEARCH_P99_US_MAX,
    },
    {
      figure: 'search recall@10, typo and folded subsets',
      target: `≥ ${SEARCH_RECALL_MIN}`,
      measured: `${recall.toFixed(3)} (lower of the two)`,
      met: recall >= SEARCH_RECALL_MIN,
    },
    {
      figure: `search index build ${at}`,
      target: `< ${SEARCH_BUILD_MS_MAX / 1000} s and < ${SEARCH_BUILD_MB_MAX} MB`,
      measured: `${(ours.buildMs / 1000).toFixed(2)} s, ${ours.memoryMB.toFixed(0)} MB`,
      met: ours.buildMs < SEARCH_BUILD_MS_MAX && ours.memoryMB < SEARCH_BUILD_MB_MAX,
    },
  ];
}
