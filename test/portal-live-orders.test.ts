// The live order list without Preact or an engine: an order.list snapshot, pushes merged by seq (stale ones ignored),
// held while a (re)load is on its way, rows filled in by order.get, rows leaving when they stop matching, counts.
import { describe, expect, it } from 'vitest';
import { LiveOrderList, type LiveOrdersView, type LiveRow } from '../portal/lib/live-order-list.js';

type Line = { lineNo: number; artNo: string; status: string; quantity: number };

function line(lineNo: number, status = 'registered', artNo = '100104'): Line {
  return { lineNo, artNo, status, quantity: 1 };
}

/** A push as push-events.js hands it over: one order event of a batch. */
function push(orderNo: number, seq: number, lines: Line[] = [line(1)], extra: Record<string, unknown> = {}) {
  return {
    type: 'order',
    orderNo,
    seq,
    placedMs: Date.UTC(2025, 5, 20, 10, 0),
    prescriberId: 'ot1',
    recipientKind: 'patient',
    customerNo: '4711',
    warehouse: '10',
    partialDelivery: false,
    status: lines[0]?.status ?? 'registered',
    plannedPickDate: '2025-06-23',
    plannedDeliveryDate: '2025-06-24',
    lines,
    ...extra,
  };
}

/** A row as order.list answers it. */
function listed(orderNo: number, status = 'registered') {
  return {
    orderNo,
    placedMs: Date.UTC(2025, 5, 19),
    placedDate: '2025-06-19',
    prescriber: { id: 'ot1', name: 'Olle Terapeut' },
    recipient: { kind: 'patient', name: 'Ada A', pnrDisplay: '19400101-1234', customerNo: '4711' },
    customerNo: '4711',
    workplaceId: 'w1',
    warehouse: '10',
    partialDelivery: false,
    status,
    open: status !== 'delivered',
    plannedPickDate: null,
    plannedDeliveryDate: null,
    lines: [{ ...line(1, status), name: 'Rollator Cross 45' }],
  };
}

function detail(orderNo: number) {
  return {
    ...listed(orderNo),
    prescriber: { id: 'ot1', name: 'Olle Terapeut' },
    lines: [{ ...line(1), name: 'Rollator Cross 45' }],
  };
}

