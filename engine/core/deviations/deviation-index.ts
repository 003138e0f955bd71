// Deviations in all and per reporter (filing order), counts per article and category (the admin side's figures, kept
// so deviation.countsByArticle never walks every report), and the next number; built on load, kept current by apply.
import type { Deviation, DeviationCategory } from '../../../schemas/deviations.ts';
import { pushTo } from '../keys.ts';

export type CategoryCounts = Record<DeviationCategory, number>;

export interface DeviationIndex {
  /** Every deviation number, ascending. */
  all: number[];
  byReporter: Map<string, number[]>;
  /** artNo → reports per category (a report counts once, under the category it was filed in). */
  countsByArticle: Map<string, CategoryCounts>;
  nextDeviationNo: number;
}

export function buildDeviationIndex(deviations: ReadonlyMap<number, Deviation>): DeviationIndex {
  const index: DeviationIndex = { all: [], byReporter: new Map(), countsByArticle: new Map(), nextDeviationNo: 1 };
  for (const no of [...deviations.keys()].sort((a, b) => a - b)) indexDeviation(index, deviations.get(no)!);
  return index;
}

export function indexDeviation(index: DeviationIndex, deviation: Deviation): void {
  index.all.push(deviation.deviationNo);
  pushTo(index.byReporter, deviation.reporterId, deviation.deviationNo);
  let counts = index.countsByArticle.get(deviation.artNo);
  if (counts === undefined) {
    counts = { incident: 0, risk: 0, productFault: 0 };
    index.countsByArticle.set(deviation.artNo, counts);
  }
  counts[deviation.category]++;
  if (deviation.deviationNo >= index.nextDeviationNo) index.nextDeviationNo = deviation.deviationNo + 1;
}
