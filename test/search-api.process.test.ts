// catalog.search over the WebSocket and the read-only HTTP API, against the real engine: forgiving matches, live
// index after an article upsert, live balances after a stock change, limits and HTTP status codes.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';
import type { SearchHitView } from '../engine/core/catalog-search.ts';

/** The read API's JSON bodies, as far as these tests read them (one shape per route; docs/API.md has them all). */
interface ReadApiBody {
  hits: SearchHitView[];
  article: { artNo: string };
  node: { titleSv: string };
  articles: unknown[];
  error: { issues: Array<{ path: unknown[] }> };
}

let engine: EngineProcess;
let ot: TestClient;
let admin: TestClient;
beforeAll(async () => {
  engine = await startEngine({ scale: 'tiny' });
  ot = await TestClient.connect(engine.wsUrl, 'msgpack');
  admin = await TestClient.connect(engine.wsUrl, 'json');
  await ot.login('ot1');
  await admin.login('admin');
});
afterAll(async () => {
  await ot?.close();
  await admin?.close();
  await engine?.stop();
});

describe('catalog.search over the WebSocket', () => {
  it('finds rollators from a typo, with live balances and the caller buffer', async () => {
    const { total, hits } = await ot.call('catalog.search', { text: 'rolator', limit: 10 });
    expect(total).toBeGreaterThan(0);
    expect(hits[0].name).toMatch(/rollator/i);
    expect(hits[0].available.buffer.warehouse).toBe('B101');
    expect(hits[0].matched.join(' ')).toMatch(/rolator/);
  });

  it('folds å/ä/ö and finds articles by ISO title, by supplier and by article number', async () => {
    expect((await ot.call('catalog.search', { text: 'rostforstarkare' })).hits[0].name).toMatch(/Röstförstärkare/);
    const wheelchairs = await ot.call('catalog.search', { text: 'rullstol', isoCode: '12 22', limit: 50 });
    expect(wheelchairs.total).toBeGreaterThan(0);
    expect(wheelchairs.hits.every((h: SearchHitView) => h.isoCode.startsWith('12 22'))).toBe(true);
    const etac = await ot.call('catalog.search', { supplier: 'etac', limit: 5 });
    expect(etac.hits.every((h: SearchHitView) => h.supplier === 'Etac')).toBe(true);
    const one = wheelchairs.hits[0].artNo;
    expect((await ot.call('catalog.search', { text: one })).hits[0].artNo).toBe(one);
  });

  it('no hit returns total 0 quickly', async () => {
    const none = await ot.call('catalog.search', { text: 'xyzzyqwv' });
    expect(none).toMatchObject({ total: 0, hits: [] });
  });

  it('refuses a query over the length cap and a limit over the cap', async () => {
    const long = await ot.request('catalog.search', { text: 'a'.repeat(101) });
    expect(long.ok ? 'ok' : long.error.code).toBe('invalid_request');
    const big = await ot.request('catalog.search', { text: 'rollator', limit: 101 });
    expect(big.ok ? 'ok' : big.error.code).toBe('invalid_request');
  });

  it('an article upsert is searchable at once, under its new name only', async () => {
    const { hits } = await ot.call('catalog.search', { text: 'rollator', limit: 1 });
    const page = await ot.call('catalog.article', { artNo: hits[0].artNo });
    const a = page.article;
    const article = {
      artNo: a.artNo,
      name: 'Zyxwalker Stjärnrollator',
      supplierId: a.supplierId,
      isoCode: a.isoCode,
      kind: a.kind,
      priceOre: a.priceOre,
      status: a.status,
      setParts: a.setParts,
      accessories: a.accessories,
      replacedBy: a.replacedBy,
      supplierUrl: a.supplierUrl,
      manualUrl: a.manualUrl,
      imageUrl: a.imageUrl,
    };
    await admin.call('admin.articleUpsert', { article });
    expect((await ot.call('catalog.search', { text: 'zyxwalker' })).hits.map((h: SearchHitView) => h.artNo)).toEqual([
      a.artNo,
    ]);
    expect((await ot.call('catalog.search', { text: 'stjarnrollator' })).hits[0].artNo).toBe(a.artNo);
  });

  it('a stock change shows in inStockOnly results without re-indexing', async () => {
    const { hits } = await ot.call('catalog.search', { text: 'rollator', inStockOnly: true, limit: 1 });
    const artNo = hits[0].artNo;
    const onHand = hits[0].available.main;
    await admin
      .call('admin.stockAdjust', { warehouse: '10', artNo, delta: -onHand, reason: 'inventory' })
      .catch((e) => {
        // Reserved units keep part of the balance; take what can be taken.
        if (e.code !== 'insufficient_stock') throw e;
      });
    const after = await ot.call('catalog.search', { text: 'rollator', inStockOnly: true, limit: 100 });
    const still = after.hits.find((h: SearchHitView) => h.artNo === artNo);
    expect(still === undefined || still.available.main > 0).toBe(true);
    await admin.call('admin.stockAdjust', { warehouse: '10', artNo, delta: 5, reason: 'received' });
    const back = await ot.call('catalog.search', { text: 'rollator', inStockOnly: true, limit: 100 });
    expect(back.hits.find((h: SearchHitView) => h.artNo === artNo)?.available.main).toBeGreaterThanOrEqual(5);
  });

  it('catalog.suggest completes a prefix', async () => {
    const { completions } = await ot.call('catalog.suggest', { text: 'rolla' });
    expect(completions.some((c: string) => /^rollator/i.test(c))).toBe(true);
  });
});

