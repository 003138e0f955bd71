// The loan calendar: the latest due date a loan type allows (calendar months after the order date) and the day a due
// reminder goes out (N working days before the due date). Pure day arithmetic on the Swedish working-day calendar
// (orders/working-days.ts); a loan's dates are Swedish calendar dates.
import { LOAN_SHORT_TERM_MONTHS_MAX, LOAN_TRIAL_MONTHS_MAX } from '../../../schemas/limits.ts';
import type { LoanType } from '../../../schemas/orders.ts';
import { assert } from '../assert.ts';
import { dateToDayNo, dayNoToDate, isWorkingDay } from '../orders/working-days.ts';

/** Months after the order date a due date may be, by loan type (permanent has no due date). */
export const LOAN_MONTHS_MAX: Readonly<Record<Exclude<LoanType, 'permanent'>, number>> = {
  shortTerm: LOAN_SHORT_TERM_MONTHS_MAX,
  trial: LOAN_TRIAL_MONTHS_MAX,
};

/** The loan type in Swedish, as the portal and messages say it. */
export const LOAN_TYPE_SV: Readonly<Record<LoanType, string>> = {
  permanent: 'tills vidare',
  shortTerm: 'korttidslån',
  trial: 'utprovning',
};

/** The same day `months` calendar months later; a day the month lacks becomes its last day (31 Aug + 6 → 28/29 Feb). */
export function monthsLater(date: string, months: number): string {
  assert(months >= 0 && Number.isInteger(months), `months ${months} is a whole number ≥ 0`);
  const year = Number(date.slice(0, 4));
  const month0 = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const lastDay = new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month0, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** The latest due date of a loan of this type ordered on `orderDate`. */
export function latestDueDate(type: Exclude<LoanType, 'permanent'>, orderDate: string): string {
  return monthsLater(orderDate, LOAN_MONTHS_MAX[type]);
}

/** The `n`-th working day before `dayNo` (n ≥ 1): a reminder N working days ahead goes out on it. */
export function workingDaysBefore(dayNo: number, n: number): number {
  assert(n >= 1, `working days ${n} ≥ 1`);
  let day = dayNo;
  for (let left = n; left > 0; ) {
    day--;
    if (isWorkingDay(day)) left--;
  }
  assert(day < dayNo, 'a reminder day is before its due day');
  return day;
}

/** Where a loan with a due date stands on `todayDayNo`: overdue once the due day has passed, due soon from its
 * reminder day on (N working days before), else later. */
export type DueState = 'overdue' | 'dueSoon' | 'later';

export function dueState(dueDate: string, todayDayNo: number, reminderWorkingDays: number): DueState {
  const due = dateToDayNo(dueDate);
  if (todayDayNo > due) return 'overdue';
  return todayDayNo >= workingDaysBefore(due, reminderWorkingDays) ? 'dueSoon' : 'later';
}

export { dateToDayNo, dayNoToDate };
