// One catalog import as the engine holds it between the dry run and the apply: the plan, the lines by outcome for
// paging, and the apply's progress. A leaf of types and small pure views (the status a client polls).
import type { ImportOutcome, ImportPlan, PlanLine } from '../../core/catalog-import/types.ts';

export type ImportState = 'planned' | 'applying' | 'applied' | 'failed';

/** An article the apply could not write (the state changed since the dry run, or the store refused). */
export interface ApplyFailure {
  line: number;
  artNo: string;
  message: string;
}

export interface ImportJob {
  id: string;
  /** Who uploaded the file (the apply's events name who confirmed it). */
  userId: string;
  fileName: string;
  bytes: number;
  createdMs: number;
  plan: ImportPlan;
  /** Positions in plan.lines of each outcome's lines, for paging one outcome without a scan. */
  linesByOutcome: Record<ImportOutcome, number[]>;
  state: ImportState;
  /** Articles the apply has written, and those it found already equal (another apply got there first). */
  written: number;
  skipped: number;
  batchesDone: number;
  failures: ApplyFailure[];
  /** Why the apply stopped (the store refused writes); null while it runs or when it finished. */
  stopReason: string | null;
  startedMs: number | null;
  finishedMs: number | null;
}

/** Failures a status reply lists (the count is always whole). */
export const STATUS_FAILURES_SHOWN = 50;

export function newJob(
  id: string,
  userId: string,
  file: { name: string; bytes: number },
  plan: ImportPlan,
  nowMs: number,
): ImportJob {
  const linesByOutcome: Record<ImportOutcome, number[]> = { new: [], changed: [], unchanged: [], error: [] };
  for (const [i, line] of plan.lines.entries()) linesByOutcome[line.outcome].push(i);
  return {
    id,
    userId,
    fileName: file.name,
    bytes: file.bytes,
    createdMs: nowMs,
    plan,
    linesByOutcome,
    state: 'planned',
    written: 0,
    skipped: 0,
    batchesDone: 0,
    failures: [],
    stopReason: null,
    startedMs: null,
    finishedMs: null,
  };
}

/** What admin.importStatus and the upload reply: counts and progress, never the lines themselves. */
export function statusOf(job: ImportJob) {
  const toApply = job.plan.counts.new + job.plan.counts.changed;
  return {
    importId: job.id,
    fileName: job.fileName,
    bytes: job.bytes,
    createdMs: job.createdMs,
    rows: job.plan.lines.length,
    counts: job.plan.counts,
    state: job.state,
    toApply,
    done: job.written + job.skipped + job.failures.length,
    written: job.written,
    skipped: job.skipped,
    failed: job.failures.length,
    failures: job.failures.slice(0, STATUS_FAILURES_SHOWN),
    batches: { done: job.batchesDone, total: job.plan.batches.length },
    stopReason: job.stopReason,
    startedMs: job.startedMs,
    finishedMs: job.finishedMs,
  };
}
export type ImportStatus = ReturnType<typeof statusOf>;

/** One page of the lines, optionally of one outcome; `next` is the cursor of the following page (null: the end). */
export function linesPage(job: ImportJob, outcome: ImportOutcome | undefined, cursor: number, limit: number) {
  const total = outcome === undefined ? job.plan.lines.length : job.linesByOutcome[outcome].length;
  const end = Math.min(total, cursor + limit);
  const lines: PlanLine[] = [];
  for (let i = cursor; i < end; i++) {
    lines.push(job.plan.lines[outcome === undefined ? i : job.linesByOutcome[outcome][i]!]!);
  }
  return { importId: job.id, outcome: outcome ?? null, total, lines, next: end < total ? end : null };
}
