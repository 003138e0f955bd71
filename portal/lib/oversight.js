// @ts-check
// HMC oversight on the staff lists (issue 14): age texts and the order flag for live rows. The engine computes ages in
// Swedish working days (the holiday calendar stays server-side); a pushed order row keeps the age its list gave it, so
// only its flag is recomputed here when its lines move on, by the engine's rule (engine/core/oversight/flags.ts).

import { useMemo, useState } from './html.js';

/** @typedef {import('./types.d.ts').OrderRow} OrderRow */

/** Line statuses that are not yet picked. */
const UNPICKED = new Set(['registered', 'backorder']);

/** "1 arbetsdag", "3 arbetsdagar"; "–" while unknown. @param {number | null | undefined} days */
export function workingDaysText(days) {
  if (days === null || days === undefined) return '–';
  return days === 1 ? '1 arbetsdag' : `${days} arbetsdagar`;
}

/**
 * An order is flagged while a line is unpicked more than `threshold` working days after placement.
 * @param {Pick<OrderRow, 'ageWorkingDays' | 'lines'>} row
 * @param {number | null} threshold
 */
export function isOrderFlagged(row, threshold) {
  if (threshold === null || row.ageWorkingDays === null || row.ageWorkingDays === undefined) return false;
  return row.ageWorkingDays > threshold && row.lines.some((line) => UNPICKED.has(line.status));
}

/**
 * A list's flags: how many rows are flagged, and the rows to show (only the flagged ones while the filter is on).
 * @template T
 * @param {T[]} rows
 * @param {(row: T) => boolean} isFlagged
 */
export function useFlagFilter(rows, isFlagged) {
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const flagged = useMemo(() => rows.filter(isFlagged), [rows, isFlagged]);
  return { count: flagged.length, shown: onlyFlagged ? flagged : rows, onlyFlagged, setOnlyFlagged };
}
