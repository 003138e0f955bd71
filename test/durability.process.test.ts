// Durable before acknowledged: kill -9 the engine in the middle of a stream of stock adjustments; after a restart
// every acknowledged adjustment is there, nothing is half-applied (journal position and balance agree), and a
// clean restart rebuilds the same answers.
import { describe, expect, it } from 'vitest';
import { startEngine, tempDataDir } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const IN_FLIGHT = 32;
const ACKS_BEFORE_KILL = 400;

async function health(url: string): Promise<{ seq: number }> {
  return (await fetch(`${url}/health`)).json() as Promise<{ seq: number }>;
}

async function someStockedArticle(client: TestClient): Promise<string> {
  const { articles } = await client.call('catalog.list', { isoCode: '12', inStockOnly: true, limit: 1 });
  return articles[0].artNo;
}

describe('durability', () => {
  it('after kill -9 mid-stream, every acknowledged adjustment survives and none is half-applied', async () => {
    const dataDir = tempDataDir('kill9');
    let engine = await startEngine({ dataDir });
    const staff = await TestClient.connect(engine.wsUrl);
    await staff.login('hmc1');
    const artNo = await someStockedArticle(staff);
    const onHand0 = (await staff.call('stock.get', { artNo, warehouse: '10' })).rows[0].onHand;
    const seq0 = (await health(engine.url)).seq;

    let sent = 0;
    let acked = 0;
    let killed = false;
    const sendOne = (): void => {
      if (killed) return;
      sent++;
      staff.request('admin.stockAdjust', { warehouse: '10', artNo, delta: 1, reason: 'received' }).then((reply) => {
        if (!reply.ok) throw new Error(`adjustment refused: ${reply.error.code}`);
        acked++;
        sendOne();
      });
    };
    for (let i = 0; i < IN_FLIGHT; i++) sendOne();
    while (acked < ACKS_BEFORE_KILL) await new Promise((r) => setTimeout(r, 1));
    killed = true;
    const ackedAtKill = acked;
    await engine.kill9();

    engine = await startEngine({ dataDir });
    const after = await TestClient.connect(engine.wsUrl);
    await after.login('hmc1');
    const onHand1 = (await after.call('stock.get', { artNo, warehouse: '10' })).rows[0].onHand;
    const applied = onHand1 - onHand0;
    expect(applied).toBeGreaterThanOrEqual(ackedAtKill);
    expect(applied).toBeLessThanOrEqual(sent);
    // One journal entry per adjustment: the journal position moved exactly as far as the balance did.
    expect((await health(engine.url)).seq - seq0).toBe(applied);
    await after.close();

    // A clean restart answers exactly as before.
    const probe = await TestClient.connect(engine.wsUrl);
    await probe.login('ot1');
    const pageBefore = await probe.call('catalog.article', { artNo });
    const treeBefore = await probe.call('catalog.isoTree', { code: '12', includeStock: true });
    await probe.close();
    await engine.stop();
    engine = await startEngine({ dataDir });
    const again = await TestClient.connect(engine.wsUrl);
    await again.login('ot1');
    expect(await again.call('catalog.article', { artNo })).toEqual(pageBefore);
    expect(await again.call('catalog.isoTree', { code: '12', includeStock: true })).toEqual(treeBefore);
    await again.close();
    await engine.stop();
  });
});
