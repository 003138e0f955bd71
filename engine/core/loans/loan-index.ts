// Indexes over loans, derived from the table on load and kept current by apply: the open loan of each unit (a unit is
// on at most one open loan), the open loans with a due date (the only ones that can be due soon or overdue, so the
// sweep and the Uppföljning list never walk closed or permanent loans), and the next loan number.
import type { Loan } from '../../../schemas/loans.ts';
import { assert } from '../assert.ts';

export const LOAN_NO_FIRST = 1;

export interface LoanIndex {
  /** indNo → its open loan. */
  openByIndNo: Map<number, number>;
  /** Open loans with a due date, by loan number → due date (whether due soon or overdue depends on the time asked). */
  timedOpen: Map<number, string>;
  nextLoanNo: number;
}

export function buildLoanIndex(loans: ReadonlyMap<number, Loan>): LoanIndex {
  const index: LoanIndex = { openByIndNo: new Map(), timedOpen: new Map(), nextLoanNo: LOAN_NO_FIRST };
  for (const loan of loans.values()) indexLoan(index, loan);
  return index;
}

/** Adds or refreshes one loan (after open, close, a new type or due date). */
export function indexLoan(index: LoanIndex, loan: Loan): void {
  if (loan.loanNo >= index.nextLoanNo) index.nextLoanNo = loan.loanNo + 1;
  if (loan.closedDate !== null) {
    if (index.openByIndNo.get(loan.indNo) === loan.loanNo) index.openByIndNo.delete(loan.indNo);
    index.timedOpen.delete(loan.loanNo);
    return;
  }
  const other = index.openByIndNo.get(loan.indNo);
  assert(other === undefined || other === loan.loanNo, `unit ${loan.indNo} is on one open loan (${other})`);
  index.openByIndNo.set(loan.indNo, loan.loanNo);
  if (loan.dueDate === null) index.timedOpen.delete(loan.loanNo);
  else index.timedOpen.set(loan.loanNo, loan.dueDate);
}
