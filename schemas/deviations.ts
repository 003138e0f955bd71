// Avvikelse / reklamation: a report of an incident, a risk of one, or a product fault (a complaint towards the
// supplier) about an individual or an article, filed by a prescriber or HMC staff from wherever they met it (the
// patient view, the individual card, a work order, a pickup). HMC works the desk: status and comments the reporter sees.
import { z } from 'zod';
import {
  ATTACHMENTS_PER_DEVIATION_MAX,
  DEVIATION_COMMENT_CHARS_MAX,
  DEVIATION_COMMENTS_MAX,
  DEVIATION_COUNT_ROWS_MAX,
  DEVIATION_LIST_MAX,
  DEVIATION_TEXT_CHARS_MAX,
} from './limits.ts';
import { ArtNo, IndNo, Pnr12, PnrInput, UserId } from './primitives.ts';
import { Attachment } from './work-orders.ts';

export const DeviationNo = z.number().int().min(1).max(99_999_999);
/** incident: händelse/olycka; risk: risk för olycka; productFault: produktfel (reklamation to the supplier). */
export const DeviationCategory = z.enum(['incident', 'risk', 'productFault']);
/** new (Ny) → investigating (Utreds) → reportedToSupplier (Anmäld till leverantör) → closed (Avslutad). */
export const DeviationStatus = z.enum(['new', 'investigating', 'reportedToSupplier', 'closed']);
/** Where the report was filed from; `ref` names the individual, work order or pickup (null for the others). */
export const DeviationSourceKind = z.enum(['patient', 'individual', 'workOrder', 'pickup', 'desk']);
export const DeviationSource = z.object({
  kind: DeviationSourceKind,
  ref: z.number().int().min(1).max(99_999_999).nullable(),
});

export const DeviationComment = z.object({
  timeMs: z.number().int(),
  userId: UserId,
  text: z.string().max(DEVIATION_COMMENT_CHARS_MAX),
});

export const Deviation = z.object({
  deviationNo: DeviationNo,
  createdMs: z.number().int(),
  reporterId: UserId,
  /** The workplace (and so care provider) it was filed under. */
  workplaceId: z.string().max(40).optional(),
  category: DeviationCategory,
  text: z.string().max(DEVIATION_TEXT_CHARS_MAX),
  /** The article always; the individual when the report is about one unit. */
  artNo: ArtNo,
  indNo: IndNo.nullable(),
  /** The patient concerned, if the reporter named one. */
  pnr: Pnr12.nullable(),
  source: DeviationSource,
  status: DeviationStatus,
  statusChangedMs: z.number().int(),
  comments: z.array(DeviationComment).max(DEVIATION_COMMENTS_MAX),
  attachments: z.array(Attachment).max(ATTACHMENTS_PER_DEVIATION_MAX),
});

export const DeviationCreateArgs = z
  .object({
    category: DeviationCategory,
    text: z.string().trim().min(1).max(DEVIATION_TEXT_CHARS_MAX),
    /** The individual (its article follows), or an article without an individual. */
    indNo: IndNo.optional(),
    artNo: ArtNo.optional(),
    pnr: PnrInput.optional(),
    source: DeviationSource.strict().default({ kind: 'desk', ref: null }),
    /** Ids from POST /api/attachments, uploaded by the caller. */
    attachments: z.array(z.uuid()).max(ATTACHMENTS_PER_DEVIATION_MAX).default([]),
  })
  .strict()
  .refine((a) => a.indNo !== undefined || a.artNo !== undefined, 'name an individual (indNo) or an article (artNo)');

export const DeviationListArgs = z
  .object({
    status: DeviationStatus.optional(),
    category: DeviationCategory.optional(),
    artNo: ArtNo.optional(),
    limit: z.number().int().min(1).max(DEVIATION_LIST_MAX).default(100),
  })
  .strict();

export const DeviationGetArgs = z.object({ deviationNo: DeviationNo }).strict();
export const DeviationCommentArgs = z
  .object({ deviationNo: DeviationNo, text: z.string().trim().min(1).max(DEVIATION_COMMENT_CHARS_MAX) })
  .strict();
export const DeviationSetStatusArgs = z
  .object({
    deviationNo: DeviationNo,
    status: DeviationStatus,
    /** Why, for the reporter (shown as a comment). */
    comment: z.string().trim().min(1).max(DEVIATION_COMMENT_CHARS_MAX).optional(),
  })
  .strict();
export const DeviationCountsArgs = z
  .object({
    artNo: ArtNo.optional(),
    limit: z.number().int().min(1).max(DEVIATION_COUNT_ROWS_MAX).default(100),
  })
  .strict();

export const DeviationCreated = z.object({ type: z.literal('deviation.created'), deviation: Deviation });
export const DeviationCommented = z.object({
  type: z.literal('deviation.commented'),
  userId: UserId,
  deviationNo: DeviationNo,
  timeMs: z.number().int(),
  text: z.string().max(DEVIATION_COMMENT_CHARS_MAX),
});
export const DeviationStatusSet = z.object({
  type: z.literal('deviation.statusSet'),
  userId: UserId,
  deviationNo: DeviationNo,
  timeMs: z.number().int(),
  from: DeviationStatus,
  status: DeviationStatus,
});
export const DEVIATION_EVENTS = [DeviationCreated, DeviationCommented, DeviationStatusSet] as const;

export type Deviation = z.infer<typeof Deviation>;
export type DeviationStatus = z.infer<typeof DeviationStatus>;
export type DeviationCategory = z.infer<typeof DeviationCategory>;
export type DeviationListArgs = z.output<typeof DeviationListArgs>;
export type DeviationCountsArgs = z.output<typeof DeviationCountsArgs>;
