// HMC oversight over a real WebSocket against the engine process (LMDB): admin.settingSet and settings.get with bad
// input and wrong roles (prescribers and HMC staff get `forbidden`), the setting and the order ages surviving a restart
// with the clock two weeks ahead (CLOCK_OFFSET_MS), the change pushed to staff topics, and fulfil.backorders for staff
// only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const KEY = 'oversight.orderUnpickedWorkingDays';
const TWO_WEEKS_MS = 14 * 86_400_000;

let engine: EngineProcess;
const clients: TestClient[] = [];

async function as(username: string, encoding: 'json' | 'msgpack' = 'json'): Promise<TestClient> {
  const client = await TestClient.connect(engine.wsUrl, encoding);
  await client.login(username);
  clients.push(client);
  return client;
}

async function codeOf(client: TestClient, op: string, args: unknown): Promise<string> {
  const reply = await client.request(op, args);
  return reply.ok ? 'ok' : reply.error.code;
}

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
}, 90_000);
afterAll(async () => {
  for (const client of clients) await client.close();
  await engine?.stop();
});

describe('admin.settingSet and settings.get', () => {
  it('refuses prescribers and HMC staff with forbidden; staff read the settings, prescribers do not', async () => {
    for (const username of ['ot1', 'pt1', 'hmc1']) {
      const client = await as(username);
      expect(await codeOf(client, 'admin.settingSet', { key: KEY, value: 3 }), username).toBe('forbidden');
    }
    const ot = await as('ot1', 'msgpack');
    expect(await codeOf(ot, 'settings.get', {})).toBe('forbidden');
    expect(await codeOf(ot, 'fulfil.backorders', {})).toBe('forbidden');
    const hmc = await as('hmc1', 'msgpack');
    const { settings } = await hmc.call('settings.get', {});
    expect(settings.find((s: { key: string }) => s.key === KEY)).toMatchObject({
      value: 2,
      defaultValue: 2,
      min: 0,
      max: 60,
      set: null,
    });
  });

  it('answers bad input with invalid_request, unknown keys and values out of range with Swedish refusals', async () => {
    const admin = await as('admin');
    for (const args of [
      {},
      { key: KEY },
      { key: KEY, value: '3' },
      { key: KEY, value: 2.5 },
      { key: KEY, value: 3, extra: true },
      { key: '', value: 3 },
      { key: 'k'.repeat(65), value: 3 },
      { key: KEY, value: 1e12 },
      null,
      [KEY, 3],
    ]) {
      expect(await codeOf(admin, 'admin.settingSet', args), JSON.stringify(args)).toBe('invalid_request');
    }
    const unknown = await admin.request('admin.settingSet', { key: 'oversight.unknown', value: 3 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_setting' } });
    const high = await admin.request('admin.settingSet', { key: KEY, value: 61 });
    expect(high).toMatchObject({ ok: false, error: { code: 'setting_out_of_range' } });
    expect(!high.ok && high.error.message).toMatch(/mellan 0 och 60 arbetsdagar/);
    expect(await codeOf(admin, 'settings.get', { extra: 1 })).toBe('invalid_request');
    expect(await codeOf(admin, 'fulfil.backorders', { limit: 0 })).toBe('invalid_request');
    // The engine kept serving.
    expect((await admin.call('settings.get', {})).settings).toHaveLength(4); // issue 15 adds loans.reminderWorkingDays
  });

  it('pushes a changed setting on the staff topics orders and pickups, after it is durable', async () => {
    const hmc = await as('hmc1', 'msgpack');
    await hmc.call('subscribe', { topic: 'orders' });
    await hmc.call('subscribe', { topic: 'pickups' });
    const admin = await as('admin');
    const key = 'oversight.pickupOpenWorkingDays';
    const pushes = Promise.all(
      ['orders', 'pickups'].map((topic) =>
        hmc.waitForPush((push) => push.topic === topic && (push.event as { type: string }).type === 'setting'),
      ),
    );
    const { seq } = await admin.call('admin.settingSet', { key, value: 9 });
    for (const push of await pushes) expect(push.event).toEqual({ type: 'setting', seq, key, value: 9 });
  });

  it('acknowledges a change once durable: it survives a restart, and ages count with the clock two weeks on', async () => {
    const admin = await as('admin', 'msgpack');
    const set = await admin.call('admin.settingSet', { key: KEY, value: 4 });
    expect(set.setting).toMatchObject({ key: KEY, value: 4, defaultValue: 2, set: { by: { id: 'admin' } } });
    const ot = await as('ot1');
    const placed = await ot.call('order.place', {
      idempotencyKey: 'oversight-ws-1',
      recipient: { kind: 'patient', pnr: '19811218-9876' },
      lines: [{ artNo: '100104', quantity: 1 }],
    });
    const hmc = await as('hmc1');
    const fresh = await hmc.call('order.list', { open: true, limit: 10 });
    expect(fresh.orders.find((o: { orderNo: number }) => o.orderNo === placed.orderNo)).toMatchObject({
      ageWorkingDays: 0,
      flagged: false,
    });
    expect(fresh.oversight).toMatchObject({ thresholdWorkingDays: 4 });
    for (const client of clients.splice(0)) await client.close();
    await engine.stop();
    engine = await startEngine({
      dataDir: engine.dataDir,
      scale: 'tiny',
      env: { CLOCK_OFFSET_MS: String(TWO_WEEKS_MS) },
    });
    const later = await as('hmc1');
    const { settings } = await later.call('settings.get', {});
    expect(settings.find((s: { key: string }) => s.key === KEY).value).toBe(4);
    const listed = await later.call('order.list', { open: true, limit: 10 });
    const row = listed.orders.find((o: { orderNo: number }) => o.orderNo === placed.orderNo);
    expect(row.ageWorkingDays).toBeGreaterThanOrEqual(8);
    expect(row.flagged).toBe(true);
    expect(listed.oversight.flagged).toBeGreaterThanOrEqual(1);
    const detail = await later.call('order.get', { orderNo: placed.orderNo });
    expect(detail.ageWorkingDays).toBe(row.ageWorkingDays);
    const backorders = await later.call('fulfil.backorders', {});
    expect(backorders).toMatchObject({ total: expect.any(Number), thresholdWorkingDays: 4 });
  }, 120_000);
});
