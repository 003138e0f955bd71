// The rows under their minimum level: a derived set of stock keys whose available quantity (onHand − reserved, 0
// without a stock row) is below the row's minimum, built on load and kept current by apply on every stock change and
// every minimum change, so the Lager list reads it without a scan of the stock table.
import { available, stockKey } from '../keys.ts';
import type { Derived, Tables } from '../state.ts';

export type BelowMinState = Pick<Tables, 'stock' | 'minLevels'> & Pick<Derived, 'belowMin'>;

function isBelow(tables: Pick<Tables, 'stock' | 'minLevels'>, key: string): boolean {
  const min = tables.minLevels.get(key);
  // A level of 0 (cleared) is never above an available quantity, which is never negative.
  return min !== undefined && available(tables.stock.get(key)) < min.minLevel;
}

export function buildBelowMin(tables: Pick<Tables, 'stock' | 'minLevels'>): Set<string> {
  const below = new Set<string>();
  for (const key of tables.minLevels.keys()) if (isBelow(tables, key)) below.add(key);
  return below;
}

/** After a change of a row's balance or minimum: in the set exactly while it is under its minimum. */
export function noteBelowMin(state: BelowMinState, warehouse: string, artNo: string): void {
  if (state.minLevels.size === 0) return; // no minimum anywhere: nothing to keep (the common case, one check)
  const key = stockKey(warehouse, artNo);
  if (isBelow(state, key)) state.belowMin.add(key);
  else state.belowMin.delete(key);
}
