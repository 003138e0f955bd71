// Unit tests of the catalog search index: matching rules, ranking, filters, paging, limits, updates.

import { beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_HITS_MAX, SEARCH_TEXT_CHARS_MAX } from '../schemas/limits.ts';
import { SearchIndex } from '../engine/core/search/index.ts';
import type { ArticleStatus, SearchDoc, SearchQuery } from '../engine/core/search/index.ts';

const ROLLATOR = [
  'Rollatorer',
  'Rollators',
  'Gånghjälpmedel som hanteras med båda armarna',
  'Walking aids manipulated by both arms',
  'Hjälpmedel för personlig förflyttning',
  'Assistive products for personal mobility',
];
const WALKING_CHAIR = ['Gåstolar', 'Walking chairs', ...ROLLATOR.slice(2)];
const BASKET = [
  'Korgar till gånghjälpmedel',
  'Baskets for walking aids',
  'Tillbehör till gånghjälpmedel',
  'Accessories for walking aids',
  ...ROLLATOR.slice(4),
];
const MANUAL_WC = [
  'Manuella rullstolar med drivning på båda drivhjulen',
  'Bimanual handrim-drive wheelchairs',
  'Manuella rullstolar',
  'Manual wheelchairs',
  ...ROLLATOR.slice(4),
];
const ATTENDANT_WC = [
  'Manuella rullstolar som drivs av medhjälpare',
  'Attendant-controlled manual wheelchairs',
  ...MANUAL_WC.slice(2),
];
const POWERED_WC = [
  'Elrullstolar med elektronisk styrning',
  'Powered wheelchairs with electronic steering',
  'Motordrivna rullstolar',
  'Powered wheelchairs',
  ...ROLLATOR.slice(4),
];
const HOIST = [
  'Mobila personlyftar',
  'Mobile hoists',
  'Hjälpmedel för lyft',
  'Assistive products for lifting persons',
  ...ROLLATOR.slice(4),
];
const SLIDING = [
  'Glidbrädor och glidmattor',
  'Sliding boards and sliding mats',
  'Hjälpmedel för förflyttning och vändning',
  'Assistive products for transferring and turning',
  ...ROLLATOR.slice(4),
];
const CANE = [
  'Käppar',
  'Walking sticks',
  'Gånghjälpmedel som hanteras med en arm',
  'Walking aids manipulated by one arm',
  ...ROLLATOR.slice(4),
];
const CRUTCH = ['Armbågskryckor', 'Elbow crutches', ...CANE.slice(2)];
const CARE = ['Hjälpmedel för personlig vård', 'Assistive products for self-care activities'];
const SHOWER = [
  'Dusch- och badstolar',
  'Bath and shower chairs',
  'Hjälpmedel för att tvätta, bada och duscha',
  'Assistive products for washing, bathing and showering',
  ...CARE,
];
const TOILET = [
  'Toalettstolar',
  'Commode chairs',
  'Hjälpmedel vid toalettbesök',
  'Assistive products for toileting',
  ...CARE,
];
const TOILET_SEAT = ['Toalettförhöjningar', 'Raised toilet seats', ...TOILET.slice(2)];
const BED = [
  'Sängar',
  'Beds',
  'Sängar och sängutrustning',
  'Beds and bed equipment',
  'Bostadsinredning',
  'Furnishings',
];
const COMM = ['Hjälpmedel för kommunikation och information', 'Assistive products for communication and information'];
const VOICE = [
  'Röstförstärkare',
  'Voice amplifiers',
  'Hjälpmedel för att tala',
  'Assistive products for speaking',
  ...COMM,
];
const SPEECH = [
  'Talsyntesenheter',
  'Speech generating devices',
  'Hjälpmedel för kommunikation ansikte mot ansikte',
  'Assistive products for face-to-face communication',
  ...COMM,
];
const CLOCK = [
  'Klockor och tidhjälpmedel',
  'Clocks and timepieces',
  'Hjälpmedel för att signalera, påminna och larma',
  'Assistive products for reminding',
  ...COMM,
];
const CUSHION = [
  'Sittdynor för trycksårsprevention',
  'Pressure-redistributing cushions',
  'Hjälpmedel för vävnadsintegritet',
  'Assistive products for tissue integrity',
  'Hjälpmedel för mätning, stöd, träning',
  'Assistive products for body functions',
];

