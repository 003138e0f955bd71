// Recall and exact agreement of the search index with the brute-force reference on generated data.

import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../engine/core/search/index.ts';
import type { SearchDoc, SearchQuery, SearchResult, SearchTuning } from '../engine/core/search/index.ts';
import { loadDocs } from './helpers/search-seed-docs.ts';
import { chance, mulberry32, pick } from '../common/prng.ts';
import { buildQuerySet, QUERY_CATEGORIES } from './helpers/search-query-set.ts';
import { recallAtK, sameTopK } from '../engine/core/search/reference/recall.ts';
import { ReferenceSearch, type ReferenceResult } from '../engine/core/search/reference/reference-search.ts';

const COUNT = 5000;
const SEED = 7;
const RECALL_MIN = 0.95;
const TIMEOUT_MS = 120_000;

const docs = loadDocs(COUNT, SEED);
const queries = buildQuerySet(docs, SEED);
const availableOf = (artNo: string): number => ((Math.imul(Number(artNo), 2654435761) >>> 0) % 5 < 3 ? 2 : 0);

/** Every term merged and coded, bitsets from 16 entries: the small catalogue then runs the paths 100 000 articles take. */
const LOW_THRESHOLDS: SearchTuning = { mergeListsMin: 1, bitsetListMin: 16, nameCodesMin: 1 };

function build(list: readonly SearchDoc[], tuning: SearchTuning = {}): SearchIndex {
  const index = new SearchIndex(tuning);
  for (const d of list) index.upsert(d);
  return index;
}

const index = build(docs);
const reference = new ReferenceSearch(docs);
const page = (q: SearchQuery) => ({ ours: index.search(q, availableOf), ref: reference.search(q, availableOf) });

/** Random filters, paging and in-stock-only over half the query set; the queries where ours and the reference differ. */
function disagreements(
  rng: () => number,
  run: (q: SearchQuery) => { ours: SearchResult; ref: ReferenceResult },
): string[] {
  const wrong: string[] = [];
  for (const q of queries.filter((_, i) => i % 2 === 0)) {
    const query: SearchQuery = {
      text: chance(rng, 0.1) ? '' : q.text,
      limit: pick(rng, [0, 1, 5, 10, 50]),
      offset: pick(rng, [0, 0, 3, 20]),
      ...(chance(rng, 0.25)
        ? { supplier: pick(rng, ['etac', 'Invacare', 'sunrise', 'Human Care', 'hjalpmedelsteknik']) }
        : {}),
      ...(chance(rng, 0.25) ? { isoPrefix: pick(rng, ['12', '12 06', '12 06 06', '09 33 03', '22', '18 12']) } : {}),
      ...(chance(rng, 0.3) ? { includeDiscontinued: true } : {}),
      ...(chance(rng, 0.25) ? { inStockOnly: true } : {}),
    };
    const { ours, ref } = run(query);
    const want = ref.ranked.slice(query.offset, query.offset + query.limit);
    if (ours.total !== ref.total || ours.hits.map((h) => h.artNo).join() !== want.join())
      wrong.push(JSON.stringify(query));
  }
  return wrong;
}

