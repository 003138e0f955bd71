// The table rows each user event changes, for the store to write in the same transaction as the journal entry. An
// admin's events (issue 14) change the account in `targetUserId`, not the admin's.
import type { UserEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function userRowsTouched(event: UserEvent): RowRef[] {
  return [['users', 'targetUserId' in event ? event.targetUserId : event.userId]];
}
