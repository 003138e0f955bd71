// Notes per author (live ones only, in writing order) and the next note number; built from the table on load and kept
// current by apply. The per-author list is what note.list walks and what the count limit counts.
import type { Note } from '../../../schemas/notes.ts';
import { pushTo } from '../keys.ts';

export interface NoteIndex {
  /** Author → numbers of their notes not deleted, ascending. */
  byUser: Map<string, number[]>;
  nextNoteNo: number;
}

export function buildNoteIndex(notes: ReadonlyMap<number, Note>): NoteIndex {
  const index: NoteIndex = { byUser: new Map(), nextNoteNo: 1 };
  for (const noteNo of [...notes.keys()].sort((a, b) => a - b)) indexNote(index, notes.get(noteNo)!);
  return index;
}

export function indexNote(index: NoteIndex, note: Note): void {
  if (note.deletedMs === null) pushTo(index.byUser, note.userId, note.noteNo);
  if (note.noteNo >= index.nextNoteNo) index.nextNoteNo = note.noteNo + 1;
}

export function unindexNote(index: NoteIndex, note: Note): void {
  const list = index.byUser.get(note.userId);
  const at = list === undefined ? -1 : list.indexOf(note.noteNo);
  if (at >= 0) list!.splice(at, 1);
}

/** The user's note, or undefined when it does not exist, is deleted or is someone else's (all look the same). */
export function ownNote(notes: ReadonlyMap<number, Note>, userId: string, noteNo: number): Note | undefined {
  const note = notes.get(noteNo);
  return note === undefined || note.deletedMs !== null || note.userId !== userId ? undefined : note;
}
