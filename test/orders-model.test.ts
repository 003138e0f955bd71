// A seeded random workload of placements, cancels, fulfilment steps, date changes and stock adjustments, checked after
// every command against a simple reference model (the auditor): stock conservation, reservations, statuses, queues.
// Seed: ORDERS_MODEL_SEED (default below); it is printed when a check fails, so the run can be replayed.
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/core/commands.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import { stockKey } from '../engine/core/keys.ts';
import type { State } from '../engine/core/state.ts';
import type { Event } from '../schemas/events.ts';
import type { LineStatus } from '../schemas/orders.ts';
import { ART, orderState, place, PNR, run, T0, tablesOf } from './helpers/order-fixture.ts';
import { PATIENTS, prng, randomCommand, USERS } from './helpers/order-workload.ts';
// Issue 15, loans:
import { addWorkingDays, dateToDayNo, dayNoToDate, swedishDayNo } from '../engine/core/orders/working-days.ts';
// Issue 15, recalls:
import { articleRecall, blockedFreeUnits } from '../engine/core/recalls/blocks.ts';
import { saleHoldingsOf } from '../engine/core/returns/sale-holdings.ts';
import type { SaleHolding } from '../engine/core/returns/return-index.ts';

const DEFAULT_SEED = 20261125;
const SEED = Number(process.env.ORDERS_MODEL_SEED ?? DEFAULT_SEED);
const COMMANDS = Number(process.env.ORDERS_MODEL_COMMANDS ?? 3000);
const HOUR_MS = 3_600_000;

/** The auditor's own books: what it was told happened, never read back from the engine's state. */
interface Model {
  onHand: Map<string, number>;
  lines: Map<string, { key: string; quantity: number; status: LineStatus }>;
  dispatched: Map<string, number>;
  adjusted: Map<string, number>;
  initialOnHand: Map<string, number>;
}

function newModel(state: State): Model {
  const onHand = new Map([...state.stock].map(([k, r]) => [k, r.onHand]));
  return { onHand, lines: new Map(), dispatched: new Map(), adjusted: new Map(), initialOnHand: new Map(onHand) };
}

const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);

/** Books the accepted events; checks each transition is one the rules allow. */
function book(model: Model, events: readonly Event[]): void {
  const move = (orderNo: number, lineNo: number, from: readonly LineStatus[], to: LineStatus) => {
    const line = model.lines.get(`${orderNo}:${lineNo}`);
    expect(line, `line ${orderNo}:${lineNo}`).toBeDefined();
    expect(from, `line ${orderNo}:${lineNo} ${line!.status} → ${to}`).toContain(line!.status);
    line!.status = to;
    return line!;
  };
  for (const e of events) {
    switch (e.type) {
      case 'order.placed':
        for (const l of e.order.lines) {
          model.lines.set(`${e.order.orderNo}:${l.lineNo}`, {
            key: stockKey(e.order.warehouse, l.artNo),
            quantity: l.quantity,
            status: l.status,
          });
        }
        break;
      case 'stock.adjusted':
        add(model.onHand, stockKey(e.warehouse, e.artNo), e.delta);
        add(model.adjusted, e.artNo, e.delta);
        break;
      case 'order.lineServed':
        move(e.orderNo, e.lineNo, ['backorder'], 'registered');
        break;
      case 'order.linePicking':
        move(e.orderNo, e.lineNo, ['registered'], 'picking');
        break;
      case 'order.lineDispatched': {
        const line = move(e.orderNo, e.lineNo, ['picking'], 'dispatched');
        add(model.onHand, line.key, -line.quantity);
        add(model.dispatched, e.artNo, line.quantity);
        break;
      }
      case 'order.lineDelivered':
        move(e.orderNo, e.lineNo, ['dispatched'], 'delivered');
        break;
      case 'order.lineCancelled':
        move(e.orderNo, e.lineNo, ['backorder', 'registered', 'picking'], 'cancelled');
        break;
      default:
        break;
    }
  }
}

