// Mina anteckningar in the core, given / when / then: a note free or about a patient or an order; only its author
// edits, deletes or lists it (to anyone else it does not exist); the text and count limits; the list's filters.
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/core/commands.ts';
import { listNotes } from '../engine/core/notes/queries.ts';
import type { State } from '../engine/core/state.ts';
import { NOTE_TEXT_CHARS_MAX, NOTES_PER_USER_MAX } from '../schemas/limits.ts';
import { OPS } from '../schemas/ops.ts';
import { codeOf, firstEvent, orderState, place, placedNo, PNR, run, T0 } from './helpers/order-fixture.ts';

const create = (over: Partial<Extract<Command, { type: 'note.create' }>> = {}): Command => ({
  type: 'note.create',
  userId: 'ot1',
  text: 'Ring tillbaka om rollatorn.',
  ...over,
});
const createdNo = (state: State, command: Command): number =>
  firstEvent(run(state, command), 'note.created').note.noteNo;
const listed = (state: State, userId: string, args: Record<string, unknown> = {}) => {
  const outcome = listNotes(state, state.users.get(userId)!, { limit: 100, ...args }, undefined, T0);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
};

describe('note.create', () => {
  it('given a free note, a note about a patient and one about an order, then each is kept with what it is about', () => {
    const state = orderState();
    const orderNo = placedNo(run(state, place()));
    expect(createdNo(state, create())).toBe(1);
    expect(createdNo(state, create({ pnr: '19400101-1230' }))).toBe(2);
    expect(createdNo(state, create({ orderNo }))).toBe(3);
    expect(state.notes.get(1)).toMatchObject({ userId: 'ot1', pnr: null, orderNo: null, deletedMs: null });
    expect(state.notes.get(2)).toMatchObject({ pnr: PNR.resident, orderNo: null, createdMs: T0 });
    expect(state.notes.get(3)).toMatchObject({ pnr: null, orderNo });
  });

  it('given an unknown person, a bad personnummer or an unknown order, then refused', () => {
    const state = orderState();
    expect(codeOf(run(state, create({ pnr: '19400101-1235' })))).toBe('invalid_pnr');
    expect(codeOf(run(state, create({ pnr: '19990101-0008' })))).toMatch(/not_found|invalid_pnr/);
    expect(codeOf(run(state, create({ orderNo: 9999 })))).toBe('not_found');
    expect(state.notes.size).toBe(0);
  });

  it(`given a user with ${NOTES_PER_USER_MAX} notes, then a new one is refused (note_limit) until one is deleted`, () => {
    const state = orderState();
    for (let i = 0; i < NOTES_PER_USER_MAX; i++) createdNo(state, create({ text: `Anteckning ${i}` }));
    expect(codeOf(run(state, create()))).toBe('note_limit');
    // Another user's count is their own.
    expect(createdNo(state, create({ userId: 'pt1' }))).toBe(NOTES_PER_USER_MAX + 1);
    run(state, { type: 'note.delete', userId: 'ot1', noteNo: 1 });
    expect(createdNo(state, create())).toBe(NOTES_PER_USER_MAX + 2);
  });

  it('validates at the edge: text 1 to NOTE_TEXT_CHARS_MAX characters, a patient or an order, not both', () => {
    const args = OPS['note.create'].args;
    expect(args.safeParse({ text: 'x'.repeat(NOTE_TEXT_CHARS_MAX) }).success).toBe(true);
    expect(args.safeParse({ text: 'x'.repeat(NOTE_TEXT_CHARS_MAX + 1) }).success).toBe(false);
    expect(args.safeParse({ text: '   ' }).success).toBe(false);
    expect(args.safeParse({ text: 'x', pnr: '19400101-1230', orderNo: 1 }).success).toBe(false);
    expect(args.safeParse({ text: 'x', pnr: '19400101-1230' }).success).toBe(true);
  });
});

describe('note.update and note.delete: the author only', () => {
  it("given another user's note, then update and delete are not_found, the same as a note that does not exist", () => {
    const state = orderState();
    const noteNo = createdNo(state, create());
    const theirs = run(state, { type: 'note.update', userId: 'pt1', noteNo, text: 'Ändrad' });
    const none = run(state, { type: 'note.update', userId: 'pt1', noteNo: 999, text: 'Ändrad' });
    expect(codeOf(theirs)).toBe('not_found');
    expect(codeOf(none)).toBe('not_found');
    expect(!theirs.ok && !none.ok && theirs.message.replace(`${noteNo}`, 'N')).toBe(
      !none.ok && none.message.replace('999', 'N'),
    );
    expect(codeOf(run(state, { type: 'note.delete', userId: 'hmc1', noteNo }))).toBe('not_found');
    expect(state.notes.get(noteNo)!.text).toBe('Ring tillbaka om rollatorn.');
  });

  it('given the author, then the text changes, and a deleted note is gone from every list and cannot be edited', () => {
    const state = orderState();
    const noteNo = createdNo(state, create());
    expect(run(state, { type: 'note.update', userId: 'ot1', noteNo, text: 'Ny text' }, T0 + 1000).ok).toBe(true);
    expect(state.notes.get(noteNo)).toMatchObject({ text: 'Ny text', updatedMs: T0 + 1000, createdMs: T0 });
    expect(run(state, { type: 'note.delete', userId: 'ot1', noteNo }).ok).toBe(true);
    expect(listed(state, 'ot1').notes).toEqual([]);
    expect(codeOf(run(state, { type: 'note.update', userId: 'ot1', noteNo, text: 'Igen' }))).toBe('not_found');
    expect(codeOf(run(state, { type: 'note.delete', userId: 'ot1', noteNo }))).toBe('not_found');
  });
});

describe('note.list', () => {
  it('given notes of two users, then each lists only their own, newest first, filtered by patient or order', () => {
    const state = orderState();
    const orderNo = placedNo(run(state, place()));
    createdNo(state, create({ text: 'Fri' }));
    createdNo(state, create({ text: 'Om Anna', pnr: '19400101-1230' }));
    createdNo(state, create({ text: 'Om ordern', orderNo }));
    createdNo(state, create({ userId: 'pt1', text: 'Någon annans', pnr: '19400101-1230' }));
    expect(listed(state, 'ot1').notes.map((n) => n.text)).toEqual(['Om ordern', 'Om Anna', 'Fri']);
    expect(listed(state, 'pt1').notes.map((n) => n.text)).toEqual(['Någon annans']);
    expect(listed(state, 'ot1', { pnr: '19400101-1230' }).notes.map((n) => n.text)).toEqual(['Om Anna']);
    expect(listed(state, 'ot1', { orderNo }).notes.map((n) => n.text)).toEqual(['Om ordern']);
    expect(listed(state, 'ot1', { pnr: '19400101-1230' }).notes[0]!.patient).toMatchObject({
      pnr: PNR.resident,
      name: 'Anna Karlsson',
      pnrDisplay: '19400101-1230',
    });
  });

  it("given a note about a protected person, then the list shows 'Skyddad identitet', never the name", () => {
    const state = orderState();
    createdNo(state, create({ pnr: '19600303-3450' }));
    const patient = listed(state, 'ot1').notes[0]!.patient!;
    expect(patient.protectedIdentity).toBe(true);
    expect(patient.name).toBe('Skyddad identitet');
    expect(JSON.stringify(listed(state, 'ot1'))).not.toContain(state.persons.get(PNR.protected)!.givenName);
  });
});
