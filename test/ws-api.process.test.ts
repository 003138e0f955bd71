// Integration over a real WebSocket against the real engine process (LMDB, uWS): every op of the slice, in
// msgpack and JSON, and bad input that must get the right error while the engine keeps serving others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAME_BYTES_MAX } from '../schemas/limits.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { heldDevice } from './helpers/held-device.ts';
import { TestClient } from './helpers/ws-client.ts';

let engine: EngineProcess;
beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
});
afterAll(async () => {
  await engine?.stop();
});

for (const encoding of ['msgpack', 'json'] as const) {
  describe(`ops over ${encoding}`, () => {
    let ot: TestClient;
    let staff: TestClient;
    let rollator: string;
    beforeAll(async () => {
      ot = await TestClient.connect(engine.wsUrl, encoding);
      staff = await TestClient.connect(engine.wsUrl, encoding);
      await ot.login('ot1');
      await staff.login('hmc1');
    });
    afterAll(async () => {
      await ot.close();
      await staff.close();
    });

    it('session.login returns a token and the user without its password hash', async () => {
      const c = await TestClient.connect(engine.wsUrl, encoding);
      const result = await c.login('pt1');
      expect(result.token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(result.user).toMatchObject({ id: 'pt1', profession: 'pt', roles: ['prescriber'] });
      expect(result.user.passwordHash).toBeUndefined();
      await c.close();
    });

    it('catalog.isoTree gives the tree with Swedish titles and counts', async () => {
      const { nodes } = await ot.call('catalog.isoTree', { depth: 1 });
      expect(nodes.map((n: { code: string }) => n.code)).toContain('12');
      expect(nodes.every((n: { level: number }) => n.level === 1)).toBe(true);
      const sub = await ot.call('catalog.isoTree', { code: '12 06', depth: 2, includeStock: true });
      const rollators = sub.nodes.find((n: { code: string }) => n.code === '12 06 06');
      expect(rollators.titleSv).toBe('Rollatorer');
      expect(rollators.articleCount).toBeGreaterThan(0);
      expect(rollators.inStockCount).toBeGreaterThan(0);
      expect(rollators.inStockCount).toBeLessThanOrEqual(rollators.articleCount);
    });

    it('catalog.list pages through a subtree and filters on available stock', async () => {
      const all = await ot.call('catalog.list', { isoCode: '12 06 06', limit: 5 });
      const inStock = await ot.call('catalog.list', { isoCode: '12 06 06', inStockOnly: true, limit: 200 });
      expect(all.articles.length).toBeLessThanOrEqual(5);
      expect(inStock.total).toBeLessThanOrEqual(all.total);
      expect(inStock.articles.every((a: { available: { main: number } }) => a.available.main > 0)).toBe(true);
      expect(inStock.articles[0].available.buffer.warehouse).toBe('B101');
      const page2 = await ot.call('catalog.list', { isoCode: '12 06 06', limit: 5, offset: 5 });
      expect(page2.articles[0]?.artNo).not.toBe(all.articles[0].artNo);
      rollator = inStock.articles[0].artNo;
    });

    it('catalog.article shows the article page with balances', async () => {
      const page = await ot.call('catalog.article', { artNo: rollator });
      expect(page.article.artNo).toBe(rollator);
      expect(page.isoPath.map((p: { code: string }) => p.code)).toEqual(['12', '12 06', '12 06 06']);
      expect(page.available.main).toBeGreaterThan(0);
      expect(page.available.buffer.warehouse).toBe('B101');
      expect(page.supplier.name.length).toBeGreaterThan(0);
      const missing = await ot.request('catalog.article', { artNo: '000000' });
      expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
    });

    it('admin.stockAdjust is refused to a prescriber and pushes the new balance to subscribers', async () => {
      const denied = await ot.request('admin.stockAdjust', {
        warehouse: '10',
        artNo: rollator,
        delta: 1,
        reason: 'received',
      });
      expect(denied.ok ? 'ok' : denied.error.code).toBe('forbidden');
      const before = await ot.call('stock.get', { artNo: rollator, warehouse: '10' });
      await ot.call('subscribe', { topic: `stock/${rollator}` });
      const done = await staff.call('admin.stockAdjust', {
        warehouse: '10',
        artNo: rollator,
        delta: 2,
        reason: 'received',
        note: 'inleverans',
      });
      expect(done.onHand).toBe(before.rows[0].onHand + 2);
      const push = await ot.waitForPush((p) => p.topic === `stock/${rollator}` && p.event.seq === done.seq);
      expect(push.event).toMatchObject({ warehouse: '10', artNo: rollator, onHand: done.onHand });
      const after = await ot.call('stock.get', { artNo: rollator });
      expect(after.rows.find((r: { warehouse: string }) => r.warehouse === '10').onHand).toBe(done.onHand);
      const tooMuch = await staff.request('admin.stockAdjust', {
        warehouse: '10',
        artNo: rollator,
        delta: -100_000,
        reason: 'damaged',
      });
      expect(tooMuch.ok ? 'ok' : tooMuch.error.code).toBe('insufficient_stock');
      await ot.call('unsubscribe', { topic: `stock/${rollator}` });
    });

    it('register.search finds residents, marks non-residents and never lists protected identities', async () => {
      const { hits } = await ot.call('register.search', { text: 'Halmstad', limit: 100 });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h: { protectedIdentity: boolean }) => h.protectedIdentity === false)).toBe(true);
      const person = hits[0];
      const byPnr = await ot.call('register.search', { text: person.pnrDisplay });
      expect(byPnr.hits.map((h: { pnr: string }) => h.pnr)).toEqual([person.pnr]);
      const patient = await ot.call('patient.get', { pnr: person.pnrDisplay });
      expect(patient.person).toMatchObject({ pnr: person.pnr, prescribable: true });
      expect(Array.isArray(patient.devices)).toBe(true);
      const bad = await ot.request('patient.get', { pnr: '19400101-1235' });
      expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid_pnr');
    });

    it('individual.get shows who holds a device, and refuses unknown or malformed numbers', async () => {
      const { device } = await heldDevice(ot);
      const card = await ot.call('individual.get', { indNo: device.indNo });
      expect(card.individual).toMatchObject({ indNo: device.indNo, artNo: device.artNo });
      expect(card.holder).toMatchObject({ kind: 'patient', protectedIdentity: false });
      expect(card.revealedPnr).toBeUndefined();
      const unknown = await ot.request('individual.get', { indNo: 99_999_999 });
      expect(unknown.ok ? 'ok' : unknown.error.code).toBe('not_found');
      const malformed = await ot.request('individual.get', { indNo: 'K-1' });
      expect(malformed.ok ? 'ok' : malformed.error.code).toBe('invalid_request');
    });
  });
}