/** Fails through expect only on a mismatch: expect on every row of every step would dominate the run time. */
function check(ok: boolean, what: string, actual: unknown, expected: unknown): void {
  if (!ok) expect(actual, what).toEqual(expected);
}

/** `blocked`: units of a stock row no backorder may have (issue 15, recalls; none in the plain workload). */
function audit(state: State, model: Model, blocked: (key: string) => number = () => 0): void {
  const reserved = new Map<string, number>();
  for (const line of model.lines.values())
    if (line.status === 'registered' || line.status === 'picking') add(reserved, line.key, line.quantity);
  for (const [key, row] of state.stock) {
    const onHand = model.onHand.get(key) ?? 0;
    const open = reserved.get(key) ?? 0;
    check(row.onHand === onHand, `onHand ${key}`, row.onHand, onHand);
    check(row.reserved === open, `reserved ${key} = open reservations`, row.reserved, open);
    check(
      row.reserved >= 0 && row.onHand >= row.reserved,
      `nothing negative in ${key}`,
      row,
      'reserved ≥ 0 and available ≥ 0',
    );
  }
  // Rental articles are tracked unit by unit: the individuals on a warehouse's shelf (free or picked) match its onHand.
  const shelf = new Map<string, number>();
  for (const ind of state.individuals.values())
    if (ind.location.kind === 'warehouse') add(shelf, `${ind.location.warehouse}:${ind.artNo}`, 1);
  for (const [key, row] of state.stock) {
    if (state.articles.get(row.artNo)!.kind !== 'rental') continue;
    check((shelf.get(key) ?? 0) === row.onHand, `rental units on the shelf of ${key}`, shelf.get(key) ?? 0, row.onHand);
  }
  // The search index's main-warehouse stock bit follows every reservation, dispatch, release and adjustment, and is off
  // while an open recall covers the whole article (issue 15; the recall table says which, not the index).
  const recalled = new Set<string>();
  for (const r of state.recalls.values()) if (r.closedMs === null && r.indNoFrom === null) recalled.add(r.artNo);
  for (const artNo of state.articles.keys()) {
    const row = state.stock.get(`10:${artNo}`);
    const inStock = (row?.onHand ?? 0) - (row?.reserved ?? 0) > 0 && !recalled.has(artNo);
    check(
      state.search.inStockOf(artNo) === inStock,
      `search stock bit of ${artNo}`,
      state.search.inStockOf(artNo),
      inStock,
    );
  }
  // Conservation: per article, onHand + dispatched changes only by adjustments.
  const perArticle = new Map<string, number>();
  const initial = new Map<string, number>();
  for (const row of state.stock.values()) add(perArticle, row.artNo, row.onHand);
  for (const [key, n] of model.initialOnHand) add(initial, key.slice(key.indexOf(':') + 1), n);
  for (const [artNo, onHand] of perArticle) {
    const expected = (initial.get(artNo) ?? 0) + (model.adjusted.get(artNo) ?? 0);
    const actual = onHand + (model.dispatched.get(artNo) ?? 0);
    check(actual === expected, `conservation of ${artNo}`, actual, expected);
  }
  // Statuses agree, and a waiting backorder is never one the stock could serve (strictly oldest first).
  for (const [ref, line] of model.lines) {
    const at = ref.indexOf(':');
    const status = state.orders.get(Number(ref.slice(0, at)))!.lines[Number(ref.slice(at + 1)) - 1].status;
    check(status === line.status, `status of ${ref}`, status, line.status);
  }
  for (const [key, queue] of state.orderIndex.backorders) {
    const head = state.orders.get(queue[0].orderNo)!.lines[queue[0].lineNo - 1];
    const row = state.stock.get(key);
    const free = (row?.onHand ?? 0) - (row?.reserved ?? 0) - blocked(key);
    check(
      head.quantity > free,
      `head of ${key} waits for more than is available (${free})`,
      head.quantity,
      `> ${free}`,
    );
  }
}

