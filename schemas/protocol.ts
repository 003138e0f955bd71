// The wire envelope of /ws: request, reply, push, and the stable error codes a client can branch on.
import { z } from 'zod';
import { OP_CHARS_MAX, REQUEST_ID_CHARS_MAX } from './limits.ts';

export const RequestId = z.union([z.number().int().safe(), z.string().max(REQUEST_ID_CHARS_MAX)]);

export const Request = z.object({
  id: RequestId,
  op: z.string().min(1).max(OP_CHARS_MAX),
  args: z.unknown().optional(),
});

/** Every error code the engine sends. Rejections of the core are a subset (see engine/core/rejections.ts). */
export const ERROR_CODES = [
  'invalid_request',
  'unknown_op',
  'unauthorized',
  'forbidden',
  'not_found',
  'bad_credentials',
  'overloaded',
  'internal',
  'insufficient_stock',
  'not_resident',
  'unknown_supplier',
  'unknown_iso_code',
  'unknown_article',
  'replacement_cycle',
  'replacement_too_long',
  'stock_limit',
  'invalid_pnr',
  // Orders and fulfilment (engine/core/orders).
  'forbidden_article',
  'purpose_required',
  'purpose_invalid',
  'not_holder',
  'duplicate_line',
  'duplicate_request',
  'replacement_required',
  'article_discontinued',
  'order_not_cancellable',
  'invalid_transition',
  'no_individual',
  'invalid_date',
  // Pickup orders (engine/core/pickups).
  'pickup_exists',
  'pickup_not_cancellable',
  // HTTP hardening and uploads (issue 13): a method a route does not take, an attachment quota.
  'method_not_allowed',
  'quota_exceeded',
  // Full disk (issue 13): a commit or a blob write failed, or the store is not writable; reads keep working.
  'storage_unavailable',
  // Issue 17: a standby (or a primary that lost its lease) takes no commands; the message names the primary.
  'read_only',
  // Care-provider boundaries and protected identities (issue 13).
  'care_provider_boundary',
  'protected_address',
  // Sign-in (issue 13, sign-in part).
  'too_many_attempts',
  'account_inactive',
  'signin_method_off',
  // Issue 14, Leverantörer: a new supplier's id is taken.
  'supplier_exists',
  // Issue 14, Användare och arbetsplatser: refusals of the user administration.
  'user_exists',
  'username_taken',
  'not_buffer_warehouse',
  'self_deactivate',
  'last_admin',
  'account_deactivated',
  // Issue 14, Artiklar: a create (expectNew) with an article number that exists.
  'article_exists',
  // Issue 14, HMC oversight: admin.settingSet.
  'unknown_setting',
  'setting_out_of_range',
  // Issue 14, catalog import: an article number twice in one import batch.
  'duplicate_article',
  // Issue 15: fulfil.setDeliveryDate on a weekend, holiday or de facto day off.
  'not_working_day',
  // Issue 15, desk: a user already keeps NOTES_PER_USER_MAX notes.
  'note_limit',
  // Issue 15, loans: a loan on a sale line, a due date missing or not after the order date, a closed loan, the limit.
  'loan_invalid',
  'loan_closed',
  'loan_too_long',
  // Issue 15, recalls: the article (or the unit) is recalled; an open recall overlaps; holders not done.
  'article_recalled',
  'recall_overlaps',
  'recall_not_done',
  'recall_closed',
  // Issue 15, returns: a de-registration without a buffer warehouse, of more than the patient holds, or a receipt of a
  // return that is not on its way to HMC.
  'no_buffer_warehouse',
  'not_held',
  'return_not_pending',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: Array<{ path: Array<string | number>; message: string }>;
  /** Issue 17, `read_only`: the leading node's address (its lease's URL), null while none leads. */
  primary?: string | null;
}
export type RequestIdT = z.infer<typeof RequestId>;
export type Reply =
  | { id: RequestIdT; ok: true; result: unknown }
  | { id: RequestIdT | null; ok: false; error: ErrorBody };
export interface Push {
  topic: string;
  event: unknown;
}