describe('bad input', () => {
  it('garbage bytes and invalid JSON get invalid_request with id null, and the connection stays open', async () => {
    const c = await TestClient.connect(engine.wsUrl, 'msgpack');
    c.sendBytes(new Uint8Array([0xc1, 0xff, 0x00, 0x13]), true);
    const garbage = await c.nextOrphan();
    expect(garbage).toMatchObject({ id: null, ok: false, error: { code: 'invalid_request' } });
    c.sendBytes('{"id": 1, "op": ', false);
    expect(await c.nextOrphan()).toMatchObject({ id: null, ok: false, error: { code: 'invalid_request' } });
    await c.login('ot1');
    await c.close();
  });

  it('unknown op, wrong field types, ops before login and a wrong password get their codes', async () => {
    const c = await TestClient.connect(engine.wsUrl, 'json');
    const early = await c.request('stock.get', { artNo: '123456' });
    expect(early.ok ? 'ok' : early.error.code).toBe('unauthorized');
    const wrong = await c.request('session.login', { username: 'ot1', password: 'wrong' });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('bad_credentials');
    const nobody = await c.request('session.login', { username: 'nobody', password: 'demo' });
    expect(nobody.ok ? 'ok' : nobody.error.code).toBe('bad_credentials');
    await c.login('ot1');
    const unknown = await c.request('catalog.fly', {});
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('unknown_op');
    const types = await c.request('stock.get', { artNo: 123456 });
    expect(types.ok ? 'ok' : types.error.code).toBe('invalid_request');
    expect(types.ok ? [] : types.error.issues).toEqual([expect.objectContaining({ path: ['artNo'] })]);
    const envelope = await c.request('stock.get', 'not an object');
    expect(envelope.ok ? 'ok' : envelope.error.code).toBe('invalid_request');
    await c.close();
  });

  it('a frame over the size limit closes that connection with 1009, and others keep working', async () => {
    const bystander = await TestClient.connect(engine.wsUrl, 'msgpack');
    await bystander.login('ot1');
    const c = await TestClient.connect(engine.wsUrl, 'msgpack');
    c.sendBytes(new Uint8Array(FRAME_BYTES_MAX + 1), true);
    expect(await c.waitClosed()).toBe(1009);
    const tree = await bystander.call('catalog.isoTree', { depth: 1 });
    expect(tree.nodes.length).toBeGreaterThan(5);
    await bystander.close();
  });

  it('logout ends the session on every connection; resume works until then', async () => {
    const a = await TestClient.connect(engine.wsUrl, 'msgpack');
    const { token } = await a.login('ot1');
    const b = await TestClient.connect(engine.wsUrl, 'msgpack');
    expect((await b.call('session.resume', { token })).user.id).toBe('ot1');
    await b.call('stock.get', { artNo: '123456' }).catch((e) => expect(e.code).toBe('not_found'));
    await a.call('session.logout', {});
    const after = await b.request('catalog.isoTree', { depth: 1 });
    expect(after.ok ? 'ok' : after.error.code).toBe('unauthorized');
    const resumed = await b.request('session.resume', { token });
    expect(resumed.ok ? 'ok' : resumed.error.code).toBe('unauthorized');
    await a.close();
    await b.close();
  });

  it('a client that leaves while its command is being committed does not disturb the engine', async () => {
    const staff = await TestClient.connect(engine.wsUrl, 'msgpack');
    await staff.login('hmc1');
    const { articles } = await staff.call('catalog.list', { isoCode: '12', inStockOnly: true, limit: 1 });
    for (let i = 0; i < 20; i++)
      staff.sendRaw({
        id: 1000 + i,
        op: 'admin.stockAdjust',
        args: { warehouse: '10', artNo: articles[0].artNo, delta: 1, reason: 'received' },
      });
    await staff.close();
    await new Promise((r) => setTimeout(r, 200));
    const after = await TestClient.connect(engine.wsUrl, 'json');
    await after.login('ot1');
    expect((await after.call('stock.get', { artNo: articles[0].artNo })).artNo).toBe(articles[0].artNo);
    await after.close();
  });

  it('/health and /metrics answer over HTTP', async () => {
    const health = await (await fetch(`${engine.url}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', store: 'lmdb' });
    const metrics = await (await fetch(`${engine.url}/metrics`)).text();
    expect(metrics).toMatch(/^aidstock_connections \d+$/m);
    expect(metrics).toMatch(/aidstock_requests_total\{op="session.login"\} \d+/);
    expect(metrics).toMatch(/aidstock_errors_total\{op="stock.get",code="unauthorized"\} \d+/);
    expect(metrics).toMatch(/aidstock_request_duration_seconds_bucket\{op="catalog.isoTree",le="\+Inf"\} \d+/);
  });
});