describe(`orders under a random workload (seed ${SEED}, ${COMMANDS} commands)`, () => {
  it('keeps stock conserved, reservations equal to open lines, nothing negative, and indexes equal to a rebuild', () => {
    const r = prng(SEED);
    const state = orderState();
    const model = newModel(state);
    const outcomes = new Map<string, number>();
    let i = 0;
    try {
      for (; i < COMMANDS; i++) {
        const command = randomCommand(r, state, i);
        const decision = run(state, command, T0 + i * HOUR_MS);
        add(outcomes, decision.ok ? `${command.type}:ok` : `${command.type}:${decision.code}`, 1);
        if (decision.ok && decision.events.some((e) => e.type === 'stock.adjusted' && e.returned === true))
          add(outcomes, 'return:ok', 1);
        if (decision.ok) book(model, decision.events);
        audit(state, model);
      }
      const tables = tablesOf(state);
      const rebuilt = stateFromTables(tables, state.seq);
      expect(rebuilt.orderIndex).toEqual(state.orderIndex);
      // Who holds what, compared as sets: the order within a patient's list is not part of the state's meaning.
      const held = (s: State) =>
        [...s.individualsByPnr].map(([pnr, list]) => [pnr, [...list].sort((x, y) => x - y)]).sort();
      expect(held(rebuilt)).toEqual(held(state));
    } catch (error) {
      throw new Error(
        `orders model failed at command ${i} with ORDERS_MODEL_SEED=${SEED}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    // The default run must exercise the paths it claims to (another seed may starve one path; its invariants still hold).
    if (SEED !== DEFAULT_SEED) return;
    for (const path of ['order.place:ok', 'order.cancel:ok', 'fulfil.step:ok', 'stock.adjust:ok', 'return:ok']) {
      expect(outcomes.get(path) ?? 0, path).toBeGreaterThan(0);
    }
    const counts = state.orderIndex.lineCounts;
    expect([counts.delivered, counts.cancelled, counts.backorder + counts.registered]).not.toContain(0);
    expect(
      [...state.orders.values()].some((o) => o.lines.some((l) => l.replacedFrom !== null)),
      'a replacement was taken',
    ).toBe(true);
  });
});

// Issue 15, loans: the same workload with loan lines (korttidslån and utprovning due on random working days), pickups,
// sweeps at the command's time, loan.makePermanent and loan.extend. Invariants after every command: every open loan's
// unit is held by its patient; a unit with a loan history held by a patient is on its newest loan, and a closed loan's
// unit is not on it; a due message never goes out twice for one loan, kind and due date, and each goes with its
// loan.reminded; the loan indexes equal a rebuild at the end.
const LOAN_TYPES = ['shortTerm', 'trial'] as const;
const RENTALS = [ART.rollator, ART.showerChair, ART.bed] as const;

/** The next fulfilment step of an open loan order (pick, dispatch or deliver its lines), or null when none is left. */
function nextStep(state: State, orderNo: number): Command | null {
  const statuses = state.orders.get(orderNo)!.lines.map((l) => l.status);
  const step = statuses.includes('registered')
    ? 'pick'
    : statuses.includes('picking')
      ? 'dispatch'
      : statuses.includes('dispatched')
        ? 'deliver'
        : null;
  return step === null ? null : { type: 'fulfil.step', userId: 'hmc1', step, orderNo, lineNos: null };
}

function randomLoanCommand(r: ReturnType<typeof prng>, state: State, i: number, timeMs: number): Command {
  const roll = r.next();
  const today = swedishDayNo(timeMs);
  const open = [...state.loanIndex.timedOpen.keys()];
  const onLoan = [...state.loanIndex.openByIndNo.keys()];
  if (roll < 0.15) {
    const loan =
      r.next() < 0.2
        ? { type: 'permanent' as const }
        : { type: r.pick(LOAN_TYPES), dueDate: dayNoToDate(addWorkingDays(today, r.int(1, 30))) };
    return place({
      userId: r.pick(['ot1', 'ot2'] as const),
      idempotencyKey: `loan${i}`,
      recipient: { kind: 'patient', pnr: r.pick([PNR.resident, PNR.otherResident] as const) },
      lines: [{ artNo: r.pick(RENTALS), quantity: r.int(1, 2), loan }],
      delivery: { partial: r.next() < 0.5 },
    });
  }
  if (roll < 0.4) {
    const steps = state.orderIndex.all.slice(-20).flatMap((orderNo) => nextStep(state, orderNo) ?? []);
    if (steps.length > 0) return r.pick(steps);
  }
  if (roll < 0.5) return { type: 'loan.sweep' };
  if (roll < 0.54 && open.length > 0) {
    return { type: 'loan.makePermanent', userId: r.pick(['ot1', 'ot2', 'hmc1'] as const), loanNo: r.pick(open) };
  }
  if (roll < 0.6 && open.length > 0) {
    const loanNo = r.pick(open);
    const dueDate = dayNoToDate(addWorkingDays(dateToDayNo(state.loans.get(loanNo)!.dueDate!), r.int(1, 30)));
    return { type: 'loan.extend', userId: r.pick(['ot1', 'hmc1'] as const), loanNo, dueDate };
  }
  if (roll < 0.72 && onLoan.length > 0) {
    const ind = state.individuals.get(r.pick(onLoan))!;
    if (ind.location.kind === 'patient' && !state.pickupIndex.waiting.has(ind.indNo) && r.next() < 0.5) {
      return {
        type: 'pickup.create',
        userId: 'ot1',
        pnr: ind.location.pnr,
        indNos: [ind.indNo],
        contactName: 'Anna',
        contactPhone: '035-12 34 56',
        reason: 'Lånet är slut.',
      };
    }
    const back = { warehouse: '10', delta: 1, reason: 'returned' as const, note: '', individuals: [ind.indNo] };
    return { type: 'stock.adjust', userId: 'hmc1', artNo: ind.artNo, ...back };
  }
  if (roll < 0.76) {
    return {
      type: 'stock.adjust',
      userId: 'hmc1',
      warehouse: '10',
      artNo: r.pick(RENTALS),
      delta: 1,
      reason: 'received',
      note: '',
    };
  }
  return randomCommand(r, state, i);
}

function auditLoans(state: State, sent: Set<string>, events: readonly Event[]): void {
  const reminded = new Set(events.flatMap((e) => (e.type === 'loan.reminded' ? [e.messageNo] : [])));
  for (const event of events) {
    if (event.type === 'message.created' && event.message.kind !== 'deliveryDateChanged')
      check(reminded.has(event.message.messageNo), 'a due message goes with its loan.reminded', false, true);
    if (event.type !== 'loan.reminded') continue;
    const key = `${event.loanNo}:${event.kind}:${event.dueDate}`;
    check(!sent.has(key), `due message ${key} sent once`, 'twice', 'once');
    sent.add(key);
  }
  const newest = new Map<number, number>();
  for (const loan of state.loans.values()) {
    newest.set(loan.indNo, Math.max(newest.get(loan.indNo) ?? 0, loan.loanNo));
    const location = state.individuals.get(loan.indNo)!.location;
    const onIt = state.loanIndex.openByIndNo.get(loan.indNo) === loan.loanNo;
    if (loan.closedDate === null) {
      check(
        location.kind === 'patient' && location.pnr === loan.pnr,
        `open loan ${loan.loanNo} held`,
        location,
        loan.pnr,
      );
      check(onIt, `open loan ${loan.loanNo} indexed`, false, true);
    } else check(!onIt, `closed loan ${loan.loanNo} not on its unit`, true, false);
  }
  for (const [indNo, loanNo] of newest) {
    const location = state.individuals.get(indNo)!.location;
    const open = state.loans.get(loanNo)!.closedDate === null;
    check(open === (location.kind === 'patient'), `unit ${indNo} held iff on its newest loan`, location.kind, open);
  }
}

describe(`loans under a random workload (seed ${SEED}, ${COMMANDS} commands)`, () => {
  it('keeps every open loan with its holder, closes loans with the unit, and never sends a due message twice', () => {
    const r = prng(SEED + 15);
    const state = orderState();
    const model = newModel(state);
    const outcomes = new Map<string, number>();
    const sent = new Set<string>();
    let i = 0;
    try {
      for (; i < COMMANDS; i++) {
        const timeMs = T0 + i * HOUR_MS;
        const command = randomLoanCommand(r, state, i, timeMs);
        const decision = run(state, command, timeMs);
        add(outcomes, decision.ok ? `${command.type}:ok` : `${command.type}:${decision.code}`, 1);
        if (!decision.ok) continue;
        for (const e of decision.events) if (e.type.startsWith('loan.')) add(outcomes, e.type, 1);
        book(model, decision.events);
        audit(state, model);
        auditLoans(state, sent, decision.events);
      }
      const tables = tablesOf(state);
      expect(stateFromTables(tables, state.seq).loanIndex).toEqual(state.loanIndex);
    } catch (error) {
      throw new Error(
        `loans model failed at command ${i} with ORDERS_MODEL_SEED=${SEED}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    if (SEED !== DEFAULT_SEED) return;
    for (const path of ['loan.opened', 'loan.closed', 'loan.reminded', 'loan.madePermanent', 'loan.extended']) {
      expect(outcomes.get(path) ?? 0, path).toBeGreaterThan(0);
    }
    const messages = [...state.messages.values()].map((m) => m.kind);
    expect(messages).toContain('loanDue');
    expect(messages).toContain('loanOverdue');
  });
});

// Issue 15, recalls: the same workload with recalls opened, progressed and closed among the commands. Beyond the
// auditor's books above (stock conserved, reservations equal to open lines), the recall invariants: while a recall is
// open, no pick takes a unit it covers or any unit of a wholly recalled article, no order placed after it reserves a
// wholly recalled article (placement refused, serving skipped), and no individual ever leaves the table.
const RECALL_ARTICLES = [ART.rollator, ART.basket, ART.showerChair, ART.wheelchair] as const;

function randomRecallCommand(r: ReturnType<typeof prng>, state: State, i: number): Command {
  const roll = r.next();
  const open = [...state.recalls.values()].filter((x) => x.closedMs === null);
  if (roll < 0.03) {
    const artNo = r.pick(RECALL_ARTICLES);
    const units = state.individualsByArticle.get(artNo) ?? [];
    if (units.length > 0 && r.next() < 0.5) {
      const from = r.pick(units);
      return {
        type: 'recall.create',
        userId: 'hmc1',
        artNo,
        indNoFrom: from,
        indNoTo: from + r.int(0, 3),
        notice: 'n',
      };
    }
    return { type: 'recall.create', userId: 'hmc1', artNo, notice: `Återkallelse ${i}` };
  }
  if (roll < 0.05 && open.length > 0) {
    const recall = r.pick(open);
    const units = (state.individualsByArticle.get(recall.artNo) ?? []).slice(0, 3);
    const entries = units.map((u) => ({ holderKey: `i:${u}`, progress: r.pick(['contacted', 'returned'] as const) }));
    if (entries.length > 0) return { type: 'recall.setProgress', userId: 'hmc1', recallNo: recall.recallNo, entries };
  }
  if (roll < 0.065 && open.length > 0)
    return { type: 'recall.close', userId: 'hmc1', recallNo: r.pick(open).recallNo, force: true, reason: 'modell' };
  return randomCommand(r, state, i);
}

/** The recall invariants of one accepted decision, against the state it was decided on (recalls do not change in it). */
function checkRecallBlocks(state: State, events: readonly Event[]): void {
  const openWhole = (artNo: string) =>
    [...(state.recallIndex.openByArticle.get(artNo) ?? [])]
      .map((n) => state.recalls.get(n)!)
      .find((x) => x.indNoFrom === null);
  for (const e of events) {
    if (e.type === 'order.linePicking') {
      const order = state.orders.get(e.orderNo)!;
      const artNo = order.lines[e.lineNo - 1]!.artNo;
      check(openWhole(artNo) === undefined, `pick of wholly recalled ${artNo}`, artNo, 'not picked');
      for (const indNo of e.individuals) {
        const ind = state.individuals.get(indNo)!;
        const covering = (state.recallIndex.openByArticle.get(ind.artNo) ?? [])
          .map((n) => state.recalls.get(n)!)
          .find(
            (x) => indNo <= x.indNoCeiling && (x.indNoFrom === null || (indNo >= x.indNoFrom && indNo <= x.indNoTo!)),
          );
        check(covering === undefined, `pick of recalled unit ${indNo}`, covering?.recallNo, undefined);
      }
    }
    if (e.type === 'order.placed')
      for (const l of e.order.lines) {
        const whole = openWhole(l.artNo);
        check(
          whole === undefined || l.status === 'backorder',
          `reservation of recalled ${l.artNo}`,
          l.status,
          'backorder',
        );
      }
    if (e.type === 'order.lineServed') {
      check(openWhole(e.artNo) === undefined, `serving of recalled ${e.artNo}`, e.artNo, 'not served');
    }
  }
}

/** Units of a stock row an open recall blocks: all of a wholly recalled article, a range's free units. */
function recallBlocked(state: State, key: string): number {
  const at = key.indexOf(':');
  const [warehouse, artNo] = [key.slice(0, at), key.slice(at + 1)];
  if (articleRecall(state, artNo) !== null) return Number.POSITIVE_INFINITY;
  return blockedFreeUnits(state, warehouse, artNo);
}

describe(`Issue 15, recalls: orders and recalls under a random workload (seed ${SEED}, ${COMMANDS} commands)`, () => {
  it('never picks or reserves a recalled unit or article, keeps stock and individuals conserved, and rebuilds the same index', () => {
    const r = prng(SEED + 15);
    const state = orderState();
    const model = newModel(state);
    const initialUnits = [...state.individuals.keys()];
    const outcomes = new Map<string, number>();
    let i = 0;
    try {
      for (; i < COMMANDS; i++) {
        const command = randomRecallCommand(r, state, i);
        const decision = run(state, command, T0 + i * HOUR_MS);
        add(outcomes, decision.ok ? `${command.type}:ok` : `${command.type}:${decision.code}`, 1);
        if (!decision.ok) continue;
        checkRecallBlocks(state, decision.events);
        book(model, decision.events);
        audit(state, model, (key) => recallBlocked(state, key));
      }
      for (const indNo of initialUnits) check(state.individuals.has(indNo), `individual ${indNo} kept`, false, true);
      const tables = tablesOf(state);
      expect(stateFromTables(tables, state.seq).recallIndex).toEqual(state.recallIndex);
    } catch (error) {
      throw new Error(
        `recalls model failed at command ${i} with ORDERS_MODEL_SEED=${SEED}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    if (SEED !== DEFAULT_SEED) return;
    for (const path of ['recall.create:ok', 'recall.setProgress:ok', 'recall.close:ok', 'order.place:article_recalled'])
      expect(outcomes.get(path) ?? 0, path).toBeGreaterThan(0);
  });
});

// Issue 15, returns: the same workload with de-registrations of sale articles (all three dispositions, with and without
// a buffer, sometimes more than held) and HMC's receipts of sent-back returns. The auditor keeps its own books of what
// each patient holds and what became of every de-registered unit, and checks per sale article that stock is conserved:
// onHand + on its way to or at a care unit + in patients' hands + kept + discarded + sent back = initial + adjustments.
describe(`returns under a random workload (seed ${SEED})`, () => {
  const SALE = [ART.basket, ART.mattress] as const;
  interface ReturnBooks {
    /** orderNo:lineNo → patient and article of a placed line (null patient: a care unit's order). */
    placed: Map<string, { pnr: string | null; artNo: string; quantity: number }>;
    /** pnr:artNo → units the patient holds by the auditor's books. */
    held: Map<string, number>;
    /** warehouse:artNo → units kept in a buffer. */
    kept: Map<string, number>;
    /** artNo → units delivered to patients, discarded at a buffer, sent back to HMC. */
    toPatients: Map<string, number>;
    discarded: Map<string, number>;
    sentBack: Map<string, number>;
  }
  const books = (): ReturnBooks => ({
    placed: new Map(),
    held: new Map(),
    kept: new Map(),
    toPatients: new Map(),
    discarded: new Map(),
    sentBack: new Map(),
  });

  function bookReturns(state: State, b: ReturnBooks, events: readonly Event[]): void {
    for (const e of events) {
      if (e.type === 'order.placed') {
        const pnr = e.order.recipient.kind === 'patient' ? e.order.recipient.pnr : null;
        for (const l of e.order.lines)
          b.placed.set(`${e.order.orderNo}:${l.lineNo}`, { pnr, artNo: l.artNo, quantity: l.quantity });
      }
      if (e.type === 'order.lineDelivered') {
        const line = b.placed.get(`${e.orderNo}:${e.lineNo}`)!;
        if (line.pnr === null || state.articles.get(line.artNo)!.kind !== 'sale') continue;
        add(b.held, `${line.pnr}:${line.artNo}`, line.quantity);
        add(b.toPatients, line.artNo, line.quantity);
      }
      if (e.type === 'return.registered') {
        const { record } = e;
        for (const l of record.lines) {
          const key = `${record.pnr}:${l.artNo}`;
          expect(b.held.get(key) ?? 0, `de-registered ${key} was held`).toBeGreaterThanOrEqual(l.quantity);
          add(b.held, key, -l.quantity);
          if (record.disposition === 'keep') add(b.kept, `${record.warehouse}:${l.artNo}`, l.quantity);
          if (record.disposition === 'discard') add(b.discarded, l.artNo, l.quantity);
          if (record.disposition === 'sendBack') add(b.sentBack, l.artNo, l.quantity);
        }
      }
    }
  }

  /** Every patient's sale holdings (the core works them out per patient; the model audits them all). */
  function allHoldings(state: State): [string, Map<string, SaleHolding>][] {
    const out: [string, Map<string, SaleHolding>][] = [];
    for (const pnr of state.orderIndex.byPnr.keys()) {
      const held = saleHoldingsOf(state, pnr);
      if (held.size > 0) out.push([pnr, held]);
    }
    return out;
  }

  function auditReturns(state: State, model: Model, b: ReturnBooks): void {
    for (const [key, n] of b.held) {
      const at = key.indexOf(':');
      const actual = saleHoldingsOf(state, key.slice(0, at)).get(key.slice(at + 1))?.quantity ?? 0;
      check(n >= 0 && actual === n, `held ${key}`, actual, n);
    }
    for (const [key, n] of b.kept) {
      const at = key.indexOf(':');
      const actual = state.returnIndex.keptByBuffer.get(key.slice(0, at))?.get(key.slice(at + 1)) ?? 0;
      check(actual === n, `kept ${key}`, actual, n);
    }
    for (const artNo of SALE) {
      let onHand = 0;
      for (const row of state.stock.values()) if (row.artNo === artNo) onHand += row.onHand;
      let kept = 0;
      for (const perBuffer of state.returnIndex.keptByBuffer.values()) kept += perBuffer.get(artNo) ?? 0;
      let held = 0;
      for (const [, perPatient] of allHoldings(state)) held += perPatient.get(artNo)?.quantity ?? 0;
      const away = (model.dispatched.get(artNo) ?? 0) - (b.toPatients.get(artNo) ?? 0);
      const accounted = onHand + away + held + kept + (b.discarded.get(artNo) ?? 0) + (b.sentBack.get(artNo) ?? 0);
      let initial = 0;
      for (const [key, n] of model.initialOnHand) if (key.endsWith(`:${artNo}`)) initial += n;
      const expected = initial + (model.adjusted.get(artNo) ?? 0);
      check(accounted === expected, `sale units of ${artNo} accounted for`, accounted, expected);
    }
  }

  function returnCommand(r: ReturnType<typeof prng>, state: State, i: number): Command {
    const roll = r.next();
    if (roll < 0.12) {
      // De-register: a patient with sale articles, sometimes one unit more than held, from ot1 (B101) or ot2 (none).
      const holders = allHoldings(state);
      if (holders.length > 0) {
        const [pnr, held] = r.pick(holders);
        const [artNo, holding] = r.pick([...held]);
        const withBuffer = r.next() < 0.9;
        return {
          type: 'return.register',
          userId: withBuffer ? 'ot1' : 'ot2',
          workplaceId: withBuffer ? 'w1' : 'w2',
          pnr,
          disposition: r.pick(['discard', 'sendBack', 'keep'] as const),
          lines: [{ artNo, quantity: r.int(1, holding.quantity + (r.next() < 0.2 ? 1 : 0)) }],
        };
      }
    }
    if (roll < 0.18 && state.returnIndex.pending.size > 0) {
      const pending = [...state.returnIndex.pending];
      const returnNo = pending.length > 0 && r.next() < 0.9 ? r.pick(pending) : r.int(1, state.returns.size + 1);
      return { type: 'return.receive', userId: 'hmc1', returnNo, outcome: r.next() < 0.7 ? 'stock' : 'discard' };
    }
    if (roll < 0.3) {
      // Sale articles to patients, from warehouse 10 or (ot1) the buffer, so there is something to de-register.
      const userId = r.pick(USERS);
      return place({
        userId,
        idempotencyKey: `s${i}`,
        recipient: { kind: 'patient', pnr: r.pick(PATIENTS) },
        lines: [{ artNo: r.pick(SALE), quantity: r.int(1, 3) }],
        source: userId === 'ot1' && r.next() < 0.4 ? 'buffer' : 'main',
      });
    }
    if (roll < 0.5 && state.orderIndex.open.size > 0) {
      // Move an open order one step on, so sale lines reach their patients.
      const orderNo = r.pick([...state.orderIndex.open]);
      const status = state.orders
        .get(orderNo)!
        .lines.find((l) => l.status !== 'delivered' && l.status !== 'cancelled')?.status;
      const step = status === 'picking' ? 'dispatch' : status === 'dispatched' ? 'deliver' : 'pick';
      return { type: 'fulfil.step', userId: 'hmc1', step, orderNo, lineNos: null };
    }
    if (roll < 0.55) {
      return {
        type: 'stock.adjust',
        userId: 'hmc1',
        warehouse: r.next() < 0.8 ? '10' : 'B101',
        artNo: r.pick(SALE),
        delta: r.int(1, 6),
        reason: 'received',
        note: '',
      };
    }
    return randomCommand(r, state, i);
  }

  it('keeps sale units conserved, holdings never negative, kept units out of the balance, and the index rebuildable', () => {
    const r = prng(SEED + 15);
    const state = orderState();
    const model = newModel(state);
    const b = books();
    const outcomes = new Map<string, number>();
    let i = 0;
    try {
      for (; i < COMMANDS; i++) {
        const command = returnCommand(r, state, i);
        const decision = run(state, command, T0 + i * HOUR_MS);
        const disposition = command.type === 'return.register' ? `:${command.disposition}` : '';
        add(outcomes, `${command.type}${disposition}:${decision.ok ? 'ok' : decision.code}`, 1);
        if (decision.ok) {
          book(model, decision.events);
          bookReturns(state, b, decision.events);
        }
        audit(state, model);
        auditReturns(state, model, b);
      }
      const tables = tablesOf(state);
      expect(stateFromTables(tables, state.seq).returnIndex).toEqual(state.returnIndex);
    } catch (error) {
      throw new Error(
        `returns model failed at command ${i} with ORDERS_MODEL_SEED=${SEED}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    if (SEED !== DEFAULT_SEED) return;
    const paths = [
      'return.register:discard:ok',
      'return.register:sendBack:ok',
      'return.register:keep:ok',
      'return.register:keep:no_buffer_warehouse',
      'return.receive:ok',
      'order.place:insufficient_stock',
    ];
    for (const path of paths) expect(outcomes.get(path) ?? 0, path).toBeGreaterThan(0);
    expect(
      [...outcomes.keys()].some((k) => k.endsWith(':not_held')),
      'more than held is refused',
    ).toBe(true);
  });
});
