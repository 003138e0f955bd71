// The disk's durability floor, measured like the engine writes: LMDB put(s) + await `flushed` (fsync), in a temp dir.
// Sequential: one journal-like entry per transaction (the 1x1 write floor). Batched: many puts share one commit.
import fs from 'node:fs';
import path from 'node:path';
import { open } from 'lmdb';
import { LatencyHistogram, type LatencySummaryUs } from './driver/histogram.ts';
import { tempDir } from './start-engine.ts';

export interface FsyncOptions {
  /** Sequential put + flushed round trips measured (after warm-up). */
  commits: number;
  /** Puts per transaction in the batched variant, and how many such batches. */
  batchPuts: number;
  batches: number;
  /** Paced variant: one entry every 1/pacedPerS s without waiting for earlier ones (the staff feed's order rate), this many. */
  pacedPerS: number;
  pacedCommits: number;
  /** Parent of the temp dir; the same file system as the engine's DATA_DIR by default (os.tmpdir()). */
  dir?: string;
}

export interface FsyncResult {
  dir: string;
  commits: number;
  /** put + flushed, one entry per transaction. */
  commitUs: LatencySummaryUs;
  commitsPerS: number;
  batchPuts: number;
  batchUs: LatencySummaryUs;
  /** Entries made durable per second when batchPuts share each commit. */
  batchedPutsPerS: number;
  /** Paced at pacedPerS: put + flushed of each entry while earlier ones may still be syncing, and this process's CPU. */
  pacedPerS?: number; // absent in results written before it was measured
  pacedUs?: LatencySummaryUs;
  pacedCommitsPerS?: number;
  pacedCpuPct?: number;
}

const WARMUP_COMMITS = 20;

/** A journal entry shaped like the engine's stock.adjusted entry, plus the stock row it changes. */
function entry(seq: number): { journal: unknown; row: unknown } {
  const artNo = String(100_000 + (seq % 20_000));
  return {
    journal: {
      seq,
      timeMs: 1_764_000_000_000 + seq,
      events: [
        {
          type: 'stock.adjusted',
          userId: 'hmc1',
          warehouse: '10',
          artNo,
          delta: 1,
          reason: 'received',
          note: '',
          onHandAfter: seq,
        },
      ],
    },
    row: { warehouse: '10', artNo, onHand: seq, reserved: 0 },
  };
}

export async function runFsync(o: FsyncOptions): Promise<FsyncResult> {
  const dir = o.dir === undefined ? tempDir('fsync') : fs.mkdtempSync(path.join(o.dir, 'aidstock-fsync-'));
  const root = open({ path: path.join(dir, 'fsync.mdb'), maxDbs: 4 });
  const journal = root.openDB<unknown, number>({ name: 'journal' });
  const stock = root.openDB<unknown, string>({ name: 'stock' });
  let seq = 0;
  const putOne = (): void => {
    const e = entry(++seq);
    void journal.put(seq, e.journal);
    void stock.put(`10:${seq % 20_000}`, e.row);
  };
  try {
    const commit = new LatencyHistogram();
    for (let k = 0; k < WARMUP_COMMITS; k++) {
      putOne();
      await root.flushed;
    }
    const seqStartMs = performance.now();
    for (let k = 0; k < o.commits; k++) {
      const t0 = performance.now();
      putOne();
      await root.flushed;
      commit.record((performance.now() - t0) * 1000);
    }
    const seqS = (performance.now() - seqStartMs) / 1000;

    const batch = new LatencyHistogram();
    const batchStartMs = performance.now();
    for (let b = 0; b < o.batches; b++) {
      const t0 = performance.now();
      for (let k = 0; k < o.batchPuts; k++) putOne();
      await root.flushed;
      batch.record((performance.now() - t0) * 1000);
    }
    const batchS = (performance.now() - batchStartMs) / 1000;
    const paced = await runPaced(root, putOne, o.pacedPerS, o.pacedCommits);
    return {
      dir: 'os.tmpdir()',
      commits: o.commits,
      commitUs: commit.summary(),
      commitsPerS: Math.round(o.commits / seqS),
      batchPuts: o.batchPuts,
      batchUs: batch.summary(),
      batchedPutsPerS: Math.round((o.batches * o.batchPuts) / batchS),
      pacedPerS: o.pacedPerS,
      pacedUs: paced.latency.summary(),
      pacedCommitsPerS: paced.commitsPerS,
      pacedCpuPct: paced.cpuPct,
    };
  } finally {
    await root.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Timer tick of the paced variant: each tick puts the entries due since the start. */
const PACE_TICK_MS = 1;

/**
 * Entries put at a steady rate, each timed from its put to its `flushed`, while earlier commits may still be syncing:
 * the floor under a paced writer such as the staff feed's 1 000 orders/s (fsync tails queue up behind each other).
 */
async function runPaced(
  root: ReturnType<typeof open>,
  putOne: () => void,
  perS: number,
  count: number,
): Promise<{ latency: LatencyHistogram; commitsPerS: number; cpuPct: number }> {
  const latency = new LatencyHistogram();
  const cpu0 = process.cpuUsage();
  const startMs = performance.now();
  let sent = 0;
  let durable = 0;
  await new Promise<void>((done) => {
    const tick = (): void => {
      const due = Math.min(count, Math.floor(((performance.now() - startMs) * perS) / 1000));
      for (; sent < due; sent++) {
        const t0 = performance.now();
        putOne();
        // `flushed` picks the current transaction's flush when `then` is called: right after the put.
        void (root.flushed as PromiseLike<unknown>).then(() => {
          latency.record((performance.now() - t0) * 1000);
          if (++durable === count) done();
        });
      }
      if (sent < count) setTimeout(tick, PACE_TICK_MS);
    };
    tick();
  });
  const wallUs = (performance.now() - startMs) * 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    latency,
    commitsPerS: Math.round(count / (wallUs / 1e6)),
    cpuPct: Math.round(((cpu.user + cpu.system) / wallUs) * 1000) / 10,
  };
}
