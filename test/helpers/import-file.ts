// Generates a catalog import file (docs/IMPORT.md) against a catalog: new articles (some referencing each other as
// accessories and replacements, so the apply must order them) and changed existing ones (name and price). Shared by
// the import process and browser tests and by bench/import.ts; deterministic for equal inputs.
import type { Article } from '../../schemas/entities.ts';
import { kronorText } from '../../engine/core/catalog-import/article-diff.ts';
import { IMPORT_COLUMNS } from '../../engine/core/catalog-import/types.ts';

export interface ImportCatalog {
  /** ISO product groups (three levels) and supplier ids to draw from. */
  isoCodes: readonly string[];
  supplierIds: readonly string[];
  /** Existing articles: the first `changed` of them are changed, and new article numbers avoid them all. */
  articles: readonly Article[];
}

export interface ImportFileOptions {
  rows: number;
  /** Rows that change an existing article (at most the catalog's size); the rest are new articles. */
  changed: number;
  /** A tag in new names and changed names, so two generated files differ. */
  tag?: string;
  delimiter?: ';' | ',';
  /** The first new article number tried (new ones go up from it, skipping existing numbers). */
  firstNewArtNo?: number;
}

function cell(value: string, delimiter: string): string {
  return value.includes(delimiter) || value.includes('"') ? `"${value.replaceAll('"', '""')}"` : value;
}

function line(article: Article, delimiter: string): string {
  const text: Record<(typeof IMPORT_COLUMNS)[number], string> = {
    artNo: article.artNo,
    name: article.name,
    isoCode: article.isoCode,
    supplierId: article.supplierId,
    kind: article.kind === 'rental' ? 'hyra' : 'köp',
    price: kronorText(article.priceOre),
    status: article.status,
    setParts: article.setParts.join('|'),
    accessories: article.accessories.join('|'),
    replacedBy: article.replacedBy ?? '',
    supplierUrl: article.supplierUrl ?? '',
    manualUrl: article.manualUrl ?? '',
    imageUrl: article.imageUrl ?? '',
  };
  return IMPORT_COLUMNS.map((column) => cell(text[column], delimiter)).join(delimiter);
}

/** The new articles: every tenth has the previous two new ones as accessories, every 25th is replaced by the next. */
function newArticles(catalog: ImportCatalog, count: number, options: ImportFileOptions): Article[] {
  const taken = new Set(catalog.articles.map((a) => a.artNo));
  const artNos: string[] = [];
  for (let n = options.firstNewArtNo ?? 100_000; artNos.length < count; n++) {
    if (n > 999_999) throw new Error('no article numbers left');
    if (!taken.has(String(n))) artNos.push(String(n));
  }
  const tag = options.tag ?? 'import';
  return artNos.map((artNo, i) => ({
    artNo,
    // Names from the catalog's own words, as a supplier's new variants would be (not a new word per article).
    name: `${catalog.articles[i % catalog.articles.length]?.name ?? 'Rollator'} ${tag}; modell "${i % 97}"`.slice(
      0,
      120,
    ),
    supplierId: catalog.supplierIds[i % catalog.supplierIds.length]!,
    isoCode: catalog.isoCodes[i % catalog.isoCodes.length]!,
    kind: i % 3 === 0 ? 'sale' : 'rental',
    priceOre: 10_000 + ((i * 7_919) % 5_000_000),
    status: 'active',
    setParts: [],
    // Accessories listed after the article (i + 1, i + 2): the apply must write them first.
    accessories: i % 10 === 0 && i + 2 < count ? [artNos[i + 1]!, artNos[i + 2]!] : [],
    replacedBy: i % 25 === 0 && i + 1 < count ? artNos[i + 1]! : null,
    supplierUrl: i % 2 === 0 ? `https://example.se/produkter/${artNo}` : null,
    manualUrl: null,
    imageUrl: i % 4 === 0 ? '/img/iso-12.svg' : null,
  }));
}

/** The file's text: a header and `rows` lines. */
export function importFileText(catalog: ImportCatalog, options: ImportFileOptions): string {
  const delimiter = options.delimiter ?? ';';
  const changed = catalog.articles.slice(0, Math.min(options.changed, options.rows)).map((a) => ({
    ...a,
    name: `${a.name} (${options.tag ?? 'import'})`.slice(0, 120),
    priceOre: a.priceOre + 100,
  }));
  const created = newArticles(catalog, options.rows - changed.length, options);
  const lines = [IMPORT_COLUMNS.join(delimiter)];
  for (const article of [...created, ...changed]) lines.push(line(article, delimiter));
  return `${lines.join('\r\n')}\r\n`;
}
