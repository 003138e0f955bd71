// Counting working days over long spans without walking them: ten years of history put orders on thousands of distinct
// days, and each age on an order list walked up to 1 500 days with a holiday check each (issue 16: 1 ms of a 50-row
// page). Days are grouped in blocks whose running counts are worked out once, when first asked; a count is then a
// few block totals plus two look-ups. Pure: the same answers as walking the days (test/oversight.test.ts compares).
import { isWorkingDay } from './working-days.ts';

const BLOCK_DAYS = 512;
/** Block number → working days from the block's first day through each of its days. */
const blocks = new Map<number, Uint16Array>();

function blockOf(blockNo: number): Uint16Array {
  let counts = blocks.get(blockNo);
  if (counts === undefined) {
    counts = new Uint16Array(BLOCK_DAYS);
    let running = 0;
    for (let i = 0; i < BLOCK_DAYS; i++) {
      if (isWorkingDay(blockNo * BLOCK_DAYS + i)) running++;
      counts[i] = running;
    }
    blocks.set(blockNo, counts);
  }
  return counts;
}

/** Working days from the first day of `dayNo`'s block through `dayNo`. */
function throughInBlock(dayNo: number): number {
  const blockNo = Math.floor(dayNo / BLOCK_DAYS);
  return blockOf(blockNo)[dayNo - blockNo * BLOCK_DAYS];
}

/** Working days in (fromDayNo, toDayNo]; 0 when `toDayNo` is not later. */
export function workingDaysIn(fromDayNo: number, toDayNo: number): number {
  if (toDayNo <= fromDayNo) return 0;
  const fromBlock = Math.floor(fromDayNo / BLOCK_DAYS);
  const toBlock = Math.floor(toDayNo / BLOCK_DAYS);
  let count = throughInBlock(toDayNo) - throughInBlock(fromDayNo);
  for (let b = fromBlock; b < toBlock; b++) count += blockOf(b)[BLOCK_DAYS - 1];
  return count;
}

/** As working-days.ts's workingDaysWalked (at most `limitDays` calendar days are counted), by blocks. */
export function workingDaysBetween(fromDayNo: number, toDayNo: number, limitDays: number): number {
  return workingDaysIn(fromDayNo, Math.min(toDayNo, fromDayNo + limitDays));
}
