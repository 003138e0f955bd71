// Issue 17: what a read worker costs the writer thread, in one process and without sockets: the same catalog.search
// queries the benchmark sends, answered (1) on this thread with the handler and the reply encoder, as READ_WORKERS=0
// does, and (2) by 1 and 2 read workers, 256 in flight as at 16×16. Reports queries/s and the writer thread's busy
// time per query (event-loop utilisation): the ceiling a larger machine meets is 1 / (that time), however many
// workers it has. Usage: node --import tsx bench/read-pool.ts [--data-dir DIR] [--queries N] (a fresh demo store by
// default; DIR is seeded if empty).
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { OPS } from '../schemas/ops.ts';
import { Engine } from '../engine/engine.ts';
import { ReadPool } from '../engine/io/read-pool.ts';
import { runRead } from '../engine/io/read-ops.ts';
import { replyEncoder } from '../engine/io/reply-encode.ts';
import { seedStore } from '../engine/seed/seed-store.ts';
import { LmdbStore } from '../engine/store/lmdb-store.ts';
import { tempDir } from './start-engine.ts';
import { searchQueries, type SampledArticle } from './workloads.ts';

const IN_FLIGHT = 256;

type Caller = { userId: string; workplaceId: null; nowMs: number };
const SAMPLED_ARTICLES = 4096;
const SEED = 20261125;

function argOf(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

function sampleQueries(engine: Engine): unknown[] {
  const all = [...engine.state.articles.values()];
  const step = Math.max(1, Math.floor(all.length / SAMPLED_ARTICLES));
  const sampled: SampledArticle[] = [];
  for (let i = 0; i < all.length; i += step) {
    const a = all[i]!;
    sampled.push({ artNo: a.artNo, name: a.name, supplierName: engine.state.suppliers.get(a.supplierId)?.name ?? '' });
  }
  const args = OPS['catalog.search'].args;
  return searchQueries(
    sampled,
    sampled.map((a) => a.artNo),
  ).map((q) => args.parse(q));
}

/** READ_WORKERS=0: the handler and the encoder on this thread, one query after another. */
function onThisThread(engine: Engine, queries: unknown[], n: number, caller: Caller) {
  const encode = replyEncoder();
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const outcome = runRead(engine.state, 'catalog.search', queries[i % queries.length], caller)!;
    encode(i, 'catalog.search', outcome, 'msgpack');
  }
  const ms = performance.now() - started;
  return { perS: Math.round((n / ms) * 1000), threadUsPerQuery: Math.round(((ms * 1000) / n) * 10) / 10 };
}

async function withWorkers(pool: ReadPool, engine: Engine, queries: unknown[], n: number, caller: Caller) {
  const before = performance.eventLoopUtilization();
  const started = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    let done = 0;
    const next = (): void => {
      if (sent >= n) return;
      const i = sent++;
      void pool
        .query(i, 'catalog.search', queries[i % queries.length], caller, 'msgpack', engine.state.seq)
        .then(() => {
          if (++done === n) resolve();
          else next();
        });
    };
    for (let k = 0; k < IN_FLIGHT; k++) next();
  });
  const ms = performance.now() - started;
  const elu = performance.eventLoopUtilization(before);
  return {
    perS: Math.round((n / ms) * 1000),
    threadUsPerQuery: Math.round(((elu.active * 1000) / n) * 10) / 10,
  };
}

async function main(): Promise<void> {
  const dataDir = argOf('--data-dir') ?? tempDir('read-pool');
  const n = Number(argOf('--queries') ?? 20_000);
  const store = new LmdbStore(dataDir);
  if (store.isEmpty()) await seedStore(store, 'demo', SEED, () => {});
  const engine = new Engine(store, () => Date.now());
  const queries = sampleQueries(engine);
  const caller = { userId: 'ot1', workplaceId: null, nowMs: Date.now() };
  onThisThread(engine, queries, Math.min(n, 2_000), caller); // warm-up
  const rows: string[] = ['| answered by | queries/s | writer thread µs per query |', '|---|---:|---:|'];
  const here = onThisThread(engine, queries, n, caller);
  rows.push(`| this thread (READ_WORKERS=0) | ${here.perS} | ${here.threadUsPerQuery} |`);
  for (const workers of [1, 2]) {
    const pool = await ReadPool.start(engine, dataDir, workers);
    await withWorkers(pool, engine, queries, Math.min(n, 2_000), caller); // warm-up
    const figures = await withWorkers(pool, engine, queries, n, caller);
    rows.push(`| ${workers} read worker(s) | ${figures.perS} | ${figures.threadUsPerQuery} |`);
    await pool.close();
  }
  process.stdout.write(`${n} catalog.search queries (${queries.length} distinct), ${IN_FLIGHT} in flight to workers\n`);
  process.stdout.write(`${rows.join('\n')}\n`);
  await store.close();
  if (argOf('--data-dir') === undefined) fs.rmSync(dataDir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`read-pool bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
