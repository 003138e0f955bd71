// Catalog import, the pure parts: the dry-run plan over the state and the file's rows (every outcome and every error
// kind, a cycle formed by the file together with the catalog, idempotency), the file reader (encodings, delimiters,
// columns), and the batch command given / when / then.
import { describe, expect, it } from 'vitest';
import { apply } from '../engine/core/apply.ts';
import { kronorText } from '../engine/core/catalog-import/article-diff.ts';
import { planImport } from '../engine/core/catalog-import/plan.ts';
import { parsePriceOre } from '../engine/core/catalog-import/read-row.ts';
import { IMPORT_COLUMNS, type ImportRecord } from '../engine/core/catalog-import/types.ts';
import type { Command } from '../engine/core/commands.ts';
import { decide } from '../engine/core/decide.ts';
import type { State } from '../engine/core/state.ts';
import { readImportFile } from '../engine/io/catalog-import/read-csv.ts';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Article } from '../schemas/entities.ts';
import { ImportIdArgs, ImportLinesArgs } from '../schemas/catalog-import.ts';
import { IMPORT_BATCH_ARTICLES_MAX, IMPORT_LINES_PAGE_MAX, REPLACEMENT_HOPS_MAX } from '../schemas/limits.ts';
import { article, fixtureState } from './helpers/fixture.ts';

const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The fixture with the demo articles docs/import-sample.csv refers to (100103, 100105, 100106) and their groups. */
function fixtureWithDemoRefs(): State {
  const state = fixtureState();
  for (const artNo of ['100103', '100105', '100106']) state.articles.set(artNo, article(artNo));
  state.iso.set('12 07', { code: '12 07', level: 2, titleSv: 'Tillbehör', titleEn: 'Accessories', parent: '12' });
  state.iso.set('12 07 24', { code: '12 07 24', level: 3, titleSv: 'Korgar', titleEn: 'Baskets', parent: '12 07' });
  return state;
}

type Cells = Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>;

/** The cells a file would hold for an article (price in kronor, lists with `|`), with some cells overridden. */
function cellsOf(a: Article, over: Cells = {}): string[] {
  const text: Record<(typeof IMPORT_COLUMNS)[number], string> = {
    artNo: a.artNo,
    name: a.name,
    isoCode: a.isoCode,
    supplierId: a.supplierId,
    kind: a.kind,
    price: kronorText(a.priceOre),
    status: a.status,
    setParts: a.setParts.join('|'),
    accessories: a.accessories.join('|'),
    replacedBy: a.replacedBy ?? '',
    supplierUrl: a.supplierUrl ?? '',
    manualUrl: a.manualUrl ?? '',
    imageUrl: a.imageUrl ?? '',
    ...over,
  };
  return IMPORT_COLUMNS.map((column) => text[column]);
}

/** Rows 2, 3, … of a file. */
function records(...rows: string[][]): ImportRecord[] {
  return rows.map((cells, i) => ({ line: i + 2, cells }));
}

function when(state: State, command: Command) {
  const decision = decide(state, command, { timeMs: T0, seq: state.seq + 1 });
  if (decision.ok) {
    for (const event of decision.events) apply(state, event);
    state.seq++;
  }
  return decision;
}

/** Applies a plan's batches as the import runner does; every batch must be accepted. */
function applyPlan(state: State, batches: Article[][]) {
  for (const articles of batches) {
    const decision = when(state, { type: 'article.importBatch', userId: 'admin', articles });
    expect(decision.ok, JSON.stringify(decision)).toBe(true);
  }
}

