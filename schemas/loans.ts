// Loans (issue 15): a rental unit delivered to a patient is on loan under its order line's loan type — tills vidare
// (permanent), korttidslån (shortTerm) or utprovning (trial) — until a return or a pickup brings it back. The loan row,
// its events and the arguments of the loan ops.
import { z } from 'zod';
import { LOAN_LIST_MAX } from './limits.ts';
import { IsoDate, LoanType, MessageNo, OrderNo } from './orders.ts';
import { ArtNo, IndNo, Pnr12, UserId } from './primitives.ts';

export const LoanNo = z.number().int().min(1).max(999_999_999);
/** How a loan ended: the unit came back as a return at HMC (`return`) or was fetched by a pickup order (`pickup`). */
export const LoanClosedHow = z.enum(['return', 'pickup']);

/** One unit's loan to one patient, from the delivery of its order line until the unit comes back. */
export const Loan = z.object({
  loanNo: LoanNo,
  indNo: IndNo,
  artNo: ArtNo,
  pnr: Pnr12,
  /** The delivering order and line; its prescriber gets the due messages. */
  orderNo: OrderNo,
  lineNo: z.number().int().min(1),
  prescriberId: UserId,
  /** The order's workplace (its care provider bounds who reads the loan). */
  workplaceId: z.string().max(40),
  /** The order date: the limits of the due date count from it. */
  orderDate: IsoDate,
  type: LoanType,
  /** Null for a permanent loan. */
  dueDate: IsoDate.nullable(),
  openedDate: IsoDate,
  closedDate: IsoDate.nullable(),
  closedHow: LoanClosedHow.nullable(),
  /** The due date the `loanDue` reminder was sent for (null: none yet); a new due date may be reminded again. */
  remindedFor: IsoDate.nullable(),
  /** The due date the `loanOverdue` message was sent for (null: none yet). */
  overdueFor: IsoDate.nullable(),
});

export const LoanOpened = z.object({ type: z.literal('loan.opened'), userId: UserId, loan: Loan });
export const LoanClosed = z.object({
  type: z.literal('loan.closed'),
  userId: UserId,
  loanNo: LoanNo,
  indNo: IndNo,
  date: IsoDate,
  how: LoanClosedHow,
});
/** A short-term loan or trial became tills vidare (the due date is gone). */
export const LoanMadePermanent = z.object({
  type: z.literal('loan.madePermanent'),
  userId: UserId,
  loanNo: LoanNo,
  previousType: LoanType,
  previousDueDate: IsoDate.nullable(),
});
export const LoanExtended = z.object({
  type: z.literal('loan.extended'),
  userId: UserId,
  loanNo: LoanNo,
  previousDueDate: IsoDate,
  dueDate: IsoDate,
});
/** A due message went out (with its message.created event in the same command): never again for this due date. */
export const LoanReminded = z.object({
  type: z.literal('loan.reminded'),
  loanNo: LoanNo,
  kind: z.enum(['loanDue', 'loanOverdue']),
  dueDate: IsoDate,
  messageNo: MessageNo,
});
export const LOAN_EVENTS = [LoanOpened, LoanClosed, LoanMadePermanent, LoanExtended, LoanReminded] as const;

export const LoanMakePermanentArgs = z.object({ loanNo: LoanNo }).strict();
export const LoanExtendArgs = z.object({ loanNo: LoanNo, dueDate: IsoDate }).strict();
export const LoanListArgs = z
  .object({
    /** Every open loan with a due date (else only the overdue and those due within the reminder days). */
    all: z.boolean().default(false),
    limit: z.number().int().min(1).max(LOAN_LIST_MAX).default(LOAN_LIST_MAX),
  })
  .strict();

export type LoanNo = z.infer<typeof LoanNo>;
export type LoanClosedHow = z.infer<typeof LoanClosedHow>;
export type Loan = z.infer<typeof Loan>;
export type LoanOpened = z.infer<typeof LoanOpened>;
export type LoanClosed = z.infer<typeof LoanClosed>;
export type LoanMadePermanent = z.infer<typeof LoanMadePermanent>;
export type LoanExtended = z.infer<typeof LoanExtended>;
export type LoanReminded = z.infer<typeof LoanReminded>;
export type LoanListArgs = z.output<typeof LoanListArgs>;
