// stock.get: an article's balances per warehouse (or in one warehouse, zero when it has no row), from memory.
import type { OpArgs } from '../../../schemas/ops.ts';
import { available } from '../keys.ts';
import { found, type QueryResult } from '../query-result.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';

export interface StockView {
  artNo: string;
  rows: Array<{ warehouse: string; onHand: number; reserved: number; available: number }>;
}

export function stockOf(state: State, args: OpArgs<'stock.get'>): QueryResult<StockView> {
  if (!state.articles.has(args.artNo)) return reject('not_found', `Artikel ${args.artNo} finns inte.`);
  if (args.warehouse !== undefined && !state.warehouses.has(args.warehouse)) {
    return reject('not_found', `Lager ${args.warehouse} finns inte.`);
  }
  const rows: StockView['rows'] = [];
  for (const row of state.stockByArticle.get(args.artNo) ?? []) {
    if (args.warehouse !== undefined && row.warehouse !== args.warehouse) continue;
    rows.push({ warehouse: row.warehouse, onHand: row.onHand, reserved: row.reserved, available: available(row) });
  }
  if (args.warehouse !== undefined && rows.length === 0) {
    rows.push({ warehouse: args.warehouse, onHand: 0, reserved: 0, available: 0 });
  }
  return found({ artNo: args.artNo, rows });
}
