// Lager and Ändringslogg over a real WebSocket (LMDB, uWS): the stock ledger, balances per warehouse, minimum levels,
// the below-minimum list and the change log, with bad input and wrong roles; then kill -9 and a restart, after which
// the ledger and the change log answer exactly as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine, tempDataDir } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const READ_OPS = ['stock.ledger', 'stock.levels', 'stock.belowMin'] as const;

async function codeOf(client: TestClient, op: string, args: unknown): Promise<string> {
  const reply = await client.request(op, args);
  return reply.ok ? 'ok' : reply.error.code;
}

async function stockedArticle(client: TestClient): Promise<string> {
  const { articles } = await client.call('catalog.list', { isoCode: '12', inStockOnly: true, limit: 1 });
  return articles[0].artNo;
}

describe('Lager and Ändringslogg over the WebSocket', () => {
  let engine: EngineProcess;
  let admin: TestClient;
  let hmc: TestClient;
  let ot: TestClient;
  let artNo: string;
  const dataDir = tempDataDir('admin-stock');
  beforeAll(async () => {
    engine = await startEngine({ dataDir });
    [admin, hmc, ot] = await Promise.all([1, 2, 3].map(() => TestClient.connect(engine.wsUrl)));
    await Promise.all([admin.login('admin'), hmc.login('hmc1'), ot.login('ot1')]);
    artNo = await stockedArticle(admin);
  });
  afterAll(async () => {
    await Promise.all([admin, hmc, ot].map((c) => c?.close()));
    await engine?.stop();
  });

  it('an adjustment is the newest ledger line, with reason, user and balance after; pages go older by cursor', async () => {
    const done = await admin.call('admin.stockAdjust', {
      warehouse: '10',
      artNo,
      delta: 3,
      reason: 'inventory',
      note: 'räknat',
    });
    await hmc.call('admin.stockAdjust', { warehouse: 'B101', artNo, delta: 1, reason: 'received' });
    const page = await hmc.call('stock.ledger', { artNo, limit: 1 });
    expect(page.lines).toEqual([expect.objectContaining({ warehouse: 'B101', cause: 'adjusted', userId: 'hmc1' })]);
    const older = await hmc.call('stock.ledger', { artNo, limit: 1, cursor: page.next });
    expect(older.lines[0]).toMatchObject({
      seq: done.seq,
      warehouse: '10',
      cause: 'adjusted',
      reason: 'inventory',
      note: 'räknat',
      userId: 'admin',
      onHandDelta: 3,
      reservedDelta: 0,
      onHandAfter: done.onHand,
      orderNo: null,
      pickupNo: null,
    });
    const only10 = await hmc.call('stock.ledger', { artNo, warehouse: '10', limit: 1 });
    expect(only10.lines[0].seq).toBe(done.seq);
    expect(JSON.stringify(page)).not.toMatch(/pnr|name|address/i);
  });

  it('refuses bad input with invalid_request and unknown articles or warehouses with not_found', async () => {
    for (const args of [
      { artNo: '12' },
      { artNo, limit: 0 },
      { artNo, limit: 201 },
      { artNo, cursor: 'x.y' },
      { artNo, extra: 1 },
      {},
    ]) {
      expect(await codeOf(hmc, 'stock.ledger', args)).toBe('invalid_request');
    }
    expect(await codeOf(hmc, 'stock.ledger', { artNo: '000000' })).toBe('not_found');
    expect(await codeOf(hmc, 'stock.ledger', { artNo, warehouse: 'X9' })).toBe('not_found');
    expect(await codeOf(hmc, 'stock.levels', { artNo: '000000' })).toBe('not_found');
    expect(await codeOf(hmc, 'stock.belowMin', { cursor: 'abc' })).toBe('invalid_request');
    expect(await codeOf(admin, 'admin.stockMinSet', { warehouse: '10', artNo, minLevel: -1 })).toBe('invalid_request');
    expect(await codeOf(admin, 'admin.stockMinSet', { warehouse: '10', artNo, minLevel: 2.5 })).toBe('invalid_request');
    expect(await codeOf(admin, 'admin.stockMinSet', { warehouse: 'X9', artNo, minLevel: 1 })).toBe('not_found');
    expect(await codeOf(admin, 'admin.changeLog', { entityId: artNo })).toBe('invalid_request');
    expect(await codeOf(admin, 'admin.changeLog', { fromMs: -1 })).toBe('invalid_request');
    expect(await codeOf(admin, 'admin.changeLog', { cursor: '1.2' })).toBe('invalid_request');
  });

  it('prescribers are refused every op; HMC staff read the ledger and lists but set no minimum and read no change log', async () => {
    for (const op of [...READ_OPS, 'admin.stockMinSet', 'admin.changeLog']) {
      const args =
        op === 'admin.stockMinSet'
          ? { warehouse: '10', artNo, minLevel: 1 }
          : op === 'stock.belowMin' || op === 'admin.changeLog'
            ? {}
            : { artNo };
      expect(await codeOf(ot, op, args)).toBe('forbidden');
      const staffCode = await codeOf(hmc, op, args);
      expect(staffCode).toBe(op.startsWith('admin.') ? 'forbidden' : 'ok');
    }
  });

  it('a minimum above the balance lists the row under its minimum, and the change log shows before → after', async () => {
    const levels = await hmc.call('stock.levels', { artNo });
    const main = levels.rows.find((r: { warehouse: string }) => r.warehouse === '10');
    expect(levels.rows.some((r: { warehouseKind: string }) => r.warehouseKind === 'buffer')).toBe(true);
    const set = await admin.call('admin.stockMinSet', { warehouse: '10', artNo, minLevel: main.available + 1 });
    expect(set).toMatchObject({ minLevel: main.available + 1, before: 0 });
    const below = await hmc.call('stock.belowMin', { warehouse: '10', limit: 200 });
    expect(below.rows).toContainEqual(
      expect.objectContaining({ artNo, warehouse: '10', minLevel: main.available + 1 }),
    );
    const log = await admin.call('admin.changeLog', { entityKind: 'stock', entityId: artNo, limit: 10 });
    expect(log.changes[0]).toMatchObject({
      type: 'stock.minLevelSet',
      userId: 'admin',
      beforeKnown: true,
      fields: [{ field: 'minLevel', before: 0, after: main.available + 1 }],
    });
    expect(log.changes.map((c: { type: string }) => c.type)).toEqual([
      'stock.minLevelSet',
      'stock.adjusted',
      'stock.adjusted',
    ]);
    const byHmc = await admin.call('admin.changeLog', { userId: 'hmc1' });
    expect(byHmc.changes.every((c: { userId: string }) => c.userId === 'hmc1')).toBe(true);
    await admin.call('admin.stockMinSet', { warehouse: '10', artNo, minLevel: 0 });
    const cleared = await hmc.call('stock.belowMin', { warehouse: '10', limit: 200 });
    expect(cleared.rows.some((r: { artNo: string }) => r.artNo === artNo)).toBe(false);
  });

  it('after kill -9 and a restart, the ledger and the change log answer exactly as before', async () => {
    const ledger = await hmc.call('stock.ledger', { artNo, limit: 50 });
    const log = await admin.call('admin.changeLog', { limit: 50 });
    await Promise.all([admin, hmc, ot].map((c) => c.close()));
    await engine.kill9();
    engine = await startEngine({ dataDir });
    [admin, hmc, ot] = await Promise.all([1, 2, 3].map(() => TestClient.connect(engine.wsUrl)));
    await Promise.all([admin.login('admin'), hmc.login('hmc1'), ot.login('ot1')]);
    expect(await hmc.call('stock.ledger', { artNo, limit: 50 })).toEqual(ledger);
    expect(await admin.call('admin.changeLog', { limit: 50 })).toEqual(log);
  });
});
