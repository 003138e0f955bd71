// One import row's cells into an Article, or the first thing wrong with it, in Swedish: the field-level checks of the
// file format (docs/IMPORT.md). Whether the supplier, ISO code and referenced articles exist is the plan's business.
import type { Article } from '../../../schemas/entities.ts';
import {
  ACCESSORIES_MAX,
  ARTICLE_NAME_CHARS_MAX,
  PRICE_ORE_MAX,
  SET_PARTS_MAX,
  URL_CHARS_MAX,
} from '../../../schemas/limits.ts';
import type { ArticleKind, ArticleStatus } from '../../../schemas/primitives.ts';
import { IMPORT_COLUMNS, type ImportColumn, type ImportErrorCode, type ImportRecord } from './types.ts';

export type RowReading = { ok: true; article: Article } | { ok: false; code: ImportErrorCode; message: string };

/** Swedish and English words for rental and sale (the file's language is the exporter's choice). */
const KINDS: Readonly<Record<string, ArticleKind>> = { rental: 'rental', hyra: 'rental', sale: 'sale', köp: 'sale' };
const STATUSES: Readonly<Record<string, ArticleStatus>> = {
  active: 'active',
  aktiv: 'active',
  outgoing: 'outgoing',
  utgående: 'outgoing',
  discontinued: 'discontinued',
  utgått: 'discontinued',
};
const ART_NO = /^\d{6}$/;
const ISO_CODE = /^\d{2} \d{2} \d{2}$/;
const SUPPLIER_ID = /^[a-z0-9-]{1,40}$/;
const URL_START = /^(https?:\/\/|\/)/;
/** Kronor with at most two decimals after `,` or `.`; spaces (also non-breaking) group thousands. */
const PRICE = /^(\d+)(?:[.,](\d{1,2}))?$/;
const PRICE_SPACES = /[\s\u00a0\u202f]/g;
/** Article numbers in a list cell: separated by `|`, `,`, `;` or white space. */
const LIST_SEPARATORS = /[\s|,;]+/;

const COLUMN_AT = new Map<ImportColumn, number>(IMPORT_COLUMNS.map((column, i) => [column, i]));

class RowError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function fail(code: ImportErrorCode, message: string): never {
  throw new RowError(code, message);
}

/** Kronor as written (`1 234,50`, `99.5`, `120`) to öre. */
export function parsePriceOre(text: string): number | null {
  const match = PRICE.exec(text.replace(PRICE_SPACES, ''));
  if (match === null) return null;
  const ore = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(ore) && ore <= PRICE_ORE_MAX ? ore : null;
}

function artNoList(text: string, column: string, max: number): string[] {
  const items = text.trim() === '' ? [] : text.trim().split(LIST_SEPARATORS);
  for (const item of items) if (!ART_NO.test(item)) fail('invalid_row', `${column}: ${item} är inget artikelnummer.`);
  if (items.length > max) fail('invalid_row', `${column}: högst ${max} artiklar.`);
  if (new Set(items).size !== items.length) fail('invalid_row', `${column}: samma artikel står två gånger.`);
  return items;
}

function url(text: string, column: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  if (value.length > URL_CHARS_MAX || !URL_START.test(value))
    fail(
      'invalid_row',
      `${column}: en länk börjar med http://, https:// eller / och har högst ${URL_CHARS_MAX} tecken.`,
    );
  return value;
}

function word<T>(table: Readonly<Record<string, T>>, text: string, column: string, allowed: string): T {
  const value = table[text.trim().toLowerCase()];
  if (value === undefined) fail('invalid_row', `${column}: "${text.trim()}" är inte ${allowed}.`);
  return value;
}

function articleOf(cell: (column: ImportColumn) => string): Article {
  const artNo = cell('artNo').trim();
  if (!ART_NO.test(artNo)) fail('invalid_row', `artNo: "${artNo}" är inget artikelnummer (sex siffror).`);
  const name = cell('name').trim();
  if (name === '' || name.length > ARTICLE_NAME_CHARS_MAX)
    fail('invalid_row', `name: benämningen saknas eller är längre än ${ARTICLE_NAME_CHARS_MAX} tecken.`);
  const isoCode = cell('isoCode').trim();
  if (!ISO_CODE.test(isoCode)) fail('invalid_row', `isoCode: "${isoCode}" är ingen ISO-kod som "12 06 06".`);
  const supplierId = cell('supplierId').trim();
  if (!SUPPLIER_ID.test(supplierId)) fail('invalid_row', `supplierId: "${supplierId}" är inget leverantörs-id.`);
  const kind = word(KINDS, cell('kind'), 'kind', 'hyra/köp (rental/sale)');
  const priceOre = parsePriceOre(cell('price'));
  if (priceOre === null)
    fail('bad_price', `price: "${cell('price').trim()}" är inget pris i kronor (som 1 234,50), högst två decimaler.`);
  const status = word(STATUSES, cell('status'), 'status', 'aktiv/utgående/utgått (active/outgoing/discontinued)');
  const replacedBy = cell('replacedBy').trim();
  if (replacedBy !== '' && !ART_NO.test(replacedBy))
    fail('invalid_row', `replacedBy: ${replacedBy} är inget artikelnummer.`);
  return {
    artNo,
    name,
    supplierId,
    isoCode,
    kind,
    priceOre,
    status,
    setParts: artNoList(cell('setParts'), 'setParts', SET_PARTS_MAX),
    accessories: artNoList(cell('accessories'), 'accessories', ACCESSORIES_MAX),
    replacedBy: replacedBy === '' ? null : replacedBy,
    supplierUrl: url(cell('supplierUrl'), 'supplierUrl'),
    manualUrl: url(cell('manualUrl'), 'manualUrl'),
    imageUrl: url(cell('imageUrl'), 'imageUrl'),
  };
}

/**
 * The row's article, or why it is not one. The checks above are the Article schema's, in Swedish (a zod parse per
 * row would double the cost of a 100 000-row dry run); test/catalog-import.test.ts holds every accepted row to it.
 */
export function readRow(record: ImportRecord): RowReading {
  if (record.problem !== undefined) return { ok: false, code: 'invalid_row', message: record.problem };
  try {
    return { ok: true, article: articleOf((column) => record.cells[COLUMN_AT.get(column)!] ?? '') };
  } catch (error) {
    if (error instanceof RowError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
