// The previous holder of each rental unit received back at HMC, recorded in the same command as the receipt
// (stock/decide.ts): after the receipt the unit is in a warehouse and nothing else says whose it was. A unit an open
// pickup waits for needs no record: the pickup (hämtorder) names the patient and marks the unit returned.
import type { Event } from '../../../schemas/events.ts';
import { swedishDate } from '../orders/working-days.ts';
import type { State } from '../state.ts';

export function unitReturnRecords(state: State, indNos: readonly number[], warehouse: string, timeMs: number): Event[] {
  const events: Event[] = [];
  let entryNo = state.returnIndex.nextEntryNo;
  for (const indNo of indNos) {
    const unit = state.individuals.get(indNo);
    if (unit === undefined || unit.location.kind !== 'patient') continue;
    if (state.pickupIndex.waiting.has(indNo)) continue;
    events.push({
      type: 'return.unitRecorded',
      unit: {
        entryNo: entryNo++,
        timeMs,
        date: swedishDate(timeMs),
        pnr: unit.location.pnr,
        indNo,
        artNo: unit.artNo,
        warehouse,
      },
    });
  }
  return events;
}
