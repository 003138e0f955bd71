// Expected business rejections: typed codes in the order the checks run, each with a message a person can act on.
import type { ErrorCode } from '../../schemas/protocol.ts';

export type RejectionCode = Extract<
  ErrorCode,
  | 'not_found'
  | 'forbidden'
  | 'insufficient_stock'
  | 'stock_limit'
  | 'unknown_supplier'
  | 'unknown_iso_code'
  | 'unknown_article'
  | 'replacement_cycle'
  | 'replacement_too_long'
  | 'not_resident'
  | 'invalid_pnr'
  | 'forbidden_article'
  | 'purpose_required'
  | 'purpose_invalid'
  | 'not_holder'
  | 'duplicate_line'
  | 'duplicate_request'
  | 'replacement_required'
  | 'article_discontinued'
  | 'order_not_cancellable'
  | 'invalid_transition'
  | 'no_individual'
  | 'invalid_date'
  | 'pickup_exists'
  | 'pickup_not_cancellable'
  // Care-provider boundaries and protected identities (issue 13).
  | 'care_provider_boundary'
  | 'protected_address'
  // Sign-in (issue 13, sign-in part).
  | 'account_inactive'
  // Issue 14, Leverantörer.
  | 'supplier_exists'
  // Issue 14, Användare och arbetsplatser.
  | 'user_exists'
  | 'username_taken'
  | 'not_buffer_warehouse'
  | 'self_deactivate'
  | 'last_admin'
  | 'account_deactivated'
  // Issue 14, Artiklar.
  | 'article_exists'
  // Issue 14, HMC oversight: admin.settingSet.
  | 'unknown_setting'
  | 'setting_out_of_range'
  // Issue 14, catalog import.
  | 'duplicate_article'
  // Issue 15: a delivery date on a weekend, holiday or de facto day off.
  | 'not_working_day'
  // Issue 15, desk: note.create past NOTES_PER_USER_MAX.
  | 'note_limit'
  // Issue 15, loans.
  | 'loan_invalid'
  | 'loan_closed'
  | 'loan_too_long'
  // Issue 15, recalls.
  | 'article_recalled'
  | 'recall_overlaps'
  | 'recall_not_done'
  | 'recall_closed'
  // Issue 15, returns (Retur av hjälpmedel).
  | 'no_buffer_warehouse'
  | 'not_held'
  | 'return_not_pending'
>;

export interface Rejection {
  ok: false;
  code: RejectionCode;
  message: string;
}

export function reject(code: RejectionCode, message: string): Rejection {
  return { ok: false, code, message };
}
