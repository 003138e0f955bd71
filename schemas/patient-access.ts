// Patient access across care providers (sammanhållen journalföring): a patient's consent that the acting care
// provider reads other care providers' entries, and emergency access (nödåtkomst) with a reason. Both are journaled
// and flagged for a log reviewer.
import { z } from 'zod';
import { ACCESS_GRANT_LIST_MAX, EMERGENCY_REASON_CHARS_MAX, EMERGENCY_REASON_CHARS_MIN } from './limits.ts';
import { Pnr12, PnrInput, UserId } from './primitives.ts';

export const GrantNo = z.number().int().min(1).max(999_999_999);
export const GrantKind = z.enum(['consent', 'emergency']);

export const AccessGrant = z.object({
  grantNo: GrantNo,
  kind: GrantKind,
  pnr: Pnr12,
  /** The care provider that may now read other care providers' entries about the patient. */
  careProviderId: z.string().max(40),
  workplaceId: z.string().max(40),
  /** Who recorded it, and when. */
  userId: UserId,
  timeMs: z.number().int(),
  /** Emergency access ends here; a consent stands until further (null). */
  expiresMs: z.number().int().nullable(),
  /** Why (emergency access only; empty for a consent). */
  reason: z.string().max(EMERGENCY_REASON_CHARS_MAX),
  /** Every consent and emergency access waits for a log reviewer. */
  flaggedForReview: z.literal(true),
});

export const RecordConsentArgs = z.object({ pnr: PnrInput }).strict();
export const EmergencyAccessArgs = z
  .object({ pnr: PnrInput, reason: z.string().trim().min(EMERGENCY_REASON_CHARS_MIN).max(EMERGENCY_REASON_CHARS_MAX) })
  .strict();
export const ConsentListArgs = z
  .object({
    pnr: PnrInput.optional(),
    kind: GrantKind.optional(),
    limit: z.number().int().min(1).max(ACCESS_GRANT_LIST_MAX).default(50),
  })
  .strict();
export const SetWorkplaceArgs = z.object({ workplaceId: z.string().min(1).max(40) }).strict();

export const AccessGranted = z.object({ type: z.literal('patient.accessGranted'), grant: AccessGrant });
export const PATIENT_ACCESS_EVENTS = [AccessGranted] as const;

export type AccessGrant = z.infer<typeof AccessGrant>;
export type AccessGranted = z.infer<typeof AccessGranted>;
export type ConsentListArgs = z.output<typeof ConsentListArgs>;
