// Swedish holidays against the published calendar (Easter dates and days off for 2025–2027).

import { describe, expect, it } from 'vitest';
import { easterSunday, isHoliday } from '../engine/core/orders/swedish-holidays.ts';
import { dateToDayNo, dayNoToDate } from '../engine/core/orders/working-days.ts';

const EASTER: Record<number, string> = {
  2024: '2024-03-31',
  2025: '2025-04-20',
  2026: '2026-04-05',
  2027: '2027-03-28',
  2038: '2038-04-25',
};
/** Weekday days off in 2026 (Swedish calendar): the legal holidays and the de facto eves. */
const DAYS_OFF_2026 = [
  '2026-01-01',
  '2026-01-06',
  '2026-04-03',
  '2026-04-06',
  '2026-05-01',
  '2026-05-14',
  '2026-06-06',
  '2026-06-19',
  '2026-12-24',
  '2026-12-25',
  '2026-12-26',
  '2026-12-31',
];

describe('Swedish holidays', () => {
  it.each(Object.entries(EASTER))('Easter Sunday %s is %s', (year, date) => {
    expect(dayNoToDate(easterSunday(Number(year)))).toBe(date);
  });

  it('knows every day off of 2026 and no other day', () => {
    const start = dateToDayNo('2026-01-01');
    const found: string[] = [];
    for (let d = start; d < start + 365; d++) if (isHoliday(d)) found.push(dayNoToDate(d));
    expect(found).toEqual(DAYS_OFF_2026);
  });

  it('puts midsummer eve on the Friday between 19 and 25 June', () => {
    expect(isHoliday(dateToDayNo('2025-06-20'))).toBe(true);
    expect(isHoliday(dateToDayNo('2027-06-25'))).toBe(true);
    expect(isHoliday(dateToDayNo('2027-06-18'))).toBe(false);
  });
});
