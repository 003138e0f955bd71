// Catalog import (CSV, issue 14): the arguments of the ops that read and apply a dry run made by POST /api/imports.
import { z } from 'zod';
import { IMPORT_LINES_PAGE_MAX, IMPORT_ROWS_MAX } from './limits.ts';

export const ImportId = z.string().uuid('importId is the id POST /api/imports replied with');
export const ImportOutcome = z.enum(['new', 'changed', 'unchanged', 'error']);

export const ImportLinesArgs = z
  .object({
    importId: ImportId,
    outcome: ImportOutcome.optional(),
    cursor: z.number().int().min(0).max(IMPORT_ROWS_MAX).default(0),
    limit: z.number().int().min(1).max(IMPORT_LINES_PAGE_MAX).default(50),
  })
  .strict();

export const ImportIdArgs = z.object({ importId: ImportId }).strict();

export type ImportLinesArgs = z.output<typeof ImportLinesArgs>;
