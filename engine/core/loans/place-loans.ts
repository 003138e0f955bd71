// The loan of each line of order.place: only rental lines carry one, a care unit's order only tills vidare, and a
// short-term loan or trial needs a due date that is a working day after the order date, within its type's limit.
// Checked after the lines themselves (an unknown article is reported as such first), in line order.
import type { LoanInput, LoanTerms, LoanType } from '../../../schemas/orders.ts';
import type { CommandContext, OrderPlace } from '../commands.ts';
import { reject, type Rejection } from '../rejections.ts';
import type { State } from '../state.ts';
import type { OrderContext } from '../orders/plan-order.ts';
import { isCalendarDate, nonWorkingDayReason, swedishDayNo } from '../orders/working-days.ts';
import { dateToDayNo, dayNoToDate, latestDueDate, LOAN_MONTHS_MAX, LOAN_TYPE_SV } from './loan-calendar.ts';

/** The line's loan as stored: absent input is tills vidare. */
export function loanTermsOf(input: LoanInput | undefined): LoanTerms {
  if (input === undefined || input.type === 'permanent') return { type: 'permanent', dueDate: null };
  return { type: input.type, dueDate: input.dueDate ?? null };
}

/**
 * A due date for a loan of `type` ordered on `orderDayNo`, as of `todayDayNo` (the same day at placement; later for an
 * extension): a real date, after both, a working day, and no later than the type allows.
 */
export function checkDueDate(
  type: Exclude<LoanType, 'permanent'>,
  dueDate: string,
  orderDayNo: number,
  todayDayNo: number,
): Rejection | null {
  if (!isCalendarDate(dueDate)) return reject('invalid_date', `${dueDate} är inget datum.`);
  const due = dateToDayNo(dueDate);
  if (due <= todayDayNo || due <= orderDayNo) {
    return reject('loan_invalid', `Återlämningsdatumet ${dueDate} måste vara efter ${dayNoToDate(todayDayNo)}.`);
  }
  const why = nonWorkingDayReason(due);
  if (why !== undefined) {
    return reject('not_working_day', `Återlämningsdatumet ${dueDate} är ${why}; välj en arbetsdag.`);
  }
  const latest = latestDueDate(type, dayNoToDate(orderDayNo));
  if (dueDate > latest) {
    return reject(
      'loan_too_long',
      `Ett ${LOAN_TYPE_SV[type]} får gälla högst ${LOAN_MONTHS_MAX[type]} månader från orderdatum: senast ${latest}.`,
    );
  }
  return null;
}

function checkLine(
  state: State,
  line: OrderPlace['lines'][number],
  target: OrderContext,
  today: number,
): Rejection | null {
  const loan = line.loan;
  if (loan === undefined) return null;
  const article = state.articles.get(line.artNo);
  if (article !== undefined && article.kind !== 'rental') {
    return reject(
      'loan_invalid',
      `${article.name} (${article.artNo}) är en förbrukningsartikel; lånetyp anges bara för hyresartiklar.`,
    );
  }
  if (loan.type === 'permanent') {
    if (loan.dueDate === undefined) return null;
    return reject('loan_invalid', `Ett lån tills vidare har inget återlämningsdatum (rad ${line.artNo}).`);
  }
  if (target.recipient.kind !== 'patient') {
    return reject('loan_invalid', 'Korttidslån och utprovning förskrivs till en brukare, inte till en vårdenhet.');
  }
  if (loan.dueDate === undefined) {
    return reject('loan_invalid', `Ange återlämningsdatum för ${LOAN_TYPE_SV[loan.type]} (rad ${line.artNo}).`);
  }
  return checkDueDate(loan.type, loan.dueDate, today, today);
}

/** The first refused loan of the order's lines, or null when every loan is acceptable. */
export function checkPlaceLoans(
  state: State,
  command: OrderPlace,
  target: OrderContext,
  context: CommandContext,
): Rejection | null {
  const today = swedishDayNo(context.timeMs);
  for (const line of command.lines) {
    const refused = checkLine(state, line, target, today);
    if (refused !== null) return refused;
  }
  return null;
}
