// Loans in the pure core, given / when / then: the loan type of a rental line at order.place (every rejection), the
// loan each delivered unit gets, the due messages of loan.sweep (N working days before, once; overdue, once; around
// weekends and Swedish holidays), closing by return and by pickup, loan.makePermanent and loan.extend, loan.list, and
// the indexes rebuilt from the tables agreeing with the live ones.
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/core/commands.ts';
import type { Decision } from '../engine/core/decision.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import { dueState, monthsLater, workingDaysBefore } from '../engine/core/loans/loan-calendar.ts';
import { listLoans } from '../engine/core/loans/queries.ts';
import { dateToDayNo, dayNoToDate } from '../engine/core/orders/working-days.ts';
import { patientView } from '../engine/core/register-queries.ts';
import { individualCard } from '../engine/core/individual-card.ts';
import type { State } from '../engine/core/state.ts';
import type { Message } from '../schemas/orders.ts';
import { OPS } from '../schemas/ops.ts';
import {
  ART,
  codeOf,
  firstEvent,
  orderState,
  place,
  placedNo,
  PNR,
  returned,
  run,
  T0,
  tablesOf,
} from './helpers/order-fixture.ts';

type Loan = { type: 'permanent' | 'shortTerm' | 'trial'; dueDate?: string };
/** 10:00 Swedish time (winter) on a date. */
const at = (date: string): number => dateToDayNo(date) * 86_400_000 + 9 * 3_600_000;
const rollator = (loan?: Loan) => ({ artNo: ART.rollator, quantity: 1, ...(loan ? { loan } : {}) });
const step = (orderNo: number, s: 'pick' | 'dispatch' | 'deliver'): Command => ({
  type: 'fulfil.step',
  userId: 'hmc1',
  step: s,
  orderNo,
  lineNos: null,
});

/** ot1 orders a rollator on `loan` at T0 (Wed 2026-11-25) and HMC delivers it the same day: the unit and its loan. */
function delivered(state: State, loan?: Loan, userId = 'ot1'): { indNo: number; loanNo: number; orderNo: number } {
  const orderNo = placedNo(run(state, place({ userId, lines: [rollator(loan)] })));
  run(state, step(orderNo, 'pick'));
  run(state, step(orderNo, 'dispatch'));
  const decision = run(state, step(orderNo, 'deliver'));
  const event = decision.ok ? decision.events.find((e) => e.type === 'loan.opened') : undefined;
  if (event?.type !== 'loan.opened') throw new Error('the delivery opened no loan');
  const opened = event.loan;
  return { indNo: opened.indNo, loanNo: opened.loanNo, orderNo };
}
const sweep = (state: State, date: string): Decision => run(state, { type: 'loan.sweep' }, at(date));
const messagesOf = (decision: Decision): Message[] =>
  decision.ok ? decision.events.flatMap((e) => (e.type === 'message.created' ? [e.message] : [])) : [];
const kinds = (decision: Decision) => messagesOf(decision).map((m) => m.kind);
const rebuilt = (state: State) => stateFromTables(tablesOf(state), state.seq);

describe('the loan calendar (working days around weekends and Swedish holidays)', () => {
  it('given a Monday due date, when 1 working day before, then the Friday', () => {
    expect(dayNoToDate(workingDaysBefore(dateToDayNo('2026-12-07'), 1))).toBe('2026-12-04');
  });
  it('given a due date after Christmas, when 5 working days before, then 24–27 December do not count', () => {
    // 2026-12-28 is a Monday; 24 (julafton), 25 (juldagen), 26–27 (weekend) are no working days.
    expect(dayNoToDate(workingDaysBefore(dateToDayNo('2026-12-28'), 5))).toBe('2026-12-17');
  });
  it('given a due date after New Year and Epiphany, when 3 working days before, then 31 Dec, 1 Jan and 6 Jan are skipped', () => {
    // 2027-01-07 Thu: 6 Jan (trettondedag jul) off, 5 Jan, 4 Jan, (1 Jan off, 31 Dec off, weekend), 30 Dec.
    expect(dayNoToDate(workingDaysBefore(dateToDayNo('2027-01-07'), 3))).toBe('2026-12-30');
  });
  it('given an order date, when six months on, then the same day or the last of a shorter month', () => {
    expect(monthsLater('2026-11-25', 6)).toBe('2027-05-25');
    expect(monthsLater('2026-08-31', 6)).toBe('2027-02-28');
    expect(monthsLater('2027-08-31', 6)).toBe('2028-02-29');
  });
  it('given a due date, then overdue only after it, due soon from its reminder day', () => {
    const due = '2026-12-15';
    expect(dueState(due, dateToDayNo('2026-12-07'), 5)).toBe('later');
    expect(dueState(due, dateToDayNo('2026-12-08'), 5)).toBe('dueSoon');
    expect(dueState(due, dateToDayNo('2026-12-15'), 5)).toBe('dueSoon');
    expect(dueState(due, dateToDayNo('2026-12-16'), 5)).toBe('overdue');
  });
});

