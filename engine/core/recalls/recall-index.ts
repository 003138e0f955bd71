// The recalls unit's derived index: open recalls per article (asked by every order placement and pick of the
// article, so one map look-up when none is open), each recall's progress rows, and the next recall number.
import type { Recall, RecallProgressRow } from '../../../schemas/recalls.ts';
import type { Order } from '../../../schemas/orders.ts';
import { pushTo } from '../keys.ts';

export interface RecallIndex {
  /** artNo → numbers of its open recalls, oldest first. */
  openByArticle: Map<string, number[]>;
  /** recallNo → holder key → its progress row (only holders whose progress was set). */
  progress: Map<number, Map<string, RecallProgressRow>>;
  nextRecallNo: number;
  /**
   * indNo → the highest-numbered order that delivered it (kept by the orders unit's apply on order.lineDelivered). A recall of
   * 50 000 units finds each holder's prescriber with one map read instead of scanning the holder's orders.
   */
  deliveredBy: Map<number, number>;
}

/** The key of a progress row in its table. */
export function progressKey(recallNo: number, holderKey: string): string {
  return `${recallNo}/${holderKey}`;
}

/** A delivered order's rental units: later deliveries (called in order-number order) overwrite earlier ones. */
export function noteDeliveredUnits(deliveredBy: Map<number, number>, order: Order): void {
  for (const line of order.lines)
    if (line.status === 'delivered') for (const indNo of line.individuals) deliveredBy.set(indNo, order.orderNo);
}

/**
 * Takes the two tables, not `Tables`: state.ts imports this file's type, so this file imports nothing back.
 * `deliveredBy` comes filled by noteDeliveredUnits from the one pass over the orders that builds the order index.
 */
export function buildRecallIndex(
  tables: { recalls: Map<number, Recall>; recallProgress: Map<string, RecallProgressRow> },
  deliveredBy: Map<number, number>,
): RecallIndex {
  const index: RecallIndex = { openByArticle: new Map(), progress: new Map(), nextRecallNo: 1, deliveredBy };
  const numbers = [...tables.recalls.keys()].sort((a, b) => a - b);
  for (const recallNo of numbers) indexRecall(index, tables.recalls.get(recallNo)!);
  for (const row of tables.recallProgress.values()) indexProgress(index, row);
  return index;
}

export function indexRecall(index: RecallIndex, recall: Recall): void {
  if (recall.closedMs === null) pushTo(index.openByArticle, recall.artNo, recall.recallNo);
  if (recall.recallNo >= index.nextRecallNo) index.nextRecallNo = recall.recallNo + 1;
}

export function unindexOpen(index: RecallIndex, recall: Recall): void {
  const open = index.openByArticle.get(recall.artNo);
  if (open === undefined) return;
  const at = open.indexOf(recall.recallNo);
  if (at >= 0) open.splice(at, 1);
  if (open.length === 0) index.openByArticle.delete(recall.artNo);
}

export function indexProgress(index: RecallIndex, row: RecallProgressRow): void {
  let rows = index.progress.get(row.recallNo);
  if (rows === undefined) {
    rows = new Map();
    index.progress.set(row.recallNo, rows);
  }
  rows.set(row.holderKey, row);
}
