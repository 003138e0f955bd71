// Catalog queries against a brute-force count over the tables: paging skips whole divisions by their counts, so
// the counts must stay right through article upserts that move or discontinue articles.
import { describe, expect, it } from 'vitest';
import { apply } from '../engine/core/apply.ts';
import { isoTree, listArticles } from '../engine/core/articles/queries.ts';
import { MAIN_WAREHOUSE, available, stockKey } from '../engine/core/keys.ts';
import type { State } from '../engine/core/state.ts';
import { article, fixtureState } from './helpers/fixture.ts';

function bruteList(state: State, prefix: string, includeDiscontinued: boolean, inStockOnly: boolean): string[] {
  return [...state.articles.values()]
    .filter((a) => a.isoCode.startsWith(prefix))
    .filter((a) => includeDiscontinued || a.status !== 'discontinued')
    .filter((a) => !inStockOnly || available(state.stock.get(stockKey(MAIN_WAREHOUSE, a.artNo))) > 0)
    .sort((a, b) =>
      a.isoCode < b.isoCode
        ? -1
        : a.isoCode > b.isoCode
          ? 1
          : a.name < b.name
            ? -1
            : a.name > b.name
              ? 1
              : a.artNo < b.artNo
                ? -1
                : 1,
    )
    .map((a) => a.artNo);
}

function pages(state: State, isoCode: string, includeDiscontinued: boolean, inStockOnly: boolean, limit: number) {
  const seen: string[] = [];
  let total = -1;
  for (let offset = 0; offset < 40; offset += limit) {
    const r = listArticles(state, null, { isoCode, includeDiscontinued, inStockOnly, limit, offset });
    if (!r.ok) throw new Error(r.code);
    total = r.result.total;
    seen.push(...r.result.articles.map((a) => a.artNo));
  }
  return { total, seen };
}

describe('catalog.list paging and counts', () => {
  it('given upserts that add, move and discontinue articles, then every page and total equals a brute-force list', () => {
    const state = fixtureState();
    const upserts = [
      article('100010', { name: 'Aaa', isoCode: '12 22 03' }),
      article('100011', { name: 'Bbb', status: 'discontinued' }),
      article('100001', { name: 'Rollator Cross 45', status: 'discontinued' }),
      article('100006', { name: 'Rollator Gammal', status: 'active', isoCode: '12 22 03' }),
      article('100012', { name: 'Ccc', isoCode: '22 09 06' }),
    ];
    for (const a of upserts) {
      apply(state, { type: 'article.upserted', userId: 'admin', article: a });
      for (const code of ['12', '12 06', '12 06 06', '12 22 03', '22']) {
        for (const includeDiscontinued of [false, true]) {
          for (const inStockOnly of [false, true]) {
            for (const limit of [1, 2, 3, 50]) {
              const expected = bruteList(state, code, includeDiscontinued, inStockOnly);
              const { total, seen } = pages(state, code, includeDiscontinued, inStockOnly, limit);
              expect(total, `${code} ${includeDiscontinued} ${inStockOnly} ${limit}`).toBe(expected.length);
              expect(seen).toEqual(expected);
            }
          }
        }
      }
      const tree = isoTree(state, { code: '12', depth: 3, includeStock: true });
      if (!tree.ok) throw new Error(tree.code);
      expect(tree.result.nodes[0].articleCount).toBe(bruteList(state, '12', false, false).length);
      expect(tree.result.nodes[0].inStockCount).toBe(bruteList(state, '12', false, true).length);
    }
  });
});

describe('catalog.article and stock.get', () => {
  it('given stock in main, buffer and investigation warehouses, then the page shows each balance', async () => {
    const { articlePage } = await import('../engine/core/articles/queries.ts');
    const { stockOf } = await import('../engine/core/stock/queries.ts');
    const state = fixtureState();
    const user = state.users.get('ot1')!;
    const page = articlePage(state, user, { artNo: '100004' });
    if (!page.ok) throw new Error(page.code);
    expect(page.result.available).toEqual({ main: 0, investigation: 1, buffer: { warehouse: 'B101', available: 0 } });
    const accessoryPage = articlePage(state, user, { artNo: '100003' });
    if (!accessoryPage.ok) throw new Error(accessoryPage.code);
    expect(accessoryPage.result.available).toEqual({
      main: 18,
      investigation: 0,
      buffer: { warehouse: 'B101', available: 4 },
    });
    const rows = stockOf(state, { artNo: '100003' });
    expect(rows.ok && rows.result.rows.map((r) => r.warehouse)).toEqual(['10', 'B101']);
  });

  it('given a new stock row in a warehouse that sorts first, then stock.get stays in warehouse order', async () => {
    const { stockOf } = await import('../engine/core/stock/queries.ts');
    const state = fixtureState();
    state.warehouses.set('01', { id: '01', name: 'Första', kind: 'buffer', customerNo: '130009' });
    apply(state, {
      type: 'stock.adjusted',
      userId: 'hmc1',
      warehouse: '01',
      artNo: '100003',
      delta: 1,
      reason: 'received',
      note: '',
      onHandAfter: 1,
      individuals: [],
    });
    const rows = stockOf(state, { artNo: '100003' });
    expect(rows.ok && rows.result.rows.map((r) => r.warehouse)).toEqual(['01', '10', 'B101']);
  });
});
