// HMC oversight in the core, given / when / then: admin.settingSet and its rejections in order; ages in Swedish
// working days (weekends, Easter, Christmas); the order, pickup and work order flags with thresholds from the settings;
// the Plocklista's restorder list with queue positions and units on their way back.
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/core/commands.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import { listBackorders } from '../engine/core/orders/backorder-list.ts';
import { listOrders } from '../engine/core/orders/order-list.ts';
import { dateToDayNo, workingDaysWalked } from '../engine/core/orders/working-days.ts';
import { workingDaysBetween } from '../engine/core/orders/working-day-counts.ts';
import { isOrderFlagged } from '../engine/core/oversight/flags.ts';
import { WorkingDayAges } from '../engine/core/oversight/working-day-ages.ts';
import { listPickups } from '../engine/core/pickups/queries.ts';
import { listSettings, settingValue } from '../engine/core/settings/queries.ts';
import type { State } from '../engine/core/state.ts';
import { listWorkOrders } from '../engine/core/work-orders/queries.ts';
import { AGE_COUNT_DAYS_MAX, ORDER_UNPICKED_WORKING_DAYS_MAX } from '../schemas/limits.ts';
import { OPS } from '../schemas/ops.ts';
import { ERROR_CODES } from '../schemas/protocol.ts';
import {
  ART,
  codeOf,
  firstEvent,
  orderState,
  place,
  placedNo,
  PNR,
  run,
  T0,
  tablesOf,
} from './helpers/order-fixture.ts';

const DAY_MS = 86_400_000;
/** T0 is Wednesday 25 November 2026; these are later days of that week and the next, 10:00 Swedish time. */
const FRI = T0 + 2 * DAY_MS;
const MON = T0 + 5 * DAY_MS;
const THU_NEXT = T0 + 8 * DAY_MS;
const MON_AFTER = T0 + 12 * DAY_MS;

const set = (key: string, value: number, userId = 'admin'): Command => ({ type: 'setting.set', userId, key, value });
const staff = (state: State) => state.users.get('hmc1')!;
const result = <T>(outcome: { ok: true; result: T } | { ok: false; message: string }): T => {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
};
const orders = (state: State, nowMs: number) =>
  result(listOrders(state, staff(state), OPS['order.list'].args.parse({ open: true }), nowMs));
const day = (date: string) => dateToDayNo(date);

describe('admin.settingSet', () => {
  it('given the defaults, when an admin sets a threshold twice, then each event carries the row it replaced', () => {
    const state = orderState();
    expect(settingValue(state, 'oversight.orderUnpickedWorkingDays')).toBe(2);
    const first = run(state, set('oversight.orderUnpickedWorkingDays', 4), T0);
    expect(firstEvent(first, 'setting.set')).toEqual({
      type: 'setting.set',
      userId: 'admin',
      timeMs: T0,
      key: 'oversight.orderUnpickedWorkingDays',
      value: 4,
      before: null,
    });
    const second = run(state, set('oversight.orderUnpickedWorkingDays', 3), T0 + 1000);
    expect(firstEvent(second, 'setting.set').before).toEqual({
      key: 'oversight.orderUnpickedWorkingDays',
      value: 4,
      userId: 'admin',
      timeMs: T0,
    });
    expect(settingValue(state, 'oversight.orderUnpickedWorkingDays')).toBe(3);
    const listed = result(listSettings(state)).settings;
    expect(listed.map((s) => [s.key, s.value, s.defaultValue])).toEqual([
      ['oversight.orderUnpickedWorkingDays', 3, 2],
      ['oversight.pickupOpenWorkingDays', 7, 7],
      ['oversight.workOrderIdleWorkingDays', 5, 5],
      // Issue 15, loans:
      ['loans.reminderWorkingDays', 5, 5],
    ]);
    expect(listed[0]!.set).toEqual({ by: { id: 'admin', name: expect.any(String) }, timeMs: T0 + 1000 });
    expect(listed[1]!.set).toBeNull();
    const tables = tablesOf(state);
    expect(settingValue(stateFromTables(tables, state.seq), 'oversight.orderUnpickedWorkingDays')).toBe(3);
  });

  it('refuses in the order the checks run: an unknown key, then a value outside the range, each in Swedish', () => {
    const state = orderState();
    const unknown = run(state, set('oversight.nothing', 999));
    expect(codeOf(unknown)).toBe('unknown_setting');
    expect(!unknown.ok && unknown.message).toBe('Inställningen ”oversight.nothing” finns inte.');
    const high = run(state, set('oversight.orderUnpickedWorkingDays', ORDER_UNPICKED_WORKING_DAYS_MAX + 1));
    expect(codeOf(high)).toBe('setting_out_of_range');
    expect(!high.ok && high.message).toMatch(/mellan 0 och 60 arbetsdagar, inte 61/);
    expect(codeOf(run(state, set('oversight.pickupOpenWorkingDays', -1)))).toBe('setting_out_of_range');
    expect(codeOf(run(state, set('oversight.pickupOpenWorkingDays', 0)))).toBe('accepted');
    expect(state.settings.size).toBe(1);
    expect(ERROR_CODES).toEqual(expect.arrayContaining(['unknown_setting', 'setting_out_of_range']));
  });

  it('validates at the edge: a short key and an integer; unknown keys reach the core for their Swedish message', () => {
    const args = OPS['admin.settingSet'].args;
    expect(args.safeParse({ key: 'oversight.pickupOpenWorkingDays', value: 3 }).success).toBe(true);
    expect(args.safeParse({ key: 'x', value: 3 }).success).toBe(true);
    expect(args.safeParse({ key: '', value: 3 }).success).toBe(false);
    expect(args.safeParse({ key: 'k'.repeat(65), value: 3 }).success).toBe(false);
    expect(args.safeParse({ key: 'x', value: 1.5 }).success).toBe(false);
    expect(args.safeParse({ key: 'x', value: '3' }).success).toBe(false);
    expect(args.safeParse({ key: 'x', value: 3, extra: 1 }).success).toBe(false);
    expect(OPS['admin.settingSet'].roles).toEqual(['admin']);
  });
});

