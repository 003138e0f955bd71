// The `history` seed scale at a small size: deterministic, schema-valid, and consistent with the core's rules — every
// rental unit's orders and pickups alternate and end where the register says it is, stock holds only the open orders'
// reservations, nothing is delivered on a day off, and the core's indexes rebuilt from the rows agree with what the
// generator made. The newer kinds of rows (messages, care-unit orders, access log, …): history-seed-activity.test.ts.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type Individual, StockRow } from '../schemas/entities.ts';
import { Order } from '../schemas/orders.ts';
import { Deviation } from '../schemas/deviations.ts';
import { Loan } from '../schemas/loans.ts';
import { Pickup } from '../schemas/pickups.ts';
import { WorkOrder } from '../schemas/work-orders.ts';
import { stockKey } from '../engine/core/keys.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import { isOpen } from '../engine/core/orders/order-index.ts';
import { OPEN_WINDOW_WORKING_DAYS } from '../engine/seed/history/history-open-orders.ts';
import { dateToDayNo, isWorkingDay, swedishDayNo } from '../engine/core/orders/working-days.ts';
import type { Tables } from '../engine/core/state.ts';
import type { HistorySummary } from '../engine/seed/history/generate-history.ts';
import { historyOrders, historyTables, SIZE, YEARS } from './history-seed-fixture.ts';

const MS_PER_DAY = 86_400_000;

function digest(tables: Tables): string {
  const hash = createHash('sha256');
  for (const [name, map] of Object.entries(tables) as [string, Map<string | number, unknown>][]) {
    hash.update(name);
    for (const [key, value] of map) hash.update(JSON.stringify([key, value]));
  }
  return hash.digest('hex');
}

function failures<T>(schema: z.ZodType<T>, rows: Iterable<unknown>): string[] {
  const out: string[] = [];
  for (const row of rows) if (!schema.safeParse(row).success) out.push(JSON.stringify(row).slice(0, 200));
  return out.slice(0, 5);
}

type UnitEvent =
  | { kind: 'delivered'; day: number; placedDay: number; pnr: string }
  | { kind: 'pickedUp'; day: number; returnedDay: number; pnr: string };

/** Every unit's deliveries and pickups, in time order. */
function unitEvents(tables: Tables): Map<number, UnitEvent[]> {
  const events = new Map<number, UnitEvent[]>();
  const push = (indNo: number, e: UnitEvent) => {
    const list = events.get(indNo);
    if (list === undefined) events.set(indNo, [e]);
    else list.push(e);
  };
  for (const order of tables.orders.values()) {
    if (order.recipient.kind !== 'patient') continue;
    for (const line of order.lines)
      for (const indNo of line.status === 'delivered' ? line.individuals : [])
        push(indNo, {
          kind: 'delivered',
          day: dateToDayNo(line.deliveredDate!),
          placedDay: swedishDayNo(order.placedMs),
          pnr: order.recipient.pnr,
        });
  }
  for (const pickup of tables.pickups.values())
    for (const unit of pickup.units)
      push(unit.indNo, {
        kind: 'pickedUp',
        day: swedishDayNo(pickup.placedMs),
        returnedDay: swedishDayNo(unit.returnedMs!),
        pnr: pickup.pnr,
      });
  for (const list of events.values()) list.sort((a, b) => a.day - b.day || (a.kind === 'delivered' ? -1 : 1));
  return events;
}

/** What is wrong with one unit's chain of holders, or undefined. */
function chainError(unit: Individual, events: readonly UnitEvent[]): string | undefined {
  let holder: string | null = null;
  let freeFromDay = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    if (e.kind === 'delivered') {
      if (holder !== null) return `${unit.indNo} delivered to ${e.pnr} while ${holder} holds it`;
      if (e.placedDay < freeFromDay) return `${unit.indNo} ordered before it came back`;
      holder = e.pnr;
    } else {
      if (holder !== e.pnr) return `${unit.indNo} picked up from ${e.pnr}, held by ${holder}`;
      if (e.returnedDay < e.day) return `${unit.indNo} returned before its pickup`;
      holder = null;
      freeFromDay = e.returnedDay;
    }
  }
  const now = unit.location.kind === 'patient' ? unit.location.pnr : null;
  if (events.length > 0 && holder !== now) return `${unit.indNo} ends with ${holder}, register says ${now}`;
  return undefined;
}

