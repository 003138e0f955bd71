// Loan events into state. Loans are replaced, never changed in place (the engine hands rows on without copies).
import type { Loan } from '../../../schemas/loans.ts';
import { assert, unreachable } from '../assert.ts';
import type { LoanEvent } from '../event-groups.ts';
import type { State } from '../state.ts';
import { indexLoan } from './loan-index.ts';

function openLoan(state: State, loanNo: number): Loan {
  const loan = state.loans.get(loanNo);
  assert(loan !== undefined && loan.closedDate === null, `loan ${loanNo} is open`);
  return loan;
}

function put(state: State, loan: Loan): void {
  state.loans.set(loan.loanNo, loan);
  indexLoan(state.loanIndex, loan);
}

export function applyLoanEvent(state: State, event: LoanEvent): void {
  switch (event.type) {
    case 'loan.opened': {
      const { loan } = event;
      assert(!state.loans.has(loan.loanNo), `loan ${loan.loanNo} is new`);
      assert(!state.loanIndex.openByIndNo.has(loan.indNo), `unit ${loan.indNo} has no open loan`);
      put(state, loan);
      return;
    }
    case 'loan.closed': {
      const loan = openLoan(state, event.loanNo);
      assert(loan.indNo === event.indNo, `loan ${loan.loanNo} is of unit ${event.indNo}`);
      put(state, { ...loan, closedDate: event.date, closedHow: event.how });
      return;
    }
    case 'loan.madePermanent': {
      const loan = openLoan(state, event.loanNo);
      assert(loan.type !== 'permanent', `loan ${loan.loanNo} was not permanent`);
      put(state, { ...loan, type: 'permanent', dueDate: null });
      return;
    }
    case 'loan.extended': {
      const loan = openLoan(state, event.loanNo);
      assert(loan.dueDate === event.previousDueDate, `loan ${loan.loanNo} was due ${event.previousDueDate}`);
      put(state, { ...loan, dueDate: event.dueDate });
      return;
    }
    case 'loan.reminded': {
      const loan = openLoan(state, event.loanNo);
      assert(loan.dueDate === event.dueDate, `loan ${loan.loanNo} is due ${event.dueDate}`);
      const patch = event.kind === 'loanDue' ? { remindedFor: event.dueDate } : { overdueFor: event.dueDate };
      put(state, { ...loan, ...patch });
      return;
    }
    default:
      unreachable(event, 'loan event');
  }
}
