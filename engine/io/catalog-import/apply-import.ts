// Applies a planned import: its batches in order (referenced articles first), each one durable command
// (`article.importBatch`) awaited before the next, and at most one batch start per IMPORT_BATCH_INTERVAL_MS, so reads
// and other commands keep their turn: each batch is a short stretch of the engine's thread, and few enough of them
// run that only a small share of reads ever waits behind one. A batch refused because the
// state changed since the dry run is tried article by article, and the articles still refused are reported with
// their line. Killed half-way (kill -9), the committed batches stay: a new dry run of the same file shows them
// unchanged and its apply writes the rest.
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import type { Article } from '../../../schemas/entities.ts';
import { IMPORT_BATCH_INTERVAL_MS } from '../../../schemas/limits.ts';
import type { Engine } from '../../engine.ts';
import type { ImportJob } from './import-job.ts';

type Step = { ok: true; written: number } | { ok: false; code: string; message: string };

async function writeBatch(engine: Engine, userId: string, articles: readonly Article[]): Promise<Step> {
  const outcome = await engine.execute({ type: 'article.importBatch', userId, articles });
  return outcome.ok ? { ok: true, written: outcome.events.length } : outcome;
}

/** The store refuses (full disk) or the engine is overloaded: stop, the import can be run again later. */
function stops(step: Step): boolean {
  return !step.ok && (step.code === 'storage_unavailable' || step.code === 'overloaded');
}

/** A refused batch, one article at a time; returns false if the apply must stop. */
async function writeOneByOne(engine: Engine, job: ImportJob, batch: readonly Article[], lineOf: Map<string, number>) {
  for (const article of batch) {
    const step = await writeBatch(engine, job.userId, [article]);
    if (stops(step)) return step;
    if (step.ok) {
      job.written += step.written;
      job.skipped += 1 - step.written;
    } else job.failures.push({ line: lineOf.get(article.artNo) ?? 0, artNo: article.artNo, message: step.message });
  }
  return null;
}

export async function applyImport(engine: Engine, job: ImportJob, clockMs: () => number): Promise<void> {
  job.state = 'applying';
  job.startedMs = clockMs();
  const lineOf = new Map<string, number>();
  for (const line of job.plan.lines)
    if (line.outcome === 'new' || line.outcome === 'changed') lineOf.set(line.artNo, line.line);
  for (const batch of job.plan.batches) {
    const startedMs = performance.now();
    let step = await writeBatch(engine, job.userId, batch);
    if (step.ok) {
      job.written += step.written;
      job.skipped += batch.length - step.written;
    } else if (!stops(step)) step = (await writeOneByOne(engine, job, batch, lineOf)) ?? { ok: true, written: 0 };
    if (!step.ok && stops(step)) {
      job.state = 'failed';
      job.stopReason = step.message;
      job.finishedMs = clockMs();
      return;
    }
    job.batchesDone++;
    const restMs = startedMs + IMPORT_BATCH_INTERVAL_MS - performance.now();
    await (restMs >= 1 ? sleep(restMs) : yieldToLoop());
  }
  job.state = 'applied';
  job.finishedMs = clockMs();
}