type Row = [artNo: string, name: string, supplier: string, iso: string, titles: string[], status?: ArticleStatus];

/** ~40 hand-written articles; model-name-only articles rely on their ISO titles. */
const ROWS: Row[] = [
  ['123456', 'Rollator Cross 45 Etac', 'Etac', '12 06 06', ROLLATOR],
  ['123999', 'Rollator Cross 6 Etac', 'Etac', '12 06 06', ROLLATOR, 'outgoing'],
  ['200001', 'Dolomite Jazz 510', 'Invacare', '12 06 06', ROLLATOR],
  ['200002', 'Rollator Troja 5G', 'Topro', '12 06 06', ROLLATOR],
  ['200003', 'Inomhusrollator Server', 'Human Care', '12 06 06', ROLLATOR],
  ['200004', 'Rollator Gemino 30', 'Sunrise Medical', '12 06 06', ROLLATOR, 'discontinued'],
  ['200005', 'Korg till rollator Cross', 'Etac', '12 07 12', BASKET],
  ['200006', 'Rullstol Quickie Argon 2 sitsbredd 42', 'Sunrise Medical', '12 22 03', MANUAL_WC],
  ['200007', 'Rullstol Quickie Argon 2 sitsbredd 44', 'Sunrise Medical', '12 22 03', MANUAL_WC],
  ['200008', 'Küschall K-Series', 'Invacare', '12 22 03', MANUAL_WC],
  ['200009', 'Action 3 NG', 'Invacare', '12 22 03', MANUAL_WC],
  ['200010', 'TiLite Aero Z', 'Permobil', '12 22 03', MANUAL_WC],
  ['200011', 'Transportrullstol Etac Prio', 'Etac', '12 22 18', ATTENDANT_WC],
  ['200012', 'Elrullstol M3 Corpus', 'Permobil', '12 23 06', POWERED_WC],
  ['200013', 'F5 Corpus VS', 'Permobil', '12 23 06', POWERED_WC],
  ['200014', 'Juvo B5', 'Ottobock', '12 23 06', POWERED_WC],
  ['200015', 'Röstförstärkare ChatterVox', 'Hjälpmedelsteknik', '22 09 06', VOICE],
  ['200016', 'Rostforstarkare Spokeman', 'Hjälpmedelsteknik', '22 09 06', VOICE],
  ['200017', 'Duschstol Etac Swift', 'Etac', '09 33 03', SHOWER],
  ['200018', 'Duschpall Etac Swift', 'Etac', '09 33 03', SHOWER],
  ['200019', 'Aquatec Ocean', 'Invacare', '09 33 03', SHOWER],
  ['200020', 'Gåstol Rebel', 'Human Care', '12 06 03', WALKING_CHAIR],
  ['200021', 'Gastol Classic', 'Eurovema', '12 06 03', WALKING_CHAIR],
  ['200022', 'Vårdsäng Carea', 'Human Care', '18 12 10', BED],
  ['200023', 'Säng SB 755', 'Invacare', '18 12 10', BED],
  ['200024', 'Medley Ergo', 'Invacare', '18 12 10', BED],
  ['200025', 'Personlyft Molift Mover 180', 'Handicare', '12 36 03', HOIST],
  ['200026', 'Molift Smart 150', 'Etac', '12 36 03', HOIST],
  ['200027', 'Birdie Evo', 'Invacare', '12 36 03', HOIST],
  ['200028', 'Talapparat TD Pilot', 'Tobii Dynavox', '22 21 09', SPEECH],
  ['200029', 'MEMOplanner', 'Abilia', '22 27 12', CLOCK],
  ['200030', 'Handi Klocka', 'Abilia', '22 27 12', CLOCK],
  ['200031', 'Sittdyna Roho Quadtro Select', 'Permobil', '04 33 03', CUSHION],
  ['200032', 'Jay Easy sittdyna', 'Sunrise Medical', '04 33 03', CUSHION],
  ['200033', 'Käpp Derby', 'Ossenberg', '12 03 03', CANE],
  ['200034', 'Armbågskrycka Soft Grip', 'Ossenberg', '12 03 06', CRUTCH],
  ['200035', 'Glidbräda SystemRoMedic', 'Handicare', '12 31 03', SLIDING],
  ['200036', 'Hygienstol Etac Clean', 'Etac', '09 12 03', TOILET],
  ['200037', 'Toalettförhöjning Hi-Loo', 'Etac', '09 12 12', TOILET_SEAT],
  ['200038', 'Rollator Cross 45 Etac', 'Etac', '12 06 06', ROLLATOR],
];

