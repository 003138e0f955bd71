// The history seed's activity beyond the rental chains, at a small size: generated prescribers, care-unit orders,
// buffer withdrawals, served backorders, open orders (consistent with the core's open set, backorder queues and taken
// units), messages that refer to existing orders and loans, and access-log entries in time order that refer to
// existing persons, users and rows, appended to a store batch by batch.
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { User } from '../schemas/entities.ts';
import { Message } from '../schemas/orders.ts';
import type { NewAccessEntry } from '../schemas/access-log.ts';
import { stockKey } from '../engine/core/keys.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import { isOpen } from '../engine/core/orders/order-index.ts';
import { NOTE_NO_STOCK } from '../engine/core/orders/plan-order.ts';
import { plannedDates } from '../engine/core/orders/working-days.ts';
import type { State, Tables } from '../engine/core/state.ts';
import type { HistorySummary } from '../engine/seed/history/generate-history.ts';
import { historyAccessEntries } from '../engine/seed/history/history-access-log.ts';
import { appendAccessLog } from '../engine/seed/seed-store.ts';
import { MemoryStore } from '../engine/store/memory-store.ts';
import { historyOrders, historyTables, SIZE } from './history-seed-fixture.ts';

const SEED = 7;

function failures<T>(schema: z.ZodType<T>, rows: Iterable<unknown>): string[] {
  const out: string[] = [];
  for (const row of rows) if (!schema.safeParse(row).success) out.push(JSON.stringify(row).slice(0, 200));
  return out.slice(0, 5);
}

/** What is wrong with an access-log entry, or undefined: its person, user, workplace and shown row must exist. */
function entryError(tables: Tables, e: NewAccessEntry): string | undefined {
  const user = tables.users.get(e.userId);
  if (user === undefined || user.name !== e.userName) return `no user ${e.userId}`;
  if (!user.workplaces.some((w) => w.id === e.workplaceId && w.name === e.workplaceName))
    return `${e.userId} does not work at ${e.workplaceId}`;
  if (!tables.persons.has(e.pnr)) return `no person ${e.pnr}`;
  const { kind, no } = e.shown;
  const row =
    kind === 'person'
      ? { pnr: e.pnr }
      : kind === 'order'
        ? tables.orders.get(no!)
        : kind === 'pickup'
          ? tables.pickups.get(no!)
          : kind === 'workOrder'
            ? tables.workOrders.get(no!)
            : kind === 'deviation'
              ? tables.deviations.get(no!)
              : undefined;
  if (row === undefined) return `${kind} ${no} does not exist`;
  const pnr = 'recipient' in row ? (row.recipient as { pnr?: string }).pnr : row.pnr;
  if (pnr !== e.pnr) return `${kind} ${no} is not about ${e.pnr}`;
  return undefined;
}

