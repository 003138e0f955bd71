// Deviation events into state. Reports are replaced, never changed in place (the engine hands rows on without copies);
// a comment appends to a new list.
import { assert, unreachable } from '../assert.ts';
import type { DeviationEvent } from '../event-groups.ts';
import type { State } from '../state.ts';
import { indexDeviation } from './deviation-index.ts';
import { mayMove } from './status-flow.ts';

export function applyDeviationEvent(state: State, event: DeviationEvent): void {
  switch (event.type) {
    case 'deviation.created':
      assert(!state.deviations.has(event.deviation.deviationNo), `deviation ${event.deviation.deviationNo} is new`);
      state.deviations.set(event.deviation.deviationNo, event.deviation);
      indexDeviation(state.deviationIndex, event.deviation);
      break;
    case 'deviation.commented': {
      const deviation = state.deviations.get(event.deviationNo);
      assert(deviation !== undefined, `deviation ${event.deviationNo} exists`);
      const comment = { timeMs: event.timeMs, userId: event.userId, text: event.text };
      state.deviations.set(deviation.deviationNo, { ...deviation, comments: [...deviation.comments, comment] });
      break;
    }
    case 'deviation.statusSet': {
      const deviation = state.deviations.get(event.deviationNo);
      assert(
        deviation !== undefined && deviation.status === event.from,
        `deviation ${event.deviationNo} is ${event.from}`,
      );
      assert(mayMove(event.from, event.status), `deviation ${event.from} → ${event.status} is a step of the flow`);
      state.deviations.set(deviation.deviationNo, {
        ...deviation,
        status: event.status,
        statusChangedMs: event.timeMs,
      });
      break;
    }
    default:
      unreachable(event, 'deviation event');
  }
}
