// Return events into state. Records are replaced, never changed in place (the store and pushes hold the old rows).
import { assert, unreachable } from '../assert.ts';
import type { ReturnEvent } from '../event-groups.ts';
import type { State } from '../state.ts';
import { indexReturn, indexReturnedUnit } from './return-index.ts';

export function applyReturnEvent(state: State, event: ReturnEvent): void {
  switch (event.type) {
    case 'return.registered': {
      const { record } = event;
      assert(!state.returns.has(record.returnNo), `return ${record.returnNo} is new`);
      assert(record.returnNo === state.returnIndex.nextReturnNo, `return ${record.returnNo} is the next number`);
      state.returns.set(record.returnNo, record);
      indexReturn(state.returnIndex, record);
      return;
    }
    case 'return.received': {
      const record = state.returns.get(event.returnNo);
      assert(record !== undefined && record.status === 'onTheWay', `return ${event.returnNo} is on its way`);
      const status = event.outcome === 'stock' ? 'received' : 'discardedAtHmc';
      state.returns.set(record.returnNo, { ...record, status, handledBy: event.userId, handledMs: event.timeMs });
      state.returnIndex.pending.delete(record.returnNo);
      return;
    }
    case 'return.unitRecorded': {
      const { unit } = event;
      assert(!state.returnedUnits.has(unit.entryNo), `returned unit entry ${unit.entryNo} is new`);
      state.returnedUnits.set(unit.entryNo, unit);
      indexReturnedUnit(state.returnIndex, unit);
      return;
    }
    default:
      unreachable(event, 'return event');
  }
}
