// HMC oversight in the portal without a browser: the order flag rule for live rows (the engine's rule), the age texts,
// and ages kept through the live order list: from the snapshot, 0 for an order placed now, from order.get for an
// older one new to the list, and the threshold of the last order.list.
import { describe, expect, it } from 'vitest';
import { LiveOrderList, type LiveOrdersView } from '../portal/lib/live-order-list.js';
import { isOrderFlagged, workingDaysText } from '../portal/lib/oversight.js';
import { isOrderFlagged as coreIsOrderFlagged } from '../engine/core/oversight/flags.ts';
import { LINE_STATUSES, type LineStatus } from '../schemas/orders.ts';

const lines = (...statuses: LineStatus[]) => statuses.map((status, i) => ({ lineNo: i + 1, artNo: '100104', status }));

function pushed(orderNo: number, seq: number, change: string, statuses: LineStatus[]) {
  return {
    type: 'order',
    change,
    orderNo,
    seq,
    placedMs: Date.UTC(2026, 10, 20, 10),
    prescriberId: 'ot1',
    recipientKind: 'patient',
    customerNo: '4711',
    warehouse: '10',
    partialDelivery: false,
    status: statuses[0],
    plannedPickDate: null,
    plannedDeliveryDate: null,
    lines: lines(...statuses).map((l) => ({ ...l, quantity: 1 })),
  };
}

describe('portal oversight', () => {
  it('flags an order as the engine does, for every line status, age and threshold', () => {
    for (const status of LINE_STATUSES) {
      for (const age of [0, 2, 3]) {
        const row = { ageWorkingDays: age, lines: lines('picking', status) } as never;
        expect(isOrderFlagged(row, 2), `${status} ${age}`).toBe(coreIsOrderFlagged(lines('picking', status), age, 2));
      }
    }
    expect(isOrderFlagged({ ageWorkingDays: null, lines: lines('registered') } as never, 2)).toBe(false);
    expect(isOrderFlagged({ ageWorkingDays: 9, lines: lines('registered') } as never, null)).toBe(false);
    expect([workingDaysText(0), workingDaysText(1), workingDaysText(5), workingDaysText(null)]).toEqual([
      '0 arbetsdagar',
      '1 arbetsdag',
      '5 arbetsdagar',
      '–',
    ]);
  });

  it('keeps ages through pushes: from the snapshot, 0 when placed now, from order.get for an older order', async () => {
    const views: LiveOrdersView[] = [];
    const details = new Map<number, (value: unknown) => void>();
    const list = new LiveOrderList({
      limit: 100,
      detailFirst: false,
      match: () => true,
      fetchDetail: (orderNo: number) => new Promise((resolve) => details.set(orderNo, resolve)),
      onChange: (view: LiveOrdersView) => views.push(view),
      setTimer: () => 1,
      clearTimer: () => {},
    });
    const snapshotRow = { ...pushed(5, 1, 'placed', ['registered']), ageWorkingDays: 4, lines: [] as unknown[] };
    const row = { ...snapshotRow, prescriber: { id: 'ot1', name: 'Olle' }, recipient: { kind: 'patient', name: '' } };
    row.lines = lines('registered').map((l) => ({ ...l, quantity: 1, name: 'Rollator' }));
    list.snapshot({ orders: [row], seq: 1, oversight: { thresholdWorkingDays: 2, flagged: 1 } });
    expect(views.at(-1)!.oversight).toEqual({ thresholdWorkingDays: 2, flagged: 1 });
    list.push(pushed(5, 2, 'status', ['picking']));
    list.push(pushed(6, 3, 'placed', ['registered']));
    list.push(pushed(3, 4, 'status', ['registered']));
    list.flush();
    const age = (orderNo: number) => views.at(-1)!.orders.find((o) => o.orderNo === orderNo)!.ageWorkingDays;
    expect([age(5), age(6), age(3)]).toEqual([4, 0, null]);
    details.get(3)!({ ...row, orderNo: 3, ageWorkingDays: 7 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(age(3)).toBe(7);
  });
});
