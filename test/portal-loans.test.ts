// The portal's loan helpers (portal/lib/loans.js): what the wizard sends for a rental line's loan, what it asks for
// before it lets the user go on, and the month limit counted as the engine counts it.
import { describe, expect, it } from 'vitest';
import { loanArgs, loanProblem, loanText, monthsLater, todayIso } from '../portal/lib/loans.js';
import { monthsLater as coreMonthsLater } from '../engine/core/loans/loan-calendar.ts';

type Line = Parameters<typeof loanArgs>[0];
type Quoted = Parameters<typeof loanArgs>[1];
const line = (over: Partial<Line> = {}): Line => ({
  artNo: '100104',
  quantity: 1,
  forIndividual: null,
  replacement: null,
  purpose: '',
  ...over,
});
const quoted = (kind: 'rental' | 'sale') => ({ article: { kind } }) as unknown as Quoted;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE');

describe('loanArgs', () => {
  it('given a rental line, then its loan; a sale line or no type, then none', () => {
    expect(loanArgs(line({ loanType: 'shortTerm', dueDate: '2027-01-15' }), quoted('rental'))).toEqual({
      loan: { type: 'shortTerm', dueDate: '2027-01-15' },
    });
    expect(loanArgs(line({ loanType: 'permanent', dueDate: '2027-01-15' }), quoted('rental'))).toEqual({
      loan: { type: 'permanent' },
    });
    expect(loanArgs(line({ loanType: 'trial', dueDate: '2027-01-15' }), quoted('sale'))).toEqual({});
    expect(loanArgs(line(), quoted('rental'))).toEqual({});
    expect(loanArgs(line({ loanType: 'trial' }), null)).toEqual({});
  });
});

describe('loanProblem', () => {
  it('asks for a due date, after today, not on a weekend, within the limit, and only for a patient', () => {
    const problem = (over: Partial<Line>, kind: 'patient' | 'careUnit' = 'patient') =>
      loanProblem(line(over), quoted('rental'), '100104 Rollator', kind);
    expect(problem({ loanType: 'shortTerm' })).toBe('Ange återlämningsdatum för 100104 Rollator.');
    expect(problem({ loanType: 'shortTerm', dueDate: todayIso() })).toContain('måste vara efter i dag');
    expect(problem({ loanType: 'trial', dueDate: '2099-01-03' })).toContain('lördag eller söndag');
    expect(problem({ loanType: 'trial', dueDate: inDays(200) })).toContain('får vara senast');
    expect(problem({ loanType: 'shortTerm', dueDate: inDays(30) }, 'careUnit')).toContain('bara till en brukare');
    expect(problem({ loanType: 'permanent' })).toBe('');
    expect(problem({})).toBe('');
  });
});

describe('monthsLater and loanText', () => {
  it('counts months as the engine does, and says the loan in Swedish', () => {
    for (const date of ['2026-08-31', '2027-08-31', '2026-01-31', '2026-11-25'])
      for (const months of [3, 6]) expect(monthsLater(date, months)).toBe(coreMonthsLater(date, months));
    const loan = { loanNo: 1, orderNo: 2, openedDate: '2026-11-25' };
    expect(loanText({ ...loan, type: 'shortTerm', dueDate: '2027-01-15' })).toBe('Korttidslån, åter 2027-01-15');
    expect(loanText({ ...loan, type: 'permanent', dueDate: null })).toBe('Tills vidare');
  });
});
