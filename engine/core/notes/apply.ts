// Note events into state. Notes are replaced, never changed in place (the engine hands rows on without copies). A
// deleted note keeps its row (flagged, its text blanked: the author wanted it gone from every screen) and leaves the index.
import { assert, unreachable } from '../assert.ts';
import type { NoteEvent } from '../event-groups.ts';
import type { State } from '../state.ts';
import { indexNote, unindexNote } from './note-index.ts';

export function applyNoteEvent(state: State, event: NoteEvent): void {
  switch (event.type) {
    case 'note.created':
      assert(!state.notes.has(event.note.noteNo), `note ${event.note.noteNo} is new`);
      state.notes.set(event.note.noteNo, event.note);
      indexNote(state.noteIndex, event.note);
      break;
    case 'note.updated': {
      const note = state.notes.get(event.noteNo);
      assert(
        note !== undefined && note.deletedMs === null && note.userId === event.userId,
        `note ${event.noteNo} is the author's`,
      );
      state.notes.set(note.noteNo, { ...note, text: event.text, updatedMs: event.timeMs });
      break;
    }
    case 'note.deleted': {
      const note = state.notes.get(event.noteNo);
      assert(
        note !== undefined && note.deletedMs === null && note.userId === event.userId,
        `note ${event.noteNo} is the author's`,
      );
      unindexNote(state.noteIndex, note);
      state.notes.set(note.noteNo, { ...note, text: '', deletedMs: event.timeMs });
      break;
    }
    default:
      unreachable(event, 'note event');
  }
}