describe('generated catalogue vs brute-force reference', () => {
  it('has at least 200 queries in every category', () => {
    expect(queries.length).toBeGreaterThanOrEqual(200);
    for (const c of QUERY_CATEGORIES) expect(queries.some((q) => q.category === c)).toBe(true);
  });

  it.each(['typo', 'folded'] as const)(
    `recall@10 >= ${RECALL_MIN} on the %s subset`,
    (category) => {
      const subset = queries.filter((q) => q.category === category);
      const recall =
        subset.reduce((sum, q) => {
          const { ours, ref } = page({ text: q.text, limit: 10, offset: 0 });
          return (
            sum +
            recallAtK(
              ref,
              ours.hits.map((h) => h.artNo),
            )
          );
        }, 0) / subset.length;
      expect(recall).toBeGreaterThanOrEqual(RECALL_MIN);
    },
    TIMEOUT_MS,
  );

  it(
    'returns the reference top 10 in order, with its total and scores, for every query',
    () => {
      const wrong = queries.filter((q) => {
        const { ours, ref } = page({ text: q.text, limit: 10, offset: 0 });
        const top = ours.hits.map((h) => h.artNo);
        return (
          ours.total !== ref.total || !sameTopK(ref, top) || ours.hits.some((h) => ref.score.get(h.artNo) !== h.score)
        );
      });
      expect(wrong).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'explains each hit like the reference (matched)',
    () => {
      const wrong: string[] = [];
      for (const q of queries.filter((x) => x.category !== 'artNo')) {
        for (const h of index.search({ text: q.text, limit: 5, offset: 0 }, availableOf).hits) {
          const want = reference.explain(q.text, h.artNo);
          if (want.join() !== h.matched.join())
            wrong.push(`${q.text} ${h.artNo}: ${h.matched.join()} != ${want.join()}`);
        }
      }
      expect(wrong).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'agrees under random filters, paging and in-stock-only (stock asked per candidate)',
    () => {
      expect(disagreements(mulberry32(SEED), page)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'agrees under random filters, paging and in-stock-only (stock bits kept by the index)',
    () => {
      const own = build(docs.map((d) => ({ ...d, inStock: availableOf(d.artNo) > 0 })));
      expect(
        disagreements(mulberry32(SEED), (q) => ({ ours: own.search(q), ref: reference.search(q, availableOf) })),
      ).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it.each([
    ['default', {}],
    ['low', LOW_THRESHOLDS],
  ] as const)(
    'agrees after stock crosses zero both ways (setInStock) between upserts (%s thresholds)',
    (_, tuning) => {
      const rng = mulberry32(SEED + 2);
      const stock = new Map(docs.map((d) => [d.artNo, availableOf(d.artNo)]));
      const stockOf = (artNo: string): number => stock.get(artNo) ?? 0;
      const now = new Map(docs.map((d) => [d.artNo, d]));
      const own = build(
        docs.map((d) => ({ ...d, inStock: stockOf(d.artNo) > 0 })),
        tuning,
      );
      for (let i = 0; i < 3000; i++) {
        const doc = now.get(pick(rng, docs).artNo)!;
        const next = chance(rng, 0.5) ? 0 : 1 + Math.floor(rng() * 3);
        stock.set(doc.artNo, next);
        own.setInStock(doc.artNo, next > 0);
        if (chance(rng, 0.05)) {
          // A re-upsert (here a status change) carries the stock bit the engine holds at that moment.
          const changed = { ...doc, status: pick(rng, ['active', 'outgoing', 'discontinued'] as const) };
          now.set(doc.artNo, changed);
          own.upsert({ ...changed, inStock: next > 0 });
        }
      }
      expect(docs.filter((d) => own.inStockOf(d.artNo) !== stockOf(d.artNo) > 0)).toEqual([]);
      const held = new ReferenceSearch([...now.values()]);
      expect(
        disagreements(mulberry32(SEED + 3), (q) => ({ ours: own.search(q), ref: held.search(q, stockOf) })),
      ).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'keeps exact totals when stock crosses zero after the terms were counted (kept per-class totals)',
    () => {
      const rng = mulberry32(SEED + 6);
      const stock = new Map(docs.map((d) => [d.artNo, availableOf(d.artNo)]));
      const stockOf = (artNo: string): number => stock.get(artNo) ?? 0;
      const own = build(
        docs.map((d) => ({ ...d, inStock: stockOf(d.artNo) > 0 })),
        LOW_THRESHOLDS,
      );
      const ask = (q: SearchQuery) => ({ ours: own.search(q), ref: reference.search(q, stockOf) });
      // Count every query's terms (totals are kept now), then only stock moves, then ask again.
      expect(disagreements(mulberry32(SEED + 7), ask)).toEqual([]);
      for (let i = 0; i < 2000; i++) {
        const { artNo } = pick(rng, docs);
        const next = chance(rng, 0.5) ? 0 : 1 + Math.floor(rng() * 3);
        stock.set(artNo, next);
        own.setInStock(artNo, next > 0);
      }
      expect(disagreements(mulberry32(SEED + 7), ask)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it.each([
    ['default', {}],
    ['low', LOW_THRESHOLDS],
  ] as const)(
    'never answers from a stale term expansion: queries interleaved with upserts and removes (%s thresholds)',
    (_, tuning) => {
      const rng = mulberry32(SEED + 4);
      const live = new Map(docs.slice(0, 1500).map((d) => [d.artNo, d]));
      const index3 = build([...live.values()], tuning);
      // Short prefixes (merged name lists) and whole words, asked before and after every change.
      const texts = ['st', 'ro', 'gr', 'sto', 'rol', 'rullstol', 'dusch', ...queries.slice(0, 40).map((q) => q.text)];
      const wrong: string[] = [];
      for (let i = 0; i < 80; i++) {
        const victim = live.get(pick(rng, [...live.keys()]))!;
        const donor = pick(rng, docs.slice(1500));
        if (chance(rng, 0.3)) {
          index3.remove(victim.artNo);
          live.delete(victim.artNo);
        } else {
          const next = chance(rng, 0.5) ? { ...victim, name: donor.name } : { ...donor, artNo: String(800000 + i) };
          index3.upsert(next);
          live.set(next.artNo, next);
        }
        if (i % 10 !== 0) continue;
        const ref3 = new ReferenceSearch([...live.values()]);
        for (const text of texts) {
          const query = { text, limit: 10, offset: 0 };
          const ours = index3.search(query, availableOf);
          const ref = ref3.search(query, availableOf);
          if (ours.total !== ref.total || ours.hits.map((h) => h.artNo).join() !== ref.ranked.slice(0, 10).join())
            wrong.push(`${i}: ${text}`);
        }
      }
      expect(wrong).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'agrees after live upserts and removes (renames, moves, status changes, new articles)',
    () => {
      const rng = mulberry32(SEED + 1);
      const live = new Map(docs.slice(0, 2000).map((d) => [d.artNo, d]));
      const index2 = build([...live.values()]);
      const donors = docs.slice(2000);
      for (let i = 0; i < 600; i++) {
        const keys = [...live.keys()];
        const victim = live.get(pick(rng, keys))!;
        const donor = pick(rng, donors);
        const r = rng();
        const next: SearchDoc | undefined =
          r < 0.2
            ? undefined // remove
            : r < 0.45
              ? { ...victim, name: donor.name } // rename
              : r < 0.6
                ? { ...victim, supplierName: donor.supplierName, isoCode: donor.isoCode, isoTitles: donor.isoTitles } // move
                : r < 0.75
                  ? { ...victim, status: pick(rng, ['active', 'outgoing', 'discontinued'] as const) }
                  : { ...donor, artNo: String(900000 + i) }; // new article
        if (next === undefined) {
          index2.remove(victim.artNo);
          live.delete(victim.artNo);
        } else {
          index2.upsert(next);
          live.set(next.artNo, next);
        }
      }
      const ref2 = new ReferenceSearch([...live.values()]);
      expect(index2.size).toBe(live.size);
      const wrong = queries.filter((q) => {
        const query = { text: q.text, limit: 10, offset: 0, includeDiscontinued: true };
        const ours = index2.search(query, availableOf);
        const ref = ref2.search(query, availableOf);
        return ours.total !== ref.total || ours.hits.map((h) => h.artNo).join() !== ref.ranked.slice(0, 10).join();
      });
      expect(wrong.map((q) => q.text)).toEqual([]);
    },
    TIMEOUT_MS,
  );
});

/**
 * Two- and three-word queries from random name words, word tails (compound heads: "duschstol" → "stol")
 * and prefixes: every narrowing term then matches some articles only through a weaker spelling.
 */
function wordQueries(rng: () => number, count: number): string[] {
  const words = docs.flatMap((d) => d.name.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
  const variant = (w: string): string => {
    const r = rng();
    if (r < 0.3 && w.length >= 7) return w.slice(w.length - 4);
    if (r < 0.6 && w.length >= 5) return w.slice(0, 3 + Math.floor(rng() * (w.length - 3)));
    return w;
  };
  return Array.from({ length: count }, () => {
    const from = pick(rng, docs)
      .name.toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3);
    const first = from.length > 0 ? pick(rng, from) : pick(rng, words);
    const rest = Array.from({ length: chance(rng, 0.3) ? 2 : 1 }, () =>
      variant(chance(rng, 0.6) ? pick(rng, words) : pick(rng, from.length > 0 ? from : words)),
    );
    return [variant(first), ...rest].join(' ');
  });
}

/**
 * Queries whose words all reach articles through ISO titles or the supplier (whole pairs match) while
 * name words lift some of them: a title or supplier word and a name word or prefix of the same article,
 * asked for short pages, so the lazy lifts stop early and complete the lifted articles' scores.
 */
function liftQueries(rng: () => number, count: number): Array<{ text: string; limit: number }> {
  const wordsOf = (text: string): string[] =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4);
  return Array.from({ length: count }, () => {
    const d = pick(rng, docs);
    const group = wordsOf(chance(rng, 0.7) ? pick(rng, d.isoTitles) : d.supplierName);
    const names = wordsOf(d.name);
    const name = names.length > 0 ? pick(rng, names) : 'stol';
    const text = `${group.length > 0 ? pick(rng, group) : 'hjälpmedel'} ${chance(rng, 0.5) ? name.slice(0, 3) : name}`;
    return { text, limit: pick(rng, [1, 2, 5]) };
  });
}

describe('the same agreement with low path thresholds (merged lists and name codes for every term, bitsets from 16 entries)', () => {
  const low = build(
    docs.map((d) => ({ ...d, inStock: availableOf(d.artNo) > 0 })),
    LOW_THRESHOLDS,
  );

  it.each([
    ['default', index],
    ['low', low],
  ] as const)(
    'agrees on group-and-name queries with short pages (lazy lifts, %s thresholds)',
    (_, ix) => {
      const wrong = liftQueries(mulberry32(SEED + 9), 150).filter(({ text, limit }) => {
        const query = { text, limit, offset: 0 };
        const ours = ix.search(query, availableOf);
        const ref = reference.search(query, availableOf);
        return (
          ours.total !== ref.total ||
          ours.hits.map((h) => h.artNo).join() !== ref.ranked.slice(0, limit).join() ||
          ours.hits.some((h) => ref.score.get(h.artNo) !== h.score)
        );
      });
      expect(wrong.map((q) => q.text)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it.each([
    ['default', index],
    ['low', low],
  ] as const)(
    'agrees on random multi-word queries with compound heads and prefixes (%s thresholds)',
    (_, ix) => {
      const wrong = wordQueries(mulberry32(SEED + 8), 150).filter((text) => {
        const query = { text, limit: 10, offset: 0 };
        const ours = ix.search(query, availableOf);
        const ref = reference.search(query, availableOf);
        return ours.total !== ref.total || ours.hits.map((h) => h.artNo).join() !== ref.ranked.slice(0, 10).join();
      });
      expect(wrong).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'returns the reference top 10, total and scores for every query',
    () => {
      const wrong = queries.filter((q) => {
        const ours = low.search({ text: q.text, limit: 10, offset: 0 });
        const ref = reference.search({ text: q.text, limit: 10, offset: 0 }, availableOf);
        return (
          ours.total !== ref.total ||
          !sameTopK(
            ref,
            ours.hits.map((h) => h.artNo),
          ) ||
          ours.hits.some((h) => ref.score.get(h.artNo) !== h.score)
        );
      });
      expect(wrong.map((q) => q.text)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'agrees under random filters, paging and in-stock-only',
    () => {
      expect(
        disagreements(mulberry32(SEED + 5), (q) => ({ ours: low.search(q), ref: reference.search(q, availableOf) })),
      ).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
