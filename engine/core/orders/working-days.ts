// Swedish calendar dates from a command's time, and working days (Monday–Friday except holidays), computed purely: no
// clock, no time-zone database. Sweden is UTC+1, and UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of
// October 01:00 UTC (EU rule). HMC still moves a date by hand (fulfil.setDeliveryDate) for local closures.

import { holidayName, isHoliday } from './swedish-holidays.ts';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** 1970-01-01 was a Thursday: day 0 has weekday 4 (Sunday 0). */
const EPOCH_WEEKDAY = 4;
const SATURDAY = 6;
const SUNDAY = 0;
/** Days the pick and the delivery come after the day an order is ready. */
export const PICK_AFTER_WORKING_DAYS = 1;
export const DELIVERY_AFTER_WORKING_DAYS = 2;

const summerCache = new Map<number, readonly [number, number]>();

/** Epoch milliseconds of 01:00 UTC on the last Sunday of a month (month 1–12). */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month, 0) / MS_PER_DAY;
  const weekday = (lastDay + EPOCH_WEEKDAY) % 7;
  return (lastDay - weekday) * MS_PER_DAY + MS_PER_HOUR;
}

function summerTime(year: number): readonly [number, number] {
  let range = summerCache.get(year);
  if (range === undefined) {
    range = [lastSundayOneUtc(year, 3), lastSundayOneUtc(year, 10)];
    summerCache.set(year, range);
  }
  return range;
}

/** The UTC year last asked for, as [first ms, first ms of the next year): commands come in the same year. */
let lastYear = { year: 0, fromMs: 0, toMs: 0 };

function utcYear(timeMs: number): number {
  if (timeMs >= lastYear.fromMs && timeMs < lastYear.toMs) return lastYear.year;
  const year = new Date(timeMs).getUTCFullYear();
  lastYear = { year, fromMs: Date.UTC(year, 0, 1), toMs: Date.UTC(year + 1, 0, 1) };
  return year;
}

/** Days since 1970-01-01 of the Swedish calendar date at `timeMs`. */
export function swedishDayNo(timeMs: number): number {
  const year = utcYear(timeMs);
  const [start, end] = summerTime(year);
  const offsetMs = timeMs >= start && timeMs < end ? 2 * MS_PER_HOUR : MS_PER_HOUR;
  return Math.floor((timeMs + offsetMs) / MS_PER_DAY);
}

/** Monday to Friday, and not a Swedish holiday or de facto day off (swedish-holidays.ts). */
export function isWorkingDay(dayNo: number): boolean {
  const weekday = (((dayNo + EPOCH_WEEKDAY) % 7) + 7) % 7;
  return weekday !== SATURDAY && weekday !== SUNDAY && !isHoliday(dayNo);
}

/** Why `dayNo` is no working day, as Swedish words after "är" ("juldagen", "en lördag"); undefined on a working day. */
export function nonWorkingDayReason(dayNo: number): string | undefined {
  const holiday = holidayName(dayNo);
  if (holiday !== undefined) return holiday;
  const weekday = (((dayNo + EPOCH_WEEKDAY) % 7) + 7) % 7;
  if (weekday === SATURDAY) return 'en lördag';
  if (weekday === SUNDAY) return 'en söndag';
  return undefined;
}

/** The `n`-th working day after `dayNo` (n ≥ 1). */
export function addWorkingDays(dayNo: number, n: number): number {
  let day = dayNo;
  for (let left = n; left > 0; ) {
    day++;
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** Date strings kept: orders are placed and planned over a handful of days at a time (the cache is cleared when full). */
const DATE_CACHE_DAYS_MAX = 64;
const dateCache = new Map<number, string>();

/** YYYY-MM-DD of a day number; cached, as every placement asks for the same few days (a Date and a string each). */
export function dayNoToDate(dayNo: number): string {
  let date = dateCache.get(dayNo);
  if (date === undefined) {
    if (dateCache.size >= DATE_CACHE_DAYS_MAX) dateCache.clear();
    date = new Date(dayNo * MS_PER_DAY).toISOString().slice(0, 10);
    dateCache.set(dayNo, date);
  }
  return date;
}

export function dateToDayNo(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** A real calendar date (the schema checks only the shape YYYY-MM-DD). */
export function isCalendarDate(date: string): boolean {
  const dayNo = dateToDayNo(date);
  return Number.isInteger(dayNo) && dayNoToDate(dayNo) === date;
}

export function swedishDate(timeMs: number): string {
  return dayNoToDate(swedishDayNo(timeMs));
}

export interface PlannedDates {
  plannedPickDate: string;
  plannedDeliveryDate: string;
}

/** Presumed pick date (next working day) and planned delivery (two working days on) for an order ready at `timeMs`. */
export function plannedDates(timeMs: number): PlannedDates {
  const today = swedishDayNo(timeMs);
  return {
    plannedPickDate: dayNoToDate(addWorkingDays(today, PICK_AFTER_WORKING_DAYS)),
    plannedDeliveryDate: dayNoToDate(addWorkingDays(today, DELIVERY_AFTER_WORKING_DAYS)),
  };
}

/**
 * Working days from `fromDayNo` to `toDayNo`: those after the first day up to and including the last (an order placed on
 * a Friday is one working day old on Monday). Counted day by day, at most `limitDays` calendar days (older: the count
 * stops there); 0 when `toDayNo` is not later. A reference for working-day-counts.ts, which lists and ages use.
 */
export function workingDaysWalked(fromDayNo: number, toDayNo: number, limitDays: number): number {
  const last = Math.min(toDayNo, fromDayNo + limitDays);
  let count = 0;
  for (let day = fromDayNo + 1; day <= last; day++) if (isWorkingDay(day)) count++;
  return count;
}
