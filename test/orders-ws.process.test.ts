// Orders over real WebSockets against the real engine process (LMDB, uWS): the last-unit race between 200 clients,
// idempotency across a reconnect, the live order flow on `orders` and `orders/<userId>`, and messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient, type ReplyOk } from './helpers/ws-client.ts';

/** Demo data every seed has: a resident patient, crutches (sale, ISO 12 03 06), a rollator (rental). */
const ERIK = '19811218-9876';
const CRUTCHES = '100124';
const ROLLATOR = '100104';
const RACERS = 200;
const UNITS = 10;

let engine: EngineProcess;
let staff: TestClient;
let ot: TestClient;
let otToken: string;
let ptToken: string;
beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  staff = await TestClient.connect(engine.wsUrl, 'msgpack');
  await staff.login('hmc1');
  await staff.call('subscribe', { topic: 'orders' });
  ot = await TestClient.connect(engine.wsUrl, 'json');
  otToken = (await ot.login('ot1')).token;
  const pt = await TestClient.connect(engine.wsUrl, 'msgpack');
  ptToken = (await pt.login('pt1')).token;
  await pt.close();
});
afterAll(async () => {
  await staff?.close();
  await ot?.close();
  await engine?.stop();
});

async function setOnHand(artNo: string, available: number): Promise<void> {
  const { rows } = await staff.call('stock.get', { artNo, warehouse: '10' });
  const delta = available + rows[0].reserved - rows[0].onHand;
  if (delta !== 0)
    await staff.call('admin.stockAdjust', { warehouse: '10', artNo, delta, reason: 'inventory', note: 'test' });
}