describe('ages in Swedish working days', () => {
  it('count the working days after the first day up to the last, skipping weekends and holidays', () => {
    expect(workingDaysBetween(day('2026-11-25'), day('2026-11-25'), AGE_COUNT_DAYS_MAX)).toBe(0);
    expect(workingDaysBetween(day('2026-11-27'), day('2026-11-30'), AGE_COUNT_DAYS_MAX)).toBe(1); // Fri → Mon
    expect(workingDaysBetween(day('2026-04-02'), day('2026-04-07'), AGE_COUNT_DAYS_MAX)).toBe(1); // Easter
    expect(workingDaysBetween(day('2026-12-23'), day('2026-12-28'), AGE_COUNT_DAYS_MAX)).toBe(1); // Christmas
    expect(workingDaysBetween(day('2026-06-18'), day('2026-06-22'), AGE_COUNT_DAYS_MAX)).toBe(1); // Midsummer Eve
    expect(workingDaysBetween(day('2026-11-30'), day('2026-11-27'), AGE_COUNT_DAYS_MAX)).toBe(0);
    expect(workingDaysBetween(day('2026-11-02'), day('2026-11-30'), 7)).toBe(5);
  });

  it('counted by blocks, agree with walking the days over spans of up to ten years, across block edges', () => {
    let seed = 16;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const first = day('2014-01-01');
    for (let i = 0; i < 2_000; i++) {
      const from = first + (next() % 4_400) - 40;
      const to = from + (next() % 3_700) - 5;
      const limit = i % 3 === 0 ? AGE_COUNT_DAYS_MAX : 4_000;
      expect(workingDaysBetween(from, to, limit), `${from}..${to}`).toBe(workingDaysWalked(from, to, limit));
    }
  });

  it('take the Swedish date of a time: late evening UTC is already the next day in Sweden', () => {
    const ages = new WorkingDayAges(Date.UTC(2026, 10, 30, 9)); // Monday 30 November
    expect(ages.of(Date.UTC(2026, 10, 27, 9))).toBe(1); // Friday
    expect(ages.of(Date.UTC(2026, 10, 26, 23, 30))).toBe(1); // Thursday 23:30 UTC = Friday 00:30 in Sweden
    expect(ages.of(Date.UTC(2026, 10, 26, 22, 30))).toBe(2); // Thursday 23:30 in Sweden
  });
});

describe('order flags (oversight.orderUnpickedWorkingDays)', () => {
  it('flag an order unpicked more than 2 working days, not one picked; the threshold comes from the setting', () => {
    const state = orderState();
    const waiting = placedNo(run(state, place()));
    const picked = placedNo(run(state, place({ userId: 'ot2' })));
    run(state, { type: 'fulfil.step', userId: 'hmc1', step: 'pick', orderNo: picked, lineNos: null });
    const row = (nowMs: number, orderNo: number) => orders(state, nowMs).orders.find((o) => o.orderNo === orderNo)!;
    expect(row(FRI, waiting)).toMatchObject({ ageWorkingDays: 2, flagged: false });
    expect(row(MON, waiting)).toMatchObject({ ageWorkingDays: 3, flagged: true });
    expect(row(MON, picked)).toMatchObject({ ageWorkingDays: 3, flagged: false });
    expect(orders(state, MON).oversight).toEqual({ thresholdWorkingDays: 2, flagged: 1 });
    run(state, set('oversight.orderUnpickedWorkingDays', 3));
    expect(row(MON, waiting).flagged).toBe(false);
    expect(orders(state, MON).oversight).toEqual({ thresholdWorkingDays: 3, flagged: 0 });
    expect(row(THU_NEXT, waiting)).toMatchObject({ ageWorkingDays: 6, flagged: true });
  });

  it('count backorder lines as unpicked too, and picking lines not', () => {
    expect(isOrderFlagged([{ status: 'backorder' }], 3, 2)).toBe(true);
    expect(isOrderFlagged([{ status: 'registered' }, { status: 'picking' }], 3, 2)).toBe(true);
    expect(isOrderFlagged([{ status: 'picking' }, { status: 'delivered' }], 9, 2)).toBe(false);
    expect(isOrderFlagged([{ status: 'registered' }], 2, 2)).toBe(false);
  });
});

