// The table rows each user event changes, for the store to write in the same transaction as the journal entry.
import type { UserEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function userRowsTouched(event: UserEvent): RowRef[] {
  return [['users', event.userId]];
}
