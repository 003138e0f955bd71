// Loans over real WebSockets against the real engine process (LMDB, uWS): order.place with a loan per line (bad input
// and the core's refusals), delivery opening the loan, loan.list (roles, access log, the patient view's loan field),
// loan.extend and loan.makePermanent (who may), and the sweep the engine sends at start: a restart on the same data
// with a loan due within the reminder days messages its prescriber once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, dayNoToDate, swedishDayNo } from '../engine/core/orders/working-days.ts';
import { startEngine, tempDataDir, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

/** Demo data every seed has: a resident patient, crutches (sale), a rollator (rental). */
const ERIK = '19811218-9876';
const ERIK12 = '198112189876';
const CRUTCHES = '100124';
const ROLLATOR = '100104';
const ALL_TIME = { fromMs: 0, toMs: 2 ** 52 };

const dataDir = tempDataDir('loans');
let engine: EngineProcess;
let ot: TestClient;
let pt: TestClient;
let staff: TestClient;
let reviewer: TestClient;

async function connectAll(): Promise<void> {
  [ot, pt, staff, reviewer] = await Promise.all([
    TestClient.connect(engine.wsUrl, 'json'),
    TestClient.connect(engine.wsUrl),
    TestClient.connect(engine.wsUrl),
    TestClient.connect(engine.wsUrl, 'json'),
  ]);
  await Promise.all([ot.login('ot1'), pt.login('pt1'), staff.login('hmc1'), reviewer.login('log1')]);
}
async function closeAll(): Promise<void> {
  await Promise.all([ot, pt, staff, reviewer].map((c) => c?.close()));
}

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny', dataDir });
  await connectAll();
});
afterAll(async () => {
  await closeAll();
  await engine?.stop();
});

/** The working day `n` working days from today (Swedish calendar), as YYYY-MM-DD. */
const workingDaysOn = (n: number) => dayNoToDate(addWorkingDays(swedishDayNo(Date.now()), n));
let key = 0;
const placeArgs = (artNo: string, loan: unknown) => ({
  idempotencyKey: `loan-${++key}`,
  recipient: { kind: 'patient', pnr: ERIK },
  lines: [{ artNo, quantity: 1, loan }],
});

describe('order.place with a loan', () => {
  it('refuses bad input at the edge (invalid_args) and the core rules with their codes, and keeps serving', async () => {
    const bad = [
      { type: 'forever' },
      { type: 'shortTerm', dueDate: '1/2/2027' },
      { type: 'shortTerm', dueDate: '2027-01-15', extra: 1 },
      'shortTerm',
      null,
    ];
    for (const loan of bad) {
      const reply = await ot.request('order.place', placeArgs(ROLLATOR, loan));
      expect(reply.ok ? 'ok' : reply.error.code, JSON.stringify(loan)).toBe('invalid_request');
    }
    const code = async (artNo: string, loan: unknown) => {
      const reply = await ot.request('order.place', placeArgs(artNo, loan));
      return reply.ok ? 'ok' : reply.error.code;
    };
    expect(await code(CRUTCHES, { type: 'shortTerm', dueDate: workingDaysOn(3) })).toBe('loan_invalid');
    expect(await code(ROLLATOR, { type: 'shortTerm' })).toBe('loan_invalid');
    expect(await code(ROLLATOR, { type: 'trial', dueDate: dayNoToDate(swedishDayNo(Date.now()) + 200) })).toBe(
      'loan_too_long',
    );
    const quote = await ot.request('order.quote', {
      recipient: { kind: 'patient', pnr: ERIK },
      lines: [{ artNo: ROLLATOR, quantity: 1, loan: { type: 'permanent' } }],
    });
    expect(quote.ok ? 'ok' : quote.error.code).toBe('invalid_request');
    expect((await ot.call('catalog.article', { artNo: ROLLATOR })).article.artNo).toBe(ROLLATOR);
  });
});

