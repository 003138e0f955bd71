// Applies a planned import: its batches in order (referenced articles first), each one durable command
// (`article.importBatch`). At most one batch starts per IMPORT_BATCH_INTERVAL_MS, so reads and other commands keep
// their turn: each batch is a short stretch of the engine's thread, and few enough of them run that only a small share
// of reads ever waits behind one. Up to IMPORT_BATCHES_IN_FLIGHT batches wait for their flush at once (the engine
// decides and applies each at once, in order, so the next batch already sees the previous one), so a slow disk does
// not set the pace. A batch refused because the state changed since the dry run is tried again at the end, article by
// article, in order, and the articles still refused are reported with their line. Killed half-way (kill -9), the
// durable batches stay, a prefix of the plan: a new dry run of the same file shows them unchanged and its apply writes
// the rest.
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import type { Article } from '../../../schemas/entities.ts';
import { IMPORT_BATCH_INTERVAL_MS, IMPORT_BATCHES_IN_FLIGHT } from '../../../schemas/limits.ts';
import type { Engine } from '../../engine.ts';
import type { ImportJob } from './import-job.ts';

type Step = { ok: true; written: number } | { ok: false; code: string; message: string };

async function writeBatch(engine: Engine, userId: string, articles: readonly Article[]): Promise<Step> {
  const outcome = await engine.execute({ type: 'article.importBatch', userId, articles });
  return outcome.ok ? { ok: true, written: outcome.events.length } : outcome;
}

/** The store refuses (full disk) or the engine is overloaded: stop; the import can be run again later. */
function stops(step: Step): boolean {
  return !step.ok && (step.code === 'storage_unavailable' || step.code === 'overloaded');
}

function stop(job: ImportJob, reason: string): void {
  job.stopReason ??= reason;
}

/** Waits until the next batch may start: the interval since the last start, and a free place in flight. */
async function pace(startedMs: number, inFlight: Set<Promise<void>>): Promise<void> {
  if (inFlight.size >= IMPORT_BATCHES_IN_FLIGHT) await Promise.race(inFlight);
  const restMs = startedMs + IMPORT_BATCH_INTERVAL_MS - performance.now();
  await (restMs >= 1 ? sleep(restMs) : yieldToLoop());
}

/** Every batch once, paced; returns the batches refused for their content, in plan order. */
async function writeBatches(engine: Engine, job: ImportJob, userId: string): Promise<Article[][]> {
  const refused: Array<{ at: number; batch: Article[] }> = [];
  const inFlight = new Set<Promise<void>>();
  for (const [at, batch] of job.plan.batches.entries()) {
    if (job.stopReason !== null) break;
    const startedMs = performance.now();
    const settled = writeBatch(engine, userId, batch).then((step) => {
      job.batchesDone++;
      if (step.ok) {
        job.written += step.written;
        job.skipped += batch.length - step.written;
      } else if (stops(step)) stop(job, step.message);
      else refused.push({ at, batch });
    });
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
    await pace(startedMs, inFlight);
  }
  await Promise.all(inFlight);
  return refused.sort((a, b) => a.at - b.at).map((r) => r.batch);
}

/** A refused batch, one article at a time, each reported with its line if refused again. */
async function writeOneByOne(
  engine: Engine,
  job: ImportJob,
  userId: string,
  batch: readonly Article[],
  lineOf: Map<string, number>,
) {
  for (const article of batch) {
    if (job.stopReason !== null) return;
    const step = await writeBatch(engine, userId, [article]);
    if (step.ok) {
      job.written += step.written;
      job.skipped += 1 - step.written;
    } else if (stops(step)) stop(job, step.message);
    else job.failures.push({ line: lineOf.get(article.artNo) ?? 0, artNo: article.artNo, message: step.message });
  }
}

/** Applies the job's plan as `userId` (the admin who confirmed it: the events name who made the change). */
export async function applyImport(
  engine: Engine,
  job: ImportJob,
  userId: string,
  clockMs: () => number,
): Promise<void> {
  job.state = 'applying';
  job.startedMs = clockMs();
  const refused = await writeBatches(engine, job, userId);
  const lineOf = new Map<string, number>();
  for (const line of job.plan.lines) if (line.outcome !== 'error') lineOf.set(line.artNo, line.line);
  for (const batch of refused) await writeOneByOne(engine, job, userId, batch, lineOf);
  job.state = job.stopReason === null ? 'applied' : 'failed';
  job.finishedMs = clockMs();
}