const DOCS: SearchDoc[] = ROWS.map(([artNo, name, supplierName, isoCode, isoTitles, status = 'active']) => ({
  artNo,
  name,
  supplierName,
  isoCode,
  isoTitles,
  status,
}));

/** Stock by article number; articles not listed have 2 in stock. */
let stock: Map<string, number>;
const availableOf = (artNo: string): number => stock.get(artNo) ?? 2;

function build(docs: readonly SearchDoc[] = DOCS): SearchIndex {
  const index = new SearchIndex();
  for (const d of docs) index.upsert(d);
  return index;
}

const doc = (artNo: string): SearchDoc => DOCS.find((d) => d.artNo === artNo)!;

let index: SearchIndex;
const search = (text: string, extra: Partial<SearchQuery> = {}) =>
  index.search({ text, limit: 10, offset: 0, ...extra }, availableOf);
const top = (text: string, extra: Partial<SearchQuery> = {}, n = 10) =>
  search(text, extra)
    .hits.slice(0, n)
    .map((h) => h.artNo);

beforeEach(() => {
  stock = new Map();
  index = build();
});

describe('relevance table', () => {
  // query → articles expected in the top 3 and (all of) the top 10
  const table: Array<[query: string, top3: string[], top10?: string[]]> = [
    ['rollator', ['123456', '200002', '200005'], ['200038', '123999', '200001']],
    ['rollator cross', ['123456', '200005', '200038'], ['123999']],
    ['quickie argon 44', ['200007']],
    ['rullstol', ['200006', '200007', '200011'], ['200008', '200009', '200010']],
    ['elrullstol', ['200012'], ['200013', '200014']],
    ['röstförstärkare', ['200015', '200016']],
    ['gastol', ['200021', '200020']],
    ['molift', ['200025', '200026']],
    ['etac swift', ['200017', '200018']],
    ['säng', ['200023'], ['200022', '200024']],
    ['personlyft', ['200025'], ['200026', '200027']],
    ['tobii', ['200028']],
    ['memoplanner', ['200029']],
  ];
  it.each(table)('%s', (query, top3, top10 = []) => {
    const hits = top(query);
    expect(hits.slice(0, 3)).toEqual(expect.arrayContaining(top3.slice(0, 3)));
    expect(hits).toEqual(expect.arrayContaining([...top3, ...top10]));
  });
});

describe('article numbers (fast path)', () => {
  it('finds an exact article number', () => {
    const r = search('123456');
    expect(r.total).toBe(1);
    expect(r.hits[0]).toMatchObject({ artNo: '123456', matched: ['123456#'] });
  });
  it('finds article-number prefixes of 3 or more digits', () => {
    expect(top('1234')).toEqual(['123456']);
    expect(top('123')).toEqual(['123456', '123999']);
    expect(search('123').hits[0]!.matched).toEqual(['123*123456']);
  });
  it('falls back to text for numbers that are no article-number prefix', () => {
    expect(top('180')).toEqual(['200025']); // "Mover 180"
    expect(search('12').total).toBe(0); // two digits: text only, nothing named "12"
  });
});

describe('suppliers', () => {
  it('matches supplier names as words, any case', () => {
    const etac = top('etac', {}, 20);
    expect(etac).toEqual(expect.arrayContaining(['200026', '200036', '200037']));
    expect(top('Invacare')).toEqual(expect.arrayContaining(['200001', '200008', '200019', '200024']));
  });
  it('filters by supplier: exact or prefix, case- and diacritic-insensitive', () => {
    expect(top('rullstol', { supplier: 'sunrise' })).toEqual(['200006', '200007']);
    expect(top('rullstol', { supplier: 'Sunrise Medical' })).toEqual(['200006', '200007']);
    expect(top('', { supplier: 'hjalpmedelsteknik' }).sort()).toEqual(['200015', '200016']);
    expect(search('rullstol', { supplier: 'medical sunrise' }).total).toBe(0);
  });
});

