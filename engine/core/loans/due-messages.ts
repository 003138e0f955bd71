// Which due messages are owed at a time, decided from the state alone: a `loanDue` reminder from N working days
// before the due date (N: the setting loans.reminderWorkingDays) and a `loanOverdue` once the due date has passed,
// each at most once per due date (the loan row remembers the due date it was sent for). An overdue loan whose reminder
// never went out (placed or extended inside the window and swept late) gets only the overdue message.
import type { Loan } from '../../../schemas/loans.ts';
import type { LoanDueMessage } from '../../../schemas/orders.ts';
import { assert } from '../assert.ts';
import type { State } from '../state.ts';
import { settingValue } from '../settings/queries.ts';
import { swedishDayNo } from '../orders/working-days.ts';
import { dueState, LOAN_TYPE_SV } from './loan-calendar.ts';

export interface OwedMessage {
  loan: Loan;
  kind: LoanDueMessage['kind'];
}

/** The messages owed at `timeMs`, in loan number order (so their message numbers are too). */
export function owedDueMessages(state: State, timeMs: number): OwedMessage[] {
  const today = swedishDayNo(timeMs);
  const days = settingValue(state, 'loans.reminderWorkingDays');
  const owed: OwedMessage[] = [];
  for (const [loanNo, dueDate] of state.loanIndex.timedOpen) {
    const loan = state.loans.get(loanNo)!;
    const due = dueState(dueDate, today, days);
    if (due === 'overdue' && loan.overdueFor !== dueDate) owed.push({ loan, kind: 'loanOverdue' });
    else if (due === 'dueSoon' && loan.remindedFor !== dueDate) owed.push({ loan, kind: 'loanDue' });
  }
  return owed.sort((a, b) => a.loan.loanNo - b.loan.loanNo);
}

function messageText(state: State, owed: OwedMessage): string {
  const { loan } = owed;
  const article = state.articles.get(loan.artNo);
  const what = `individ ${loan.indNo} (${article?.name ?? 'artikel'}, ${loan.artNo}; ${LOAN_TYPE_SV[loan.type]} på order ${loan.orderNo})`;
  return owed.kind === 'loanDue'
    ? `Återlämningsdatumet ${loan.dueDate} närmar sig för ${what}. Beställ hämtning, förläng eller gör lånet permanent.`
    : `Återlämningsdatumet ${loan.dueDate} har passerat för ${what}. Beställ hämtning, förläng eller gör lånet permanent.`;
}

/** The message to the loan's prescriber, numbered `messageNo`; names the unit and article, never the patient. */
export function dueMessage(state: State, owed: OwedMessage, messageNo: number, timeMs: number): LoanDueMessage {
  assert(owed.loan.dueDate !== null, `loan ${owed.loan.loanNo} has a due date`);
  return {
    messageNo,
    userId: owed.loan.prescriberId,
    timeMs,
    text: messageText(state, owed),
    deletedMs: null,
    kind: owed.kind,
    loanNo: owed.loan.loanNo,
    indNo: owed.loan.indNo,
    dueDate: owed.loan.dueDate,
  };
}
