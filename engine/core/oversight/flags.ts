// The HMC oversight flags (issue 14): which orders, pickups and work orders have waited longer than the admin's
// thresholds (named settings) allow. A flag is "more than N working days", so N = 2 flags an order on its third day.
import type { LineStatus } from '../../../schemas/orders.ts';
import type { SettingKey } from '../../../schemas/settings.ts';
import { settingValue } from '../settings/queries.ts';
import type { State } from '../state.ts';
import { WorkingDayAges } from './working-day-ages.ts';

/** Lines not yet picked: registered (reserved) or waiting as a backorder. */
export const UNPICKED: ReadonlySet<LineStatus> = new Set<LineStatus>(['registered', 'backorder']);

export function hasUnpickedLine(lines: ReadonlyArray<{ status: LineStatus }>): boolean {
  for (const line of lines) if (UNPICKED.has(line.status)) return true;
  return false;
}

/** An order is flagged while a line is unpicked more than `threshold` working days after it was placed. */
export function isOrderFlagged(
  lines: ReadonlyArray<{ status: LineStatus }>,
  ageWorkingDays: number,
  threshold: number,
): boolean {
  return ageWorkingDays > threshold && hasUnpickedLine(lines);
}

/** One list's view of the flags: the ages as of now and the threshold of one setting. */
export interface Oversight {
  ages: WorkingDayAges;
  thresholdWorkingDays: number;
}

export function oversight(state: State, key: SettingKey, nowMs: number): Oversight {
  return { ages: new WorkingDayAges(nowMs), thresholdWorkingDays: settingValue(state, key) };
}
