// The previous holder of each rental unit received back at HMC, recorded in the same command as the receipt
// (stock/decide.ts): after the receipt the unit is in a warehouse and nothing else says whose it was. A unit an open
// pickup waits for came back by that pickup (hämtorder); any other came back as a return.
import type { Event } from '../../../schemas/events.ts';
import { swedishDate } from '../orders/working-days.ts';
import type { State } from '../state.ts';

export function unitReturnRecords(state: State, indNos: readonly number[], warehouse: string, timeMs: number): Event[] {
  const events: Event[] = [];
  let entryNo = state.returnIndex.nextEntryNo;
  for (const indNo of indNos) {
    const unit = state.individuals.get(indNo);
    if (unit === undefined || unit.location.kind !== 'patient') continue;
    const pickupNo = state.pickupIndex.waiting.get(indNo) ?? null;
    events.push({
      type: 'return.unitRecorded',
      unit: {
        entryNo: entryNo++,
        timeMs,
        date: swedishDate(timeMs),
        pnr: unit.location.pnr,
        indNo,
        artNo: unit.artNo,
        how: pickupNo === null ? 'return' : 'pickup',
        pickupNo,
        warehouse,
      },
    });
  }
  return events;
}
