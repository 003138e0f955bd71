// Swedish public holidays and the de facto days off (midsummer, Christmas and New Year's Eve), computed purely.
// Planned pick and delivery dates skip them: HMC does not pick or drive on those days.

const MS_PER_DAY = 86_400_000;
/** Holidays that always fall on a Saturday or Sunday (Easter Day, Whitsun, Midsummer Day, All Saints' Day) are not listed. */
const FIXED: ReadonlyArray<readonly [month: number, day: number, name: string]> = [
  [1, 1, 'nyårsdagen'],
  [1, 6, 'trettondedag jul'],
  [5, 1, 'första maj'],
  [6, 6, 'Sveriges nationaldag'],
  [12, 24, 'julafton'], // de facto
  [12, 25, 'juldagen'],
  [12, 26, 'annandag jul'],
  [12, 31, 'nyårsafton'], // de facto
];
/** Days from Easter Sunday, with their Swedish names. */
const FROM_EASTER: ReadonlyArray<readonly [offset: number, name: string]> = [
  [-2, 'långfredagen'],
  [1, 'annandag påsk'],
  [39, 'Kristi himmelsfärdsdag'],
];
/** Midsommarafton (de facto): the Friday from 19 to 25 June. */
const MIDSUMMER_EVE_FIRST = 19;
const FRIDAY = 5;
/** 1970-01-01 was a Thursday: day 0 has weekday 4 (Sunday 0). */
const EPOCH_WEEKDAY = 4;

/** Years kept; a command asks about the same year or two (the cache starts over when full). */
const YEARS_CACHED_MAX = 16;
/** Per year: day number → the day's Swedish name (a refusal names the day it refuses). */
const byYear = new Map<number, ReadonlyMap<number, string>>();

function dayNo(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNo(year, month, day);
}

function holidaysOf(year: number): ReadonlyMap<number, string> {
  const cached = byYear.get(year);
  if (cached !== undefined) return cached;
  const names = new Map<number, string>(FIXED.map(([month, day, name]) => [dayNo(year, month, day), name]));
  const easter = easterSunday(year);
  for (const [offset, name] of FROM_EASTER) names.set(easter + offset, name);
  const first = dayNo(year, 6, MIDSUMMER_EVE_FIRST);
  names.set(first + ((((FRIDAY - (first + EPOCH_WEEKDAY)) % 7) + 7) % 7), 'midsommarafton');
  if (byYear.size >= YEARS_CACHED_MAX) byYear.clear();
  byYear.set(year, names);
  return names;
}

/** Whether a day (days since 1970-01-01) is a Swedish public holiday or de facto day off (listed whatever its weekday). */
export function isHoliday(day: number): boolean {
  return holidaysOf(new Date(day * MS_PER_DAY).getUTCFullYear()).has(day);
}

/** The Swedish name of the holiday or de facto day off on `day` ("juldagen"), or undefined on other days. */
export function holidayName(day: number): string | undefined {
  return holidaysOf(new Date(day * MS_PER_DAY).getUTCFullYear()).get(day);
}