describe('history seed (small)', () => {
  let tables: Tables;
  let summary: HistorySummary;
  beforeAll(() => {
    ({ tables, summary } = historyTables(7));
  });

  it('is deterministic: the same seed gives the same tables, another seed others', () => {
    expect(digest(historyTables(7).tables)).toBe(digest(tables));
    expect(digest(historyTables(8).tables)).not.toBe(digest(tables));
  });

  it('has history: orders with rental and sale lines, pickups and work orders with comments', () => {
    expect(summary.orders).toBeGreaterThan(summary.deviceUsers * YEARS);
    expect(summary.lines).toBeGreaterThan(summary.orders);
    expect(summary.pickups).toBeGreaterThan(0);
    expect(summary.workOrders).toBeGreaterThan(0);
    expect(summary.deviceUsers).toBeGreaterThan(SIZE.persons * 0.05);
    expect(summary.deviceUsers).toBeLessThan(SIZE.persons * 0.2);
    expect([...tables.workOrders.values()].some((w) => w.comments.length > 0)).toBe(true);
    const holders = [...unitEvents(tables).values()].map((list) => new Set(list.map((e) => e.pnr)).size);
    expect(Math.max(...holders)).toBeGreaterThan(1);
  });

  it('every row passes its schema and sits under its key', () => {
    expect(failures(Order, tables.orders.values())).toEqual([]);
    expect(failures(Pickup, tables.pickups.values())).toEqual([]);
    expect(failures(WorkOrder, tables.workOrders.values())).toEqual([]);
    expect(failures(Loan, tables.loans.values())).toEqual([]);
    expect(failures(Deviation, tables.deviations.values())).toEqual([]);
    for (const [k, v] of tables.deviations) expect(v.deviationNo).toBe(k);
    expect(failures(StockRow, tables.stock.values())).toEqual([]);
    for (const [k, v] of tables.orders) expect(v.orderNo).toBe(k);
    for (const [k, v] of tables.pickups) expect(v.pickupNo).toBe(k);
    for (const [k, v] of tables.workOrders) expect(v.woNo).toBe(k);
  });

  it('conserves stock and units: nothing negative, rental stock is the units in each warehouse', () => {
    const inWarehouse = new Map<string, number>();
    for (const unit of tables.individuals.values())
      if (unit.location.kind === 'warehouse') {
        const key = stockKey(unit.location.warehouse, unit.artNo);
        inWarehouse.set(key, (inWarehouse.get(key) ?? 0) + 1);
      }
    // Reservations are the open lines' (registered or in picking), as the orders model's auditor books them.
    const reserved = new Map<string, number>();
    for (const order of tables.orders.values())
      for (const line of order.lines)
        if (line.status === 'registered' || line.status === 'picking') {
          const key = stockKey(order.warehouse, line.artNo);
          reserved.set(key, (reserved.get(key) ?? 0) + line.quantity);
        }
    for (const [key, row] of tables.stock) {
      expect(row.onHand, key).toBeGreaterThanOrEqual(0);
      expect(row.reserved, key).toBe(reserved.get(key) ?? 0);
      expect(row.onHand - row.reserved, key).toBeGreaterThanOrEqual(0);
      if (tables.articles.get(row.artNo)!.kind === 'rental') expect(inWarehouse.get(key) ?? 0, key).toBe(row.onHand);
    }
    for (const order of tables.orders.values())
      for (const line of order.lines) {
        expect(line.quantity).toBeGreaterThanOrEqual(1);
        expect(line.individuals.length).toBeLessThanOrEqual(line.quantity);
      }
  });

  it("keeps every unit's chain of holders whole, ending where the register says it is", () => {
    const events = unitEvents(tables);
    const errors: string[] = [];
    for (const [indNo, list] of events) {
      const error = chainError(tables.individuals.get(indNo)!, list);
      if (error !== undefined) errors.push(error);
    }
    expect(errors.slice(0, 5)).toEqual([]);
    for (const unit of tables.individuals.values())
      if (unit.location.kind === 'patient') expect(events.has(unit.indNo), `${unit.indNo}`).toBe(true);
  });

  it('the chain check catches a broken history (a pickup from someone who does not hold the unit)', () => {
    const events = unitEvents(tables);
    const [indNo, list] = [...events].find(([, l]) => l.some((e) => e.kind === 'pickedUp'))!;
    const broken = list.map((e) => (e.kind === 'pickedUp' ? { ...e, pnr: 'nobody' } : e));
    expect(chainError(tables.individuals.get(indNo)!, broken)).toMatch(/picked up from nobody/);
  });

  it('delivers, picks and returns on working days only, in date order; only the last days hold open orders', () => {
    const windowMs = (OPEN_WINDOW_WORKING_DAYS + 4) * MS_PER_DAY;
    const lastMs = Math.max(...historyOrders(tables).map((o) => o.placedMs));
    for (const order of historyOrders(tables).filter(isOpen)) {
      expect(order.placedMs, `${order.orderNo}`).toBeGreaterThan(lastMs - windowMs);
      for (const line of order.lines) expect(['registered', 'picking', 'backorder']).toContain(line.status);
    }
    for (const order of historyOrders(tables).filter((o) => !isOpen(o)))
      for (const line of order.lines) {
        expect(line.status).toBe('delivered');
        const [pick, delivered] = [dateToDayNo(line.pickDate!), dateToDayNo(line.deliveredDate!)];
        expect(isWorkingDay(pick), line.pickDate!).toBe(true);
        expect(isWorkingDay(delivered), line.deliveredDate!).toBe(true);
        expect(swedishDayNo(order.placedMs)).toBeLessThan(pick);
        expect(pick).toBeLessThan(delivered);
      }
    for (const pickup of tables.pickups.values()) {
      expect(pickup.status).toBe('collected');
      for (const unit of pickup.units) expect(isWorkingDay(swedishDayNo(unit.returnedMs!))).toBe(true);
    }
    for (const wo of tables.workOrders.values())
      for (const c of wo.comments) expect(c.timeMs).toBeGreaterThanOrEqual(wo.createdMs);
    expect(summary.deviations).toBeGreaterThan(0);
    for (const d of tables.deviations.values()) {
      expect(d.statusChangedMs).toBeGreaterThanOrEqual(d.createdMs);
      expect(tables.individuals.get(d.indNo!)!.artNo).toBe(d.artNo);
    }
  });

  it('numbers orders, pickups and work orders in the order they were placed', () => {
    const times = (rows: Iterable<number>) => [...rows];
    const history = historyOrders(tables);
    const orderTimes = times(history.sort((a, b) => a.orderNo - b.orderNo).map((o) => o.placedMs));
    expect(orderTimes).toEqual([...orderTimes].sort((a, b) => a - b));
    const pickupTimes = [...tables.pickups.values()].sort((a, b) => a.pickupNo - b.pickupNo).map((p) => p.placedMs);
    expect(pickupTimes).toEqual([...pickupTimes].sort((a, b) => a - b));
    expect(history.length).toBe(summary.orders);
  });

  it('stateFromTables rebuilds indexes that agree with the rows the generator made', () => {
    const state = stateFromTables(tables, 0);
    const index = state.orderIndex;
    expect(index.all.length).toBe(tables.orders.size);
    const seedOpen = [...tables.orders.values()].filter((o) => !o.idempotencyKey.startsWith('history-') && isOpen(o));
    expect(summary.openOrders).toBeGreaterThan(0);
    expect(index.open.size).toBe(seedOpen.length + summary.openOrders);
    let lines = 0;
    const lineCounts = { registered: 0 };
    const byPnr = new Map<string, number[]>();
    for (const order of tables.orders.values()) {
      lines += order.lines.filter((l) => l.status === 'delivered').length;
      lineCounts.registered += order.lines.filter((l) => l.status === 'registered').length;
      if (order.recipient.kind === 'patient')
        byPnr.set(order.recipient.pnr, [...(byPnr.get(order.recipient.pnr) ?? []), order.orderNo]);
    }
    expect(index.lineCounts.delivered).toBe(lines);
    expect(index.lineCounts.registered).toBe(lineCounts.registered);
    expect(new Set(index.byPnr.keys())).toEqual(new Set(byPnr.keys()));
    for (const [pnr, nos] of byPnr) expect([...index.byPnr.get(pnr)!].sort()).toEqual(nos.sort());
    expect(index.nextOrderNo).toBe(Math.max(...tables.orders.keys()) + 1);
    expect(state.pickupIndex.all.length).toBe(tables.pickups.size);
    expect(state.pickupIndex.waiting.size).toBe(0);
    expect(state.workOrderIndex.all.length).toBe(tables.workOrders.size);
    expect(state.workOrderIndex.nextWoNo).toBe(Math.max(...tables.workOrders.keys()) + 1);
    const held = [...tables.individuals.values()].filter((u) => u.location.kind === 'patient').length;
    expect([...state.individualsByPnr.values()].reduce((n, list) => n + list.length, 0)).toBe(held);
  });

  it('opens a loan with every rental delivery and closes it with the pickup; held units have one open loan', () => {
    const deliveries = historyOrders(tables).flatMap((o) =>
      o.lines.filter((l) => l.individuals.length > 0 && l.status === 'delivered'),
    );
    expect(tables.loans.size).toBe(deliveries.length);
    expect(summary.loans).toBe(deliveries.length);
    const open = new Map<number, Loan>();
    for (const loan of tables.loans.values()) {
      const order = tables.orders.get(loan.orderNo)!;
      const line = order.lines.find((l) => l.lineNo === loan.lineNo)!;
      expect(line.individuals).toEqual([loan.indNo]);
      expect(order.recipient).toEqual({ kind: 'patient', pnr: loan.pnr });
      expect(loan.type).toBe(line.loan?.type ?? 'permanent');
      if (loan.dueDate !== null) {
        expect(isWorkingDay(dateToDayNo(loan.dueDate))).toBe(true);
        expect(loan.dueDate > loan.orderDate).toBe(true);
      }
      if (loan.closedDate === null) {
        expect(open.has(loan.indNo), `${loan.indNo} has two open loans`).toBe(false);
        open.set(loan.indNo, loan);
      } else expect(loan.closedDate >= loan.openedDate).toBe(true);
    }
    for (const [indNo, loan] of open)
      expect(tables.individuals.get(indNo)!.location).toEqual({ kind: 'patient', pnr: loan.pnr });
    const state = stateFromTables(tables, 0);
    expect(new Map(state.loanIndex.openByIndNo)).toEqual(
      new Map([...open].map(([indNo, loan]) => [indNo, loan.loanNo])),
    );
    expect([...tables.loans.values()].some((l) => l.type !== 'permanent')).toBe(true);
  });

  it('has no order time outside the window', () => {
    const lastMs = Math.max(...[...tables.orders.values()].map((o) => o.placedMs));
    const firstMs = Math.min(...[...tables.orders.values()].map((o) => o.placedMs));
    expect(lastMs - firstMs).toBeLessThanOrEqual(YEARS * 366 * MS_PER_DAY);
  });
});
