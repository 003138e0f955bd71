// Customer orders (kundorder), their lines, messages and prescribing rules: entities as stored, and the arguments of the order ops.
import { z } from 'zod';
import {
  CONTACT_NAME_CHARS_MAX,
  CONTACT_PHONE_CHARS_MAX,
  FULFIL_LINES_MAX,
  IDEMPOTENCY_KEY_CHARS_MAX,
  MESSAGE_NOTE_CHARS_MAX,
  MESSAGE_TEXT_CHARS_MAX,
  ORDER_LINE_QUANTITY_MAX,
  ORDER_LINES_MAX,
  OTHER_INFO_CHARS_MAX,
  RULE_PREFIXES_MAX,
} from './limits.ts';
import { Address } from './entities.ts';
import {
  ArtNo,
  CustomerNo,
  IndNo,
  IsoCode,
  Page,
  Pnr12,
  PnrInput,
  Profession,
  UserId,
  WarehouseId,
} from './primitives.ts';

/**
 * Leveransstatus of a line. `backorder` (restorder) waits for stock and holds no reservation;
 * `registered` holds a reservation and a presumed pick date; `picking` has a fixed pick date (and
 * individuals for rental lines); `dispatched` has left the warehouse; `delivered` is with the recipient.
 */
export const LineStatus = z.enum(['backorder', 'registered', 'picking', 'dispatched', 'delivered', 'cancelled']);
export const LINE_STATUSES = LineStatus.options;
/** Förskrivningssyfte: PV (palliative) for ordinary devices; the others for compression stockings. */
export const PurposeCode = z.enum(['PV', 'BA', 'BT', 'LÖ', 'TR', 'VB', 'ÖM']);
export const ReplacementDecision = z.enum(['accept', 'refuse']);
export const OrderSource = z.enum(['main', 'buffer']);
/** A calendar date in Sweden, YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date is YYYY-MM-DD');
export const OrderNo = z.number().int().min(1).max(99_999_999);
export const MessageNo = z.number().int().min(1).max(999_999_999);
export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9._:-]+$/, 'key is letters, digits, . _ : -')
  .min(1)
  .max(IDEMPOTENCY_KEY_CHARS_MAX);
const Phone = z
  .string()
  .trim()
  .max(CONTACT_PHONE_CHARS_MAX)
  .regex(/^[0-9 +()-]*$/, 'phone is digits, spaces, + ( ) -');

export const Recipient = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('patient'), pnr: Pnr12 }),
  z.object({ kind: z.literal('careUnit'), customerNo: CustomerNo }),
]);

// Issue 15, loans: the loan type of a rental line (lånetyp). Tills vidare (permanent) needs no due date; korttidslån
// (shortTerm, at most LOAN_SHORT_TERM_MONTHS_MAX months) and utprovning (trial, LOAN_TRIAL_MONTHS_MAX) need one: a
// working day after the order date. The core checks the rules and says what is wrong in Swedish.
export const LoanType = z.enum(['permanent', 'shortTerm', 'trial']);
/** A line's loan as stored on the order: the type and its due date (null for permanent). */
export const LoanTerms = z.object({ type: LoanType, dueDate: IsoDate.nullable() });
/** A line's loan as order.place takes it. */
export const LoanInput = z.object({ type: LoanType, dueDate: IsoDate.optional() }).strict();

export const OrderLine = z.object({
  lineNo: z.number().int().min(1),
  artNo: ArtNo,
  quantity: z.number().int().min(1),
  status: LineStatus,
  /** The line this set part completes (tilläggstext), or null. */
  setPartOf: z.number().int().min(1).nullable(),
  /** Component to an individual the patient already holds (shown as K-<indNo>), or null. */
  forIndividual: IndNo.nullable(),
  /** The article asked for when the prescriber accepted a replacement proposal. */
  replacedFrom: ArtNo.nullable(),
  purpose: PurposeCode.nullable(),
  /** Free text for HMC, e.g. "alternativ får inte levereras". */
  note: z.string().max(OTHER_INFO_CHARS_MAX),
  /** Rental units assigned at picking. */
  individuals: z.array(IndNo),
  pickDate: IsoDate.nullable(),
  dispatchedDate: IsoDate.nullable(),
  deliveredDate: IsoDate.nullable(),
  // Issue 15, loans: the loan its rental units get on delivery (absent: tills vidare, and lines older than issue 15).
  loan: LoanTerms.optional(),
});

