// Compare our index with FlexSearch and MiniSearch: latency, recall@10 vs the reference, build, memory.
// Run: node --expose-gc --import tsx bench/search/compare.ts [count] [--only]   (default 100 000 articles)
// --only times our index alone (a quicker A/B run of a search change; the results file is then left as it is).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AvailableOf, SearchDoc } from '../../engine/core/search/types.ts';
import { loadDocs } from '../../test/helpers/search-seed-docs.ts';
import { type Engine, flexEngine, miniEngine, ourEngine } from './engines.ts';
import { type BenchQuery, QUERY_CATEGORIES, buildQuerySet } from '../../test/helpers/search-query-set.ts';
import { recallAtK, sameTopK } from '../../engine/core/search/reference/recall.ts';
import { ReferenceSearch, type ReferenceResult } from '../../engine/core/search/reference/reference-search.ts';

export const DEFAULT_COUNT = 100_000;
export const DEFAULT_SEED = 42;
/** Timed rounds over the whole query set (each round runs every query once, interleaved). */
const ITERATIONS = 30;
const WARMUP_ROUNDS = 5;
const IN_STOCK_SHARE = 0.6;
const MB = 1024 * 1024;
const RESULT_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'search-compare.json');

export interface EngineReport {
  engine: string;
  buildMs: number;
  memoryMB: number;
  /** Retained after the timed queries too (ours adds per-query scratch buffers, sized once). */
  memoryAfterQueriesMB: number;
  p50Us: number;
  p99Us: number;
  meanUs: number;
  /** The same from per-call process CPU time: robust when other processes compete for the cores. */
  cpuP50Us: number;
  cpuP99Us: number;
  /**
   * Each query's median over the rounds, then p50/p99 across queries: how slow the slowest queries typically are,
   * robust to a machine that is busy now and then (the raw p99 above also counts those moments).
   */
  queryMedianP50Us?: number; // absent in results written before it was measured
  queryMedianP99Us?: number;
  /** Tie-aware recall@10 vs the reference, per query category and overall. */
  recall: Record<string, number>;
  /** Latency per category (p50, p99 in µs; wall clock and CPU time). */
  latency: Record<string, { p50Us: number; p99Us: number; cpuP50Us: number; cpuP99Us: number }>;
}

export interface ComparisonResult {
  count: number;
  seed: number;
  queries: number;
  iterations: number;
  node: string;
  engines: EngineReport[];
  /** Our index only: share of queries whose top 10 equals the reference's, in order, and whose total matches. */
  exactTop10: number;
  exactTotal: number;
}

/** The engines compared, ours first (the A/B runs of a search change time ours alone). */
const ENGINES = [ourEngine, flexEngine, miniEngine] as const;

