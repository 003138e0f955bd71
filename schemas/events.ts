// Events: the facts the core decided, journaled in LMDB before anyone hears of them, replayed by `apply`.
import { z } from 'zod';
import {
  PROFILE_EMAIL_CHARS_MAX,
  PROFILE_PHONE_CHARS_MAX,
  REASON_NOTE_CHARS_MAX,
  RENTAL_UNITS_PER_ADJUST_MAX,
} from './limits.ts';
import { Article } from './entities.ts';
import { ArtNo, IndNo, StockReason, UserId, WarehouseId } from './primitives.ts';
import { ORDER_EVENTS } from './order-events.ts';
import { PICKUP_EVENTS } from './pickups.ts';
import { NEWS_EVENTS } from './news.ts';
import { WORK_ORDER_EVENTS } from './work-orders.ts';
import { PATIENT_ACCESS_EVENTS } from './patient-access.ts';
// Issue 14, Ersättningskedjor + ISO 9999 + Leverantörer:
import { REFERENCE_EVENTS } from './reference.ts';
import { USER_ADMIN_EVENTS } from './admin-users.ts';
// Issue 14, HMC oversight:
import { SETTING_EVENTS } from './settings.ts';
// Issue 14, Lager:
import { StockMinLevelSet } from './stock-admin.ts';
// Issue 15, desk:
import { NOTE_EVENTS } from './notes.ts';
import { DEVIATION_EVENTS } from './deviations.ts';
// Issue 15, loans:
import { LOAN_EVENTS } from './loans.ts';
// Issue 15, recalls:
import { RECALL_EVENTS } from './recalls.ts';
// Issue 15, returns:
import { RETURN_EVENTS } from './returns.ts';

export const ArticleUpserted = z.object({
  type: z.literal('article.upserted'),
  userId: UserId,
  article: Article,
  /**
   * The article as it was (null: new), so the change log shows before → after from the journal alone. Every
   * administrative event carries its `before` (issue 14); absent in entries older than that.
   */
  before: Article.nullable().optional(),
});

export const StockAdjusted = z.object({
  type: z.literal('stock.adjusted'),
  userId: UserId,
  warehouse: WarehouseId,
  artNo: ArtNo,
  delta: z.number().int(),
  reason: StockReason,
  note: z.string().max(REASON_NOTE_CHARS_MAX),
  /** The balance after the change, so a reader of the journal needs no replay to know it. */
  onHandAfter: z.number().int(),
  /**
   * Rental articles: the individuals registered in the warehouse (delta > 0) or written off from it
   * (delta < 0), one per unit; empty for articles sold from stock.
   */
  individuals: z.array(IndNo).max(RENTAL_UNITS_PER_ADJUST_MAX),
  /** The individuals existed and came back from the patient or care unit holding them (a return), not new units. */
  returned: z.boolean().optional(),
});

/** A user's own contact details (Dina uppgifter), as HMC reaches them. */
export const UserContactChanged = z.object({
  type: z.literal('user.contactChanged'),
  userId: UserId,
  email: z.string().max(PROFILE_EMAIL_CHARS_MAX),
  phone: z.string().max(PROFILE_PHONE_CHARS_MAX),
});

/** A user signed in (password or OIDC): the time, so an account unused for ACCOUNT_DORMANT_MS can be refused. */
export const UserSignedIn = z.object({ type: z.literal('user.signedIn'), userId: UserId, timeMs: z.number() });
/** An admin reactivated a dormant account: counts as a sign-in at that time. */
export const UserReactivated = z.object({
  type: z.literal('user.reactivated'),
  userId: UserId,
  byUserId: UserId,
  timeMs: z.number(),
});

export const Event = z.discriminatedUnion('type', [
  ArticleUpserted,
  StockAdjusted,
  UserContactChanged,
  UserSignedIn,
  UserReactivated,
  ...ORDER_EVENTS,
  ...PICKUP_EVENTS,
  ...NEWS_EVENTS,
  ...WORK_ORDER_EVENTS,
  ...PATIENT_ACCESS_EVENTS,
  // Issue 14, Ersättningskedjor + ISO 9999 + Leverantörer:
  ...REFERENCE_EVENTS,
  // Issue 14, Användare och arbetsplatser:
  ...USER_ADMIN_EVENTS,
  // Issue 14, HMC oversight:
  ...SETTING_EVENTS,
  // Issue 14, Lager:
  StockMinLevelSet,
  // Issue 15, desk:
  ...NOTE_EVENTS,
  ...DEVIATION_EVENTS,
  // Issue 15, loans:
  ...LOAN_EVENTS,
  // Issue 15, recalls:
  ...RECALL_EVENTS,
  // Issue 15, returns:
  ...RETURN_EVENTS,
]);

/** What the journal stores per accepted command: its sequence number, time and events (applied together or not at all). */
export const JournalEntry = z.object({
  seq: z.number().int().min(1),
  timeMs: z.number().int(),
  events: z.array(Event).min(1),
});

export type ArticleUpserted = z.infer<typeof ArticleUpserted>;
export type StockAdjusted = z.infer<typeof StockAdjusted>;
export type UserContactChanged = z.infer<typeof UserContactChanged>;
export type Event = z.infer<typeof Event>;
export type EventType = Event['type'];
export type JournalEntry = z.infer<typeof JournalEntry>;