describe('name words, prefixes and AND', () => {
  it('treats the last word as a prefix while typing', () => {
    expect(top('rollat')).toEqual(expect.arrayContaining(['123456', '200002', '200038']));
    expect(search('rollat').hits[0]!.matched).toEqual(['rollat*rollator']);
  });
  it('does not expand a finished word (trailing space)', () => {
    expect(search('rollat ').total).toBe(0);
  });
  it('requires every word to match name, supplier or ISO titles', () => {
    expect(top('rollator cross 45')).toEqual(['123456', '200038']);
    expect(search('rollator quickie').total).toBe(0);
    expect(top('invacare rullstol').sort()).toEqual(['200008', '200009']);
  });
});

describe('typos', () => {
  it('tolerates one edit from 4 letters, transposition counting 1', () => {
    expect(top('rolator')).toEqual(expect.arrayContaining(['123456', '200002']));
    expect(top('rollatro')).toEqual(expect.arrayContaining(['123456', '200002']));
    expect(top('rulstol')).toEqual(expect.arrayContaining(['200006', '200011']));
    expect(search('rolator').hits[0]!.matched).toEqual(['rolator~rollator']);
  });
  it('tolerates two edits from 8 letters', () => {
    expect(top('presonlyfft')).toContain('200025');
  });
  it('needs exact or prefix matches below 4 letters', () => {
    expect(search('jau').total).toBe(0);
    expect(top('jay')).toEqual(['200032']);
  });
  it('ranks exact above prefix above typo', () => {
    const r = search('cross');
    expect(r.hits.map((h) => h.score)).toEqual([...r.hits.map((h) => h.score)].sort((a, b) => b - a));
    const exact = search('rollator').hits[0]!.score;
    const prefix = search('rollato').hits[0]!.score;
    const typo = search('rolator').hits[0]!.score;
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(typo);
  });
});

describe('Swedish letters', () => {
  it('folds å ä ö both ways', () => {
    expect(top('rostforstarkare').sort()).toEqual(['200015', '200016']);
    expect(top('gastol')).toEqual(expect.arrayContaining(['200020', '200021']));
    expect(top('gåstol')).toEqual(expect.arrayContaining(['200020', '200021']));
  });
  it('ranks an exact-diacritic match above a folded-only one', () => {
    expect(top('röstförstärkare', {}, 2)).toEqual(['200015', '200016']);
    expect(top('rostforstarkare', {}, 2)).toEqual(['200016', '200015']);
    expect(top('gåstol', {}, 2)).toEqual(['200020', '200021']);
    expect(search('gastol').hits[1]!.matched).toEqual(['gastol=gåstol']);
  });
});

describe('ISO titles and compounds', () => {
  it('finds model-name-only articles through their ISO titles, below name matches', () => {
    const hits = top('rullstol');
    expect(hits).toEqual(expect.arrayContaining(['200008', '200009', '200010']));
    expect(hits.indexOf('200008')).toBeGreaterThan(hits.indexOf('200006'));
    expect(top('rollator')).toContain('200001'); // Dolomite Jazz: "Rollatorer"
    expect(top('wheelchairs')).toEqual(expect.arrayContaining(['200008', '200013']));
  });
  it('indexes heads of compounds (duschstol → stol)', () => {
    expect(top('stol', {}, 20)).toEqual(expect.arrayContaining(['200017', '200020', '200006', '200036']));
    expect(top('lyft')).toContain('200025');
  });
});

describe('no hit', () => {
  it('returns total 0 and suggests a close word', () => {
    expect(search('rulstl')).toEqual({ total: 0, hits: [], suggestion: 'rullstol' });
    expect(search('sng').suggestion).toBe('säng');
    expect(search('rollator rulstl').suggestion).toBe('rollator rullstol');
  });
  it('suggests nothing when nothing is close', () => {
    expect(search('xyzzyq')).toEqual({ total: 0, hits: [] });
  });
});

