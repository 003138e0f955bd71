// Mina anteckningar (DESIGN capability 12): a prescriber's private notes, free or tied to a patient or an order. Only
// their author ever reads them; to anyone else a note does not exist.
import { z } from 'zod';
import { NOTE_LIST_MAX, NOTE_TEXT_CHARS_MAX } from './limits.ts';
import { OrderNo } from './orders.ts';
import { Pnr12, PnrInput, UserId } from './primitives.ts';

export const NoteNo = z.number().int().min(1).max(99_999_999);

export const Note = z.object({
  noteNo: NoteNo,
  /** The author, and the only reader. */
  userId: UserId,
  /** The workplace (and so care provider) the note was written under: a note about a patient is bounded like an entry. */
  workplaceId: z.string().max(40).optional(),
  createdMs: z.number().int(),
  updatedMs: z.number().int(),
  text: z.string().max(NOTE_TEXT_CHARS_MAX),
  /** The patient or the order the note is about; both null for a free note. */
  pnr: Pnr12.nullable(),
  orderNo: OrderNo.nullable(),
  /** Deleted by its author: never listed again (the row stays for the journal's sake). */
  deletedMs: z.number().int().nullable(),
});

const NoteText = z.string().trim().min(1).max(NOTE_TEXT_CHARS_MAX);

export const NoteCreateArgs = z
  .object({
    text: NoteText,
    /** A patient the note is about (personnummer as typed). */
    pnr: PnrInput.optional(),
    /** An order the note is about. */
    orderNo: OrderNo.optional(),
  })
  .strict()
  .refine((a) => a.pnr === undefined || a.orderNo === undefined, 'tie a note to a patient or an order, not both');

export const NoteUpdateArgs = z.object({ noteNo: NoteNo, text: NoteText }).strict();
export const NoteDeleteArgs = z.object({ noteNo: NoteNo }).strict();

export const NoteListArgs = z
  .object({
    /** Only notes about this patient, or about this order. */
    pnr: PnrInput.optional(),
    orderNo: OrderNo.optional(),
    limit: z.number().int().min(1).max(NOTE_LIST_MAX).default(100),
  })
  .strict();

export const NoteCreated = z.object({ type: z.literal('note.created'), note: Note });
export const NoteUpdated = z.object({
  type: z.literal('note.updated'),
  userId: UserId,
  noteNo: NoteNo,
  timeMs: z.number().int(),
  text: z.string().max(NOTE_TEXT_CHARS_MAX),
});
export const NoteDeleted = z.object({
  type: z.literal('note.deleted'),
  userId: UserId,
  noteNo: NoteNo,
  timeMs: z.number().int(),
});
export const NOTE_EVENTS = [NoteCreated, NoteUpdated, NoteDeleted] as const;

export type Note = z.infer<typeof Note>;
export type NoteListArgs = z.output<typeof NoteListArgs>;
