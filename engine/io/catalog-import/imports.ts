// The dry runs an engine holds (in memory only: a restart forgets them, and re-running the import makes a new one),
// at most IMPORTS_KEPT_MAX and each for IMPORT_KEPT_MS_MAX, and the one apply that may run at a time. Keyed by the
// engine (a WeakMap), so the HTTP upload and the WebSocket ops of the same engine share them without a new field
// on every handler context.
import { randomUUID } from 'node:crypto';
import { IMPORT_KEPT_MS_MAX, IMPORTS_KEPT_MAX } from '../../../schemas/limits.ts';
import type { ImportPlan } from '../../core/catalog-import/types.ts';
import type { Engine } from '../../engine.ts';
import { type ImportJob, newJob } from './import-job.ts';

export class Imports {
  private readonly jobs = new Map<string, ImportJob>();
  /** A file is being read and planned (one at a time: each may hold a large file in memory). */
  reading = false;

  add(userId: string, file: { name: string; bytes: number }, plan: ImportPlan, nowMs: number): ImportJob {
    this.forgetOld(nowMs);
    const job = newJob(randomUUID(), userId, file, plan, nowMs);
    this.jobs.set(job.id, job);
    return job;
  }

  get(id: string, nowMs: number): ImportJob | undefined {
    this.forgetOld(nowMs);
    return this.jobs.get(id);
  }

  /** The import being applied, if any. */
  applying(): ImportJob | undefined {
    for (const job of this.jobs.values()) if (job.state === 'applying') return job;
    return undefined;
  }

  /** Expired dry runs go, then the oldest until one more fits; an import being applied stays. */
  private forgetOld(nowMs: number): void {
    for (const [id, job] of this.jobs) {
      if (job.state !== 'applying' && nowMs - job.createdMs > IMPORT_KEPT_MS_MAX) this.jobs.delete(id);
    }
    for (const [id, job] of this.jobs) {
      if (this.jobs.size < IMPORTS_KEPT_MAX) break;
      if (job.state !== 'applying') this.jobs.delete(id);
    }
  }
}

const BY_ENGINE = new WeakMap<Engine, Imports>();

export function importsOf(engine: Engine): Imports {
  let imports = BY_ENGINE.get(engine);
  if (imports === undefined) {
    imports = new Imports();
    BY_ENGINE.set(engine, imports);
  }
  return imports;
}
