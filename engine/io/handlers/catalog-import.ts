// Handlers of the catalog import (issue 14): page a dry run's lines, apply it, poll its progress. The dry run itself
// comes from the HTTP upload (catalog-import/http-import.ts); both reach the engine's imports through importsOf.
import { applyImport } from '../catalog-import/apply-import.ts';
import { linesPage, statusOf } from '../catalog-import/import-job.ts';
import { importsOf } from '../catalog-import/imports.ts';
import { type HandlerContext, type HandlerTable, me, type Outcome } from '../handler-types.ts';

type ImportOp = 'admin.importLines' | 'admin.importApply' | 'admin.importStatus';

const NOT_FOUND: Outcome = {
  ok: false,
  code: 'not_found',
  message: 'Importen finns inte längre (motorn har startats om eller den är äldre än en timme). Läs in filen igen.',
};

function jobOf(ctx: HandlerContext, importId: string) {
  return importsOf(ctx.engine).get(importId, ctx.nowMs);
}

export const CATALOG_IMPORT_HANDLERS: HandlerTable<ImportOp> = {
  'admin.importLines': (ctx, args) => {
    const job = jobOf(ctx, args.importId);
    if (job === undefined) return NOT_FOUND;
    return { ok: true, result: linesPage(job, args.outcome, args.cursor, args.limit) };
  },
  'admin.importStatus': (ctx, args) => {
    const job = jobOf(ctx, args.importId);
    return job === undefined ? NOT_FOUND : { ok: true, result: statusOf(job) };
  },
  'admin.importApply': (ctx, args) => {
    const imports = importsOf(ctx.engine);
    const job = imports.get(args.importId, ctx.nowMs);
    if (job === undefined) return NOT_FOUND;
    if (job.state !== 'planned')
      return { ok: false, code: 'invalid_transition', message: 'Importen är redan verkställd; läs in filen igen.' };
    if (imports.applying() !== undefined)
      return {
        ok: false,
        code: 'invalid_transition',
        message: 'En annan import verkställs just nu; vänta tills den är klar.',
      };
    if (!ctx.engine.storage.writable)
      return {
        ok: false,
        code: 'storage_unavailable',
        message: 'Lagringen tar inte emot skrivningar just nu; försök igen.',
      };
    const clock = Date.now; // progress times only; the commands get the engine's clock
    void applyImport(ctx.engine, job, me(ctx).id, clock);
    return { ok: true, result: statusOf(job) };
  },
};
