// Retur av hjälpmedel over a real WebSocket against the real engine (LMDB, uWS): ot1 de-registers the demo patient's
// sale articles from B101, HMC receives a sent-back return live, bad input and wrong roles are refused, and
// patient.returned / patient.get's saleArticles are access-logged with a protected identity hidden.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const ERIK = '19811218-9876';
const ERIK12 = '198112189876';
const KARIN = '19450312-2345';
/** Seeded: ot1 gave Erik two elbow crutches and a basket from B101 (engine/seed/demo-sale-orders.ts). */
const CRUTCH = '100124';
const BASKET = '100105';

let engine: EngineProcess;
let ot: TestClient;
let pt: TestClient;
let staff: TestClient;
let reviewer: TestClient;
beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  [ot, pt, staff, reviewer] = await Promise.all([
    TestClient.connect(engine.wsUrl),
    TestClient.connect(engine.wsUrl, 'json'),
    TestClient.connect(engine.wsUrl),
    TestClient.connect(engine.wsUrl, 'json'),
  ]);
  await Promise.all([ot.login('ot1'), pt.login('pt1'), staff.login('hmc1'), reviewer.login('log1')]);
});
afterAll(async () => {
  await Promise.all([ot?.close(), pt?.close(), staff?.close(), reviewer?.close()]);
  await engine?.stop();
});

const codeOf = (reply: { ok: boolean; error?: { code: string } }) => (reply.ok ? 'ok' : reply.error!.code);