export const Order = z.object({
  orderNo: OrderNo,
  placedMs: z.number().int(),
  placedDate: IsoDate,
  prescriberId: UserId,
  workplaceId: z.string().max(40),
  /** The paying care unit (kundnummer). */
  customerNo: CustomerNo,
  recipient: Recipient,
  /** Source warehouse: 10 or the workplace's buffer. */
  warehouse: WarehouseId,
  partialDelivery: z.boolean(),
  deliveryAddress: Address,
  temporaryAddress: z.boolean(),
  contactName: z.string().max(CONTACT_NAME_CHARS_MAX),
  contactPhone: z.string().max(CONTACT_PHONE_CHARS_MAX),
  otherInfo: z.string().max(OTHER_INFO_CHARS_MAX),
  plannedPickDate: IsoDate.nullable(),
  plannedDeliveryDate: IsoDate.nullable(),
  idempotencyKey: IdempotencyKey,
  lines: z.array(OrderLine).min(1),
});

/** What every message (meddelande) to a user has, whatever it is about. */
const MessageBase = {
  messageNo: MessageNo,
  /** Recipient. */
  userId: UserId,
  timeMs: z.number().int(),
  /** The whole message in Swedish, as listed. */
  text: z.string().max(MESSAGE_TEXT_CHARS_MAX),
  /** Deleted by its recipient; kept for the audit trail, never listed again. */
  deletedMs: z.number().int().nullable(),
};

/** HMC moved an order's planned delivery date. */
export const DeliveryDateMessage = z.object({
  ...MessageBase,
  kind: z.literal('deliveryDateChanged'),
  orderNo: OrderNo,
  previousDate: IsoDate.nullable(),
  newDate: IsoDate,
});

// Issue 15, loans: a loan's due date comes near (N working days before, `loanDue`) or has passed (`loanOverdue`). The
// text names the individual and the article, never the patient (the message list is not access-logged).
export const LoanDueMessage = z.object({
  ...MessageBase,
  kind: z.enum(['loanDue', 'loanOverdue']),
  loanNo: z.number().int().min(1),
  indNo: IndNo,
  dueDate: IsoDate,
});

/**
 * A message by its `kind`. Issue 15: each unit that messages a prescriber (loans, recalls, deviations) adds its variant
 * here, one line each, and a case to portal/lib/message-link.js.
 */
// Issue 15, desk: HMC commented on or moved a deviation report the recipient filed.
export const DeviationMessage = z.object({
  ...MessageBase,
  kind: z.literal('deviationUpdated'),
  deviationNo: z.number().int().min(1).max(99_999_999),
});
// Issue 15, recalls: a recall (säkerhetsmeddelande) touches units this prescriber prescribed; names no patient.
export const RecallMessage = z.object({
  ...MessageBase,
  kind: z.literal('recall'),
  recallNo: z.number().int().min(1),
  artNo: ArtNo,
});

export const Message = z.discriminatedUnion('kind', [
  DeliveryDateMessage,
  // Issue 15, desk:
  DeviationMessage,
  // Issue 15, loans:
  LoanDueMessage,
  // Issue 15, recalls:
  RecallMessage,
]);

export const PrescribingRule = z.object({
  profession: Profession,
  /** ISO codes (class, subclass or division) the profession may prescribe, with everything under them. */
  isoPrefixes: z.array(IsoCode).max(RULE_PREFIXES_MAX),
});

const PlaceLine = z
  .object({
    artNo: ArtNo,
    quantity: z.number().int().min(1).max(ORDER_LINE_QUANTITY_MAX),
    forIndividual: IndNo.optional(),
    replacement: ReplacementDecision.optional(),
    purpose: PurposeCode.optional(),
  })
  .strict();