describe('planImport: outcomes', () => {
  it('given the catalog, when a file has a new, a changed and an unchanged row, then each is told apart', () => {
    const state = fixtureState();
    const plan = planImport(
      state,
      records(
        cellsOf(article('100100', { name: 'Ny rollator' })),
        cellsOf(state.articles.get('100001')!, { price: '2 100,50', status: 'utgående' }),
        cellsOf(state.articles.get('100003')!),
      ),
    );
    expect(plan.counts).toEqual({ new: 1, changed: 1, unchanged: 1, error: 0 });
    expect(plan.lines.map((l) => [l.line, l.outcome])).toEqual([
      [2, 'new'],
      [3, 'changed'],
      [4, 'unchanged'],
    ]);
    expect(plan.lines[1]!.changes).toEqual([
      { field: 'priceOre', before: '1995,00', after: '2100,50' },
      { field: 'status', before: 'active', after: 'outgoing' },
    ]);
    expect(plan.batches.flat().map((a) => a.artNo)).toEqual(['100100', '100001']);
    expect(state.articles.has('100100')).toBe(false); // a dry run applies nothing
  });

  it('reads Swedish words and prices: hyra/köp, aktiv/utgående/utgått, `,` or `.` decimals, spaces in thousands', () => {
    expect([
      parsePriceOre('1 234,50'),
      parsePriceOre('99.5'),
      parsePriceOre('120'),
      parsePriceOre('1\u00a0000'),
    ]).toEqual([123_450, 9_950, 12_000, 100_000]);
    for (const bad of ['', '-5', '12,345', 'abc', '1,2,3', '99999999999']) expect(parsePriceOre(bad)).toBeNull();
    const plan = planImport(
      fixtureState(),
      records(cellsOf(article('100100'), { kind: 'köp', status: 'Utgått', setParts: '100001 | 100003' })),
    );
    expect(plan.counts.new).toBe(1);
    expect(plan.batches[0]![0]).toMatchObject({ kind: 'sale', status: 'discontinued', setParts: ['100001', '100003'] });
  });
});

describe('planImport: every error kind, with its line', () => {
  const cases: Array<[string, Cells, string, RegExp]> = [
    ['a malformed article number', { artNo: '12345' }, 'invalid_row', /artNo/],
    ['no name', { name: '  ' }, 'invalid_row', /benämningen/],
    ['an unknown kind', { kind: 'leasing' }, 'invalid_row', /hyra\/köp/],
    ['an unknown status', { status: 'gammal' }, 'invalid_row', /aktiv/],
    ['a bad price', { price: '12,345' }, 'bad_price', /pris/],
    ['a negative price', { price: '-100' }, 'bad_price', /pris/],
    ['an unknown ISO code', { isoCode: '99 99 99' }, 'unknown_iso_code', /99 99 99/],
    ['an ISO class, not a division', { isoCode: '12 06' }, 'invalid_row', /isoCode/],
    ['an unknown supplier', { supplierId: 'acme' }, 'unknown_supplier', /acme/],
    ['a set part that exists nowhere', { setParts: '100001|777777' }, 'unknown_article', /777777/],
    ['a self reference', { accessories: '100100' }, 'unknown_article', /sig själv/],
    ['a bad link', { imageUrl: 'ftp://x' }, 'invalid_row', /imageUrl/],
  ];
  for (const [what, over, code, message] of cases) {
    it(`given ${what}, then line 2 is an error ${code}`, () => {
      const plan = planImport(fixtureState(), records(cellsOf(article('100100'), over)));
      expect(plan.lines[0]).toMatchObject({ line: 2, outcome: 'error', error: { code } });
      expect(plan.lines[0]!.error!.message).toMatch(message);
      expect(plan.batches).toEqual([]);
    });
  }

  it('given a row with too few fields, then it is an error naming the field counts', () => {
    const plan = planImport(fixtureState(), [
      { line: 7, cells: ['100100'], problem: 'Raden har 1 fält; rubrikraden har 13.' },
    ]);
    expect(plan.lines[0]).toMatchObject({ line: 7, outcome: 'error', error: { code: 'invalid_row' } });
  });

  it('given an article number twice in the file, then both lines are errors naming the other', () => {
    const plan = planImport(
      fixtureState(),
      records(cellsOf(article('100100')), cellsOf(article('100100', { name: 'B' }))),
    );
    expect(plan.lines.map((l) => [l.outcome, l.error?.code, l.error?.message])).toEqual([
      ['error', 'duplicate_article', 'Artikelnumret står också på rad 3.'],
      ['error', 'duplicate_article', 'Artikelnumret står också på rad 2.'],
    ]);
  });

  it('given a row referring to a new article whose own row has an error, then it falls out too', () => {
    const plan = planImport(
      fixtureState(),
      records(cellsOf(article('100100', { setParts: ['100101'] })), cellsOf(article('100101'), { price: 'gratis' })),
    );
    expect(plan.lines.map((l) => l.error?.code)).toEqual(['unknown_article', 'bad_price']);
    expect(plan.lines[0]!.error!.message).toBe('Artikel 100101 (rad 3) har fel.');
  });

  it('given a reference to a catalog article whose file row has an error, then the catalog version serves', () => {
    const state = fixtureState();
    const plan = planImport(
      state,
      records(
        cellsOf(article('100100', { accessories: ['100003'] })),
        cellsOf(state.articles.get('100003')!, { price: 'x' }),
      ),
    );
    expect(plan.lines.map((l) => l.outcome)).toEqual(['new', 'error']);
  });

  it('given a replacement chain that loops within the file, then every row of the loop is an error', () => {
    const plan = planImport(
      fixtureState(),
      records(
        cellsOf(article('100100', { replacedBy: '100101' })),
        cellsOf(article('100101', { replacedBy: '100100' })),
      ),
    );
    expect(plan.lines.map((l) => l.error?.code)).toEqual(['replacement_cycle', 'replacement_cycle']);
  });

  it('given a file row that closes a loop with the catalog (100002 → 100001 in the catalog), then a cycle error', () => {
    const state = fixtureState();
    const plan = planImport(state, records(cellsOf(state.articles.get('100001')!, { replacedBy: '100002' })));
    expect(plan.lines[0]).toMatchObject({ outcome: 'error', error: { code: 'replacement_cycle' } });
  });

  it('given a row falling out that would have broken a loop, then the loop it leaves is found too', () => {
    // The catalog has 100002 → 100001. The file turns that round (100001 → 100002) and clears 100002's link; if the
    // clearing row falls out (bad price), the catalog's 100002 → 100001 stays and 100001 → 100002 closes a loop.
    const state = fixtureState();
    const plan = planImport(
      state,
      records(
        cellsOf(state.articles.get('100001')!, { replacedBy: '100002' }),
        cellsOf(state.articles.get('100002')!, { replacedBy: '', price: 'x' }),
      ),
    );
    expect(plan.lines.map((l) => l.error?.code)).toEqual(['replacement_cycle', 'bad_price']);
  });

  it('given a chain of more than REPLACEMENT_HOPS_MAX hops, then the hop limit is an error', () => {
    const rows = Array.from({ length: REPLACEMENT_HOPS_MAX + 2 }, (_, i) =>
      cellsOf(
        article(String(300_000 + i), { replacedBy: i === REPLACEMENT_HOPS_MAX + 1 ? null : String(300_001 + i) }),
      ),
    );
    const plan = planImport(fixtureState(), records(...rows));
    expect(plan.lines[0]).toMatchObject({ outcome: 'error', error: { code: 'replacement_too_long' } });
    expect(plan.lines.at(-1)!.outcome).toBe('new');
  });
});

