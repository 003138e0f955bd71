// Lager's reads from memory: an article's balances and minimum level in every warehouse (buffers included), and the
// rows under their minimum level (the derived set min-level-index.ts keeps), by article and warehouse.
import type { BelowMinArgs } from '../../../schemas/stock-admin.ts';
import { available, stockKey } from '../keys.ts';
import { found, type QueryResult } from '../query-result.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';

export interface StockLevelRow {
  warehouse: string;
  warehouseName: string;
  warehouseKind: string;
  onHand: number;
  reserved: number;
  available: number;
  /** 0: no minimum. */
  minLevel: number;
}

function levelRow(
  state: State,
  warehouse: string,
  artNo: string,
): Omit<StockLevelRow, 'warehouseName' | 'warehouseKind'> {
  const key = stockKey(warehouse, artNo);
  const row = state.stock.get(key);
  const minLevel = state.minLevels.get(key)?.minLevel ?? 0;
  return { warehouse, onHand: row?.onHand ?? 0, reserved: row?.reserved ?? 0, available: available(row), minLevel };
}

/** Every warehouse, in id order, with the article's balance and minimum (zeros where it has no row). */
export function stockLevels(
  state: State,
  artNo: string,
): QueryResult<{ artNo: string; name: string; rows: StockLevelRow[] }> {
  const article = state.articles.get(artNo);
  if (article === undefined) return reject('not_found', `Artikel ${artNo} finns inte.`);
  const rows = [...state.warehouses.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((w) => ({ ...levelRow(state, w.id, artNo), warehouseName: w.name, warehouseKind: w.kind }));
  return found({ artNo, name: article.name, rows });
}

export interface BelowMinRow extends Omit<StockLevelRow, 'warehouseName' | 'warehouseKind'> {
  artNo: string;
  name: string;
}

/** `<artNo>:<warehouse>`: sorts by article, then warehouse (the list's order and its cursor). */
function listKey(warehouse: string, artNo: string): string {
  return `${artNo}:${warehouse}`;
}

export function belowMinPage(
  state: State,
  args: BelowMinArgs,
): QueryResult<{ rows: BelowMinRow[]; total: number; next: string | null }> {
  if (args.warehouse !== undefined && !state.warehouses.has(args.warehouse)) {
    return reject('not_found', `Lager ${args.warehouse} finns inte.`);
  }
  const keys: string[] = [];
  for (const key of state.belowMin) {
    const min = state.minLevels.get(key)!;
    if (args.warehouse === undefined || min.warehouse === args.warehouse) keys.push(listKey(min.warehouse, min.artNo));
  }
  keys.sort();
  const from = args.cursor === undefined ? 0 : keys.findIndex((key) => key > args.cursor!);
  const page = from < 0 ? [] : keys.slice(from, from + args.limit);
  const rows = page.map((key) => {
    const [artNo, warehouse] = key.split(':') as [string, string];
    return { artNo, name: state.articles.get(artNo)?.name ?? '', ...levelRow(state, warehouse, artNo) };
  });
  const last = page[page.length - 1];
  const more = from >= 0 && from + args.limit < keys.length;
  return found({ rows, total: keys.length, next: more && last !== undefined ? last : null });
}