describe('ranking', () => {
  it('puts active before outgoing at equal relevance', () => {
    expect(top('cross 6')).toEqual(['123999']);
    const cross = top('rollator cross');
    expect(cross.indexOf('123999')).toBeGreaterThan(cross.indexOf('200038'));
  });
  it('puts in-stock before out-of-stock at equal relevance, then article number', () => {
    expect(top('rollator cross 45')).toEqual(['123456', '200038']);
    stock.set('123456', 0);
    expect(top('rollator cross 45')).toEqual(['200038', '123456']);
  });
  it('shows discontinued articles only on request', () => {
    expect(top('gemino')).toEqual([]);
    expect(top('gemino', { includeDiscontinued: true })).toEqual(['200004']);
  });
  it('is deterministic regardless of insertion order', () => {
    const reversed = build([...DOCS].reverse());
    for (const q of ['rollator', 'rullstol', 'etac', 'stol', 'gastol', '200', 'sng', '']) {
      expect(reversed.search({ text: q, limit: 50, offset: 0 }, availableOf)).toEqual(search(q, { limit: 50 }));
    }
  });
});

describe('filters', () => {
  it('filters by ISO prefix: class, subclass or division', () => {
    expect(search('', { isoPrefix: '12 22' }).total).toBe(6);
    expect(search('', { isoPrefix: '12 22 03' }).total).toBe(5);
    expect(
      search('rullstol', { isoPrefix: '12 23' })
        .hits.map((h) => h.artNo)
        .sort(),
    ).toEqual(['200012', '200013', '200014']);
    expect(search('', { isoPrefix: '12' }).total).toBe(
      DOCS.filter((d) => d.isoCode.startsWith('12') && d.status !== 'discontinued').length,
    );
  });
  it('keeps only articles in stock with inStockOnly', () => {
    stock.set('123456', 0);
    stock.set('200002', 0);
    const r = search('rollator', { inStockOnly: true });
    expect(r.hits.map((h) => h.artNo)).not.toContain('123456');
    expect(r.total).toBe(search('rollator').total - 2);
  });
});

describe('paging and limits', () => {
  it('pages with offset and limit; total counts every match', () => {
    const all = top('', {}, 100);
    expect(search('', { limit: 100 }).total).toBe(DOCS.length - 1);
    expect(search('', { offset: 5, limit: 5 }).hits.map((h) => h.artNo)).toEqual(all.slice(5, 10));
    expect(search('', { offset: 100, limit: 10 }).hits).toEqual([]);
    expect(search('rollator', { limit: 0 })).toMatchObject({ hits: [] });
    expect(search('rollator', { limit: 0 }).total).toBeGreaterThan(0);
  });
  it(`caps limit at SEARCH_HITS_MAX (${SEARCH_HITS_MAX})`, () => {
    const many = build(Array.from({ length: 150 }, (_, i) => ({ ...DOCS[0]!, artNo: String(300000 + i) })));
    const r = many.search({ text: 'rollator', limit: 1000, offset: 0 }, availableOf);
    expect(r.total).toBe(150);
    expect(r.hits).toHaveLength(SEARCH_HITS_MAX);
  });
  it(`truncates query text to SEARCH_TEXT_CHARS_MAX (${SEARCH_TEXT_CHARS_MAX}) characters instead of rejecting it`, () => {
    const long = `rollator${' '.repeat(SEARCH_TEXT_CHARS_MAX)}quickie`;
    expect(search(long).total).toBe(search('rollator ').total);
    expect(search('x'.repeat(10_000)).total).toBe(0);
  });
});