describe('planImport: apply order and idempotency', () => {
  it('puts referenced articles first, and keeps articles that refer to each other in one batch', () => {
    const rows = [
      cellsOf(article('100102', { setParts: ['100101'], replacedBy: '100100' })),
      cellsOf(article('100101', { accessories: ['100103'] })),
      cellsOf(article('100103', { accessories: ['100101'] })),
      cellsOf(article('100100')),
    ];
    const plan = planImport(fixtureState(), records(...rows));
    const order = plan.batches.flat().map((a) => a.artNo);
    expect(order.indexOf('100101')).toBeLessThan(order.indexOf('100102'));
    expect(order.indexOf('100100')).toBeLessThan(order.indexOf('100102'));
    const state = fixtureState();
    applyPlan(state, plan.batches);
    expect(state.articles.get('100102')!.replacedBy).toBe('100100');
  });

  it('given a file applied, when the same file is planned again, then every line is unchanged and nothing is batched', () => {
    const state = fixtureState();
    const rows = records(
      ...Array.from({ length: 250 }, (_, i) =>
        cellsOf(article(String(300_000 + i), { accessories: i > 0 ? [String(300_000 + i - 1)] : [] })),
      ),
      cellsOf(state.articles.get('100001')!, { name: 'Rollator Cross 45 ny' }),
    );
    const first = planImport(state, rows);
    expect(first.counts).toEqual({ new: 250, changed: 1, unchanged: 0, error: 0 });
    expect(first.batches.length).toBe(Math.ceil(251 / IMPORT_BATCH_ARTICLES_MAX));
    applyPlan(state, first.batches);
    const again = planImport(state, rows);
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 251, error: 0 });
    expect(again.batches).toEqual([]);
  });

  it('given half of the batches applied (an interrupted apply), when planned again, then the rest completes it', () => {
    const state = fixtureState();
    const total = 3 * IMPORT_BATCH_ARTICLES_MAX;
    const rows = records(...Array.from({ length: total }, (_, i) => cellsOf(article(String(300_000 + i)))));
    const first = planImport(state, rows);
    applyPlan(state, first.batches.slice(0, 2));
    const rest = planImport(state, rows);
    const done = 2 * IMPORT_BATCH_ARTICLES_MAX;
    expect(rest.counts).toEqual({ new: total - done, changed: 0, unchanged: done, error: 0 });
    applyPlan(state, rest.batches);
    expect(planImport(state, rows).counts.unchanged).toBe(total);
  });
});

