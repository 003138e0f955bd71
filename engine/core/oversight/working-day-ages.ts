// Ages in Swedish working days as of a query's "now" (issue 14, HMC oversight). The core has no clock: the edge passes
// its time to the query. One list asks about many rows from a handful of days, so ages are kept per day.
import { AGE_COUNT_DAYS_MAX } from '../../../schemas/limits.ts';
import { assert } from '../assert.ts';
import { swedishDayNo } from '../orders/working-days.ts';
import { workingDaysBetween } from '../orders/working-day-counts.ts';

export class WorkingDayAges {
  private readonly today: number;
  private readonly byDay = new Map<number, number>();

  constructor(nowMs: number) {
    assert(Number.isFinite(nowMs), 'now is a time');
    this.today = swedishDayNo(nowMs);
  }

  /** Working days since `timeMs` (the Swedish date it fell on): 0 the same day, 1 the next working day, … */
  of(timeMs: number): number {
    const day = swedishDayNo(timeMs);
    let age = this.byDay.get(day);
    if (age === undefined) {
      age = workingDaysBetween(day, this.today, AGE_COUNT_DAYS_MAX);
      this.byDay.set(day, age);
    }
    assert(age >= 0, 'an age is never negative');
    return age;
  }
}