describe('history seed activity (small)', () => {
  let tables: Tables;
  let summary: HistorySummary;
  let state: State;
  beforeAll(() => {
    ({ tables, summary } = historyTables(SEED));
    state = stateFromTables(tables, 0);
  });

  it('has a region of prescribers besides the demo users, each with a share of the orders', () => {
    const prescribers = [...tables.users.values()].filter((u) => u.roles.includes('prescriber'));
    expect(prescribers.length).toBe(SIZE.prescribers);
    expect(failures(User, tables.users.values())).toEqual([]);
    for (const id of ['ot1', 'pt1', 'slp1', 'nurse1']) expect(tables.users.get(id)!.passwordHash).toMatch(/^scrypt\$/);
    const ordering = new Set(historyOrders(tables).map((o) => o.prescriberId));
    expect(ordering.size).toBe(SIZE.prescribers);
    for (const order of historyOrders(tables)) {
      const place = tables.users.get(order.prescriberId)!.workplaces.find((w) => w.id === order.workplaceId);
      expect(place, `${order.orderNo}`).toBeDefined();
      expect(order.customerNo).toBe(place!.customerNo);
    }
    expect(state.orderIndex.byPrescriber.get('ot1')!.length).toBeGreaterThan(0);
  });

  it('has care-unit orders, buffer withdrawals and backorders that were served', () => {
    const history = historyOrders(tables);
    const careUnit = history.filter((o) => o.recipient.kind === 'careUnit');
    expect(careUnit.length).toBe(summary.careUnitOrders);
    expect(careUnit.length).toBeGreaterThan(0);
    for (const o of careUnit) {
      expect(o.recipient).toEqual({ kind: 'careUnit', customerNo: o.customerNo });
      expect(state.orderIndex.byCustomer.get(o.customerNo)).toContain(o.orderNo);
    }
    const buffer = history.filter((o) => o.warehouse !== '10');
    expect(buffer.length).toBeGreaterThan(0);
    for (const o of buffer) {
      const place = tables.users.get(o.prescriberId)!.workplaces.find((w) => w.id === o.workplaceId)!;
      expect(place.bufferWarehouse).toBe(o.warehouse);
      for (const line of o.lines) expect(tables.stock.has(stockKey(o.warehouse, line.artNo))).toBe(true);
    }
    const served = history.filter((o) => o.lines.some((l) => l.status === 'delivered' && l.note === NOTE_NO_STOCK));
    expect(served.length).toBeGreaterThan(0);
    for (const o of served) expect(o.plannedPickDate! > plannedDates(o.placedMs).plannedPickDate).toBe(true);
    for (const o of history) expect(new Set(o.lines.map((l) => l.artNo)).size).toBe(o.lines.length);
  });

  it('has open orders the core indexes agree with: reservations, backorder queues and taken units', () => {
    const open = historyOrders(tables).filter(isOpen);
    expect(open.length).toBe(summary.openOrders);
    for (const o of open) expect(state.orderIndex.open.has(o.orderNo)).toBe(true);
    const statuses = new Set(open.flatMap((o) => o.lines.map((l) => l.status)));
    expect([...statuses].sort()).toEqual(['backorder', 'picking', 'registered']);
    expect(state.orderIndex.taken.size).toBeGreaterThan(0);
    for (const [key, queue] of state.orderIndex.backorders) {
      const head = state.orders.get(queue[0].orderNo)!.lines[queue[0].lineNo - 1];
      const row = state.stock.get(key)!;
      expect(head.quantity, key).toBeGreaterThan(row.onHand - row.reserved);
    }
    for (const o of open.filter((x) => x.lines.some((l) => l.status === 'backorder')))
      expect(o.plannedDeliveryDate).toBeNull();
    for (const [indNo, orderNo] of state.orderIndex.taken) {
      const unit = tables.individuals.get(indNo)!;
      const order = tables.orders.get(orderNo)!;
      expect(unit.location).toEqual({ kind: 'warehouse', warehouse: order.warehouse });
      expect(state.loanIndex.openByIndNo.has(indNo)).toBe(false);
    }
  });

  it('has messages that refer to existing orders and loans of their recipient, numbered by time', () => {
    const messages = [...tables.messages.values()];
    expect(messages.length).toBe(summary.messages);
    expect(failures(Message, messages)).toEqual([]);
    const kinds = new Set(messages.map((m) => m.kind));
    expect(kinds).toEqual(new Set(['deliveryDateChanged', 'loanDue', 'loanOverdue', 'deviationUpdated']));
    for (const [no, m] of tables.messages) {
      expect(m.messageNo).toBe(no);
      if (m.kind === 'deliveryDateChanged') {
        const order = tables.orders.get(m.orderNo)!;
        expect(order.prescriberId).toBe(m.userId);
        expect(order.plannedDeliveryDate).toBe(m.newDate);
        expect(m.previousDate! < m.newDate).toBe(true);
        expect(m.timeMs).toBeGreaterThan(order.placedMs);
        expect(m.text).toContain(`order ${m.orderNo}`);
      } else if (m.kind === 'loanDue' || m.kind === 'loanOverdue') {
        const loan = tables.loans.get(m.loanNo)!;
        expect([loan.prescriberId, loan.indNo, loan.dueDate]).toEqual([m.userId, m.indNo, m.dueDate]);
        expect(m.kind === 'loanDue' ? loan.remindedFor : loan.overdueFor).toBe(m.dueDate);
        expect(m.text).toContain(`order ${loan.orderNo}`);
      }
      if (m.kind === 'deviationUpdated') {
        const deviation = tables.deviations.get(m.deviationNo)!;
        expect(deviation.reporterId).toBe(m.userId);
        expect(m.timeMs).toBeGreaterThan(deviation.createdMs);
        expect(m.text).toContain(`Avvikelse ${m.deviationNo}`);
      }
      if (m.deletedMs !== null) expect(m.deletedMs).toBeGreaterThan(m.timeMs);
    }
    const times = [...tables.messages.keys()].sort((a, b) => a - b).map((no) => tables.messages.get(no)!.timeMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const listed = messages.filter((m) => m.deletedMs === null).length;
    expect([...state.orderIndex.messagesByUser.values()].reduce((n, l) => n + l.length, 0)).toBe(listed);
  });

  it('has access-log entries in time order for the look-ups, each about an existing person, user and row', () => {
    const entries = [...historyAccessEntries(tables, summary.ranges, SEED)];
    const patientOrders = historyOrders(tables).filter((o) => o.recipient.kind === 'patient').length;
    expect(entries.length).toBeGreaterThan(patientOrders + tables.pickups.size);
    const errors: string[] = [];
    for (let i = 0; i < entries.length; i++) {
      if (i > 0 && entries[i].timeMs < entries[i - 1].timeMs) errors.push(`entry ${i} before entry ${i - 1}`);
      const error = entryError(tables, entries[i]);
      if (error !== undefined) errors.push(error);
    }
    expect(errors.slice(0, 5)).toEqual([]);
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ['patient.get', 'order.get', 'pickup.create', 'workorder.create', 'workorder.update'])
      expect(actions.has(a), a).toBe(true);
    expect(entries.some((e) => e.userId === 'hmc1')).toBe(true);
    expect(JSON.stringify([...historyAccessEntries(tables, summary.ranges, SEED)])).toBe(JSON.stringify(entries));
  });

  it('the entry check catches an entry about a row of another patient', () => {
    const e = [...historyAccessEntries(tables, summary.ranges, SEED)].find((x) => x.shown.kind === 'order')!;
    const other = [...tables.persons.keys()].find((pnr) => pnr !== e.pnr)!;
    expect(entryError(tables, { ...e, pnr: other })).toMatch(/is not about/);
  });

  it('appends the access log to a store batch by batch, with ids in time order', async () => {
    const store = new MemoryStore();
    const seen: number[] = [];
    await appendAccessLog(store, tables, summary.ranges, SEED, (_stage, done) => seen.push(done));
    const count = [...historyAccessEntries(tables, summary.ranges, SEED)].length;
    expect(store.accessLog.count()).toBe(count);
    expect(seen.at(-1)).toBe(count);
    const first = store.accessLog.get(1)!;
    const last = store.accessLog.get(count)!;
    expect(first.timeMs).toBeLessThanOrEqual(last.timeMs);
    const page = store.accessLog.byPatient(first.pnr, { fromMs: 0, toMs: Number.MAX_SAFE_INTEGER, limit: 50 });
    expect(page.entries.map((e) => e.pnr)).toContain(first.pnr);
  });
});