export async function runSearchCompare({
  count = DEFAULT_COUNT,
  seed = DEFAULT_SEED,
  oursOnly = false,
} = {}): Promise<ComparisonResult> {
  const catalog = loadDocs(count, seed);
  const availableOf = stockOf(catalog, seed);
  const docs = catalog.map((d) => ({ ...d, inStock: availableOf(d.artNo) > 0 }));
  const queries = buildQuerySet(docs, seed);
  log(`${count} articles, ${queries.length} queries; computing reference results…`);
  const reference = new ReferenceSearch(docs);
  const expected = queries.map((q) => reference.search({ text: q.text, limit: 0, offset: 0 }, availableOf));
  const engines: EngineReport[] = [];
  let exactTop10 = 0;
  let exactTotal = 0;
  for (const make of oursOnly ? [ourEngine] : ENGINES) {
    const before = retainedAfterGc();
    const { engine, buildMs, memoryMB } = measureBuild(make, docs);
    log(`${engine.name}: built in ${buildMs.toFixed(0)} ms, ${memoryMB.toFixed(1)} MB`);
    const tops = queries.map((q) => engine.search(q.text));
    if ('index' in engine) {
      const ours = engine as ReturnType<typeof ourEngine>;
      exactTop10 = share(queries.map((_, i) => sameTopK(expected[i]!, tops[i]!)));
      exactTotal = share(
        queries.map((q, i) => ours.index.search({ text: q.text, limit: 0, offset: 0 }).total === expected[i]!.total),
      );
    }
    const samples = time(engine, queries);
    const cpu = summary(samples.cpu);
    const medians = summary(
      samples.byQuery.map((q) =>
        quantile(
          q.slice().sort((a, b) => a - b),
          0.5,
        ),
      ),
    );
    const memoryAfterQueriesMB = (retainedAfterGc() - before) / MB;
    engines.push({
      engine: engine.name,
      buildMs,
      memoryMB,
      memoryAfterQueriesMB,
      ...summary(samples.all),
      cpuP50Us: cpu.p50Us,
      cpuP99Us: cpu.p99Us,
      queryMedianP50Us: medians.p50Us,
      queryMedianP99Us: medians.p99Us,
      recall: recallByCategory(queries, expected, tops),
      latency: latencyByCategory(queries, samples.byQuery, samples.cpuByQuery),
    });
  }
  return {
    count,
    seed,
    queries: queries.length,
    iterations: ITERATIONS,
    node: process.version,
    engines,
    exactTop10,
    exactTotal,
  };
}

/** Deterministic stock: a fixed share of articles in stock. */
function stockOf(docs: readonly SearchDoc[], seed: number): AvailableOf {
  const stock = new Map<string, number>();
  for (const d of docs)
    stock.set(d.artNo, (Math.imul(Number(d.artNo) ^ seed, 2654435761) >>> 0) / 2 ** 32 < IN_STOCK_SHARE ? 3 : 0);
  return (artNo) => stock.get(artNo) ?? 0;
}

/** Heap plus typed-array backing stores (which live outside the V8 heap). */
function retained(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function retainedAfterGc(): number {
  gc();
  return retained();
}

function measureBuild<E extends Engine>(
  make: () => E,
  docs: readonly SearchDoc[],
): { engine: E; buildMs: number; memoryMB: number } {
  const before = retainedAfterGc();
  const t0 = process.hrtime.bigint();
  const engine = make();
  engine.build(docs);
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  gc();
  return { engine, buildMs, memoryMB: (retained() - before) / MB };
}

/**
 * Per-call latency in µs (wall clock, and process CPU time which excludes time spent preempted):
 * warm-up rounds, then ITERATIONS interleaved rounds over all queries; results consumed.
 */
function time(
  engine: Engine,
  queries: readonly BenchQuery[],
): { all: number[]; cpu: number[]; byQuery: number[][]; cpuByQuery: number[][] } {
  let sink = 0;
  for (let r = 0; r < WARMUP_ROUNDS; r++) for (const q of queries) sink += engine.search(q.text).length;
  gc();
  const byQuery = queries.map(() => [] as number[]);
  const cpuByQuery = queries.map(() => [] as number[]);
  for (let r = 0; r < ITERATIONS; r++) {
    queries.forEach((q, i) => {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      sink += engine.search(q.text).length;
      const t1 = process.hrtime.bigint();
      const c1 = process.cpuUsage(c0);
      byQuery[i]!.push(Number(t1 - t0) / 1e3);
      cpuByQuery[i]!.push(c1.user + c1.system);
    });
  }
  if (sink < 0) log('unreachable'); // keeps the results observably used
  return { all: byQuery.flat(), cpu: cpuByQuery.flat(), byQuery, cpuByQuery };
}

function summary(samples: number[]): { p50Us: number; p99Us: number; meanUs: number } {
  const s = samples.slice().sort((a, b) => a - b);
  return { p50Us: quantile(s, 0.5), p99Us: quantile(s, 0.99), meanUs: s.reduce((a, b) => a + b, 0) / s.length };
}

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function recallByCategory(
  queries: readonly BenchQuery[],
  expected: ReferenceResult[],
  tops: string[][],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of [...QUERY_CATEGORIES, 'all']) {
    const idx = queries.map((q, i) => (c === 'all' || q.category === c ? i : -1)).filter((i) => i >= 0);
    out[c] = idx.reduce((sum, i) => sum + recallAtK(expected[i]!, tops[i]!), 0) / Math.max(1, idx.length);
  }
  return out;
}