// Issue 15, loans: order.place takes a loan per line (order.quote does not: a loan changes no availability).
const PlaceLineWithLoan = PlaceLine.extend({ loan: LoanInput.optional() }).strict();

const RecipientInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('patient'), pnr: PnrInput }).strict(),
  z.object({ kind: z.literal('careUnit'), customerNo: CustomerNo }).strict(),
]);

export const QuoteArgs = z
  .object({
    recipient: RecipientInput,
    workplaceId: z.string().min(1).max(40).optional(),
    source: OrderSource.default('main'),
    lines: z
      .array(PlaceLine.omit({ replacement: true, purpose: true }))
      .min(1)
      .max(ORDER_LINES_MAX),
  })
  .strict();

export const DeliveryInput = z
  .object({
    /** Temporary address; the default is the patient's registered address (or the workplace's). */
    address: Address.optional(),
    contactName: z.string().trim().max(CONTACT_NAME_CHARS_MAX).optional(),
    contactPhone: Phone.optional(),
    /** Delleverans: available lines go first. Samleverans (false) is the default. */
    partial: z.boolean().default(false),
  })
  .strict();

export const PlaceArgs = z
  .object({
    idempotencyKey: IdempotencyKey,
    recipient: RecipientInput,
    workplaceId: z.string().min(1).max(40).optional(),
    source: OrderSource.default('main'),
    lines: z.array(PlaceLineWithLoan).min(1).max(ORDER_LINES_MAX),
    delivery: DeliveryInput.default({ partial: false }),
    otherInfo: z.string().max(OTHER_INFO_CHARS_MAX).default(''),
  })
  .strict();

export const OrderListArgs = z
  .object({
    /** Only orders with a line not yet delivered or cancelled. */
    open: z.boolean().optional(),
    /** Only the caller's own orders. */
    mine: z.boolean().optional(),
    prescriberId: UserId.optional(),
    pnr: PnrInput.optional(),
    customerNo: CustomerNo.optional(),
    workplaceId: z.string().min(1).max(40).optional(),
    warehouse: WarehouseId.optional(),
    /** Orders having at least one line in this status. */
    status: LineStatus.optional(),
    fromDate: IsoDate.optional(),
    toDate: IsoDate.optional(),
    ...Page,
  })
  .strict();

export const FulfilArgs = z
  .object({
    orderNo: OrderNo,
    /** Lines to move; all lines of the order that can make the step when left out. */
    lineNos: z.array(z.number().int().min(1)).min(1).max(FULFIL_LINES_MAX).optional(),
  })
  .strict();

export const SetDeliveryDateArgs = z
  .object({
    orderNo: OrderNo,
    date: IsoDate,
    note: z.string().max(MESSAGE_NOTE_CHARS_MAX).default(''),
  })
  .strict();

export type LineStatus = z.infer<typeof LineStatus>;
export type PurposeCode = z.infer<typeof PurposeCode>;
export type ReplacementDecision = z.infer<typeof ReplacementDecision>;
export type OrderSource = z.infer<typeof OrderSource>;
export type Recipient = z.infer<typeof Recipient>;
export type OrderLine = z.infer<typeof OrderLine>;
export type Order = z.infer<typeof Order>;
export type Message = z.infer<typeof Message>;
export type DeliveryDateMessage = z.infer<typeof DeliveryDateMessage>;
export type PrescribingRule = z.infer<typeof PrescribingRule>;
export type PlaceArgs = z.output<typeof PlaceArgs>;
export type QuoteArgs = z.output<typeof QuoteArgs>;
export type OrderListArgs = z.output<typeof OrderListArgs>;
// Issue 15, loans:
export type LoanType = z.infer<typeof LoanType>;
export type LoanTerms = z.infer<typeof LoanTerms>;
export type LoanInput = z.infer<typeof LoanInput>;
export type LoanDueMessage = z.infer<typeof LoanDueMessage>;