describe('order.place with a loan per line', () => {
  it('given a short-term loan due on a working day within 6 months, then the line carries it', () => {
    const state = orderState();
    const decision = run(state, place({ lines: [rollator({ type: 'shortTerm', dueDate: '2026-12-15' })] }));
    expect(firstEvent(decision, 'order.placed').order.lines[0]!.loan).toEqual({
      type: 'shortTerm',
      dueDate: '2026-12-15',
    });
    const plain = run(state, place({ lines: [{ artNo: ART.showerChair, quantity: 1 }] }));
    expect(firstEvent(plain, 'order.placed').order.lines[0]!.loan).toBeUndefined();
  });

  it('refuses, each in Swedish: a sale line, no due date, a due date on tills vidare, a weekend or holiday, today, past the limit, no date', () => {
    const state = orderState();
    const code = (loan: Loan, artNo: string = ART.rollator) =>
      codeOf(run(state, place({ lines: [{ artNo, quantity: 1, loan }] })));
    expect(code({ type: 'shortTerm', dueDate: '2026-12-15' }, ART.basket)).toBe('loan_invalid');
    const sale = run(state, place({ lines: [{ artNo: ART.basket, quantity: 1, loan: { type: 'permanent' } }] }));
    expect(!sale.ok && sale.message).toMatch(/förbrukningsartikel; lånetyp anges bara för hyresartiklar/);
    expect(code({ type: 'shortTerm' })).toBe('loan_invalid');
    expect(code({ type: 'trial' })).toBe('loan_invalid');
    expect(code({ type: 'permanent', dueDate: '2026-12-15' })).toBe('loan_invalid');
    expect(code({ type: 'shortTerm', dueDate: '2026-11-28' })).toBe('not_working_day'); // a Saturday
    const xmas = run(state, place({ lines: [rollator({ type: 'shortTerm', dueDate: '2026-12-25' })] }));
    expect(!xmas.ok && xmas.message).toBe('Återlämningsdatumet 2026-12-25 är juldagen; välj en arbetsdag.');
    expect(code({ type: 'shortTerm', dueDate: '2026-11-25' })).toBe('loan_invalid'); // the order date itself
    expect(code({ type: 'shortTerm', dueDate: '2026-11-20' })).toBe('loan_invalid');
    expect(code({ type: 'shortTerm', dueDate: '2027-05-25' })).toBe('accepted'); // exactly 6 months
    const long = run(state, place({ lines: [rollator({ type: 'shortTerm', dueDate: '2027-05-26' })] }));
    expect(codeOf(long)).toBe('loan_too_long');
    expect(!long.ok && long.message).toMatch(/högst 6 månader från orderdatum: senast 2027-05-25/);
    expect(code({ type: 'trial', dueDate: '2027-02-25' })).toBe('accepted'); // exactly 3 months
    expect(code({ type: 'trial', dueDate: '2027-02-26' })).toBe('loan_too_long');
    expect(code({ type: 'shortTerm', dueDate: '2026-02-30' })).toBe('invalid_date');
  });

  it('given a care unit order, then only tills vidare; and an unknown article is reported before its loan', () => {
    const state = orderState();
    const careUnit = place({
      recipient: { kind: 'careUnit', customerNo: '130001' },
      lines: [rollator({ type: 'trial', dueDate: '2026-12-15' })],
    });
    expect(codeOf(run(state, careUnit))).toBe('loan_invalid');
    const unknown = place({ lines: [{ artNo: '999999', quantity: 1, loan: { type: 'shortTerm' } }] });
    expect(codeOf(run(state, unknown))).toBe('unknown_article');
  });

  it('validates at the edge: loan type, date shape, no unknown keys; order.quote takes no loan', () => {
    const args = OPS['order.place'].args;
    const base = { idempotencyKey: 'k', recipient: { kind: 'patient', pnr: '19400101-1230' } };
    const line = (loan: unknown) => ({ ...base, lines: [{ artNo: '100001', quantity: 1, loan }] });
    expect(args.safeParse(line({ type: 'shortTerm', dueDate: '2026-12-15' })).success).toBe(true);
    expect(args.safeParse(line({ type: 'forever' })).success).toBe(false);
    expect(args.safeParse(line({ type: 'trial', dueDate: '15/12/2026' })).success).toBe(false);
    expect(args.safeParse(line({ type: 'trial', dueDate: '2026-12-15', note: 'x' })).success).toBe(false);
    expect(OPS['order.quote'].args.safeParse(line({ type: 'permanent' })).success).toBe(false);
  });
});