function latencyByCategory(queries: readonly BenchQuery[], wall: number[][], cpu: number[][]): EngineReport['latency'] {
  const out: EngineReport['latency'] = {};
  for (const c of QUERY_CATEGORIES) {
    const pick = (samples: number[][]) => summary(samples.filter((_, i) => queries[i]!.category === c).flat());
    const w = pick(wall);
    const u = pick(cpu);
    out[c] = { p50Us: w.p50Us, p99Us: w.p99Us, cpuP50Us: u.p50Us, cpuP99Us: u.p99Us };
  }
  return out;
}

function share(flags: boolean[]): number {
  return flags.filter(Boolean).length / Math.max(1, flags.length);
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function log(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

export function markdown(r: ComparisonResult): string {
  const f = (n: number, d = 1) => n.toFixed(d);
  const lines = [
    `Search comparison: ${r.count} articles, ${r.queries} queries × ${r.iterations} rounds, Node ${r.node}`,
    '',
    `| engine | p50 µs | p99 µs | mean µs | CPU p50 µs | CPU p99 µs | query medians p50 / p99 µs | build ms | MB built | MB after queries |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
    ...r.engines.map(
      (e) =>
        `| ${e.engine} | ${f(e.p50Us)} | ${f(e.p99Us)} | ${f(e.meanUs)} | ${f(e.cpuP50Us)} | ${f(e.cpuP99Us)} | ${e.queryMedianP99Us === undefined ? '–' : `${f(e.queryMedianP50Us!)} / ${f(e.queryMedianP99Us)}`} | ${f(e.buildMs, 0)} | ${f(e.memoryMB)} | ${f(e.memoryAfterQueriesMB)} |`,
    ),
    '',
    "_Query medians: each query's median over the rounds, then p50 and p99 across the queries — the slowest queries' typical time, which a busy moment of the machine does not move._",
    '',
    `| engine | ${QUERY_CATEGORIES.map((c) => `R@10 ${c}`).join(' | ')} | R@10 all |`,
    `|---|${QUERY_CATEGORIES.map(() => '---:').join('|')}|---:|`,
    ...r.engines.map(
      (e) =>
        `| ${e.engine} | ${QUERY_CATEGORIES.map((c) => f(e.recall[c]!, 3)).join(' | ')} | ${f(e.recall.all!, 3)} |`,
    ),
    '',
    `aidstock vs reference: identical ordered top 10 in ${f(100 * r.exactTop10)} % of queries, identical total in ${f(100 * r.exactTotal)} %.`,
    '',
    `| category | ${r.engines.map((e) => `${e.engine} CPU p50 / p99 µs`).join(' | ')} |`,
    `|---|${r.engines.map(() => '---:').join('|')}|`,
    ...QUERY_CATEGORIES.map(
      (c) =>
        `| ${c} | ${r.engines.map((e) => `${f(e.latency[c]!.cpuP50Us)} / ${f(e.latency[c]!.cpuP99Us)}`).join(' | ')} |`,
    ),
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const oursOnly = args.includes('--only');
  const count = Number(args.find((a) => !a.startsWith('--')) ?? DEFAULT_COUNT);
  const result = await runSearchCompare({ count, oursOnly });
  console.log(markdown(result));
  if (!oursOnly) {
    mkdirSync(dirname(RESULT_FILE), { recursive: true });
    writeFileSync(RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    log('wrote bench/results/search-compare.json');
  }
}
