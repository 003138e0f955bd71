// Recall events into state. Recall rows are replaced, never changed in place; progress rows are new objects.
import { assert, unreachable } from '../assert.ts';
import type { RecallEvent } from '../event-groups.ts';
import type { State } from '../state.ts';
import { refreshInStock } from '../search-docs.ts';
import { indexProgress, indexRecall, progressKey, unindexOpen } from './recall-index.ts';

export function applyRecallEvent(state: State, event: RecallEvent): void {
  switch (event.type) {
    case 'recall.created':
      assert(!state.recalls.has(event.recall.recallNo), `recall ${event.recall.recallNo} is new`);
      state.recalls.set(event.recall.recallNo, { ...event.recall });
      indexRecall(state.recallIndex, event.recall);
      refreshInStock(state, event.recall.artNo); // a whole-article recall leaves the "i lager" filter
      break;
    case 'recall.progressSet':
      assert(state.recalls.get(event.recallNo)?.closedMs === null, `recall ${event.recallNo} is open`);
      for (const entry of event.entries) {
        const row = { recallNo: event.recallNo, ...entry, timeMs: event.timeMs, userId: event.userId };
        state.recallProgress.set(progressKey(event.recallNo, entry.holderKey), row);
        indexProgress(state.recallIndex, row);
      }
      break;
    case 'recall.closed': {
      const recall = state.recalls.get(event.recallNo);
      assert(recall !== undefined && recall.closedMs === null, `recall ${event.recallNo} is open to close`);
      const closed = { ...recall, closedMs: event.timeMs, closedBy: event.userId, forcedReason: event.forcedReason };
      state.recalls.set(recall.recallNo, closed);
      unindexOpen(state.recallIndex, recall);
      refreshInStock(state, recall.artNo);
      break;
    }
    default:
      unreachable(event, 'recall event');
  }
}
