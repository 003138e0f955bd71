// The loan every rental delivery to a patient opens (as the core's fulfil.step deliver does), closed by the pickup that
// brings the unit back; some are short-term loans or trials with a due date, as prescribers set them at placement.
import type { Loan } from '../../../schemas/loans.ts';
import type { LoanTerms, Order, OrderLine } from '../../../schemas/orders.ts';
import { addWorkingDays, dateToDayNo, dayNoToDate } from '../../core/orders/working-days.ts';
import type { HistoryContext } from './history-context.ts';

const SHORT_TERM_SHARE = 0.1;
const TRIAL_SHARE = 0.05;
/** Working days from the order date to the due date: within the 6 (short-term) and 3 (trial) month limits. */
const SHORT_TERM_WORKING_DAYS_MAX = 120;
const TRIAL_WORKING_DAYS_MAX = 60;
const DUE_WORKING_DAYS_MIN = 10;

/** The loan terms of a new rental line: permanent (absent) mostly, else short-term or trial with a due date. */
export function drawLoanTerms(ctx: HistoryContext, placedDate: string): LoanTerms | undefined {
  const u = ctx.prng.next();
  if (u >= SHORT_TERM_SHARE + TRIAL_SHARE) return undefined;
  const type = u < SHORT_TERM_SHARE ? 'shortTerm' : 'trial';
  const max = type === 'shortTerm' ? SHORT_TERM_WORKING_DAYS_MAX : TRIAL_WORKING_DAYS_MAX;
  const dueDay = addWorkingDays(dateToDayNo(placedDate), ctx.prng.int(DUE_WORKING_DAYS_MIN, max));
  return { type, dueDate: dayNoToDate(dueDay) };
}

/** The loan of the rental line `line` of `order` (renumbered later with the order); closed on `closedDate` if given. */
export function addLoan(ctx: HistoryContext, order: Order, line: OrderLine, closedDate: string | null): void {
  if (order.recipient.kind !== 'patient') return;
  const loanNo = ctx.loans.add(order.placedMs);
  const loan: Loan = {
    loanNo,
    indNo: line.individuals[0],
    artNo: line.artNo,
    pnr: order.recipient.pnr,
    orderNo: order.orderNo,
    lineNo: line.lineNo,
    prescriberId: order.prescriberId,
    workplaceId: order.workplaceId,
    orderDate: order.placedDate,
    type: line.loan?.type ?? 'permanent',
    dueDate: line.loan?.dueDate ?? null,
    openedDate: line.deliveredDate!,
    closedDate,
    closedHow: closedDate === null ? null : 'pickup',
    remindedFor: null,
    overdueFor: null,
  };
  ctx.tables.loans.set(loanNo, loan);
}