describe('a loan follows its units', () => {
  it('given a delivered short-term rollator, then its unit is on loan, shown on the patient view and the card', () => {
    const state = orderState();
    const { indNo, loanNo, orderNo } = delivered(state, { type: 'shortTerm', dueDate: '2026-12-15' });
    expect(state.loans.get(loanNo)).toMatchObject({
      indNo,
      pnr: PNR.resident,
      orderNo,
      prescriberId: 'ot1',
      type: 'shortTerm',
      dueDate: '2026-12-15',
      orderDate: '2026-11-25',
      openedDate: '2026-11-25',
      closedDate: null,
    });
    const view = patientView(state, { pnr: PNR.resident }, T0);
    const device = view.ok ? view.result.devices.find((d) => d.indNo === indNo) : undefined;
    expect(device).toMatchObject({ loan: { loanNo, type: 'shortTerm', dueDate: '2026-12-15', orderNo } });
    const held = view.ok ? view.result.devices.find((d) => d.indNo === 56314) : undefined;
    expect(held).toMatchObject({ loan: null }); // held since before Aidstock: no loan row
    const card = individualCard(state, { indNo });
    expect(card.ok && card.result).toMatchObject({ loan: { type: 'shortTerm', dueDate: '2026-12-15' } });
  });

  it('given a line without a loan, then its units go on loan tills vidare (never messaged)', () => {
    const state = orderState();
    const { loanNo } = delivered(state);
    expect(state.loans.get(loanNo)).toMatchObject({ type: 'permanent', dueDate: null });
    expect(state.loanIndex.timedOpen.has(loanNo)).toBe(false);
    expect(codeOf(sweep(state, '2027-12-01'))).toBe('not_found');
  });

  it('given a return at HMC, then the loan closes with the date and how; given a pickup, then by pickup', () => {
    const state = orderState();
    const first = delivered(state, { type: 'shortTerm', dueDate: '2026-12-15' });
    const back = run(state, returned(first.indNo), at('2026-12-01'));
    expect(firstEvent(back, 'stock.adjusted').returned).toBe(true);
    expect(state.loans.get(first.loanNo)).toMatchObject({ closedDate: '2026-12-01', closedHow: 'return' });
    expect(state.loanIndex.openByIndNo.has(first.indNo)).toBe(false);
    expect(state.loanIndex.timedOpen.has(first.loanNo)).toBe(false);
    expect(codeOf(sweep(state, '2026-12-16'))).toBe('not_found'); // a closed loan is never due
    const second = delivered(state, { type: 'trial', dueDate: '2026-12-15' });
    run(state, {
      type: 'pickup.create',
      userId: 'ot1',
      pnr: PNR.resident,
      indNos: [second.indNo],
      contactName: 'Anna',
      contactPhone: '035-12 34 56',
      reason: 'Utprovningen är klar.',
    });
    run(state, returned(second.indNo), at('2026-12-02'));
    expect(state.loans.get(second.loanNo)).toMatchObject({ closedDate: '2026-12-02', closedHow: 'pickup' });
  });
});

