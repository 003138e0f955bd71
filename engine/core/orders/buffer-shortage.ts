// Issue 15 (Retur av hjälpmedel): a withdrawal from a buffer warehouse (förråd) takes only what is on its shelf. It
// never waits as a backorder there (nothing replenishes a buffer from an order), and units kept in the buffer after a
// de-registration are not stock: so an order that would take the buffer below its balance is refused, never queued.
import type { OrderLine } from '../../../schemas/orders.ts';
import { available, MAIN_WAREHOUSE, stockKey } from '../keys.ts';
import { reject, type Rejection } from '../rejections.ts';
import { keptIn } from '../returns/return-index.ts';
import type { State } from '../state.ts';

export function refuseBufferShortage(state: State, warehouse: string, lines: readonly OrderLine[]): Rejection | null {
  if (warehouse === MAIN_WAREHOUSE) return null;
  const short = lines.find((line) => line.status === 'backorder');
  return short === undefined ? null : bufferShortage(state, warehouse, short.artNo, short.quantity);
}

/** The refusal of `quantity` of an article from a buffer that has less (order.quote shows it on the line too). */
export function bufferShortage(state: State, warehouse: string, artNo: string, quantity: number): Rejection {
  const article = state.articles.get(artNo);
  const balance = Math.max(0, available(state.stock.get(stockKey(warehouse, artNo))));
  const kept = keptIn(state.returnIndex, warehouse, artNo);
  const keptNote = kept > 0 ? ` ${kept} st sparade efter retur är inte förskrivningsbara.` : '';
  return reject(
    'insufficient_stock',
    `Förrådet ${warehouse} har ${balance} st ${article?.name ?? artNo} (${artNo}) att förskriva, du begärde ${quantity}.${keptNote}`,
  );
}
