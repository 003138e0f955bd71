// Retur av hjälpmedel (issue 15): a prescriber at a workplace with a buffer warehouse de-registers sale articles a
// patient holds and says what becomes of them (discard, send back to HMC, keep in the buffer). Also the record of
// rental units that came back from a patient without a pickup order, so the patient's "Återlämnade hjälpmedel" knows
// the previous holder after the unit has moved on.
import { z } from 'zod';
import { RETURN_LINE_QUANTITY_MAX, RETURN_LINES_MAX } from './limits.ts';
import { ArtNo, IndNo, Pnr12, PnrInput, UserId, WarehouseId } from './primitives.ts';
import { IsoDate } from './orders.ts';

export const ReturnNo = z.number().int().min(1).max(99_999_999);
/** kassera, skicka tillbaka till HMC, behåll i förrådet. */
export const ReturnDisposition = z.enum(['discard', 'sendBack', 'keep']);
/**
 * `done`: discarded or kept at the buffer (nothing more happens); `onTheWay`: sent back, HMC has not received it;
 * `received`: HMC took it into warehouse 10 stock; `discardedAtHmc`: HMC received and discarded it.
 */
export const ReturnStatus = z.enum(['done', 'onTheWay', 'received', 'discardedAtHmc']);
/** What HMC does with a sent-back return: into warehouse 10 stock, or discard. */
export const ReturnOutcome = z.enum(['stock', 'discard']);

export const ReturnLine = z.object({
  artNo: ArtNo,
  quantity: z.number().int().min(1).max(RETURN_LINE_QUANTITY_MAX),
});

export const ReturnRecord = z.object({
  returnNo: ReturnNo,
  timeMs: z.number().int(),
  date: IsoDate,
  userId: UserId,
  workplaceId: z.string().max(40),
  /** The buffer warehouse of the workplace (where kept units stay). */
  warehouse: WarehouseId,
  /** The previous holder. */
  pnr: Pnr12,
  lines: z.array(ReturnLine).min(1).max(RETURN_LINES_MAX),
  disposition: ReturnDisposition,
  status: ReturnStatus,
  /** HMC's receipt of a sent-back return (who, when); null before it. */
  handledBy: UserId.nullable(),
  handledMs: z.number().int().nullable(),
});

/**
 * A rental unit received back at HMC from a patient without a pickup order (a return): the previous holder recorded
 * when it happened. A unit collected by a pickup needs no record: the pickup row names the patient and the unit.
 */
export const ReturnedUnit = z.object({
  entryNo: z.number().int().min(1),
  timeMs: z.number().int(),
  date: IsoDate,
  pnr: Pnr12,
  indNo: IndNo,
  artNo: ArtNo,
  /** The warehouse it came back to. */
  warehouse: WarehouseId,
});

export const ReturnRegisterArgs = z
  .object({
    pnr: PnrInput,
    disposition: ReturnDisposition,
    lines: z
      .array(z.object({ artNo: ArtNo, quantity: z.number().int().min(1).max(RETURN_LINE_QUANTITY_MAX) }).strict())
      .min(1)
      .max(RETURN_LINES_MAX),
  })
  .strict();

export const ReturnReceiveArgs = z.object({ returnNo: ReturnNo, outcome: ReturnOutcome }).strict();

export const ReturnListArgs = z
  .object({
    /** Only sent-back returns HMC has not received (the default), or every sent-back return. */
    pending: z.boolean().default(true),
  })
  .strict();

export const ReturnRegistered = z.object({ type: z.literal('return.registered'), record: ReturnRecord });
export const ReturnReceived = z.object({
  type: z.literal('return.received'),
  returnNo: ReturnNo,
  userId: UserId,
  timeMs: z.number().int(),
  outcome: ReturnOutcome,
});
export const UnitReturnRecorded = z.object({ type: z.literal('return.unitRecorded'), unit: ReturnedUnit });
export const RETURN_EVENTS = [ReturnRegistered, ReturnReceived, UnitReturnRecorded] as const;

export type ReturnDisposition = z.infer<typeof ReturnDisposition>;
export type ReturnStatus = z.infer<typeof ReturnStatus>;
export type ReturnOutcome = z.infer<typeof ReturnOutcome>;
export type ReturnLine = z.infer<typeof ReturnLine>;
export type ReturnRecord = z.infer<typeof ReturnRecord>;
export type ReturnedUnit = z.infer<typeof ReturnedUnit>;
export type ReturnRegisterArgs = z.output<typeof ReturnRegisterArgs>;
