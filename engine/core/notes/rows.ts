// The table rows each note event changes, for the store to write in the same transaction as the journal entry.
import type { NoteEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function noteRowsTouched(event: NoteEvent): RowRef[] {
  return [['notes', event.type === 'note.created' ? event.note.noteNo : event.noteNo]];
}