describe('HTTP read API', () => {
  const get = async (path: string) => {
    const res = await fetch(`${engine.url}${path}`);
    return { status: res.status, body: (await res.json()) as ReadApiBody };
  };

  it('GET /api/search answers JSON with hits and no personal data', async () => {
    const { status, body } = await get('/api/search?q=rolator&inStock=1&limit=5');
    expect(status).toBe(200);
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits[0].available.buffer).toBeUndefined();
  });

  it('GET /api/articles/:artNo and /api/iso/:code answer, or 404', async () => {
    const { body } = await get('/api/search?q=rollator&limit=1');
    const artNo = body.hits[0].artNo;
    const article = await get(`/api/articles/${artNo}`);
    expect(article.status).toBe(200);
    expect(article.body.article.artNo).toBe(artNo);
    expect((await get('/api/articles/000000')).status).toBe(404);
    const iso = await get('/api/iso/12%2006%2006?limit=3');
    expect(iso.status).toBe(200);
    expect(iso.body.node.titleSv).toBe('Rollatorer');
    expect(iso.body.articles.length).toBeLessThanOrEqual(3);
    expect((await get('/api/iso/99%2099')).status).toBe(404);
  });

  it('bad parameters get 400 with issues, an over-long query 414, an unknown path 404', async () => {
    const bad = await get('/api/search?limit=1000');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toEqual(['limit']);
    expect((await get('/api/search?nonsense=1')).status).toBe(400);
    expect((await get('/api/articles/12ab')).status).toBe(400);
    expect((await get(`/api/search?q=${'a'.repeat(2000)}`)).status).toBe(414);
    expect((await get('/api/nothing')).status).toBe(404);
  });

  it('survives clients that pipeline big requests and reset the connection mid-answer', async () => {
    // uWS terminates the process when a handler returns on a socket the peer has reset while pipelined answers
    // were still queued, unless the response has an abort handler: 64 requests per write, RST at the first byte.
    const port = Number(new URL(engine.url).port);
    const request = 'GET /api/iso/12?limit=100 HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(64);
    for (let round = 0; round < 30; round++) {
      await new Promise<void>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
        socket.once('data', () => {
          socket.resetAndDestroy();
          resolve();
        });
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
      });
    }
    expect((await get('/health')).status).toBe(200);
    expect(engine.child.exitCode).toBeNull();
  });
});
