// The days of the history window with the rhythm of a working year: orders are placed mostly on working days, seldom on
// weekends and holidays, less in July and around Christmas; sampling a day is a lookup in a cumulative weight table.
import { isWorkingDay } from '../../core/orders/working-days.ts';
import type { Prng } from '../prng.ts';

const MS_PER_DAY = 86_400_000;
/** Relative order intake by month (January first): the summer holiday halves July, December slows down. */
const MONTH_WEIGHT = [1.05, 1.1, 1.1, 1.05, 1.0, 0.85, 0.5, 0.8, 1.15, 1.15, 1.1, 0.8] as const;
/** A weekend or holiday order is rare (web orders from home care); they are delivered on the next working days. */
const DAY_OFF_WEIGHT = 0.04;
/** Office hours in Swedish time, 07–17, as UTC hours (winter time; close enough for placement times). */
const FIRST_HOUR_UTC = 6;
const OFFICE_HOURS = 10;

export class HistoryCalendar {
  readonly firstDay: number;
  readonly endDay: number;
  private readonly cumulative: Float64Array;

  /** The `years` × 365 days before `endDay` (a day number, excluded). */
  constructor(endDay: number, years: number) {
    this.endDay = endDay;
    this.firstDay = endDay - Math.round(years * 365.25);
    this.cumulative = new Float64Array(endDay - this.firstDay);
    let sum = 0;
    for (let day = this.firstDay; day < endDay; day++) {
      const month = new Date(day * MS_PER_DAY).getUTCMonth();
      sum += MONTH_WEIGHT[month] * (isWorkingDay(day) ? 1 : DAY_OFF_WEIGHT);
      this.cumulative[day - this.firstDay] = sum;
    }
  }

  /** A day in [fromDay, toDay) drawn by the weights; fromDay when the range is empty. */
  day(prng: Prng, fromDay: number, toDay: number): number {
    const from = Math.max(fromDay, this.firstDay) - this.firstDay;
    const to = Math.min(toDay, this.endDay) - this.firstDay;
    if (to <= from) return from + this.firstDay;
    const low = from === 0 ? 0 : this.cumulative[from - 1];
    const target = low + prng.next() * (this.cumulative[to - 1] - low);
    let lo = from;
    let hi = to - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] <= target) lo = mid + 1;
      else hi = mid;
    }
    return lo + this.firstDay;
  }

  /** A time on `day` within office hours. */
  timeOn(prng: Prng, day: number): number {
    return day * MS_PER_DAY + Math.floor((FIRST_HOUR_UTC + prng.next() * OFFICE_HOURS) * 3_600_000);
  }
}

export function dayStartMs(day: number): number {
  return day * MS_PER_DAY;
}
