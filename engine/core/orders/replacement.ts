// Availability for a new order line, and the replacement chain (ersättningskedja): the first equivalent with stock is proposed.
import { REPLACEMENT_HOPS_MAX } from '../../../schemas/limits.ts';
import type { Profession } from '../../../schemas/primitives.ts';
import { available, stockKey } from '../keys.ts';
import type { State } from '../state.ts';
import { mayPrescribe } from '../prescribing-rules/rules.ts';
// Issue 15, recalls:
import { articleRecall, blockedFreeUnits } from '../recalls/blocks.ts';

/** Units already promised to earlier lines of the order being planned, per stockKey. */
export type Consumed = Map<string, number>;

/**
 * What a new line may reserve. While older backorder lines wait for the same stock, a new order gets
 * nothing: the next unit serves the oldest order first.
 */
export function availableForNew(state: State, warehouse: string, artNo: string, consumed: Consumed): number {
  const key = stockKey(warehouse, artNo);
  if ((state.orderIndex.backorders.get(key)?.length ?? 0) > 0) return 0;
  // Issue 15, recalls: a recalled article offers nothing, a range recall's free units are not offered.
  if (articleRecall(state, artNo) !== null) return 0;
  return available(state.stock.get(key)) - blockedFreeUnits(state, warehouse, artNo) - (consumed.get(key) ?? 0);
}

export function consume(consumed: Consumed, warehouse: string, artNo: string, quantity: number): void {
  const key = stockKey(warehouse, artNo);
  consumed.set(key, (consumed.get(key) ?? 0) + quantity);
}

export interface Proposal {
  artNo: string;
  /** Steps along the chain from the article asked for. */
  hops: number;
}

/**
 * Walks the chain from `artNo` (a loop bounded by REPLACEMENT_HOPS_MAX, so even a cycle that slipped past
 * admin checks ends) and returns the first article that is still sold, may be prescribed by the profession and
 * has `quantity` available; null when none has.
 */
export function proposeReplacement(
  state: State,
  warehouse: string,
  artNo: string,
  quantity: number,
  profession: Profession,
  consumed: Consumed,
): Proposal | null {
  let next = state.articles.get(artNo)?.replacedBy ?? null;
  for (let hops = 1; next !== null && hops <= REPLACEMENT_HOPS_MAX; hops++) {
    const candidate = state.articles.get(next);
    if (candidate === undefined) return null;
    if (
      candidate.status !== 'discontinued' &&
      mayPrescribe(state, profession, candidate.isoCode) &&
      availableForNew(state, warehouse, next, consumed) >= quantity
    ) {
      return { artNo: next, hops };
    }
    next = candidate.replacedBy;
  }
  return null;
}