describe('a korttidslån delivered, listed, extended and made permanent', () => {
  let loanNo = 0;
  let indNo = 0;
  const due = workingDaysOn(2);

  it('given ot1 orders a rollator as korttidslån and HMC delivers it, then the patient view shows the loan', async () => {
    const placed = await ot.call('order.place', placeArgs(ROLLATOR, { type: 'shortTerm', dueDate: due }));
    expect(placed.lines[0].loan).toEqual({ type: 'shortTerm', dueDate: due });
    for (const op of ['fulfil.pick', 'fulfil.dispatch', 'fulfil.deliver'])
      await staff.call(op, { orderNo: placed.orderNo });
    const patient = await ot.call('patient.get', { pnr: ERIK });
    const device = patient.devices.find(
      (d: { loan: { orderNo: number } | null }) => d.loan?.orderNo === placed.orderNo,
    );
    expect(device.loan).toMatchObject({ type: 'shortTerm', dueDate: due });
    loanNo = device.loan.loanNo;
    indNo = device.indNo;
    const card = await ot.call('individual.get', { indNo });
    expect(card.loan).toMatchObject({ loanNo, dueDate: due });
  });

  it('loan.list: HMC sees it as due soon, ot1 their own, pt1 not; each patient shown is access-logged', async () => {
    const forStaff = await staff.call('loan.list', {});
    const row = forStaff.loans.find((l: { loanNo: number }) => l.loanNo === loanNo);
    expect(row).toMatchObject({ indNo, dueState: 'dueSoon', patient: { pnr: ERIK12 }, prescriber: { id: 'ot1' } });
    expect((await ot.call('loan.list', { all: true })).loans.map((l: { loanNo: number }) => l.loanNo)).toContain(
      loanNo,
    );
    expect((await pt.call('loan.list', { all: true })).loans).toEqual([]);
    const logged = await reviewer.call('accessLog.user', { userId: 'hmc1', ...ALL_TIME, limit: 500 });
    expect(
      logged.entries.some((e: { action: string; pnr: string }) => e.action === 'loan.list' && e.pnr === ERIK12),
    ).toBe(true);
    const denied = await reviewer.request('loan.list', {});
    expect(denied.ok ? 'ok' : denied.error.code).toBe('forbidden');
    const badArgs = await staff.request('loan.list', { all: 'yes' });
    expect(badArgs.ok ? 'ok' : badArgs.error.code).toBe('invalid_request');
  });

  it('loan.extend and loan.makePermanent: only the prescriber who ordered or HMC, with the core rules', async () => {
    const later = workingDaysOn(10);
    const other = await pt.request('loan.extend', { loanNo, dueDate: later });
    expect(other.ok ? 'ok' : other.error.code).toBe('forbidden');
    const reviewerTry = await reviewer.request('loan.makePermanent', { loanNo });
    expect(reviewerTry.ok ? 'ok' : reviewerTry.error.code).toBe('forbidden');
    const earlier = await ot.request('loan.extend', { loanNo, dueDate: due });
    expect(earlier.ok ? 'ok' : earlier.error.code).toBe('loan_invalid');
    const shape = await ot.request('loan.extend', { loanNo: 'x', dueDate: later });
    expect(shape.ok ? 'ok' : shape.error.code).toBe('invalid_request');
    const missing = await ot.request('loan.makePermanent', { loanNo: 999_999 });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
    await staff.call('subscribe', { topic: 'loans' });
    expect(await ot.call('loan.extend', { loanNo, dueDate: later })).toMatchObject({ loanNo, dueDate: later });
    await expect
      .poll(() => staff.pushes.some((p) => p.topic === 'loans' && (p.event as { loanNo?: number }).loanNo === loanNo))
      .toBe(true);
    expect(await staff.call('loan.makePermanent', { loanNo })).toMatchObject({ loanNo });
    const again = await ot.request('loan.makePermanent', { loanNo });
    expect(again.ok ? 'ok' : again.error.code).toBe('loan_invalid');
    const patient = await ot.call('patient.get', { pnr: ERIK });
    expect(patient.devices.find((d: { indNo: number }) => d.indNo === indNo).loan).toMatchObject({
      type: 'permanent',
      dueDate: null,
    });
  });
});

describe('the sweep at start', () => {
  it('given a loan due in 2 working days, when the engine restarts, then ot1 gets one loanDue message, and only one', async () => {
    const placed = await ot.call('order.place', placeArgs(ROLLATOR, { type: 'trial', dueDate: workingDaysOn(2) }));
    for (const op of ['fulfil.pick', 'fulfil.dispatch', 'fulfil.deliver'])
      await staff.call(op, { orderNo: placed.orderNo });
    const loanMessages = async () =>
      (await ot.call('message.list', {})).messages.filter(
        (m: { kind: string; text: string }) => m.kind === 'loanDue' && m.text.includes(`order ${placed.orderNo}`),
      );
    for (let restart = 0; restart < 2; restart++) {
      await closeAll();
      await engine.stop();
      engine = await startEngine({ scale: 'tiny', dataDir });
      await connectAll();
      for (let tries = 0; tries < 50 && (await loanMessages()).length === 0; tries++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const messages = await loanMessages();
      expect(messages).toHaveLength(1);
      expect(messages[0].text).not.toContain('Erik');
      expect(messages[0].text).not.toContain('19811218');
    }
  });
});
