// Recalls (säkerhetsmeddelande, issue 15 item 7): HMC marks an article, or a range of its individual numbers, as
// recalled with a notice. While open, its stock is blocked from ordering and picking; every holder is listed with
// its progress (contacted / replaced / returned) until the recall closes.
import { z } from 'zod';
import {
  RECALL_CLOSE_REASON_CHARS_MAX,
  RECALL_NOTICE_CHARS_MAX,
  RECALL_PROGRESS_BATCH_MAX,
  RECALLS_LIST_MAX,
} from './limits.ts';
import { ArtNo, IndNo, UserId } from './primitives.ts';

export const RecallNo = z.number().int().min(1).max(99_999_999);

/** Where a recalled unit (or a sale article's quantity) is: the holder kinds the recall screen filters by. */
export const RecallHolderKind = z.enum(['patient', 'careUnit', 'buffer', 'warehouse', 'transit']);
/** `none` is the absence of a progress row; `replaced` and `returned` are done. */
export const RecallProgress = z.enum(['none', 'contacted', 'replaced', 'returned']);

/**
 * A holder's key within its recall: `i:<indNo>` a rental unit, `w:<warehouse>` a sale article's stock in a
 * warehouse or buffer, `o:<orderNo>:<lineNo>` a sale article's order line (delivered or in transit).
 */
export const RecallHolderKey = z.string().regex(/^(i:\d{1,8}|w:[0-9A-Z]{1,8}|o:\d{1,8}:\d{1,3})$/, 'holder key');

export const Recall = z.object({
  recallNo: RecallNo,
  artNo: ArtNo,
  /** A range of individual numbers (rental articles); both null: the whole article. */
  indNoFrom: IndNo.nullable(),
  indNoTo: IndNo.nullable(),
  /** The highest individual number when it was made: units registered later are not part of it. */
  indNoCeiling: z.number().int().min(0),
  notice: z.string().max(RECALL_NOTICE_CHARS_MAX),
  createdMs: z.number().int(),
  createdBy: UserId,
  /** Holders when it was made (rental: units; sale: stock rows and order lines) and prescribers messaged. */
  holdersAtCreate: z.number().int().min(0),
  prescribersMessaged: z.number().int().min(0),
  closedMs: z.number().int().nullable(),
  closedBy: UserId.nullable(),
  /** Closed before every holder was done: why (null when closed complete or still open). */
  forcedReason: z.string().max(RECALL_CLOSE_REASON_CHARS_MAX).nullable(),
});

/** One holder's progress: a row only for holders whose progress was set (50 000 units cost no rows to recall). */
export const RecallProgressRow = z.object({
  recallNo: RecallNo,
  holderKey: RecallHolderKey,
  /** `none`: set back (rows are never deleted; the store only writes rows). */
  progress: RecallProgress,
  timeMs: z.number().int(),
  userId: UserId,
});

const RangeArgs = {
  artNo: ArtNo,
  indNoFrom: IndNo.optional(),
  indNoTo: IndNo.optional(),
};

const rangeComplete = (a: { indNoFrom?: number; indNoTo?: number }) =>
  (a.indNoFrom === undefined) === (a.indNoTo === undefined) &&
  (a.indNoFrom === undefined || a.indNoFrom <= (a.indNoTo ?? 0));
const RANGE_MESSAGE = 'indNoFrom and indNoTo go together, from ≤ to';

export const RecallPreviewArgs = z.object(RangeArgs).strict().refine(rangeComplete, RANGE_MESSAGE);
export const RecallCreateArgs = z
  .object({ ...RangeArgs, notice: z.string().trim().min(1).max(RECALL_NOTICE_CHARS_MAX) })
  .strict()
  .refine(rangeComplete, RANGE_MESSAGE);
export const RecallListArgs = z
  .object({
    open: z.boolean().optional(),
    limit: z.number().int().min(1).max(RECALLS_LIST_MAX).default(50),
  })
  .strict();
export const RecallGetArgs = z
  .object({
    recallNo: RecallNo,
    kind: RecallHolderKind.optional(),
    progress: RecallProgress.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export const RecallProgressEntry = z.object({ holderKey: RecallHolderKey, progress: RecallProgress }).strict();
export const RecallSetProgressArgs = z
  .object({
    recallNo: RecallNo,
    entries: z.array(RecallProgressEntry).min(1).max(RECALL_PROGRESS_BATCH_MAX),
  })
  .strict();
export const RecallCloseArgs = z
  .object({
    recallNo: RecallNo,
    /** Close although holders are not done: requires a reason. */
    force: z.boolean().default(false),
    reason: z.string().trim().min(1).max(RECALL_CLOSE_REASON_CHARS_MAX).optional(),
  })
  .strict()
  .refine((a) => !a.force || a.reason !== undefined, 'a forced close needs a reason');
export const RecallNoticeArgs = z.object({ artNo: ArtNo, indNo: IndNo.optional() }).strict();

export const RecallCreated = z.object({ type: z.literal('recall.created'), recall: Recall });
export const RecallProgressSet = z.object({
  type: z.literal('recall.progressSet'),
  userId: UserId,
  recallNo: RecallNo,
  timeMs: z.number().int(),
  entries: z.array(RecallProgressEntry).max(RECALL_PROGRESS_BATCH_MAX),
});
export const RecallClosed = z.object({
  type: z.literal('recall.closed'),
  userId: UserId,
  recallNo: RecallNo,
  timeMs: z.number().int(),
  forcedReason: z.string().max(RECALL_CLOSE_REASON_CHARS_MAX).nullable(),
});
export const RECALL_EVENTS = [RecallCreated, RecallProgressSet, RecallClosed] as const;

export type Recall = z.infer<typeof Recall>;
export type RecallHolderKind = z.infer<typeof RecallHolderKind>;
export type RecallProgress = z.infer<typeof RecallProgress>;
export type RecallProgressRow = z.infer<typeof RecallProgressRow>;
