// Artiklar (issue 14) over a real WebSocket: admin.articleUpsert with expectNew, admin.articleImpact, bad input and
// wrong roles, and the `articles` topic's push to a prescriber's subscription.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

let engine: EngineProcess;
let admin: TestClient;
let ot: TestClient;
let hmc: TestClient;
let template: Record<string, unknown>;

beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  [admin, ot, hmc] = await Promise.all([0, 1, 2].map(() => TestClient.connect(engine.wsUrl, 'json')));
  await admin.login('admin');
  await ot.login('ot1');
  await hmc.login('hmc1');
  const list = await ot.call('catalog.list', { isoCode: '12 06 06', limit: 1 });
  const page = await ot.call('catalog.article', { artNo: list.articles[0].artNo });
  const { artNo, name, supplierId, isoCode, kind, priceOre, status, setParts, accessories, replacedBy } = page.article;
  template = { artNo, name, supplierId, isoCode, kind, priceOre, status, setParts, accessories, replacedBy };
  Object.assign(template, { supplierUrl: null, manualUrl: null, imageUrl: null });
});
afterAll(async () => {
  await Promise.all([admin, ot, hmc].map((c) => c?.close()));
  await engine?.stop();
});

const codeOf = (reply: { ok: boolean; error?: { code: string } }) => (reply.ok ? 'ok' : reply.error!.code);

describe('admin.articleUpsert (expectNew)', () => {
  it('refuses an existing article number with article_exists and leaves the article as it was', async () => {
    const existing = template.artNo as string;
    const reply = await admin.request('admin.articleUpsert', {
      article: { ...template, name: 'Ska inte skriva över' },
      expectNew: true,
    });
    expect(codeOf(reply)).toBe('article_exists');
    const page = await ot.call('catalog.article', { artNo: existing });
    expect(page.article.name).toBe(template.name);
  });

  it('creates a new article with expectNew and pushes it on `articles` to a subscribed prescriber', async () => {
    await ot.call('subscribe', { topic: 'articles' });
    const created = await admin.call('admin.articleUpsert', {
      article: { ...template, artNo: '777001', name: 'Pushrollator', priceOre: 123_400, replacedBy: template.artNo },
      expectNew: true,
    });
    const push = await ot.waitForPush((p) => p.topic === 'articles' && p.event.seq === created.seq);
    expect(push.event).toMatchObject({
      type: 'article',
      article: {
        artNo: '777001',
        name: 'Pushrollator',
        priceOre: 123_400,
        replacedBy: template.artNo,
        status: 'active',
      },
    });
    const pushed = push.event.article as { available: { main: number }; supplierName: string };
    expect(pushed.available.main).toBe(0);
    expect(pushed.supplierName.length).toBeGreaterThan(0);
    await ot.call('unsubscribe', { topic: 'articles' });
  });

  it('refuses bad input with invalid_request and field issues', async () => {
    const bad = [
      { article: { ...template, priceOre: -1 } },
      { article: { ...template, name: '' } },
      { article: template, expectNew: 'yes' },
      { article: template, extra: 1 },
      { article: { ...template, setParts: 'x' } },
      {},
    ];
    for (const args of bad) {
      const reply = await admin.request('admin.articleUpsert', args);
      expect(codeOf(reply)).toBe('invalid_request');
      if (!reply.ok) expect(reply.error.issues?.length).toBeGreaterThan(0);
    }
    const price = await admin.request('admin.articleUpsert', { article: { ...template, priceOre: -1 } });
    expect(!price.ok && price.error.issues?.[0].path).toEqual(['article', 'priceOre']);
  });

  it('is forbidden to a prescriber and to HMC staff who are not admin', async () => {
    for (const client of [ot, hmc]) {
      const reply = await client.request('admin.articleUpsert', { article: { ...template, artNo: '777002' } });
      expect(codeOf(reply)).toBe('forbidden');
    }
  });
});

describe('admin.articleImpact', () => {
  it('answers admin and HMC staff with counts only', async () => {
    for (const client of [admin, hmc]) {
      const impact = await client.call('admin.articleImpact', { artNo: template.artNo });
      expect(impact.artNo).toBe(template.artNo);
      expect(impact.openOrders.orders).toBeGreaterThanOrEqual(0);
      expect(impact.replacementFor.articles.map((a: { artNo: string }) => a.artNo)).toContain('777001');
      expect(JSON.stringify(impact)).not.toMatch(/\b(19|20)\d{10}\b/);
    }
  });

  it('is forbidden to a prescriber, not_found for an unknown article, invalid_request for bad input', async () => {
    expect(codeOf(await ot.request('admin.articleImpact', { artNo: template.artNo }))).toBe('forbidden');
    expect(codeOf(await admin.request('admin.articleImpact', { artNo: '000000' }))).toBe('not_found');
    for (const args of [{}, { artNo: 'abc' }, { artNo: 100001 }, { artNo: '100001', more: true }]) {
      expect(codeOf(await admin.request('admin.articleImpact', args))).toBe('invalid_request');
    }
  });
});

describe('the articles topic', () => {
  it('is open to every signed-in user and refused before sign-in', async () => {
    for (const client of [ot, hmc, admin]) {
      expect(await client.call('subscribe', { topic: 'articles' })).toBeDefined();
      await client.call('unsubscribe', { topic: 'articles' });
    }
    const anonymous = await TestClient.connect(engine.wsUrl, 'json');
    expect(codeOf(await anonymous.request('subscribe', { topic: 'articles' }))).toBe('unauthorized');
    await anonymous.close();
  });
});
