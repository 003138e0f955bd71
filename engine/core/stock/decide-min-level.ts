// admin.stockMinSet: an admin sets (or with 0 clears) an article's minimum level in a warehouse; the event carries the
// level it replaced, for the change log.
import { assert } from '../assert.ts';
import type { StockMinSet } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { stockKey } from '../keys.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';

export function decideStockMinSet(state: State, command: StockMinSet): Decision {
  const { warehouse, artNo, minLevel } = command;
  assert(Number.isInteger(minLevel) && minLevel >= 0, `minimum level ${minLevel} is a count`);
  if (!state.warehouses.has(warehouse)) return reject('not_found', `Lager ${warehouse} finns inte.`);
  if (!state.articles.has(artNo)) return reject('not_found', `Artikel ${artNo} finns inte.`);
  const before = state.minLevels.get(stockKey(warehouse, artNo))?.minLevel ?? 0;
  return {
    ok: true,
    events: [{ type: 'stock.minLevelSet', userId: command.userId, warehouse, artNo, minLevel, before }],
  };
}
