// The hand-written encoders of article-row pages (catalog.search, catalog.list) against msgpackr: the same reply
// must decode to the same value, whatever the strings (ASCII, å/ä/ö, every msgpack string size), numbers, ids and
// optional fields, and for real pages from the core (a field added to a row view and not to the encoder fails here).
import { pack, unpack } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { catalogSearch, type SearchHitView } from '../engine/core/catalog-search.ts';
import { listArticles } from '../engine/core/articles/queries.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import type { ArticleSummary } from '../engine/core/views.ts';
import { listReplyEncoder, searchReplyEncoder } from '../engine/io/row-reply.ts';
import { generateTables } from '../engine/seed/generate.ts';
import { loadDocs } from './helpers/search-seed-docs.ts';
import { chance, mulberry32, pick } from '../common/prng.ts';

const SEED = 11;
const docs = loadDocs(400, SEED);

function randomAvailability(rng: () => number): ArticleSummary['available'] {
  return chance(rng, 0.5)
    ? { main: Math.floor(rng() * 300) }
    : { main: Math.floor(rng() * 3), buffer: { warehouse: 'B1380A', available: Math.floor(rng() * 70_000) } };
}

function randomHit(rng: () => number): SearchHitView {
  const doc = pick(rng, docs);
  return {
    artNo: doc.artNo,
    name: doc.name,
    supplier: doc.supplierName,
    isoCode: doc.isoCode,
    kind: pick(rng, ['rental', 'sale'] as const),
    status: doc.status,
    priceOre: Math.floor(rng() * 5_000_000),
    available: randomAvailability(rng),
    score: chance(rng, 0.5) ? Math.floor(rng() * 1000) : rng() * 100,
    matched: doc.name
      .toLowerCase()
      .split(' ')
      .slice(0, Math.floor(rng() * 4)),
  };
}

function randomSummary(rng: () => number): ArticleSummary {
  const doc = pick(rng, docs);
  return {
    artNo: doc.artNo,
    name: doc.name,
    supplierId: doc.supplierName.slice(0, 4).toLowerCase(),
    supplierName: doc.supplierName,
    isoCode: doc.isoCode,
    kind: pick(rng, ['rental', 'sale'] as const),
    status: doc.status,
    priceOre: Math.floor(rng() * 5_000_000),
    available: randomAvailability(rng),
  };
}

const search = searchReplyEncoder();
const list = listReplyEncoder();
type SearchResult = { total: number; hits: SearchHitView[]; suggestion?: string };
type ListResult = { total: number; articles: ArticleSummary[] };

const searchBoth = (id: number | string, result: SearchResult) => ({
  ours: unpack(
    search.encode(id, {
      total: result.total,
      rows: result.hits,
      ...(result.suggestion === undefined ? {} : { suggestion: result.suggestion }),
    }),
  ),
  generic: unpack(pack({ id, ok: true, result })),
});
const listBoth = (id: number | string, result: ListResult) => ({
  ours: unpack(list.encode(id, { total: result.total, rows: result.articles })),
  generic: unpack(pack({ id, ok: true, result })),
});

describe('article-row reply encoders', () => {
  it('decode like msgpackr for 300 random search and list replies', () => {
    const rng = mulberry32(SEED);
    for (let i = 0; i < 300; i++) {
      const id = chance(rng, 0.8) ? Math.floor(rng() * 2 ** 40) - 5 : `req-${i}`;
      const size = pick(rng, [0, 1, 10, 20, 100]);
      const hits: SearchResult = {
        total: Math.floor(rng() * 200_000),
        hits: Array.from({ length: size }, () => randomHit(rng)),
      };
      if (chance(rng, 0.3)) hits.suggestion = pick(rng, docs).name.split(' ')[0]!;
      const s = searchBoth(id, hits);
      expect(s.ours, `seed ${SEED}, search reply ${i}`).toEqual(s.generic);
      expect(s.ours, `seed ${SEED}, search reply ${i}`).toEqual({ id, ok: true, result: hits });
      const articles: ListResult = {
        total: Math.floor(rng() * 200_000),
        articles: Array.from({ length: size }, () => randomSummary(rng)),
      };
      const l = listBoth(id, articles);
      expect(l.ours, `seed ${SEED}, list reply ${i}`).toEqual(l.generic);
    }
  });

  it('write every string size: fixstr, str8, str16, str32, with multi-byte letters', () => {
    const rng = mulberry32(SEED);
    for (const text of [
      '',
      'a'.repeat(31),
      'a'.repeat(32),
      'å'.repeat(10),
      'ö'.repeat(11),
      'x'.repeat(255),
      'ä'.repeat(90),
      'y'.repeat(256),
      'Röstförstärkare '.repeat(5000),
      'z'.repeat(70_000),
    ]) {
      const result = { total: 1, hits: [{ ...randomHit(rng), name: text, matched: [text] }], suggestion: text };
      expect(searchBoth(text.length, result).ours).toEqual({ id: text.length, ok: true, result });
    }
  });

  it('re-encode an article whose fixed fields changed (an upsert)', () => {
    const rng = mulberry32(SEED + 1);
    const hit = randomHit(rng);
    searchBoth(1, { total: 1, hits: [hit] });
    const renamed = {
      ...hit,
      name: `${hit.name} (ny modell)`,
      status: 'outgoing' as const,
      priceOre: hit.priceOre + 1,
    };
    expect(searchBoth(2, { total: 1, hits: [renamed] }).ours).toEqual({
      id: 2,
      ok: true,
      result: { total: 1, hits: [renamed] },
    });
  });

  it('agree with msgpackr on real pages from the core, with and without a buffer warehouse', () => {
    const state = stateFromTables(generateTables({ scale: 'tiny', seed: SEED }), 0);
    const users = [...state.users.values()];
    const isoCodes = [...state.iso.values()].filter((n) => n.level <= 2).map((n) => n.code);
    for (const user of users) {
      for (const text of ['rollator', 'rulstol', 'etac', 'stol', 'rostforstarkare', 'xyzzy']) {
        const found = catalogSearch(state, user, {
          text,
          inStockOnly: false,
          includeDiscontinued: false,
          limit: 20,
          offset: 0,
        });
        if (!found.ok) throw new Error(found.message);
        const s = searchBoth(7, found.result);
        expect(s.ours, `${user.id} "${text}"`).toEqual(s.generic);
      }
      for (const isoCode of isoCodes) {
        const page = listArticles(state, user, {
          isoCode,
          inStockOnly: false,
          includeDiscontinued: true,
          limit: 50,
          offset: 0,
        });
        if (!page.ok) throw new Error(page.message);
        const l = listBoth('x', page.result);
        expect(l.ours, `${user.id} ${isoCode}`).toEqual(l.generic);
      }
    }
  });
});
