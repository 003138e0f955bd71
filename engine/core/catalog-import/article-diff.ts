// What an import changes in an article, field by field, as text a person reads (old → new); no change at all is
// what makes a row `unchanged` and lets a second import of the same file write nothing.
import type { Article } from '../../../schemas/entities.ts';
import type { FieldChange } from './types.ts';

const FIELDS: ReadonlyArray<keyof Article> = [
  'name',
  'isoCode',
  'supplierId',
  'kind',
  'priceOre',
  'status',
  'setParts',
  'accessories',
  'replacedBy',
  'supplierUrl',
  'manualUrl',
  'imageUrl',
];

/** Öre as kronor with a decimal comma, as the file writes them: 229500 → "2295,00". */
export function kronorText(ore: number): string {
  return `${Math.floor(ore / 100)},${String(ore % 100).padStart(2, '0')}`;
}

function text(article: Article, field: keyof Article): string {
  const value = article[field];
  if (field === 'priceOre') return kronorText(value as number);
  if (Array.isArray(value)) return value.join(' | ');
  return value === null ? '' : String(value);
}

function sameValue(a: Article[keyof Article], b: Article[keyof Article]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

export function sameArticle(a: Article, b: Article): boolean {
  return a.artNo === b.artNo && FIELDS.every((field) => sameValue(a[field], b[field]));
}

export function articleChanges(before: Article, after: Article): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELDS) {
    if (!sameValue(before[field], after[field]))
      changes.push({ field, before: text(before, field), after: text(after, field) });
  }
  return changes;
}