describe('pickup flags (oversight.pickupOpenWorkingDays)', () => {
  it('flag a pickup still waiting after more than 7 working days', () => {
    const state = orderState();
    const pickup: Command = {
      type: 'pickup.create',
      userId: 'ot1',
      pnr: PNR.resident,
      indNos: [56314],
      contactName: 'Anna',
      contactPhone: '',
      reason: 'Behövs inte längre.',
    };
    const pickupNo = firstEvent(run(state, pickup), 'pickup.created').pickup.pickupNo;
    const list = (nowMs: number) =>
      result(listPickups(state, staff(state), OPS['pickup.list'].args.parse({ open: true }), nowMs));
    expect(list(T0 + 9 * DAY_MS).pickups[0]).toMatchObject({ pickupNo, ageWorkingDays: 7, flagged: false });
    expect(list(MON_AFTER).pickups[0]).toMatchObject({ ageWorkingDays: 8, flagged: true });
    expect(list(MON_AFTER).oversight).toEqual({ thresholdWorkingDays: 7, flagged: 1 });
    run(state, set('oversight.pickupOpenWorkingDays', 8));
    expect(list(MON_AFTER).oversight).toEqual({ thresholdWorkingDays: 8, flagged: 0 });
  });
});

describe('work order flags (oversight.workOrderIdleWorkingDays)', () => {
  it('flag an open work order whose status has not changed for more than 5 working days; a comment does not count', () => {
    const state = orderState();
    const create: Command = {
      type: 'workOrder.create',
      userId: 'ot1',
      destination: 'technicalService',
      title: 'Bromsen',
      text: '',
      attachments: [],
    };
    const woNo = firstEvent(run(state, create), 'workOrder.created').workOrder.woNo;
    const update = (over: Partial<Extract<Command, { type: 'workOrder.update' }>>): Command => ({
      type: 'workOrder.update',
      userId: 'hmc1',
      woNo,
      ...over,
    });
    const list = (nowMs: number) =>
      result(listWorkOrders(state, staff(state), OPS['workorder.list'].args.parse({}), undefined, nowMs));
    expect(list(THU_NEXT).workOrders[0]).toMatchObject({ statusChangedMs: T0, idleWorkingDays: 6, flagged: true });
    run(state, update({ comment: 'Vi tittar på det.' }), THU_NEXT);
    expect(list(THU_NEXT).workOrders[0]!.flagged).toBe(true);
    run(state, update({ status: 'inProgress' }), THU_NEXT);
    expect(list(THU_NEXT).workOrders[0]).toMatchObject({ statusChangedMs: THU_NEXT, idleWorkingDays: 0 });
    run(state, update({ status: 'inProgress', comment: 'Samma status igen.' }), MON_AFTER);
    expect(state.workOrders.get(woNo)!.statusChangedMs).toBe(THU_NEXT);
    run(state, update({ status: 'done' }), MON_AFTER + 20 * DAY_MS);
    expect(list(MON_AFTER + 40 * DAY_MS)).toMatchObject({ oversight: { thresholdWorkingDays: 5, flagged: 0 } });
    expect(result(listWorkOrders(state, staff(state), OPS['workorder.list'].args.parse({}))).oversight).toBeNull();
  });
});

describe('fulfil.backorders', () => {
  it('list each waiting line with its queue position, what it is short and units on their way back', () => {
    const state = orderState();
    // Three shower chairs in lager 10: five wait first, one more waits behind them.
    const big = placedNo(run(state, place({ lines: [{ artNo: ART.showerChair, quantity: 5 }] })));
    const small = placedNo(run(state, place({ userId: 'ot2', lines: [{ artNo: ART.showerChair, quantity: 1 }] })));
    const rollators = placedNo(run(state, place({ lines: [{ artNo: ART.rollator, quantity: 6 }] })));
    run(state, {
      type: 'pickup.create',
      userId: 'ot1',
      pnr: PNR.resident,
      indNos: [56314],
      contactName: '',
      contactPhone: '',
      reason: 'Retur.',
    });
    const listed = result(listBackorders(state, OPS['fulfil.backorders'].args.parse({}), MON));
    expect(listed.total).toBe(3);
    expect(listed.backorders.map((b) => [b.orderNo, b.position, b.aheadQuantity, b.available, b.short])).toEqual([
      [big, 1, 0, 3, 2],
      [small, 2, 5, 3, 3],
      [rollators, 1, 0, 5, 1],
    ]);
    expect(listed.backorders[0]).toMatchObject({ artNo: ART.showerChair, warehouse: '10', queueLength: 2 });
    expect(listed.backorders[2]).toMatchObject({ inboundReturns: 1, ageWorkingDays: 3, flagged: true });
    expect(listed.backorders[0]!.inboundReturns).toBe(0);
    expect(result(listBackorders(state, { limit: 1 }, MON)).backorders).toHaveLength(1);
  });
});
