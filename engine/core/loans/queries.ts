// Loan reads: the loan of a held unit (a field of patient.get's devices and of the individual card) and loan.list, the
// Uppföljning desk — HMC staff see every overdue or due-soon loan, a prescriber their own (with `all`, every open loan
// with a due date). A list row shows the patient (the handler logs each before replying); a protected identity shows
// as PROTECTED_NAME; another care provider's loan is left out and counted in `withheld`, like order.list.
import type { User } from '../../../schemas/entities.ts';
import type { Loan, LoanListArgs } from '../../../schemas/loans.ts';
import type { LoanType } from '../../../schemas/orders.ts';
import { formatPnr } from '../personnummer.ts';
import { found, type QueryResult } from '../query-result.ts';
import type { State } from '../state.ts';
import { isStaff } from '../users/roles.ts';
import { type Acting, defaultActing } from '../patient-access/care-provider.ts';
import { canReadEntry } from '../patient-access/boundary.ts';
import { shownName } from '../patient-access/protected-identity.ts';
import { settingValue } from '../settings/queries.ts';
import { swedishDayNo } from '../orders/working-days.ts';
import { workingDaysBetween } from '../orders/working-day-counts.ts';
import { dateToDayNo, type DueState, dueState } from './loan-calendar.ts';

/** Calendar days the working days left are counted over (a due date is at most 6 months on). */
const DAYS_LEFT_LIMIT = 400;

/** A unit's open loan as the patient view and the individual card show it. */
export interface DeviceLoan {
  loanNo: number;
  type: LoanType;
  dueDate: string | null;
  orderNo: number;
  openedDate: string;
}

/** The open loan of a unit, or null (a unit delivered before issue 15, or not on loan). */
export function deviceLoan(state: State, indNo: number): DeviceLoan | null {
  const loanNo = state.loanIndex.openByIndNo.get(indNo);
  if (loanNo === undefined) return null;
  const loan = state.loans.get(loanNo)!;
  return { loanNo, type: loan.type, dueDate: loan.dueDate, orderNo: loan.orderNo, openedDate: loan.openedDate };
}

export interface ListedLoan extends DeviceLoan {
  indNo: number;
  artNo: string;
  name: string;
  dueState: DueState;
  /** Working days from today to the due date (0 once it is today or past). */
  workingDaysLeft: number;
  prescriber: { id: string; name: string };
  patient: { pnr: string; pnrDisplay: string; name: string; protectedIdentity: boolean };
}

function listed(state: State, loan: Loan, due: DueState, today: number): ListedLoan {
  const person = state.persons.get(loan.pnr);
  return {
    ...deviceLoan(state, loan.indNo)!,
    indNo: loan.indNo,
    artNo: loan.artNo,
    name: state.articles.get(loan.artNo)?.name ?? loan.artNo,
    dueState: due,
    workingDaysLeft: workingDaysBetween(today, dateToDayNo(loan.dueDate!), DAYS_LEFT_LIMIT),
    prescriber: { id: loan.prescriberId, name: state.users.get(loan.prescriberId)?.name ?? loan.prescriberId },
    patient: {
      pnr: loan.pnr,
      pnrDisplay: formatPnr(loan.pnr),
      name: shownName(person),
      protectedIdentity: person?.protectedIdentity ?? false,
    },
  };
}

export function listLoans(
  state: State,
  user: User,
  args: LoanListArgs,
  nowMs: number,
  acting: Acting = defaultActing(user),
): QueryResult<{ total: number; loans: ListedLoan[]; withheld: number; reminderWorkingDays: number }> {
  const staff = isStaff(user);
  const today = swedishDayNo(nowMs);
  const days = settingValue(state, 'loans.reminderWorkingDays');
  const chosen: Array<{ loan: Loan; due: DueState }> = [];
  let withheld = 0;
  for (const [loanNo, dueDate] of state.loanIndex.timedOpen) {
    const loan = state.loans.get(loanNo)!;
    if (!staff && loan.prescriberId !== user.id) continue;
    const due = dueState(dueDate, today, days);
    if (due === 'later' && !args.all) continue;
    if (!canReadEntry(state, acting, loan)) {
      withheld++;
      continue;
    }
    chosen.push({ loan, due });
  }
  chosen.sort((a, b) =>
    a.loan.dueDate! < b.loan.dueDate! ? -1 : a.loan.dueDate! > b.loan.dueDate! ? 1 : a.loan.loanNo - b.loan.loanNo,
  );
  const loans = chosen.slice(0, args.limit).map(({ loan, due }) => listed(state, loan, due, today));
  return found({ total: chosen.length, loans, withheld, reminderWorkingDays: days });
}
