// Indexes over stock rows and rental individuals, derived from the tables on load and kept current by apply: an
// article's rows in warehouse order, the individuals per article and per patient, and the highest individual number.
import type { Individual, StockRow } from '../../../schemas/entities.ts';
import { assert } from '../assert.ts';
import { pushTo, stockKey } from '../keys.ts';
import type { Derived, State, Tables } from '../state.ts';

export type StockIndexes = Pick<Derived, 'stockByArticle' | 'individualsByPnr' | 'individualsByArticle' | 'lastIndNo'>;

export function buildStockIndexes(tables: Pick<Tables, 'stock' | 'individuals'>): StockIndexes {
  const indexes: StockIndexes = {
    stockByArticle: new Map(),
    individualsByPnr: new Map(),
    individualsByArticle: new Map(),
    lastIndNo: 0,
  };
  for (const row of tables.stock.values()) pushTo(indexes.stockByArticle, row.artNo, row);
  for (const rows of indexes.stockByArticle.values()) rows.sort(byWarehouse);
  for (const ind of tables.individuals.values()) indexIndividual(indexes, ind);
  return indexes;
}

function byWarehouse(a: StockRow, b: StockRow): number {
  return a.warehouse < b.warehouse ? -1 : a.warehouse > b.warehouse ? 1 : 0;
}

/** A new stock row, indexed by article in warehouse order (readers then never sort). */
export function addStockRow(state: State, row: StockRow): void {
  const key = stockKey(row.warehouse, row.artNo);
  assert(!state.stock.has(key), `stock row ${key} is new`);
  state.stock.set(key, row);
  const rows = state.stockByArticle.get(row.artNo);
  if (rows === undefined) {
    state.stockByArticle.set(row.artNo, [row]);
    return;
  }
  let at = rows.length;
  while (at > 0 && byWarehouse(rows[at - 1], row) > 0) at--;
  rows.splice(at, 0, row);
}

/** The stock row of an article in a warehouse, found through the article's few rows (no key string to build). */
export function stockRowOf(
  state: Pick<Derived, 'stockByArticle'>,
  warehouse: string,
  artNo: string,
): StockRow | undefined {
  const rows = state.stockByArticle.get(artNo);
  if (rows === undefined) return undefined;
  for (let i = 0; i < rows.length; i++) if (rows[i].warehouse === warehouse) return rows[i];
  return undefined;
}

export function indexIndividual(indexes: Omit<StockIndexes, 'stockByArticle'>, ind: Individual): void {
  pushTo(indexes.individualsByArticle, ind.artNo, ind.indNo);
  if (ind.indNo > indexes.lastIndNo) indexes.lastIndNo = ind.indNo;
  if (ind.location.kind === 'patient') pushTo(indexes.individualsByPnr, ind.location.pnr, ind.indNo);
}
