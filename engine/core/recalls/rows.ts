// The table rows each recall event changes, for the store to write in the same transaction as the journal entry.
import type { RecallEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';
import { progressKey } from './recall-index.ts';

export function recallRowsTouched(event: RecallEvent): RowRef[] {
  switch (event.type) {
    case 'recall.created':
      return [['recalls', event.recall.recallNo]];
    case 'recall.progressSet':
      return event.entries.map((e) => ['recallProgress', progressKey(event.recallNo, e.holderKey)] as const);
    case 'recall.closed':
      return [['recalls', event.recallNo]];
  }
}
