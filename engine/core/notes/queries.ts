// note.list: the caller's own notes, newest first, optionally only those about one patient or one order. A note about
// a patient shows the person (name hidden for a protected identity): the edge logs it like patient.get. A note about a
// patient written under another care provider is left out and counted (the boundary is by care provider, not author).
import type { User } from '../../../schemas/entities.ts';
import type { Note, NoteListArgs } from '../../../schemas/notes.ts';
import { canReadEntry } from '../patient-access/boundary.ts';
import { type Acting, defaultActing } from '../patient-access/care-provider.ts';
import { shownPatient } from '../patient-access/protected-identity.ts';
import { parsePnr } from '../personnummer.ts';
import { found, type QueryResult } from '../query-result.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';

export function noteView(state: State, note: Note) {
  const person = note.pnr === null ? undefined : state.persons.get(note.pnr);
  return {
    noteNo: note.noteNo,
    createdMs: note.createdMs,
    updatedMs: note.updatedMs,
    text: note.text,
    orderNo: note.orderNo,
    patient: shownPatient(person),
  };
}
export type NoteView = ReturnType<typeof noteView>;

export function listNotes(
  state: State,
  user: User,
  args: NoteListArgs,
  acting: Acting = defaultActing(user),
  nowMs = 0,
): QueryResult<{ total: number; notes: NoteView[]; withheld: number }> {
  let pnr: string | null = null;
  if (args.pnr !== undefined) {
    const parsed = parsePnr(args.pnr, nowMs);
    if (!parsed.ok) return reject('invalid_pnr', `Ogiltigt personnummer: ${parsed.reason}.`);
    pnr = parsed.pnr12;
  }
  const own = state.noteIndex.byUser.get(user.id) ?? [];
  const notes: NoteView[] = [];
  let total = 0;
  let withheld = 0;
  for (let i = own.length - 1; i >= 0; i--) {
    const note = state.notes.get(own[i]!)!;
    if (pnr !== null && note.pnr !== pnr) continue;
    if (args.orderNo !== undefined && note.orderNo !== args.orderNo) continue;
    if (!canReadEntry(state, acting, { prescriberId: note.userId, workplaceId: note.workplaceId, pnr: note.pnr })) {
      withheld++;
      continue;
    }
    total++;
    if (notes.length < args.limit) notes.push(noteView(state, note));
  }
  return found({ total, notes, withheld });
}
