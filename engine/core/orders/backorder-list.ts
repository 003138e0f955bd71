// fulfil.backorders (issue 14, HMC oversight): the restorder lines for the Plocklista, each with what it waits for —
// the article and quantity, what the warehouse has free now, its place in the article's queue (served strictly oldest
// first, serve-backorders.ts), how many it is short, and units on their way back to lager 10 in open pickups.
import type { BackorderListArgs } from '../../../schemas/settings.ts';
import { assert } from '../assert.ts';
import { available, MAIN_WAREHOUSE, stockKey } from '../keys.ts';
import { type Oversight, oversight } from '../oversight/flags.ts';
import { found, type QueryResult } from '../query-result.ts';
import type { State } from '../state.ts';
import type { LineRef } from './order-index.ts';

export interface BackorderRow {
  orderNo: number;
  lineNo: number;
  artNo: string;
  name: string;
  quantity: number;
  warehouse: string;
  /** 1 for the head of the queue of (warehouse, article). */
  position: number;
  queueLength: number;
  /** Units the lines ahead of this one wait for. */
  aheadQuantity: number;
  /** Free units in the warehouse now (on hand minus reserved). */
  available: number;
  /** Units still missing before this line can be served: what it and the lines ahead need beyond what is free. */
  short: number;
  /** Units of the article in open pickups on their way back to lager 10; null for other warehouses (no returns). */
  inboundReturns: number | null;
  placedDate: string;
  prescriber: { id: string; name: string };
  ageWorkingDays: number;
  flagged: boolean;
}

function queueRows(state: State, queue: readonly LineRef[], inbound: ReadonlyMap<string, number>, watch: Oversight) {
  const rows: BackorderRow[] = [];
  let ahead = 0;
  for (const [i, ref] of queue.entries()) {
    const order = state.orders.get(ref.orderNo)!;
    const line = order.lines[ref.lineNo - 1];
    assert(line !== undefined && line.status === 'backorder', `queued line ${ref.orderNo}:${ref.lineNo} waits`);
    const free = Math.max(0, available(state.stock.get(stockKey(order.warehouse, line.artNo))));
    const ageWorkingDays = watch.ages.of(order.placedMs);
    rows.push({
      orderNo: order.orderNo,
      lineNo: line.lineNo,
      artNo: line.artNo,
      name: state.articles.get(line.artNo)?.name ?? line.artNo,
      quantity: line.quantity,
      warehouse: order.warehouse,
      position: i + 1,
      queueLength: queue.length,
      aheadQuantity: ahead,
      available: free,
      short: Math.max(0, ahead + line.quantity - free),
      inboundReturns: order.warehouse === MAIN_WAREHOUSE ? (inbound.get(line.artNo) ?? 0) : null,
      placedDate: order.placedDate,
      prescriber: { id: order.prescriberId, name: state.users.get(order.prescriberId)?.name ?? order.prescriberId },
      ageWorkingDays,
      flagged: ageWorkingDays > watch.thresholdWorkingDays,
    });
    ahead += line.quantity;
  }
  return rows;
}

/** Every waiting backorder line, oldest order first (then line), at most `limit`; `total` counts them all. */
export function listBackorders(
  state: State,
  args: BackorderListArgs,
  nowMs: number,
): QueryResult<{ total: number; backorders: BackorderRow[]; thresholdWorkingDays: number }> {
  const watch = oversight(state, 'oversight.orderUnpickedWorkingDays', nowMs);
  const inbound = state.pickupIndex.waitingByArticle;
  const rows: BackorderRow[] = [];
  for (const queue of state.orderIndex.backorders.values()) rows.push(...queueRows(state, queue, inbound, watch));
  rows.sort((a, b) => a.orderNo - b.orderNo || a.lineNo - b.lineNo);
  const total = rows.length;
  return found({ total, backorders: rows.slice(0, args.limit), thresholdWorkingDays: watch.thresholdWorkingDays });
}
