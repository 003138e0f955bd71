// The dry run of a catalog import: every row of the file against the state, as new / changed (old → new) / unchanged /
// error, and the batches that would apply it. Pure: reads the state, changes nothing; the same state and rows give the
// same plan. A row is valid only if the catalog after the whole import is: its supplier and ISO group exist, every
// article it references exists in the catalog or comes from a valid row of the file, and its replacement chain, read
// with the file's rows over the catalog, neither loops nor runs past REPLACEMENT_HOPS_MAX. A row falling out can
// break another (a reference to it, a chain through it), so those checks repeat until nothing more falls out.
import type { Article } from '../../../schemas/entities.ts';
import { EVENTS_PER_COMMAND_MAX, IMPORT_BATCH_ARTICLES_MAX, REPLACEMENT_HOPS_MAX } from '../../../schemas/limits.ts';
import type { State } from '../state.ts';
import { applyGroups, packBatches, referencesOf } from './apply-order.ts';
import { articleChanges, sameArticle } from './article-diff.ts';
import { readRow } from './read-row.ts';
import type { ImportErrorCode, ImportPlan, ImportRecord, OutcomeCounts, PlanLine } from './types.ts';

export type PlanState = Pick<State, 'articles' | 'suppliers' | 'iso'>;

interface Row {
  record: ImportRecord;
  /** The article number cell as written (trimmed), even when the row is not an article. */
  artNo: string;
  article: Article | null;
  error: { code: ImportErrorCode; message: string } | null;
}

const ART_NO = /^\d{6}$/;

function fail(row: Row, code: ImportErrorCode, message: string): void {
  row.error ??= { code, message };
}

/** Every occurrence of an article number the file has twice is an error: which one is meant cannot be known. */
function markDuplicates(rows: readonly Row[]): void {
  const linesOf = new Map<string, number[]>();
  let twice = false;
  for (const row of rows) {
    if (!ART_NO.test(row.artNo)) continue;
    const lines = linesOf.get(row.artNo);
    if (lines === undefined) linesOf.set(row.artNo, [row.record.line]);
    else {
      lines.push(row.record.line);
      twice = true;
    }
  }
  if (!twice) return;
  for (const row of rows) {
    const lines = linesOf.get(row.artNo);
    if (lines === undefined || lines.length < 2) continue;
    const others = lines.filter((line) => line !== row.record.line).join(', ');
    fail(row, 'duplicate_article', `Artikelnumret står också på rad ${others}.`);
  }
}

function checkCatalogKeys(state: PlanState, row: Row): void {
  const article = row.article;
  if (article === null || row.error !== null) return;
  if (!state.suppliers.has(article.supplierId))
    fail(row, 'unknown_supplier', `Leverantören ${article.supplierId} finns inte.`);
  const node = state.iso.get(article.isoCode);
  if (node === undefined || node.level !== 3)
    fail(row, 'unknown_iso_code', `ISO-koden ${article.isoCode} är ingen produktgrupp (tre nivåer) i trädet.`);
}

/** The rows still valid, by article number. */
function validRows(rows: readonly Row[]): Map<string, Row> {
  const valid = new Map<string, Row>();
  for (const row of rows) if (row.error === null && row.article !== null) valid.set(row.article.artNo, row);
  return valid;
}

/** Refs to articles neither in the catalog nor in a valid row; true if a row fell out. */
function checkReferences(state: PlanState, fileLine: ReadonlyMap<string, number>, valid: Map<string, Row>): boolean {
  let fell = false;
  for (const row of valid.values()) {
    const article = row.article!;
    for (const ref of referencesOf(article)) {
      if (ref === article.artNo) fail(row, 'unknown_article', `Artikel ${ref} kan inte hänvisa till sig själv.`);
      else if (valid.has(ref) || state.articles.has(ref)) continue;
      else if (fileLine.has(ref)) fail(row, 'unknown_article', `Artikel ${ref} (rad ${fileLine.get(ref)}) har fel.`);
      else fail(row, 'unknown_article', `Artikel ${ref} finns varken i katalogen eller i filen.`);
      if (row.error !== null) break;
    }
    if (row.error !== null) {
      valid.delete(article.artNo);
      fell = true;
    }
  }
  return fell;
}

