// Mina anteckningar: a prescriber writes, edits and deletes their own private notes. A note that is not the caller's
// is `not_found`, exactly like one that does not exist: its existence is the author's business alone.
import { NOTES_PER_USER_MAX } from '../../../schemas/limits.ts';
import type { Note } from '../../../schemas/notes.ts';
import type { CommandContext, NoteCreate, NoteDelete, NoteUpdate } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { userWorkplace } from '../patient-access/care-provider.ts';
import { parsePnr } from '../personnummer.ts';
import { reject, type Rejection } from '../rejections.ts';
import type { State } from '../state.ts';
import { ownNote } from './note-index.ts';

const NOT_FOUND = (noteNo: number) => reject('not_found', `Anteckning ${noteNo} finns inte bland dina anteckningar.`);

/** What the note is about: a known person, a known order, or nothing. */
function about(
  state: State,
  command: NoteCreate,
  timeMs: number,
): { pnr: string | null; orderNo: number | null } | Rejection {
  if (command.pnr !== undefined) {
    const parsed = parsePnr(command.pnr, timeMs);
    if (!parsed.ok) return reject('invalid_pnr', `Ogiltigt personnummer: ${parsed.reason}.`);
    if (!state.persons.has(parsed.pnr12))
      return reject('not_found', 'Ingen person med det personnumret finns i folkbokföringen.');
    return { pnr: parsed.pnr12, orderNo: null };
  }
  if (command.orderNo !== undefined) {
    if (!state.orders.has(command.orderNo)) return reject('not_found', `Order ${command.orderNo} finns inte.`);
    return { pnr: null, orderNo: command.orderNo };
  }
  return { pnr: null, orderNo: null };
}

export function decideNoteCreate(state: State, command: NoteCreate, context: CommandContext): Decision {
  const tied = about(state, command, context.timeMs);
  if ('ok' in tied) return tied;
  const kept = state.noteIndex.byUser.get(command.userId)?.length ?? 0;
  if (kept >= NOTES_PER_USER_MAX)
    return reject(
      'note_limit',
      `Du har redan ${NOTES_PER_USER_MAX} anteckningar. Ta bort några du inte behöver innan du skriver en ny.`,
    );
  const user = state.users.get(command.userId);
  const workplaceId = user === undefined ? undefined : userWorkplace(user, command.workplaceId)?.id;
  const note: Note = {
    noteNo: state.noteIndex.nextNoteNo,
    userId: command.userId,
    ...(workplaceId === undefined ? {} : { workplaceId }),
    createdMs: context.timeMs,
    updatedMs: context.timeMs,
    text: command.text,
    ...tied,
    deletedMs: null,
  };
  return { ok: true, events: [{ type: 'note.created', note }] };
}

export function decideNoteUpdate(state: State, command: NoteUpdate, context: CommandContext): Decision {
  const note = ownNote(state.notes, command.userId, command.noteNo);
  if (note === undefined) return NOT_FOUND(command.noteNo);
  return {
    ok: true,
    events: [
      { type: 'note.updated', userId: command.userId, noteNo: note.noteNo, timeMs: context.timeMs, text: command.text },
    ],
  };
}

export function decideNoteDelete(state: State, command: NoteDelete, context: CommandContext): Decision {
  const note = ownNote(state.notes, command.userId, command.noteNo);
  if (note === undefined) return NOT_FOUND(command.noteNo);
  return {
    ok: true,
    events: [{ type: 'note.deleted', userId: command.userId, noteNo: note.noteNo, timeMs: context.timeMs }],
  };
}