function setup(options: { match?: (row: LiveRow) => boolean; limit?: number; detailFirst?: boolean } = {}) {
  const views: LiveOrdersView[] = [];
  const asked: number[] = [];
  const answers = new Map<number, (value: unknown) => void>();
  const list = new LiveOrderList({
    limit: options.limit ?? 100,
    detailFirst: options.detailFirst ?? false,
    match: options.match ?? (() => true),
    fetchDetail: (orderNo: number) => {
      asked.push(orderNo);
      return new Promise((resolve) => answers.set(orderNo, resolve));
    },
    onChange: (view: LiveOrdersView) => views.push(view),
    // Batches are flushed by hand: no timers in these tests.
    setTimer: () => 1,
    clearTimer: () => {},
  });
  const last = () => views[views.length - 1];
  const answer = async (orderNo: number) => {
    answers.get(orderNo)?.(detail(orderNo));
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { list, views, last, asked, answer };
}

const statuses = (view: LiveOrdersView) => view.orders.map((o) => [o.orderNo, o.status, o.seq]);

describe('LiveOrderList', () => {
  it('shows the snapshot as order.list sorted it, with its counts, and is loading until then', () => {
    const { list, last } = setup();
    expect(list.view()).toMatchObject({ orders: [], loading: true, counts: null });
    list.snapshot({ orders: [listed(9), listed(7)], seq: 40, counts: { registered: 2 } });
    expect(statuses(last())).toEqual([
      [9, 'registered', 40],
      [7, 'registered', 40],
    ]);
    expect(last()).toMatchObject({ loading: false, error: null, counts: { registered: 2 } });
    expect(last().orders.every((o) => o.fresh === false && o.detailed === true)).toBe(true);
  });

  it('applies pushes in seq order and ignores a push older than the state shown', () => {
    const { list, last } = setup();
    list.snapshot({ orders: [listed(7)], seq: 40, counts: null });
    list.push(push(7, 41, [line(1, 'picking')]));
    list.push(push(7, 43, [line(1, 'dispatched')]));
    list.push(push(7, 42, [line(1, 'picking')]));
    list.flush();
    expect(statuses(last())).toEqual([[7, 'dispatched', 43]]);
    // Not newer than the snapshot: dropped.
    list.push(push(7, 40, [line(1, 'cancelled')]));
    list.flush();
    expect(statuses(last())).toEqual([[7, 'dispatched', 43]]);
    expect(last().orders[0].lines[0].name).toBe('Rollator Cross 45');
  });

  it('batches pushes until the flush and publishes once per batch', () => {
    const { list, views } = setup();
    list.snapshot({ orders: [], seq: 1, counts: null });
    const before = views.length;
    list.push(push(1, 2));
    list.push(push(2, 3));
    expect(views.length).toBe(before);
    list.flush();
    expect(views.length).toBe(before + 1);
    expect(views[views.length - 1].orders.map((o) => o.orderNo)).toEqual([2, 1]);
  });

  it('holds pushes while a (re)load is on its way and keeps only those newer than its snapshot', () => {
    const { list, last } = setup();
    list.push(push(5, 10, [line(1, 'picking')]));
    list.push(push(6, 12, [line(1, 'registered')]));
    expect(last()).toBeUndefined();
    list.snapshot({ orders: [listed(5, 'registered')], seq: 11, counts: null });
    expect(statuses(last())).toEqual([
      [6, 'registered', 12],
      [5, 'registered', 11],
    ]);
    // Reconnect: a new read; pushes meanwhile wait, and the new snapshot replaces the list.
    list.reloading();
    list.push(push(6, 13, [line(1, 'picking')]));
    list.snapshot({ orders: [listed(6, 'registered'), listed(5, 'delivered')], seq: 14, counts: null });
    expect(statuses(last())).toEqual([
      [6, 'registered', 14],
      [5, 'delivered', 14],
    ]);
  });

  it('takes the counts per status from the newest snapshot or push', () => {
    const { list, last } = setup();
    list.snapshot({ orders: [], seq: 20, counts: { registered: 1, picking: 0 } });
    list.push(push(1, 22, [line(1)], { counts: { registered: 2, picking: 0 } }));
    list.push(push(1, 21, [line(1)], { counts: { registered: 9, picking: 9 } }));
    list.flush();
    expect(last().counts).toEqual({ registered: 2, picking: 0 });
    list.reloading();
    list.snapshot({ orders: [], seq: 21, counts: { registered: 5 } });
    expect(last().counts).toEqual({ registered: 2, picking: 0 });
    list.reloading();
    list.snapshot({ orders: [], seq: 30, counts: { registered: 0, picking: 1 } });
    expect(last().counts).toEqual({ registered: 0, picking: 1 });
  });

  it('fills a pushed row in from order.get and drops rows that stop matching', async () => {
    const { list, last, asked, answer } = setup({ match: (row) => row.open === true });
    list.snapshot({ orders: [], seq: 1, counts: null });
    list.push(push(3, 2));
    list.flush();
    expect(last().orders[0]).toMatchObject({ orderNo: 3, fresh: true, detailed: false });
    expect(last().orders[0].prescriber.name).toBe('ot1');
    expect(asked).toEqual([3]);
    await answer(3);
    expect(last().orders[0]).toMatchObject({ detailed: true, prescriber: { name: 'Olle Terapeut' } });
    list.push(push(3, 3, [line(1, 'delivered')]));
    list.flush();
    expect(last().orders).toEqual([]);
  });

  it('with detailFirst decides about a new order only after order.get', async () => {
    const { list, last, answer } = setup({ detailFirst: true, match: (row) => row.recipient.name === 'Ada A' });
    list.snapshot({ orders: [], seq: 1, counts: null });
    list.push(push(4, 2));
    list.flush();
    expect(last().orders).toEqual([]);
    await answer(4);
    expect(last().orders.map((o) => o.orderNo)).toEqual([4]);
  });

  it('keeps at most limit rows and publishes nothing after close', () => {
    const { list, last, views } = setup({ limit: 2 });
    list.snapshot({ orders: [listed(1)], seq: 1, counts: null });
    list.push(push(2, 2));
    list.push(push(3, 3));
    list.flush();
    expect(last().orders.map((o) => o.orderNo)).toEqual([3, 2]);
    list.close();
    const seen = views.length;
    list.push(push(4, 4));
    list.flush();
    list.snapshot({ orders: [], seq: 9, counts: null });
    expect(views.length).toBe(seen);
  });

  it('reports a failed load', () => {
    const { list, last } = setup();
    const failure = new Error('down');
    list.fail(failure);
    expect(last()).toMatchObject({ loading: false, error: failure, orders: [] });
  });
});
