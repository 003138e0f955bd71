// The hand-written catalog.search reply encoder against msgpackr: the same reply must decode to the same value,
// whatever the strings (ASCII, å/ä/ö, every msgpack string size), numbers, ids and optional fields.
import { pack, unpack } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import type { SearchHitView } from '../engine/core/catalog-search.ts';
import { SearchReplyEncoder, type SearchResultView } from '../engine/io/search-reply.ts';
import { loadDocs } from '../bench/search/docs-source.ts';
import { chance, mulberry32, pick } from '../bench/prng.ts';

const SEED = 11;
const docs = loadDocs(400, SEED);

function randomHit(rng: () => number): SearchHitView {
  const doc = pick(rng, docs);
  return {
    artNo: doc.artNo, name: doc.name, supplier: doc.supplierName, isoCode: doc.isoCode,
    kind: pick(rng, ['rental', 'sale'] as const), status: doc.status, priceOre: Math.floor(rng() * 5_000_000),
    available: chance(rng, 0.5) ? { main: Math.floor(rng() * 300) } : { main: Math.floor(rng() * 3), buffer: { warehouse: 'B1380A', available: Math.floor(rng() * 70_000) } },
    score: chance(rng, 0.5) ? Math.floor(rng() * 1000) : rng() * 100, matched: doc.name.toLowerCase().split(' ').slice(0, Math.floor(rng() * 4)),
  };
}

function randomResult(rng: () => number): SearchResultView {
  const hits = Array.from({ length: pick(rng, [0, 1, 10, 20, 100]) }, () => randomHit(rng));
  return { total: Math.floor(rng() * 200_000), hits, ...(chance(rng, 0.3) ? { suggestion: pick(rng, docs).name.split(' ')[0]! } : {}) };
}

const encoder = new SearchReplyEncoder();
const decodedBoth = (id: number | string, result: SearchResultView) => ({
  ours: unpack(encoder.encode(id, result)), generic: unpack(pack({ id, ok: true, result })),
});

describe('search reply encoder', () => {
  it('decodes like msgpackr for 300 random replies', () => {
    const rng = mulberry32(SEED);
    for (let i = 0; i < 300; i++) {
      const id = chance(rng, 0.8) ? Math.floor(rng() * 2 ** 40) - 5 : `req-${i}`;
      const result = randomResult(rng);
      const { ours, generic } = decodedBoth(id, result);
      expect(ours, `seed ${SEED}, reply ${i}`).toEqual(generic);
      expect(ours, `seed ${SEED}, reply ${i}`).toEqual({ id, ok: true, result });
    }
  });

  it('writes every string size: fixstr, str8, str16, str32, with multi-byte letters', () => {
    const rng = mulberry32(SEED);
    for (const text of ['', 'a'.repeat(31), 'a'.repeat(32), 'å'.repeat(10), 'ö'.repeat(11), 'x'.repeat(255), 'ä'.repeat(90),
      'y'.repeat(256), 'Röstförstärkare '.repeat(5000), 'z'.repeat(70_000)]) {
      const hit = { ...randomHit(rng), name: text, matched: [text] };
      const result = { total: 1, hits: [hit], suggestion: text };
      expect(decodedBoth(text.length, result).ours).toEqual({ id: text.length, ok: true, result });
    }
  });

  it('re-encodes an article whose fixed fields changed (an upsert)', () => {
    const rng = mulberry32(SEED + 1);
    const hit = randomHit(rng);
    encoder.encode(1, { total: 1, hits: [hit] });
    const renamed = { ...hit, name: `${hit.name} (ny modell)`, status: 'outgoing' as const, priceOre: hit.priceOre + 1 };
    expect(decodedBoth(2, { total: 1, hits: [renamed] }).ours).toEqual({ id: 2, ok: true, result: { total: 1, hits: [renamed] } });
  });
});