describe('article.importBatch', () => {
  const batch = (articles: Article[]): Command => ({ type: 'article.importBatch', userId: 'admin', articles });

  it('given articles that refer to each other, when applied as one batch, then one article.upserted each with before', () => {
    const state = fixtureState();
    const old = state.articles.get('100001')!;
    const decision = when(
      state,
      batch([
        article('100100', { accessories: ['100101'] }),
        article('100101', { accessories: ['100100'] }),
        { ...old, name: 'Ny' },
      ]),
    );
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(
      decision.events.map((e) => [e.type, e.type === 'article.upserted' ? (e.before?.artNo ?? null) : 'x']),
    ).toEqual([
      ['article.upserted', null],
      ['article.upserted', null],
      ['article.upserted', '100001'],
    ]);
    expect(decision.events[2]).toMatchObject({ before: old, article: { name: 'Ny' }, userId: 'admin' });
    expect(state.articles.get('100101')!.accessories).toEqual(['100100']);
    expect(state.seq).toBe(1);
  });

  it('given articles equal to the state, when applied, then they are skipped: no events', () => {
    const state = fixtureState();
    const decision = when(state, batch([state.articles.get('100001')!, state.articles.get('100003')!]));
    expect(decision).toEqual({ ok: true, events: [] });
  });

  const rejections: Array<[string, Article[], string]> = [
    ['an article number twice', [article('100100'), article('100100')], 'duplicate_article'],
    ['an unknown supplier', [article('100100', { supplierId: 'acme' })], 'unknown_supplier'],
    ['an unknown ISO code', [article('100100', { isoCode: '99 99 99' })], 'unknown_iso_code'],
    ['a reference outside state and batch', [article('100100', { setParts: ['777777'] })], 'unknown_article'],
    ['a loop with the catalog', [article('100001', { replacedBy: '100002' })], 'replacement_cycle'],
    [
      'a chain past the hop limit',
      Array.from({ length: REPLACEMENT_HOPS_MAX + 2 }, (_, i) =>
        article(String(300_000 + i), { replacedBy: i === REPLACEMENT_HOPS_MAX + 1 ? null : String(300_001 + i) }),
      ),
      'replacement_too_long',
    ],
  ];
  for (const [what, articles, code] of rejections) {
    it(`given ${what}, when applied, then ${code} and nothing changes`, () => {
      const state = fixtureState();
      const before = JSON.stringify([...state.articles.values()]);
      const decision = when(state, batch(articles));
      expect(decision).toMatchObject({ ok: false, code });
      expect(JSON.stringify([...state.articles.values()])).toBe(before);
      expect(state.seq).toBe(0);
    });
  }
});

describe('the import ops’ schemas', () => {
  const importId = '00000000-0000-4000-8000-000000000000';
  it('accept an import id, an outcome and a cursor, with defaults; refuse the rest with the issue a client sees', () => {
    expect(ImportLinesArgs.parse({ importId })).toEqual({ importId, cursor: 0, limit: 50 });
    expect(
      ImportLinesArgs.parse({ importId, outcome: 'error', cursor: 200, limit: IMPORT_LINES_PAGE_MAX }).outcome,
    ).toBe('error');
    for (const bad of [
      {},
      { importId: 'x' },
      { importId, outcome: 'new ' },
      { importId, cursor: -1 },
      { importId, limit: 0 },
      { importId, extra: 1 },
    ])
      expect(ImportLinesArgs.safeParse(bad).success).toBe(false);
    expect(ImportLinesArgs.safeParse({ importId: 'x' }).error?.issues[0]?.message).toMatch(/importId/);
    expect(ImportIdArgs.safeParse({ importId }).success).toBe(true);
    expect(ImportIdArgs.safeParse({ importId, outcome: 'new' }).success).toBe(false);
  });
});

