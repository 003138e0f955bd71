// The patient-data access log's contract: an entry as the regulation lists it (who, acting for which care unit, which
// patient, when, what was shown) and the reviewer's queries. Entries are append-only; see README "Patient data".
import { z } from 'zod';
import { ACCESS_LOG_COMMENT_CHARS_MAX, ACCESS_LOG_PAGE_MAX, ACCESS_LOG_SAMPLE_MAX } from './limits.ts';
import { PnrInput, UserId } from './primitives.ts';

/** Why a person outside the own care provider was shown (set by the care-provider rules; absent otherwise). */
export const AccessGrounds = z.enum(['consent', 'emergency']);
/** What was shown of the person: the person itself, or one of their orders, pickups, work orders or devices. */
export const ShownKind = z.enum([
  'person',
  'order',
  'pickup',
  'workOrder',
  'individual',
  'accessLog',
  // Issue 15, desk: a private note or a deviation report about the person.
  'note',
  'deviation',
]);

export interface AccessEntry {
  /** Monotonic over the log's life (never reused). */
  id: number;
  timeMs: number;
  userId: string;
  userName: string;
  /** The care unit / workplace the user acted for ('' when the user has none). */
  workplaceId: string;
  workplaceName: string;
  /** The patient's personnummer, 12 digits. */
  pnr: string;
  /** The op that showed the person. */
  action: string;
  shown: { kind: z.infer<typeof ShownKind>; no: number | null };
  grounds?: z.infer<typeof AccessGrounds>;
}

/** An entry as a handler hands it in: the log gives it its id. */
export type NewAccessEntry = Omit<AccessEntry, 'id'>;

/** A reviewer's mark on an entry (append-only too: a second review adds, never replaces). */
export interface AccessReview {
  entryId: number;
  reviewerId: string;
  reviewerName: string;
  timeMs: number;
  comment: string;
}

/** A half-open period [fromMs, toMs). */
const Period = {
  fromMs: z.number().int().min(0),
  toMs: z.number().int().min(0),
};
/** Paging: the `next` cursor of the previous page. */
const Paging = {
  limit: z.number().int().min(1).max(ACCESS_LOG_PAGE_MAX).default(100),
  after: z
    .string()
    .regex(/^\d{1,15}\.\d{1,15}$/)
    .optional(),
};

export const AccessLogPatientArgs = z.object({ pnr: PnrInput, ...Period, ...Paging }).strict();
export const AccessLogUserArgs = z.object({ userId: UserId, ...Period, ...Paging }).strict();
export const AccessLogSampleArgs = z
  .object({ ...Period, size: z.number().int().min(1).max(ACCESS_LOG_SAMPLE_MAX), seed: z.number().int().min(0) })
  .strict();
export const AccessLogReviewArgs = z
  .object({ entryId: z.number().int().min(1), comment: z.string().trim().min(1).max(ACCESS_LOG_COMMENT_CHARS_MAX) })
  .strict();

export type AccessLogPatientArgs = z.output<typeof AccessLogPatientArgs>;
export type AccessLogUserArgs = z.output<typeof AccessLogUserArgs>;
export type AccessLogSampleArgs = z.output<typeof AccessLogSampleArgs>;

/** `GET /api/access-log.csv`: one patient's (`pnr`) or one user's (`userId`) accesses in [fromMs, toMs). */
export const AccessLogCsvParams = z
  .object({
    pnr: PnrInput.optional(),
    userId: UserId.optional(),
    fromMs: z.coerce.number().int().min(0),
    toMs: z.coerce.number().int().min(0),
  })
  .strict()
  .refine((p) => (p.pnr === undefined) !== (p.userId === undefined), 'give pnr or userId, not both');