describe('live updates', () => {
  it('upsert replaces an article: the old word no longer finds it, the new one does', () => {
    index.upsert({ ...doc('123456'), name: 'Rollator Zephyr Etac' });
    expect(top('cross 45')).toEqual(['200038']);
    expect(top('zephyr')).toEqual(['123456']);
    expect(index.size).toBe(DOCS.length);
  });
  it('remove drops an article, and it can come back', () => {
    index.remove('200029');
    expect(search('memoplanner').total).toBe(0);
    expect(index.size).toBe(DOCS.length - 1);
    index.remove('999999'); // unknown: no-op
    index.upsert(doc('200029'));
    expect(top('memoplanner')).toEqual(['200029']);
  });
  it('keeps article-number order through out-of-order inserts, removals and re-adds between searches', () => {
    const fresh = build(DOCS.slice(20));
    const queries = ['rollator', 'etac', 'stol', '200', '2000', '123', ''];
    const same = () => {
      for (const q of queries)
        expect(fresh.search({ text: q, limit: 50, offset: 0 }, availableOf)).toEqual(search(q, { limit: 50 }));
    };
    fresh.search({ text: 'etac', limit: 5, offset: 0 }, availableOf);
    for (const d of DOCS.slice(0, 20).reverse()) fresh.upsert(d); // lower numbers after higher ones
    same();
    for (const d of DOCS.slice(5, 30)) fresh.remove(d.artNo); // enough holes to compact
    fresh.search({ text: 'rollator', limit: 5, offset: 0 }, availableOf);
    for (const d of DOCS.slice(5, 30)) fresh.upsert(d);
    same();
  });
  it('moves an article between ISO codes and suppliers', () => {
    index.upsert({ ...doc('200014'), supplierName: 'Etac', isoCode: '12 22 03', isoTitles: MANUAL_WC });
    expect(top('juvo', { supplier: 'etac', isoPrefix: '12 22' })).toEqual(['200014']);
    expect(search('juvo', { isoPrefix: '12 23' }).total).toBe(0);
  });
  it('reads stock only through availableOf, never re-indexing', () => {
    const calls: string[] = [];
    const r = index.search({ text: 'rollator cross 45', limit: 10, offset: 0 }, (a) => {
      calls.push(a);
      return 1;
    });
    expect(r.total).toBe(2);
    expect(new Set(calls)).toEqual(new Set(['123456', '200038']));
  });
  it('rejects malformed articles', () => {
    expect(() => index.upsert({ ...DOCS[0]!, artNo: '12345' })).toThrow(RangeError);
    expect(() => index.upsert({ ...DOCS[0]!, status: 'gone' as ArticleStatus })).toThrow(RangeError);
  });
});

describe('suggest (type-ahead)', () => {
  it('completes the last word, then offers article names', () => {
    const s = index.suggest('roll', 5);
    expect(s[0]).toBe('rollator');
    expect(s).toHaveLength(5);
    expect(index.suggest('gå', 10)).toEqual(expect.arrayContaining(['gåstol', 'Gåstol Rebel']));
    expect(index.suggest('rollator cr', 3)[0]).toBe('rollator cross');
    expect(index.suggest('', 5)).toEqual([]);
  });
});

describe('multi-word pages where every word matches whole groups and names lift a few articles', () => {
  /**
   * "rullstol etac": both words reach every article of (manual wheelchairs, Etac) through the ISO title and
   * the supplier. Name words lift: "Rullstol" by more (title → name) than "Etac" (supplier → name), so the
   * lazy lifts walk the "rullstol" names, stop once the page is settled, and must still add the "etac"
   * name lift to the articles already lifted — those named with both rank first.
   */
  const wheelchairs = (otherEtacNames: number): SearchDoc[] => [
    ...Array.from(
      { length: 30 },
      (_, i): SearchDoc => ({
        artNo: String(300000 + i),
        name: i >= 25 ? `Rullstol Etac Modell ${i}` : `Rullstol Modell ${i}`,
        supplierName: 'Etac',
        isoCode: '12 22 03',
        isoTitles: MANUAL_WC,
        status: 'active',
      }),
    ),
    // Elsewhere "etac" is a name word too, which makes its name list long (cheaper to score per article then).
    ...Array.from(
      { length: otherEtacNames },
      (_, i): SearchDoc => ({
        artNo: String(400000 + i),
        name: `Etac Dusch ${i}`,
        supplierName: 'Etac',
        isoCode: '09 33 03',
        isoTitles: SHOWER,
        status: 'active',
      }),
    ),
  ];

  it.each([0, 20, 600])('ranks the articles named with both words first (%i other "Etac" names)', (others) => {
    const ix = build(wheelchairs(others));
    for (const limit of [1, 3, 5]) {
      const hits = ix.search({ text: 'rullstol etac', limit, offset: 0 }, () => 1).hits;
      expect(hits.map((h) => h.artNo)).toEqual(['300025', '300026', '300027', '300028', '300029'].slice(0, limit));
    }
    expect(ix.search({ text: 'rullstol etac', limit: 10, offset: 0 }, () => 1).total).toBe(30);
  });
});