describe('readImportFile', () => {
  const HEADER = IMPORT_COLUMNS.join(';');
  const bytes = (text: string) => new TextEncoder().encode(text);
  const ROW = cellsOf(article('100100', { name: 'Rollator "Lätt"; 55' }))
    .map((cell) => (/[;"]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell))
    .join(';');

  it('reads `;` with a BOM and CRLF, quoted cells with the delimiter and quotes inside, any column order', async () => {
    const reading = await readImportFile(bytes(`\ufeff${HEADER}\r\n${ROW}\r\n;;;;;;;;;;;;\r\n`));
    expect(reading).toMatchObject({ ok: true, delimiter: ';' });
    if (!reading.ok) return;
    expect(reading.records).toHaveLength(1);
    expect(reading.records[0]!.cells[1]).toBe('Rollator "Lätt"; 55');
    expect(reading.records[0]!.line).toBe(2);
    const reordered = [...IMPORT_COLUMNS].reverse().join(',');
    const cells = cellsOf(article('100100'), { price: '1995.00' }).reverse().join(',');
    const comma = await readImportFile(bytes(`${reordered}\n${cells}\n`));
    expect(comma).toMatchObject({ ok: true, delimiter: ',' });
    if (comma.ok) expect(comma.records[0]!.cells).toEqual(cellsOf(article('100100'), { price: '1995.00' }));
  });

  const refusals: Array<[string, Uint8Array, RegExp]> = [
    ['an empty file', new Uint8Array(0), /tom/],
    ['a header only', bytes(`${HEADER}\n`), /inga artikelrader/],
    ['Windows-1252 text', Uint8Array.from([...bytes(`${HEADER}\n100100;R`), 0xe4, 0x0a]), /inte UTF-8/],
    ['UTF-16', Uint8Array.from([0xff, 0xfe, 0x61, 0x00]), /UTF-16/],
    ['binary data', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), /binära/],
    ['a missing column', bytes(`${HEADER.replace(';imageUrl', '')}\n1;2\n`), /saknas.*imageUrl/],
    ['an unknown column', bytes(`${HEADER};färg\n`), /Okända kolumner: färg/],
    ['an unclosed quote', bytes(`${HEADER}\n${ROW}\n100101;"Rollator\n`), /rad \d+.*citattecken/],
  ];
  for (const [what, file, message] of refusals) {
    it(`refuses ${what} with one Swedish message`, async () => {
      const reading = await readImportFile(file);
      expect(reading.ok).toBe(false);
      if (!reading.ok) expect(reading.message).toMatch(message);
    });
  }

  it('numbers lines as the file has them: empty lines and line breaks inside quoted cells count', async () => {
    const twoLines = cellsOf(article('100101'), { name: '"Rollator\r\nmed korg"' }).join(';');
    const reading = await readImportFile(bytes(`${HEADER}\r\n\r\n${twoLines}\r\n${ROW}\r\n`));
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(reading.records.map((r) => r.line)).toEqual([3, 5]);
  });

  it('gives articles the Article schema accepts, from every spelling the format allows', async () => {
    const file = await readImportFile(fs.readFileSync(path.join(REPO, 'docs', 'import-sample.csv')));
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    const plan = planImport(fixtureWithDemoRefs(), file.records);
    expect(plan.counts.error).toBe(0);
    for (const a of plan.batches.flat()) expect(Article.safeParse(a).success, JSON.stringify(a)).toBe(true);
  });

  it('keeps a row with the wrong number of fields as an error line', async () => {
    const reading = await readImportFile(bytes(`${HEADER}\n${ROW}\n100101;Kort rad\n`));
    expect(reading.ok).toBe(true);
    if (reading.ok)
      expect(reading.records[1]).toMatchObject({ line: 3, problem: 'Raden har 2 fält; rubrikraden har 13.' });
  });
});