/** Replacement chains read with the file over the catalog; true if a row fell out. */
function checkChains(state: PlanState, valid: Map<string, Row>): boolean {
  const replacedByOf = (artNo: string) => (valid.get(artNo)?.article ?? state.articles.get(artNo))?.replacedBy ?? null;
  let fell = false;
  for (const row of valid.values()) {
    const artNo = row.article!.artNo;
    let next = row.article!.replacedBy;
    for (let hops = 1; next !== null; hops++) {
      if (next === artNo) {
        fail(row, 'replacement_cycle', `Ersättningskedjan från ${artNo} går i cirkel (med filens rader).`);
        break;
      }
      if (hops > REPLACEMENT_HOPS_MAX) {
        fail(row, 'replacement_too_long', `Ersättningskedjan från ${artNo} är längre än ${REPLACEMENT_HOPS_MAX} steg.`);
        break;
      }
      next = replacedByOf(next);
    }
  }
  for (const [artNo, row] of valid) {
    if (row.error === null) continue;
    valid.delete(artNo);
    fell = true;
  }
  return fell;
}

/** The new and changed articles among the valid rows. */
function toApply(state: PlanState, valid: Map<string, Row>): Map<string, Article> {
  const articles = new Map<string, Article>();
  for (const [artNo, row] of valid) {
    const before = state.articles.get(artNo);
    if (before === undefined || !sameArticle(before, row.article!)) articles.set(artNo, row.article!);
  }
  return articles;
}

/** Groups of new articles referencing each other in a circle too big for one command; true if a row fell out. */
function checkGroupSizes(groups: readonly Article[][], valid: Map<string, Row>): boolean {
  let fell = false;
  for (const group of groups) {
    if (group.length <= EVENTS_PER_COMMAND_MAX) continue;
    for (const article of group) {
      const message = `${group.length} nya artiklar hänvisar till varandra i en ring; högst ${EVENTS_PER_COMMAND_MAX}.`;
      fail(valid.get(article.artNo)!, 'unknown_article', message);
      valid.delete(article.artNo);
    }
    fell = true;
  }
  return fell;
}

function lineOf(state: PlanState, row: Row): PlanLine {
  const { line } = row.record;
  const { artNo } = row;
  const name = row.article?.name ?? row.record.cells[1]?.trim() ?? '';
  if (row.error !== null) return { line, artNo, name, outcome: 'error', error: row.error };
  const before = state.articles.get(artNo);
  if (before === undefined) return { line, artNo, name, outcome: 'new' };
  const changes = articleChanges(before, row.article!);
  return changes.length === 0
    ? { line, artNo, name, outcome: 'unchanged' }
    : { line, artNo, name, outcome: 'changed', changes };
}

export function planImport(state: PlanState, records: readonly ImportRecord[]): ImportPlan {
  const rows: Row[] = records.map((record) => {
    const reading = readRow(record);
    const artNo = record.cells[0]?.trim() ?? '';
    return reading.ok
      ? { record, artNo, article: reading.article, error: null }
      : { record, artNo, article: null, error: { code: reading.code, message: reading.message } };
  });
  markDuplicates(rows);
  for (const row of rows) checkCatalogKeys(state, row);
  const valid = validRows(rows);
  const fileLine = new Map<string, number>();
  for (const row of rows) fileLine.set(row.artNo, row.record.line);
  let groups: Article[][];
  for (;;) {
    if (checkReferences(state, fileLine, valid) || checkChains(state, valid)) continue;
    groups = applyGroups(toApply(state, valid), state.articles);
    if (!checkGroupSizes(groups, valid)) break;
  }
  const lines = rows.map((row) => lineOf(state, row));
  const counts: OutcomeCounts = { new: 0, changed: 0, unchanged: 0, error: 0 };
  for (const line of lines) counts[line.outcome]++;
  return { lines, counts, batches: packBatches(groups, IMPORT_BATCH_ARTICLES_MAX) };
}
