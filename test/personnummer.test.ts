// Personnummer parsing: accepted forms, century resolution, impossible dates and Luhn digits.
import { describe, expect, it } from 'vitest';
import { formatPnr, formatPnr10, luhnCheckDigit, parsePnr } from '../engine/core/personnummer.ts';

const NOW_MS = Date.UTC(2025, 5, 15, 12);
const NEW_YEARS_EVE_MS = Date.UTC(2025, 11, 31, 12);

describe('luhnCheckDigit', () => {
  it.each([
    ['811218987', 6],
    ['701063239', 1],
    ['121212121', 2],
  ])('%s → %i', (nine, digit) => {
    expect(luhnCheckDigit(nine)).toBe(digit);
  });
});

describe('parsePnr accepts valid numbers', () => {
  it.each([
    ['811218-9876', '198112189876', 'personnummer', '1981-12-18'],
    ['8112189876', '198112189876', 'personnummer', '1981-12-18'],
    ['19811218-9876', '198112189876', 'personnummer', '1981-12-18'],
    ['198112189876', '198112189876', 'personnummer', '1981-12-18'],
    ['701063-2391', '197010632391', 'samordningsnummer', '1970-10-03'],
    ['19701063-2391', '197010632391', 'samordningsnummer', '1970-10-03'],
    ['121212-1212', '201212121212', 'personnummer', '2012-12-12'],
    ['121212+1212', '191212121212', 'personnummer', '1912-12-12'],
    ['000229-1235', '200002291235', 'personnummer', '2000-02-29'],
    [' 811218-9876 ', '198112189876', 'personnummer', '1981-12-18'],
  ])('%s', (input, pnr12, kind, birthDate) => {
    expect(parsePnr(input, NOW_MS)).toEqual({ ok: true, pnr12, kind, birthDate });
  });
});

describe('parsePnr rejects', () => {
  it.each([
    ['811218-9875', 'check digit'],
    ['19811218-9877', 'check digit'],
    ['19990230-1234', 'date'],
    ['20230229-1238', 'date'],
    ['991301-1236', 'date'],
    ['990100-1231', 'date'],
    ['701092-2396', 'date'],
    ['000229+1235', 'date'],
    ['20300101-1234', 'date'],
    ['17991231-1234', 'date'],
    ['19121212+1212', 'format'],
    ['8112-189876', 'format'],
    ['81121898760', 'format'],
    ['abcdef-ghij', 'format'],
    ['', 'format'],
    ['20150916-0006', 'birth number'],
    ['150916-0006', 'birth number'],
    ['701063-0007', 'birth number'],
  ])('%s (%s)', (input, reasonStart) => {
    const result = parsePnr(input, NOW_MS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.startsWith(reasonStart)).toBe(true);
  });
});

describe('birth number 000', () => {
  it('given 20150916-0006, whose Luhn digit is right, then it is still refused: 000 is never issued', () => {
    expect(luhnCheckDigit('150916000')).toBe(6);
    expect(parsePnr('20150916-0006', NOW_MS)).toEqual({ ok: false, reason: 'birth number: 000 is never issued' });
    expect(parsePnr('20150916-0014', NOW_MS).ok).toBe(true);
  });
});

describe('century resolution of 10-digit numbers', () => {
  it('takes the most recent century that is not in the future', () => {
    expect(parsePnr('251231-1230', NOW_MS)).toMatchObject({ ok: true, pnr12: '192512311230' });
    expect(parsePnr('251231-1230', NEW_YEARS_EVE_MS)).toMatchObject({ ok: true, pnr12: '202512311230' });
    expect(parsePnr('250101-1239', NOW_MS)).toMatchObject({ birthDate: '2025-01-01' });
    expect(parsePnr('460601-2344', NOW_MS)).toMatchObject({ birthDate: '1946-06-01' });
  });

  it('reads + as turning 100 or more this calendar year', () => {
    expect(parsePnr('251231+1230', NOW_MS)).toMatchObject({ ok: true, pnr12: '192512311230' });
    expect(parsePnr('200101+2349', NOW_MS)).toMatchObject({ ok: true, birthDate: '1920-01-01' });
    expect(parsePnr('460601+2344', NOW_MS)).toMatchObject({ ok: true, birthDate: '1846-06-01' });
  });
});

describe('formatting', () => {
  it('formats the 12-digit form with a dash', () => {
    expect(formatPnr('198112189876')).toBe('19811218-9876');
  });

  it('switches to + in the calendar year the person turns 100', () => {
    expect(formatPnr10('198112189876', NOW_MS)).toBe('811218-9876');
    expect(formatPnr10('192512311230', NOW_MS)).toBe('251231+1230');
    expect(formatPnr10('192512311230', Date.UTC(2024, 11, 31))).toBe('251231-1230');
    expect(formatPnr10('191212121212', NOW_MS)).toBe('121212+1212');
  });

  it('round-trips through parsePnr', () => {
    for (const pnr12 of ['198112189876', '192512311230', '191212121212', '197010632391', '201212121212']) {
      expect(parsePnr(formatPnr10(pnr12, NOW_MS), NOW_MS)).toMatchObject({ ok: true, pnr12 });
      expect(parsePnr(formatPnr(pnr12), NOW_MS)).toMatchObject({ ok: true, pnr12 });
    }
  });
});