describe('loan.sweep: due messages', () => {
  it('given due Tue 15 Dec and N = 5, then one reminder from Tue 8 Dec and one overdue message from Wed 16 Dec', () => {
    const state = orderState();
    const { indNo, loanNo, orderNo } = delivered(state, { type: 'shortTerm', dueDate: '2026-12-15' });
    expect(codeOf(sweep(state, '2026-12-07'))).toBe('not_found');
    const due = sweep(state, '2026-12-08');
    expect(kinds(due)).toEqual(['loanDue']);
    const message = messagesOf(due)[0]!;
    expect(message).toMatchObject({ userId: 'ot1', loanNo, indNo, dueDate: '2026-12-15' });
    expect(message.text).toContain(`individ ${indNo}`);
    expect(message.text).toContain('Rollator Cross 45');
    expect(message.text).toContain(`order ${orderNo}`);
    expect(message.text).not.toMatch(/Anna|Karlsson|19400101|400101/);
    expect(state.messages.get(message.messageNo)).toMatchObject({ kind: 'loanDue' });
    expect(codeOf(sweep(state, '2026-12-09'))).toBe('not_found'); // once
    expect(codeOf(sweep(state, '2026-12-15'))).toBe('not_found');
    expect(kinds(sweep(state, '2026-12-16'))).toEqual(['loanOverdue']);
    expect(codeOf(sweep(state, '2026-12-17'))).toBe('not_found'); // once
    expect(codeOf(sweep(rebuilt(state), '2026-12-18'))).toBe('not_found'); // also after a restart
  });

  it('given due Mon 28 Dec, then the reminder waits for Thu 17 Dec: Christmas Eve to Sunday are no working days', () => {
    const state = orderState();
    delivered(state, { type: 'shortTerm', dueDate: '2026-12-28' });
    expect(codeOf(sweep(state, '2026-12-16'))).toBe('not_found');
    expect(kinds(sweep(state, '2026-12-17'))).toEqual(['loanDue']);
  });

  it('given the setting at 2 working days, then the reminder comes 2 working days before (over a weekend)', () => {
    const state = orderState();
    run(state, { type: 'setting.set', userId: 'admin', key: 'loans.reminderWorkingDays', value: 2 });
    delivered(state, { type: 'trial', dueDate: '2026-12-07' }); // a Monday: Thu 3 and Fri 4 Dec before it
    expect(codeOf(sweep(state, '2026-12-02'))).toBe('not_found');
    expect(kinds(sweep(state, '2026-12-03'))).toEqual(['loanDue']);
  });

  it('given a loan first swept after its due date, then only the overdue message; several loans get consecutive numbers', () => {
    const state = orderState();
    const a = delivered(state, { type: 'shortTerm', dueDate: '2026-12-01' });
    const b = delivered(state, { type: 'shortTerm', dueDate: '2026-12-15' });
    const next = state.orderIndex.nextMessageNo;
    const decision = sweep(state, '2026-12-09');
    expect(messagesOf(decision).map((m) => ['loanNo' in m ? m.loanNo : 0, m.kind, m.messageNo])).toEqual([
      [a.loanNo, 'loanOverdue', next],
      [b.loanNo, 'loanDue', next + 1],
    ]);
  });
});

describe('loan.makePermanent and loan.extend', () => {
  it('given a short-term loan, when its prescriber makes it permanent, then no due date and no more messages', () => {
    const state = orderState();
    const { loanNo } = delivered(state, { type: 'shortTerm', dueDate: '2026-12-15' });
    expect(codeOf(run(state, { type: 'loan.makePermanent', userId: 'ot2', loanNo }))).toBe('forbidden');
    const made = run(state, { type: 'loan.makePermanent', userId: 'ot1', loanNo });
    expect(firstEvent(made, 'loan.madePermanent')).toMatchObject({
      previousType: 'shortTerm',
      previousDueDate: '2026-12-15',
    });
    expect(state.loans.get(loanNo)).toMatchObject({ type: 'permanent', dueDate: null });
    expect(codeOf(sweep(state, '2026-12-16'))).toBe('not_found');
    expect(codeOf(run(state, { type: 'loan.makePermanent', userId: 'ot1', loanNo }))).toBe('loan_invalid');
    expect(codeOf(run(state, { type: 'loan.makePermanent', userId: 'ot1', loanNo: 999 }))).toBe('not_found');
  });

  it('given HMC staff, then they may make any loan permanent; a closed loan cannot change (loan_closed)', () => {
    const state = orderState();
    const one = delivered(state, { type: 'trial', dueDate: '2026-12-15' });
    expect(codeOf(run(state, { type: 'loan.makePermanent', userId: 'hmc1', loanNo: one.loanNo }))).toBe('accepted');
    const two = delivered(state, { type: 'trial', dueDate: '2026-12-15' });
    run(state, returned(two.indNo));
    expect(codeOf(run(state, { type: 'loan.makePermanent', userId: 'ot1', loanNo: two.loanNo }))).toBe('loan_closed');
    expect(codeOf(run(state, { type: 'loan.extend', userId: 'ot1', loanNo: two.loanNo, dueDate: '2026-12-18' }))).toBe(
      'loan_closed',
    );
  });

  it('extends within the limit to a later working day, and reminds again for the new date', () => {
    const state = orderState();
    const { loanNo } = delivered(state, { type: 'shortTerm', dueDate: '2026-12-15' });
    expect(kinds(sweep(state, '2026-12-08'))).toEqual(['loanDue']);
    const extend = (dueDate: string, userId = 'ot1') =>
      run(state, { type: 'loan.extend', userId, loanNo, dueDate }, at('2026-12-09'));
    expect(codeOf(extend('2027-01-15', 'ot2'))).toBe('forbidden');
    expect(codeOf(extend('2026-12-15'))).toBe('loan_invalid'); // not later than now
    expect(codeOf(extend('2026-12-14'))).toBe('loan_invalid');
    expect(codeOf(extend('2027-01-06'))).toBe('not_working_day'); // trettondedag jul
    expect(codeOf(extend('2027-05-26'))).toBe('loan_too_long'); // 6 months from the order date 2026-11-25
    expect(codeOf(extend('2026-13-01'))).toBe('invalid_date');
    const ok = extend('2027-01-15');
    expect(firstEvent(ok, 'loan.extended')).toMatchObject({ previousDueDate: '2026-12-15', dueDate: '2027-01-15' });
    expect(codeOf(sweep(state, '2026-12-16'))).toBe('not_found'); // not overdue any more
    expect(codeOf(sweep(state, '2027-01-07'))).toBe('not_found');
    expect(kinds(sweep(state, '2027-01-08'))).toEqual(['loanDue']); // 5 working days before Fri 15 Jan
    expect(
      codeOf(run(state, { type: 'loan.extend', userId: 'hmc1', loanNo, dueDate: '2027-02-01' }, at('2027-01-11'))),
    ).toBe('accepted');
  });
});

