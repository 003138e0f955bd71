// What an open recall blocks, asked by order placement and picking. A whole-article recall blocks the article: no
// new order line, no pick (orders placed before it wait until it closes). A range recall blocks only its units:
// they are never picked, and a new order sees the article's available stock less the recalled units free in the
// warehouse (so it is not promised units that cannot be picked). Each check is one map look-up when nothing is open.
import type { Recall } from '../../../schemas/recalls.ts';
import type { Individual } from '../../../schemas/entities.ts';
import type { State } from '../state.ts';

/**
 * The open recalls of an article (empty when none: the common case). `closing`: a recall being closed by the command
 * under decision, left out so the close can serve the backorders it was holding back.
 */
export function openRecallsOf(state: State, artNo: string, closing: number | null = null): Recall[] {
  const numbers = state.recallIndex.openByArticle.get(artNo);
  if (numbers === undefined) return [];
  const open: Recall[] = [];
  for (const recallNo of numbers) if (recallNo !== closing) open.push(state.recalls.get(recallNo)!);
  return open;
}

/** The open whole-article recall of the article, or null. */
export function articleRecall(state: State, artNo: string, closing: number | null = null): Recall | null {
  for (const recall of openRecallsOf(state, artNo, closing)) if (recall.indNoFrom === null) return recall;
  return null;
}

/** Whether a recall covers a unit: its article, its range, registered before the recall. */
export function recallCovers(recall: Recall, ind: Individual): boolean {
  if (ind.artNo !== recall.artNo || ind.indNo > recall.indNoCeiling) return false;
  if (recall.indNoFrom === null || recall.indNoTo === null) return true;
  return ind.indNo >= recall.indNoFrom && ind.indNo <= recall.indNoTo;
}

/** Whether an open recall covers the unit (picking skips it). */
export function unitRecalled(state: State, ind: Individual): boolean {
  for (const recall of openRecallsOf(state, ind.artNo)) if (recallCovers(recall, ind)) return true;
  return false;
}

/**
 * Units of the article in the warehouse that a range recall blocks and no pick has taken: subtracted from what a new
 * order may reserve. Walks the article's units only while a range recall of it is open.
 */
export function blockedFreeUnits(
  state: State,
  warehouse: string,
  artNo: string,
  closing: number | null = null,
): number {
  const ranges = openRecallsOf(state, artNo, closing).filter((r) => r.indNoFrom !== null);
  if (ranges.length === 0) return 0;
  let blocked = 0;
  for (const indNo of state.individualsByArticle.get(artNo) ?? []) {
    const ind = state.individuals.get(indNo)!;
    if (ind.location.kind !== 'warehouse' || ind.location.warehouse !== warehouse) continue;
    if (state.orderIndex.taken.has(indNo)) continue;
    if (ranges.some((r) => recallCovers(r, ind))) blocked++;
  }
  return blocked;
}