describe('return ops over WebSocket', () => {
  it('patient.get lists the seeded sale articles of the patient', async () => {
    const view = await ot.call('patient.get', { pnr: ERIK });
    const byArt = Object.fromEntries(view.saleArticles.map((s: { artNo: string; quantity: number }) => [s.artNo, s]));
    expect(byArt[CRUTCH]).toMatchObject({ quantity: 2, name: expect.stringContaining('Armbågskrycka') });
    expect(byArt[BASKET]).toMatchObject({ quantity: 1 });
    expect(byArt[CRUTCH].lastOrderNo).toBeGreaterThan(0);
  });

  it('refuses bad input with invalid_request and the engine keeps serving', async () => {
    const bad = [
      { pnr: ERIK, disposition: 'keep', lines: [] },
      { pnr: ERIK, disposition: 'keep', lines: [{ artNo: CRUTCH, quantity: 0 }] },
      { pnr: ERIK, disposition: 'throwAway', lines: [{ artNo: CRUTCH, quantity: 1 }] },
      { pnr: ERIK, disposition: 'keep', lines: [{ artNo: '12', quantity: 1 }] },
      { pnr: ERIK, disposition: 'keep', lines: [{ artNo: CRUTCH, quantity: 1 }], extra: 1 },
    ];
    for (const args of bad) expect(codeOf(await ot.request('return.register', args))).toBe('invalid_request');
    expect(codeOf(await staff.request('return.receive', { returnNo: 0, outcome: 'stock' }))).toBe('invalid_request');
    expect(codeOf(await staff.request('return.receive', { returnNo: 1, outcome: 'keep' }))).toBe('invalid_request');
    expect(codeOf(await ot.request('patient.returned', { pnr: 'abc' }))).toBe('invalid_request');
    expect(codeOf(await ot.request('patient.returned', { pnr: '19811218-9875' }))).toBe('invalid_pnr');
    expect((await ot.call('patient.get', { pnr: ERIK })).person.pnr).toBe(ERIK12);
  });

  it('refuses wrong roles: staff cannot de-register, a prescriber cannot receive or list returns', async () => {
    const lines = [{ artNo: CRUTCH, quantity: 1 }];
    expect(codeOf(await staff.request('return.register', { pnr: ERIK, disposition: 'keep', lines }))).toBe('forbidden');
    expect(codeOf(await ot.request('return.receive', { returnNo: 1, outcome: 'stock' }))).toBe('forbidden');
    expect(codeOf(await ot.request('return.list', {}))).toBe('forbidden');
    expect(codeOf(await staff.request('return.bufferStock', {}))).toBe('forbidden');
    expect(codeOf(await ot.request('subscribe', { topic: 'returns' }))).toBe('forbidden');
  });

  it('refuses more than held (not_held) and a workplace without a buffer (no_buffer_warehouse)', async () => {
    const tooMany = await ot.request('return.register', {
      pnr: ERIK,
      disposition: 'keep',
      lines: [{ artNo: CRUTCH, quantity: 3 }],
    });
    expect(codeOf(tooMany)).toBe('not_held');
    const noBuffer = await pt.request('return.register', {
      pnr: ERIK,
      disposition: 'keep',
      lines: [{ artNo: CRUTCH, quantity: 1 }],
    });
    expect(codeOf(noBuffer)).toBe('no_buffer_warehouse');
    expect(noBuffer.ok ? '' : noBuffer.error.message).toContain('vita returlappen');
  });

  it('keep: the buffer shows the kept unit apart, and its balance does not grow', async () => {
    const before = await ot.call('return.bufferStock', {});
    expect(before.warehouse).toBe('B101');
    const row = (view: { rows: Array<{ artNo: string; available: number }> }) =>
      view.rows.find((r) => r.artNo === BASKET);
    const kept = await ot.call('return.register', {
      pnr: ERIK,
      disposition: 'keep',
      lines: [{ artNo: BASKET, quantity: 1 }],
    });
    expect(kept).toMatchObject({ warehouse: 'B101', disposition: 'keep', status: 'done' });
    const after = await ot.call('return.bufferStock', {});
    expect(row(after)).toMatchObject({ available: row(before)?.available ?? 0, kept: 1 });
  });

  it('send back: HMC sees it live in Returer från förråd and receives it into warehouse 10', async () => {
    await staff.call('subscribe', { topic: 'returns' });
    const before = await staff.call('stock.levels', { artNo: CRUTCH });
    const sent = await ot.call('return.register', {
      pnr: ERIK,
      disposition: 'sendBack',
      lines: [{ artNo: CRUTCH, quantity: 2 }],
    });
    await staff.waitForPush((p) => p.topic === 'returns' && p.event.returnNo === sent.returnNo);
    const list = await staff.call('return.list', {});
    const listed = list.returns.find((r: { returnNo: number }) => r.returnNo === sent.returnNo);
    expect(listed).toMatchObject({ warehouse: 'B101', status: 'onTheWay', lines: [{ artNo: CRUTCH, quantity: 2 }] });
    expect(JSON.stringify(list)).not.toContain(ERIK12);
    const received = await staff.call('return.receive', { returnNo: sent.returnNo, outcome: 'stock' });
    expect(received).toMatchObject({ returnNo: sent.returnNo, outcome: 'stock' });
    await staff.waitForPush((p) => p.topic === 'returns' && p.event.status === 'received');
    const after = await staff.call('stock.levels', { artNo: CRUTCH });
    const main = (levels: { rows: Array<{ warehouse: string; onHand: number }> }) =>
      levels.rows.find((l) => l.warehouse === '10')?.onHand ?? 0;
    expect(main(after)).toBe(main(before) + 2);
    const again = await staff.request('return.receive', { returnNo: sent.returnNo, outcome: 'stock' });
    expect(codeOf(again)).toBe('return_not_pending');
    const left = (await ot.call('patient.get', { pnr: ERIK })).saleArticles.map((s: { artNo: string }) => s.artNo);
    expect(left).not.toContain(CRUTCH);
    expect(left).not.toContain(BASKET);
  });

  it('patient.returned lists the de-registrations and is access-logged; a protected identity stays hidden', async () => {
    const returned = await ot.call('patient.returned', { pnr: ERIK });
    expect(returned.person.pnr).toBe(ERIK12);
    expect(returned.returned.map((r: { how: string; artNo: string }) => [r.how, r.artNo])).toEqual([
      ['deregistration', CRUTCH],
      ['deregistration', BASKET],
    ]);
    const karin = await ot.call('patient.returned', { pnr: KARIN });
    expect(karin.person).toMatchObject({ givenName: 'Skyddad', familyName: 'identitet', address: null });
    expect(JSON.stringify(karin)).not.toContain('Karin');
    const karinGet = await ot.call('patient.get', { pnr: KARIN });
    expect(JSON.stringify(karinGet)).not.toContain('Karin');
    const log = await reviewer.call('accessLog.user', { userId: 'ot1', fromMs: 0, toMs: 2 ** 52, limit: 500 });
    const actions = log.entries.map((e: { action: string; pnr: string }) => `${e.action}:${e.pnr}`);
    expect(actions).toContain(`patient.returned:${ERIK12}`);
    expect(actions).toContain('patient.returned:194503122345');
  });
});