describe('loan.list and the rebuilt indexes', () => {
  it('given loans of two prescribers, then HMC sees every due-soon or overdue one, a prescriber their own', () => {
    const state = orderState();
    const mine = delivered(state, { type: 'shortTerm', dueDate: '2026-12-10' });
    const later = delivered(state, { type: 'shortTerm', dueDate: '2027-03-01' });
    const theirs = delivered(state, { type: 'trial', dueDate: '2026-12-04' }, 'ot2');
    const now = at('2026-12-07');
    const list = (userId: string, all = false) => {
      const reply = listLoans(state, state.users.get(userId)!, { all, limit: 500 }, now);
      return reply.ok ? reply.result : null;
    };
    const staff = list('hmc1')!;
    expect(staff.loans.map((l) => [l.loanNo, l.dueState])).toEqual([
      [theirs.loanNo, 'overdue'],
      [mine.loanNo, 'dueSoon'],
    ]);
    expect(staff.loans[1]).toMatchObject({
      indNo: mine.indNo,
      workingDaysLeft: 3,
      patient: { pnr: PNR.resident, name: 'Anna Karlsson', protectedIdentity: false },
      prescriber: { id: 'ot1' },
    });
    expect(list('ot1')!.loans.map((l) => l.loanNo)).toEqual([mine.loanNo]);
    expect(list('ot1', true)!.loans.map((l) => l.loanNo)).toEqual([mine.loanNo, later.loanNo]);
    expect(list('ot2')!.loans.map((l) => l.loanNo)).toEqual([theirs.loanNo]);
  });

  it('given a protected patient, then the list does not name them', () => {
    const state = orderState();
    const orderNo = placedNo(
      run(
        state,
        place({
          recipient: { kind: 'patient', pnr: PNR.protected },
          lines: [rollator({ type: 'shortTerm', dueDate: '2026-12-10' })],
        }),
      ),
    );
    for (const s of ['pick', 'dispatch', 'deliver'] as const) run(state, step(orderNo, s));
    const reply = listLoans(state, state.users.get('hmc1')!, { all: true, limit: 500 }, at('2026-12-07'));
    expect(reply.ok && reply.result.loans[0]!.patient).toMatchObject({
      name: 'Skyddad identitet',
      protectedIdentity: true,
    });
    expect(JSON.stringify(reply)).not.toContain('Hemlig');
  });

  it('given a history of loans, then the indexes rebuilt from the tables equal the live ones', () => {
    const state = orderState();
    const a = delivered(state, { type: 'shortTerm', dueDate: '2026-12-15' });
    delivered(state, { type: 'trial', dueDate: '2026-12-16' });
    delivered(state);
    run(state, returned(a.indNo));
    sweep(state, '2026-12-09');
    const again = rebuilt(state);
    expect(again.loanIndex).toEqual(state.loanIndex);
    expect(again.orderIndex.nextMessageNo).toBe(state.orderIndex.nextMessageNo);
  });
});
