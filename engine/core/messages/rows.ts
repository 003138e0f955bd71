// The table rows each message event changes, for the store to write in the same transaction as the journal entry.
import type { MessageEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function messageRowsTouched(event: MessageEvent): RowRef[] {
  return [['messages', event.type === 'message.created' ? event.message.messageNo : event.messageNo]];
}
