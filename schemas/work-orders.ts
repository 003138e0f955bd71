// Work orders (arbetsorder): a prescriber's errand to Teknisk Service, a hjälpmedelskonsulent or the communication
// resource centre Dako, standalone or about a device a patient holds; HMC moves it through statuses and comments.
import { z } from 'zod';
import {
  ATTACHMENT_BYTES_MAX,
  ATTACHMENT_NAME_CHARS_MAX,
  ATTACHMENTS_PER_WORK_ORDER_MAX,
  WORK_ORDER_COMMENT_CHARS_MAX,
  WORK_ORDER_COMMENTS_MAX,
  WORK_ORDER_LIST_MAX,
  WORK_ORDER_TEXT_CHARS_MAX,
  WORK_ORDER_TITLE_CHARS_MAX,
} from './limits.ts';
import { IndNo, Pnr12, PnrInput, UserId } from './primitives.ts';

export const WoNo = z.number().int().min(1).max(99_999_999);
/** Teknisk Service (repairs, adaptations), hjälpmedelskonsulent (advice, trials), Dako (communication aids, software). */
export const WorkOrderDestination = z.enum(['technicalService', 'consultant', 'dako']);
/** `registered` (mottagen) → `inProgress` → `waitingForParts` ↔ `inProgress` → `done`; or `cancelled`. */
export const WorkOrderStatus = z.enum(['registered', 'inProgress', 'waitingForParts', 'done', 'cancelled']);

export const WorkOrderComment = z.object({
  timeMs: z.number().int(),
  userId: UserId,
  text: z.string().max(WORK_ORDER_COMMENT_CHARS_MAX),
});

/** A file uploaded with POST /api/attachments, as the work order lists it (the bytes stay in the store). */
export const Attachment = z.object({
  id: z.uuid(),
  name: z.string().max(ATTACHMENT_NAME_CHARS_MAX),
  contentType: z.string().max(100),
  bytes: z.number().int().min(1).max(ATTACHMENT_BYTES_MAX),
});

export const WorkOrder = z.object({
  woNo: WoNo,
  createdMs: z.number().int(),
  prescriberId: UserId,
  /** The workplace (and so care provider) the work order was made under; absent in rows older than it. */
  workplaceId: z.string().max(40).optional(),
  destination: WorkOrderDestination,
  /** The patient and device the errand is about, or null for a standalone errand. */
  pnr: Pnr12.nullable(),
  indNo: IndNo.nullable(),
  title: z.string().max(WORK_ORDER_TITLE_CHARS_MAX),
  text: z.string().max(WORK_ORDER_TEXT_CHARS_MAX),
  status: WorkOrderStatus,
  /** When the status last changed (issue 14, HMC oversight); absent until the first change: then `createdMs`. */
  statusChangedMs: z.number().int().optional(),
  comments: z.array(WorkOrderComment).max(WORK_ORDER_COMMENTS_MAX),
  attachments: z.array(Attachment).max(ATTACHMENTS_PER_WORK_ORDER_MAX),
});

export const WorkOrderCreateArgs = z
  .object({
    destination: WorkOrderDestination,
    /** A device the patient holds; the patient is then the holder. */
    indNo: IndNo.optional(),
    /** A patient without a particular device. */
    pnr: PnrInput.optional(),
    title: z.string().trim().min(1).max(WORK_ORDER_TITLE_CHARS_MAX),
    text: z.string().trim().max(WORK_ORDER_TEXT_CHARS_MAX).default(''),
    /** Ids from POST /api/attachments, uploaded by the caller. */
    attachments: z.array(z.uuid()).max(ATTACHMENTS_PER_WORK_ORDER_MAX).default([]),
  })
  .strict();

export const WorkOrderListArgs = z
  .object({
    /** Only work orders not done or cancelled. */
    open: z.boolean().optional(),
    destination: WorkOrderDestination.optional(),
    limit: z.number().int().min(1).max(WORK_ORDER_LIST_MAX).default(50),
  })
  .strict();

export const WorkOrderUpdateArgs = z
  .object({
    woNo: WoNo,
    status: WorkOrderStatus.optional(),
    comment: z.string().trim().min(1).max(WORK_ORDER_COMMENT_CHARS_MAX).optional(),
  })
  .strict()
  .refine((a) => a.status !== undefined || a.comment !== undefined, 'give a status, a comment or both');

export const WorkOrderCreated = z.object({ type: z.literal('workOrder.created'), workOrder: WorkOrder });
export const WorkOrderUpdated = z.object({
  type: z.literal('workOrder.updated'),
  userId: UserId,
  woNo: WoNo,
  timeMs: z.number().int(),
  status: WorkOrderStatus.nullable(),
  comment: z.string().max(WORK_ORDER_COMMENT_CHARS_MAX).nullable(),
});
export const WORK_ORDER_EVENTS = [WorkOrderCreated, WorkOrderUpdated] as const;

export type WorkOrder = z.infer<typeof WorkOrder>;
export type Attachment = z.infer<typeof Attachment>;
export type WorkOrderListArgs = z.output<typeof WorkOrderListArgs>;
