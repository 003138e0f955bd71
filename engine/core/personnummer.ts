// Swedish personnummer and samordningsnummer: parse any accepted written form to the canonical 12 digits, check date and Luhn digit, format back.

/** Samordningsnummer add this to the day of birth (FOL 18 a §). */
export const SAMORDNING_DAY_OFFSET = 60;
/** The separator becomes `+` in the calendar year the person turns this old (FOL 18 §). */
export const PLUS_SEPARATOR_AGE_YEARS = 100;
/** Oldest century a 12-digit number may name (Skatteverket stores 18, 19 or 20). */
export const BIRTH_YEAR_MIN = 1800;

const MS_PER_DAY = 86_400_000;
const INPUT_PATTERN = /^(\d{6}|\d{8})([-+]?)(\d{4})$/;
/** Skatteverket never issues birth number 000 (the three digits before the check digit). */
const UNISSUED_BIRTH_NUMBER = '000';

export type PnrKind = 'personnummer' | 'samordningsnummer';
export type ParsedPnr = { ok: true; pnr12: string; kind: PnrKind; birthDate: string } | { ok: false; reason: string };

/** Luhn ("modulus 10, weights 2 and 1") check digit over the nine digits YYMMDDNNN. */
export function luhnCheckDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < nine.length; i++) {
    const product = (nine.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Calendar date as a sortable number YYYYMMDD. */
function ymdNumber(year: number, month: number, day: number): number {
  return year * 10_000 + month * 100 + day;
}

/** Today's date in UTC as YYYYMMDD; the caller owns the clock, so this stays pure. */
function todayYmdNumber(nowMs: number): number {
  const date = new Date(Math.floor(nowMs / MS_PER_DAY) * MS_PER_DAY);
  return ymdNumber(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * Full birth year for a 10-digit number. With `+` the person turns 100 or more in the current
 * calendar year (the year the separator changes); otherwise the most recent date not in the future.
 */
function resolveYear(yy: number, month: number, day: number, plus: boolean, todayYmd: number): number {
  const currentYear = Math.floor(todayYmd / 10_000);
  if (plus) {
    const latest = currentYear - PLUS_SEPARATOR_AGE_YEARS;
    return latest - (((((latest % 100) - yy) % 100) + 100) % 100);
  }
  let year = currentYear - (((((currentYear % 100) - yy) % 100) + 100) % 100);
  if (ymdNumber(year, month, day) > todayYmd) year -= 100;
  return year;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Parses `YYMMDD-NNNC`, `YYMMDD+NNNC`, `YYMMDDNNNC`, `YYYYMMDD-NNNC` or `YYYYMMDDNNNC`. */
export function parsePnr(input: string, nowMs: number): ParsedPnr {
  const match = INPUT_PATTERN.exec(input.trim());
  if (match === null) return { ok: false, reason: 'format: expected YYMMDD-NNNC or YYYYMMDD-NNNC' };
  const [, datePart, separator, tail] = match;
  const plus = separator === '+';
  if (plus && datePart.length === 8) return { ok: false, reason: 'format: + is only used with a 6-digit date' };
  const month = Number(datePart.slice(-4, -2));
  const dayField = Number(datePart.slice(-2));
  const samordning = dayField > SAMORDNING_DAY_OFFSET;
  const day = samordning ? dayField - SAMORDNING_DAY_OFFSET : dayField;
  const todayYmd = todayYmdNumber(nowMs);
  const year =
    datePart.length === 8
      ? Number(datePart.slice(0, 4))
      : resolveYear(Number(datePart.slice(0, 2)), month, day, plus, todayYmd);
  if (month < 1 || month > 12) return { ok: false, reason: 'date: month must be 01–12' };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: 'date: no such day' };
  if (year < BIRTH_YEAR_MIN || ymdNumber(year, month, day) > todayYmd) {
    return { ok: false, reason: 'date: birth date out of range' };
  }
  if (tail.slice(0, 3) === UNISSUED_BIRTH_NUMBER) return { ok: false, reason: 'birth number: 000 is never issued' };
  const yymmdd = datePart.slice(-6);
  if (luhnCheckDigit(yymmdd + tail.slice(0, 3)) !== Number(tail[3])) {
    return { ok: false, reason: 'check digit: wrong Luhn digit' };
  }
  return {
    ok: true,
    pnr12: String(year).padStart(4, '0').slice(0, 2) + yymmdd + tail,
    kind: samordning ? 'samordningsnummer' : 'personnummer',
    birthDate: `${year}-${pad2(month)}-${pad2(day)}`,
  };
}

/** `YYYYMMDDNNNC` → `YYYYMMDD-NNNC`. */
export function formatPnr(pnr12: string): string {
  return `${pnr12.slice(0, 8)}-${pnr12.slice(8)}`;
}

/** `YYYYMMDDNNNC` → `YYMMDD-NNNC`, or `YYMMDD+NNNC` from the calendar year the person turns 100. */
export function formatPnr10(pnr12: string, nowMs: number): string {
  const currentYear = Math.floor(todayYmdNumber(nowMs) / 10_000);
  const age = currentYear - Number(pnr12.slice(0, 4));
  const separator = age >= PLUS_SEPARATOR_AGE_YEARS ? '+' : '-';
  return `${pnr12.slice(2, 8)}${separator}${pnr12.slice(8)}`;
}