describe('the last units', () => {
  it(`${RACERS} prescribers racing for ${UNITS} units: exactly ${UNITS} are reserved, the rest wait as backorders`, async () => {
    await setOnHand(CRUTCHES, UNITS);
    const clients = await Promise.all(
      Array.from({ length: RACERS }, async (_, i) => {
        const c = await TestClient.connect(engine.wsUrl, i % 2 === 0 ? 'msgpack' : 'json');
        await c.call('session.resume', { token: i % 3 === 0 ? ptToken : otToken });
        return c;
      }),
    );
    const replies = await Promise.all(
      clients.map((c, i) =>
        c.request('order.place', {
          idempotencyKey: `race-${i}`,
          recipient: { kind: 'patient', pnr: ERIK },
          lines: [{ artNo: CRUTCHES, quantity: 1 }],
        }),
      ),
    );
    await Promise.all(clients.map((c) => c.close()));
    expect(replies.filter((r) => !r.ok)).toEqual([]);
    const statuses = replies.map((r) => (r.ok ? r.result.lines[0].status : 'error'));
    expect(statuses.filter((s) => s === 'registered')).toHaveLength(UNITS);
    expect(statuses.filter((s) => s === 'backorder')).toHaveLength(RACERS - UNITS);
    const orderNos = new Set(replies.map((r) => (r.ok ? r.result.orderNo : 0)));
    expect(orderNos.size).toBe(RACERS);
    const { rows } = await staff.call('stock.get', { artNo: CRUTCHES, warehouse: '10' });
    expect(rows[0]).toMatchObject({ onHand: UNITS, reserved: UNITS, available: 0 });
    // Every placement reached the staff screen, after it was durable (its push carries the committed seq).
    for (const orderNo of orderNos)
      await staff.waitForOrderPush('orders', (o) => o.orderNo === orderNo && o.change === 'placed');
    // Placements that shared a group commit came in one push per topic, in seq order, its seq the last of them.
    for (const { event } of staff.pushes.filter((p) => p.topic === 'orders')) {
      const seqs = event.orders!.map((o) => o.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(event.seq).toBe(seqs[seqs.length - 1]);
    }
    // The next unit that comes back goes to the oldest waiting order.
    const oldestWaiting = Math.min(
      ...replies
        .filter((r) => r.ok && r.result.lines[0].status === 'backorder')
        .map((r) => (r as ReplyOk).result.orderNo),
    );
    const back = await staff.call('admin.stockAdjust', {
      warehouse: '10',
      artNo: CRUTCHES,
      delta: 1,
      reason: 'returned',
      note: '',
    });
    expect(back.backordersServed).toBe(1);
    const served = await staff.call('order.get', { orderNo: oldestWaiting });
    expect(served.lines[0].status).toBe('registered');
  });
});

describe('idempotency', () => {
  it('the same key on a new connection (after a reconnect) returns the same order, never a second one', async () => {
    const first = await TestClient.connect(engine.wsUrl, 'msgpack');
    const { token } = await first.login('ot1');
    const args = {
      idempotencyKey: 'reconnect-1',
      recipient: { kind: 'patient', pnr: ERIK },
      lines: [{ artNo: ROLLATOR, quantity: 1 }],
    };
    const placed = await first.call('order.place', args);
    await first.close();
    const second = await TestClient.connect(engine.wsUrl, 'json');
    await second.call('session.resume', { token });
    const again = await second.call('order.place', args);
    expect(again).toMatchObject({ orderNo: placed.orderNo, replayed: true });
    const both = await Promise.all([
      second.call('order.place', { ...args, idempotencyKey: 'reconnect-2' }),
      second.call('order.place', { ...args, idempotencyKey: 'reconnect-2' }),
    ]);
    expect(both[0].orderNo).toBe(both[1].orderNo);
    const mine = await second.call('order.list', { mine: true, limit: 200 });
    expect(mine.orders.filter((o: { orderNo: number }) => o.orderNo === placed.orderNo)).toHaveLength(1);
    expect(mine.orders.filter((o: { orderNo: number }) => o.orderNo === both[0].orderNo)).toHaveLength(1);
    await second.close();
  });
});

describe('live order flow and messages', () => {
  it("a placement and its status changes reach the staff feed and the prescriber's own topic; others are refused", async () => {
    await ot.call('subscribe', { topic: 'orders/ot1' });
    await ot.call('subscribe', { topic: 'messages/ot1' });
    expect((await ot.request('subscribe', { topic: 'orders' })).ok ? 'ok' : 'forbidden').toBe('forbidden');
    const denied = await ot.request('subscribe', { topic: 'messages/pt1' });
    expect(denied.ok ? 'ok' : denied.error.code).toBe('forbidden');
    const quote = await ot.call('order.quote', {
      recipient: { kind: 'patient', pnr: ERIK },
      lines: [{ artNo: ROLLATOR, quantity: 1 }],
    });
    expect(quote.lines[0].outcome).toBe('available');
    expect(quote.accessories.length).toBeGreaterThan(0);
    await ot.call('subscribe', { topic: `stock/${ROLLATOR}` });
    const before = (await ot.call('stock.get', { artNo: ROLLATOR, warehouse: '10' })).rows[0];
    const placed = await ot.call('order.place', {
      idempotencyKey: 'flow-1',
      recipient: { kind: 'patient', pnr: ERIK },
      lines: [{ artNo: ROLLATOR, quantity: 1 }],
    });
    expect(placed.plannedDeliveryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The reservation is pushed to everyone watching the article's stock, with the order's seq.
    const stockPush = await ot.waitForPush((p) => p.topic === `stock/${ROLLATOR}` && p.event.seq === placed.seq);
    expect(stockPush.event).toMatchObject({
      warehouse: '10',
      reserved: before.reserved + 1,
      available: before.available - 1,
    });
    const feed = await staff.waitForOrderPush('orders', (o) => o.orderNo === placed.orderNo);
    expect(feed.order).toMatchObject({
      change: 'placed',
      seq: placed.seq,
      prescriberId: 'ot1',
      warehouse: '10',
      status: 'registered',
      lines: [{ artNo: ROLLATOR, status: 'registered' }],
    });
    expect(feed.batch.counts!.registered).toBeGreaterThan(0);
    await ot.waitForOrderPush('orders/ot1', (o) => o.orderNo === placed.orderNo && o.change === 'placed');
    const picked = await staff.call('fulfil.pick', { orderNo: placed.orderNo });
    expect(picked.lines[0].individuals).toHaveLength(1);
    const status = await ot.waitForOrderPush(
      'orders/ot1',
      (o) => o.orderNo === placed.orderNo && o.status === 'picking',
    );
    expect(status.batch.counts).toBeUndefined();
    await staff.waitForOrderPush('orders', (o) => o.orderNo === placed.orderNo && o.lines[0].status === 'picking');
    const cancel = await ot.request('order.cancel', { orderNo: placed.orderNo });
    expect(cancel.ok ? 'ok' : cancel.error.code).toBe('order_not_cancellable');

    const moved = await staff.call('fulfil.setDeliveryDate', {
      orderNo: placed.orderNo,
      date: '2099-01-15',
      note: 'Ny leverans.',
    });
    const dated = await staff.waitForOrderPush(
      'orders',
      (o) => o.orderNo === placed.orderNo && o.plannedDeliveryDate === '2099-01-15',
    );
    expect(dated.order.change).toBe('deliveryDate');
    expect(
      (await staff.waitForOrderPush('orders', (o) => o.orderNo === placed.orderNo && o.status === 'picking')).order
        .change,
    ).toBe('status');
    const message = await ot.waitForPush(
      (p) => p.topic === 'messages/ot1' && p.event.message?.messageNo === moved.messageNo,
    );
    expect(message.event.message).toMatchObject({ orderNo: placed.orderNo, newDate: '2099-01-15' });
    const inbox = await ot.call('message.list', {});
    expect(inbox.messages[0].messageNo).toBe(moved.messageNo);
    await ot.call('message.delete', { messageNo: moved.messageNo });
    expect(
      (await ot.call('message.list', {})).messages.some((m: { messageNo: number }) => m.messageNo === moved.messageNo),
    ).toBe(false);
    const overview = await ot.call('order.get', { orderNo: placed.orderNo });
    expect(overview).toMatchObject({
      plannedDeliveryDate: '2099-01-15',
      prescriber: { id: 'ot1' },
      lines: [{ status: 'picking', statusSv: 'För plock' }],
    });
  });

  it('order ops check roles and arguments at the edge', async () => {
    const fulfil = await ot.request('fulfil.pick', { orderNo: 1 });
    expect(fulfil.ok ? 'ok' : fulfil.error.code).toBe('forbidden');
    const place = await staff.request('order.place', {
      idempotencyKey: 'x',
      recipient: { kind: 'patient', pnr: ERIK },
      lines: [{ artNo: ROLLATOR, quantity: 1 }],
    });
    expect(place.ok ? 'ok' : place.error.code).toBe('forbidden');
    const long = await ot.request('order.place', {
      idempotencyKey: 'y',
      recipient: { kind: 'patient', pnr: ERIK },
      lines: [{ artNo: ROLLATOR, quantity: 1 }],
      otherInfo: 'x'.repeat(256),
    });
    expect(long.ok ? 'ok' : long.error.code).toBe('invalid_request');
    const outside = await ot.request('order.place', {
      idempotencyKey: 'z',
      recipient: { kind: 'patient', pnr: '19520704-2465' },
      lines: [{ artNo: ROLLATOR, quantity: 1 }],
    });
    expect(outside.ok ? 'ok' : outside.error.code).toBe('not_resident');
  });
});
