// The table rows each deviation event changes, for the store to write in the same transaction as the journal entry.
import type { DeviationEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function deviationRowsTouched(event: DeviationEvent): RowRef[] {
  return [['deviations', event.type === 'deviation.created' ? event.deviation.deviationNo : event.deviationNo]];
}
