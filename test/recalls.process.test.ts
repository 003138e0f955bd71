// Recalls over a real WebSocket against the real engine (LMDB, uWS): hmc1 recalls an article that ot1 delivered to a
// patient; ot1 gets one message (pushed on messages/ot1), ordering is refused, the staff topic `recalls` pushes,
// recall.get is access-logged per patient shown; bad input and wrong roles get their codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const ERIK = '19811218-9876';
const ERIK12 = '198112189876';
const ROLLATOR = '100104';
const ALL_TIME = { fromMs: 0, toMs: 2 ** 52 };

let engine: EngineProcess;
let ot: TestClient;
let staff: TestClient;
let reviewer: TestClient;
beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  [ot, staff, reviewer] = await Promise.all([
    TestClient.connect(engine.wsUrl),
    TestClient.connect(engine.wsUrl, 'json'),
    TestClient.connect(engine.wsUrl),
  ]);
  await Promise.all([ot.login('ot1'), staff.login('hmc1'), reviewer.login('log1')]);
});
afterAll(async () => {
  await Promise.all([ot?.close(), staff?.close(), reviewer?.close()]);
  await engine?.stop();
});

const codeOf = (reply: { ok: boolean; error?: { code: string } }) => (reply.ok ? 'ok' : reply.error!.code);

describe('recalls over the WebSocket', () => {
  it('refuses prescribers every staff op and the staff topic; bad input gets invalid_request', async () => {
    for (const [op, args] of [
      ['recall.create', { artNo: ROLLATOR, notice: 'x' }],
      ['recall.preview', { artNo: ROLLATOR }],
      ['recall.list', {}],
      ['recall.get', { recallNo: 1 }],
      ['recall.setProgress', { recallNo: 1, entries: [{ holderKey: 'i:1', progress: 'contacted' }] }],
      ['recall.close', { recallNo: 1 }],
    ] as const)
      expect(codeOf(await ot.request(op, args)), op).toBe('forbidden');
    expect(codeOf(await ot.request('subscribe', { topic: 'recalls' }))).toBe('forbidden');
    for (const args of [
      { artNo: ROLLATOR },
      { artNo: '12', notice: 'x' },
      { artNo: ROLLATOR, notice: 'x', indNoFrom: 9 },
      { artNo: ROLLATOR, notice: 'x', indNoFrom: 9, indNoTo: 8 },
      { artNo: ROLLATOR, notice: 'x', extra: 1 },
    ])
      expect(codeOf(await staff.request('recall.create', args))).toBe('invalid_request');
    expect(codeOf(await staff.request('recall.close', { recallNo: 1, force: true }))).toBe('invalid_request');
    expect(codeOf(await staff.request('recall.get', { recallNo: 999 }))).toBe('not_found');
    expect(codeOf(await staff.request('recall.create', { artNo: '000000', notice: 'x' }))).toBe('not_found');
  });

  it('hmc1 recalls an article ot1 delivered: ot1 gets one message, ordering is refused, recall.get is logged', async () => {
    const placed = await ot.call('order.place', {
      idempotencyKey: 'recall-1',
      recipient: { kind: 'patient', pnr: ERIK },
      lines: [{ artNo: ROLLATOR, quantity: 1 }],
    });
    for (const op of ['fulfil.pick', 'fulfil.dispatch', 'fulfil.deliver'])
      await staff.call(op, { orderNo: placed.orderNo });
    await ot.call('subscribe', { topic: 'messages/ot1' });
    await staff.call('subscribe', { topic: 'recalls' });
    const preview = await staff.call('recall.preview', { artNo: ROLLATOR });
    expect(preview.byKind.patient).toBeGreaterThan(0);
    expect(preview.prescribers).toBeGreaterThanOrEqual(1);
    const { recall, seq } = await staff.call('recall.create', { artNo: ROLLATOR, notice: 'Bromsen kan släppa.' });
    expect(recall).toMatchObject({ artNo: ROLLATOR, holdersAtCreate: preview.holders });
    await staff.waitForPush((p) => p.topic === 'recalls' && p.event.seq === seq);
    const pushed = await ot.waitForPush((p) => p.topic === 'messages/ot1' && p.event.seq === seq);
    expect(pushed.event.message).toMatchObject({ kind: 'recall', recallNo: recall.recallNo, artNo: ROLLATOR });
    const { messages } = await ot.call('message.list', {});
    const mine = messages.filter((m: { kind: string; recallNo?: number }) => m.recallNo === recall.recallNo);
    expect(mine).toHaveLength(1);
    expect(mine[0].text).not.toContain('Erik');
    const again = await ot.request('order.place', {
      idempotencyKey: 'recall-2',
      recipient: { kind: 'patient', pnr: ERIK },
      lines: [{ artNo: ROLLATOR, quantity: 1 }],
    });
    expect(codeOf(again)).toBe('article_recalled');
    const notice = await ot.call('recall.notice', { artNo: ROLLATOR });
    expect(notice.recalls[0].notice).toBe('Bromsen kan släppa.');
    const page = await staff.call('recall.get', { recallNo: recall.recallNo, kind: 'patient', limit: 200 });
    const erik = page.holders.find((h: { pnr: string | null }) => h.pnr === ERIK12);
    expect(erik).toMatchObject({ kind: 'patient', orderNo: placed.orderNo, prescriber: { id: 'ot1' } });
    const log = await reviewer.call('accessLog.user', { userId: 'hmc1', ...ALL_TIME, limit: 500 });
    const logged = log.entries.filter((e: { action: string }) => e.action === 'recall.get');
    expect(new Set(logged.map((e: { pnr: string }) => e.pnr))).toEqual(
      new Set(page.holders.map((h: { pnr: string }) => h.pnr)),
    );
    // A page without patients shows nobody and logs nothing more.
    await staff.call('recall.get', { recallNo: recall.recallNo, kind: 'warehouse' });
    const after = await reviewer.call('accessLog.user', { userId: 'hmc1', ...ALL_TIME, limit: 500 });
    expect(after.entries.filter((e: { action: string }) => e.action === 'recall.get')).toHaveLength(logged.length);
    // Progress and a forced close, each pushed on `recalls`.
    const set = await staff.call('recall.setProgress', {
      recallNo: recall.recallNo,
      entries: [{ holderKey: erik.key, progress: 'contacted' }],
    });
    await staff.waitForPush((p) => p.topic === 'recalls' && p.event.seq === set.seq);
    expect(codeOf(await staff.request('recall.close', { recallNo: recall.recallNo }))).toBe('recall_not_done');
    const closed = await staff.call('recall.close', { recallNo: recall.recallNo, force: true, reason: 'Test' });
    expect(closed.recall.forcedReason).toBe('Test');
    const listed = await staff.call('recall.list', {});
    expect(listed.recalls[0]).toMatchObject({ recallNo: recall.recallNo, byProgress: { contacted: 1 } });
  });
});
