// Lager and Ändringslogg (issue 14): minimum stock levels, the stock ledger and the change log, as the API carries them.
import { z } from 'zod';
import {
  BELOW_MIN_PAGE_MAX,
  CHANGE_LOG_PAGE_DEFAULT,
  CHANGE_LOG_PAGE_MAX,
  JOURNAL_CURSOR_CHARS_MAX,
  STOCK_LEDGER_PAGE_DEFAULT,
  STOCK_LEDGER_PAGE_MAX,
  STOCK_MIN_LEVEL_MAX,
} from './limits.ts';
import { ArtNo, UserId, WarehouseId } from './primitives.ts';

/**
 * The lowest available quantity (onHand − reserved) HMC wants of an article in a warehouse; below it, the row is
 * listed. 0: no minimum (a cleared level keeps its row).
 */
export const StockMinLevel = z.object({
  warehouse: WarehouseId,
  artNo: ArtNo,
  minLevel: z.number().int().min(0).max(STOCK_MIN_LEVEL_MAX),
});

/** An admin set (or, with 0, cleared) a minimum level; `before` is the level it replaced (0: none). */
export const StockMinLevelSet = z.object({
  type: z.literal('stock.minLevelSet'),
  userId: UserId,
  warehouse: WarehouseId,
  artNo: ArtNo,
  minLevel: z.number().int().min(0).max(STOCK_MIN_LEVEL_MAX),
  before: z.number().int().min(0).max(STOCK_MIN_LEVEL_MAX),
});

/** The ledger's page cursor: `<seq>.<n>` of the last line of the previous page. */
export const LedgerCursor = z
  .string()
  .max(JOURNAL_CURSOR_CHARS_MAX)
  .regex(/^\d{1,16}\.\d{1,6}$/, 'cursor is the `next` of the previous page');

/** The change log's page cursor: `<timeMs>.<seq>.<n>` of the last change of the previous page. */
export const ChangeLogCursor = z
  .string()
  .max(JOURNAL_CURSOR_CHARS_MAX)
  .regex(/^\d{1,16}\.\d{1,16}\.\d{1,6}$/, 'cursor is the `next` of the previous page');

export const StockMinSetArgs = z
  .object({ warehouse: WarehouseId, artNo: ArtNo, minLevel: z.number().int().min(0).max(STOCK_MIN_LEVEL_MAX) })
  .strict();

export const StockLedgerArgs = z
  .object({
    artNo: ArtNo,
    warehouse: WarehouseId.optional(),
    cursor: LedgerCursor.optional(),
    limit: z.number().int().min(1).max(STOCK_LEDGER_PAGE_MAX).default(STOCK_LEDGER_PAGE_DEFAULT),
  })
  .strict();

export const BelowMinArgs = z
  .object({
    warehouse: WarehouseId.optional(),
    /** `<artNo>:<warehouse>` of the last row of the previous page. */
    cursor: z
      .string()
      .regex(/^\d{6}:[0-9A-Z]{1,8}$/, 'cursor is the `next` of the previous page')
      .optional(),
    limit: z.number().int().min(1).max(BELOW_MIN_PAGE_MAX).default(50),
  })
  .strict();

/** An entity kind of the change log (describe.ts names them); a short lowercase word. */
export const EntityKind = z.string().regex(/^[a-zA-Z]{1,32}$/, 'entity kind is a word');

export const ChangeLogArgs = z
  .object({
    /** Changes of one kind of entity (article, stock, user, …), and with `entityId` of one entity. */
    entityKind: EntityKind.optional(),
    entityId: z.string().min(1).max(64).optional(),
    /** Changes made by this user. */
    userId: UserId.optional(),
    /** A half-open period [fromMs, toMs). */
    fromMs: z.number().int().min(0).optional(),
    toMs: z.number().int().min(0).optional(),
    cursor: ChangeLogCursor.optional(),
    limit: z.number().int().min(1).max(CHANGE_LOG_PAGE_MAX).default(CHANGE_LOG_PAGE_DEFAULT),
  })
  .strict()
  .refine((args) => args.entityId === undefined || args.entityKind !== undefined, {
    message: 'entityId needs entityKind',
    path: ['entityId'],
  });

export type StockMinLevel = z.infer<typeof StockMinLevel>;
export type StockMinLevelSet = z.infer<typeof StockMinLevelSet>;
export type StockLedgerArgs = z.output<typeof StockLedgerArgs>;
export type BelowMinArgs = z.output<typeof BelowMinArgs>;
export type ChangeLogArgs = z.output<typeof ChangeLogArgs>;
