// The messages (meddelanden) the history left in the prescribers' inboxes, derived from the rows once they have their
// final numbers: a changed delivery date for every order HMC delivered later than planned, HMC's comments on and
// closing of a deviation report, and a due reminder and an overdue notice for the loans with a due date, as the loan sweep sends them (the loan row remembers the due date it
// was sent for, so the engine does not send them again). Most messages older than a few weeks were deleted by their
// recipient, as the inbox is kept short.
import type { Deviation } from '../../../schemas/deviations.ts';
import type { Loan } from '../../../schemas/loans.ts';
import { deviationMessage } from '../../core/deviations/deviation-message.ts';
import type { Message, Order } from '../../../schemas/orders.ts';
import { LOAN_REMINDER_WORKING_DAYS_DEFAULT } from '../../../schemas/limits.ts';
import { dueMessage } from '../../core/loans/due-messages.ts';
import { workingDaysBefore } from '../../core/loans/loan-calendar.ts';
import { deliveryDateText } from '../../core/messages/decide.ts';
import { addWorkingDays, dateToDayNo, plannedDates } from '../../core/orders/working-days.ts';
import type { State } from '../../core/state.ts';
import { dayStartMs } from './history-calendar.ts';
import type { HistoryContext } from './history-context.ts';
import { renumberByTime, TimeOrder } from './time-order.ts';

/** The sweep and HMC's date changes happen early in the working day (UTC hours). */
const SWEEP_HOUR_UTC = 5;
const DATE_CHANGE_HOUR_UTC = 7;
const HOUR_MS = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** Messages older than this when the history ends are deleted by their recipient with this chance. */
const DELETED_AFTER_DAYS = 30;
const DELETED_SHARE = 0.6;
const DELETE_DELAY_DAYS_MAX = 20;

function add(ctx: HistoryContext, message: Message): void {
  const endMs = ctx.calendar.endDay * MS_PER_DAY;
  const old = message.timeMs < endMs - DELETED_AFTER_DAYS * MS_PER_DAY;
  const deletedMs =
    old && ctx.prng.chance(DELETED_SHARE) ? message.timeMs + ctx.prng.int(1, DELETE_DELAY_DAYS_MAX) * MS_PER_DAY : null;
  const messageNo = ctx.messages.add(message.timeMs);
  ctx.tables.messages.set(messageNo, { ...message, messageNo, deletedMs });
}

/** The date-change message of an order delivered later than planned at placement (a served backorder was re-planned
 * as a whole, its pick date moved too, and is no date change). */
function addDateMessage(ctx: HistoryContext, order: Order): void {
  const planned = plannedDates(order.placedMs);
  if (order.plannedPickDate !== planned.plannedPickDate || order.plannedDeliveryDate === null) return;
  if (order.plannedDeliveryDate === planned.plannedDeliveryDate || order.lines[0].status !== 'delivered') return;
  const previous = planned.plannedDeliveryDate;
  add(ctx, {
    messageNo: 1,
    userId: order.prescriberId,
    timeMs: dayStartMs(dateToDayNo(planned.plannedPickDate)) + DATE_CHANGE_HOUR_UTC * HOUR_MS,
    kind: 'deliveryDateChanged',
    orderNo: order.orderNo,
    previousDate: previous,
    newDate: order.plannedDeliveryDate,
    text: deliveryDateText(order.orderNo, previous, order.plannedDeliveryDate, ''),
    deletedMs: null,
  });
}

/** The reminder and the overdue notice a loan with a due date got while it was open; returns the loan as marked. */
function addLoanMessages(ctx: HistoryContext, loan: Loan): Loan {
  if (loan.dueDate === null) return loan;
  const due = dateToDayNo(loan.dueDate);
  const endDay = Math.min(
    ctx.calendar.endDay,
    loan.closedDate === null ? Number.MAX_SAFE_INTEGER : dateToDayNo(loan.closedDate),
  );
  const fromDay = dateToDayNo(loan.openedDate);
  let marked = loan;
  // dueMessage reads only the articles (for the text); the tables are the state's persisted part.
  const state = ctx.tables as State;
  const remindDay = Math.max(workingDaysBefore(due, LOAN_REMINDER_WORKING_DAYS_DEFAULT), fromDay + 1);
  if (remindDay <= due && remindDay < endDay) {
    add(ctx, dueMessage(state, { loan, kind: 'loanDue' }, 1, dayStartMs(remindDay) + SWEEP_HOUR_UTC * HOUR_MS));
    marked = { ...marked, remindedFor: loan.dueDate };
  }
  const overdueDay = addWorkingDays(due, 1);
  if (overdueDay < endDay) {
    add(ctx, dueMessage(state, { loan, kind: 'loanOverdue' }, 1, dayStartMs(overdueDay) + SWEEP_HOUR_UTC * HOUR_MS));
    marked = { ...marked, overdueFor: loan.dueDate };
  }
  return marked;
}

/** What a deviation's reporter was told: each HMC comment, and the closing. */
function addDeviationMessages(ctx: HistoryContext, deviation: Deviation): void {
  for (const comment of deviation.comments) {
    const moved = deviation.status !== 'closed' && deviation.statusChangedMs === comment.timeMs;
    const change = { status: moved ? deviation.status : null, commented: true };
    add(ctx, deviationMessage(1, deviation, change, comment.timeMs));
  }
  if (deviation.status === 'closed')
    add(ctx, deviationMessage(1, deviation, { status: 'closed', commented: false }, deviation.statusChangedMs));
}

/** Every message of the history, numbered by time; run after the orders and loans have their final numbers. */
export function addHistoryMessages(ctx: HistoryContext, orderRank: Int32Array): void {
  const { tables } = ctx;
  for (const provisional of ctx.movedDates)
    addDateMessage(ctx, tables.orders.get(TimeOrder.finalNo(ctx.orders, orderRank, provisional))!);
  for (let no = ctx.loans.first; no < ctx.loans.first + ctx.loans.count; no++) {
    const loan = tables.loans.get(no)!;
    const marked = addLoanMessages(ctx, loan);
    if (marked !== loan) tables.loans.set(no, marked);
  }
  for (let no = ctx.deviations.first; no < ctx.deviations.first + ctx.deviations.count; no++)
    addDeviationMessages(ctx, tables.deviations.get(no)!);
  renumberByTime(tables.messages, ctx.messages, (message, messageNo) => Object.assign(message, { messageNo }));
}
