// Small pure keys and helpers the state, its index builders and the units share. A leaf: it imports only schema
// types, so index builders never import back from state.ts or from each other.
import type { StockRow } from '../../schemas/entities.ts';

/** HMC's main warehouse (lager 10). */
export const MAIN_WAREHOUSE = '10';

/** The key of a stock row in its table (and of a backorder queue): warehouse and article. */
export function stockKey(warehouse: string, artNo: string): string {
  return `${warehouse}:${artNo}`;
}

/** Units a stock row can still promise: on hand minus reserved (0 without a row). */
export function available(row: StockRow | undefined): number {
  return row === undefined ? 0 : row.onHand - row.reserved;
}

/** Appends to the list under a key of a one-to-many index, creating the list on first use. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
