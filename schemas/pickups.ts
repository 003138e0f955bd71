// Pickup orders (hämtorder): a prescriber asks HMC to fetch chosen devices from a patient, with a pickup address
// (default: the registered one) and a reason for the driver. Each unit is done when HMC receives it back (a return).
import { z } from 'zod';
import {
  CONTACT_NAME_CHARS_MAX,
  CONTACT_PHONE_CHARS_MAX,
  PICKUP_LIST_MAX,
  PICKUP_REASON_CHARS_MAX,
  PICKUP_UNITS_MAX,
} from './limits.ts';
import { Address } from './entities.ts';
import { ArtNo, IndNo, Pnr12, PnrInput, UserId } from './primitives.ts';

export const PickupNo = z.number().int().min(1).max(99_999_999);
/** `requested` until every unit is back (`collected`), or cancelled before any came back. */
export const PickupStatus = z.enum(['requested', 'collected', 'cancelled']);
const Phone = z
  .string()
  .trim()
  .max(CONTACT_PHONE_CHARS_MAX)
  .regex(/^[0-9 +()-]*$/, 'phone is digits, spaces, + ( ) -');

export const PickupUnit = z.object({
  indNo: IndNo,
  artNo: ArtNo,
  /** When HMC received the unit back, or null while it waits. */
  returnedMs: z.number().int().nullable(),
});

export const Pickup = z.object({
  pickupNo: PickupNo,
  placedMs: z.number().int(),
  prescriberId: UserId,
  /** The workplace (and so care provider) the pickup was made under; absent in rows older than it. */
  workplaceId: z.string().max(40).optional(),
  pnr: Pnr12,
  units: z.array(PickupUnit).min(1).max(PICKUP_UNITS_MAX),
  address: Address,
  contactName: z.string().max(CONTACT_NAME_CHARS_MAX),
  contactPhone: z.string().max(CONTACT_PHONE_CHARS_MAX),
  reason: z.string().max(PICKUP_REASON_CHARS_MAX),
  status: PickupStatus,
});

export const PickupCreateArgs = z
  .object({
    pnr: PnrInput,
    indNos: z.array(IndNo).min(1).max(PICKUP_UNITS_MAX),
    /** Where to fetch; the default is the patient's registered address. */
    address: Address.optional(),
    contactName: z.string().trim().max(CONTACT_NAME_CHARS_MAX).default(''),
    contactPhone: Phone.default(''),
    reason: z.string().trim().min(1).max(PICKUP_REASON_CHARS_MAX),
  })
  .strict();

export const PickupListArgs = z
  .object({
    /** Only pickups still waiting for units. */
    open: z.boolean().optional(),
    pnr: PnrInput.optional(),
    limit: z.number().int().min(1).max(PICKUP_LIST_MAX).default(50),
  })
  .strict();

export const PickupCreated = z.object({ type: z.literal('pickup.created'), userId: UserId, pickup: Pickup });
export const PickupCancelled = z.object({ type: z.literal('pickup.cancelled'), userId: UserId, pickupNo: PickupNo });
/** A unit of an open pickup came back (decided with the return, so both are one command). */
export const PickupUnitReturned = z.object({
  type: z.literal('pickup.unitReturned'),
  userId: UserId,
  pickupNo: PickupNo,
  indNo: IndNo,
  timeMs: z.number().int(),
});
export const PICKUP_EVENTS = [PickupCreated, PickupCancelled, PickupUnitReturned] as const;

export type Pickup = z.infer<typeof Pickup>;
export type PickupCreated = z.infer<typeof PickupCreated>;
export type PickupCancelled = z.infer<typeof PickupCancelled>;
export type PickupUnitReturned = z.infer<typeof PickupUnitReturned>;
export type PickupCreateArgs = z.output<typeof PickupCreateArgs>;
export type PickupListArgs = z.output<typeof PickupListArgs>;
