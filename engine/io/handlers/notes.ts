// Handlers of Mina anteckningar. Every reply that shows a patient (a note about them) is access-logged before it is
// sent, like patient.get. Another user's note is `not_found` (the core decides; nothing here reveals it).
import { listNotes, noteView } from '../../core/notes/queries.ts';
import { replyLogged, type Shown } from '../access-log.ts';
import { acting, actingWorkplace } from '../acting-workplace.ts';
import { firstEvent, type HandlerTable, me } from '../handler-types.ts';

function shownPatient(view: { noteNo: number; patient: { pnr: string } | null }): Shown[] {
  return view.patient === null ? [] : [{ pnr: view.patient.pnr, kind: 'note', no: view.noteNo }];
}

export const NOTE_HANDLERS: HandlerTable<'note.create' | 'note.update' | 'note.delete' | 'note.list'> = {
  'note.create': async (ctx, args) => {
    const workplaceId = actingWorkplace(ctx).id;
    const outcome = await ctx.engine.execute({ type: 'note.create', userId: me(ctx).id, ...args, workplaceId });
    if (!outcome.ok) return outcome;
    const { note } = firstEvent(outcome, 'note.created');
    const result = { seq: outcome.seq, note: noteView(ctx.engine.state, note) };
    return replyLogged(ctx, 'note.create', { ok: true, result }, (r) => shownPatient(r.note));
  },
  'note.update': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'note.update', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    const note = noteView(ctx.engine.state, ctx.engine.state.notes.get(args.noteNo)!);
    return replyLogged(ctx, 'note.update', { ok: true, result: { seq: outcome.seq, note } }, (r) =>
      shownPatient(r.note),
    );
  },
  'note.delete': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'note.delete', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    return { ok: true, result: { seq: outcome.seq, noteNo: args.noteNo } };
  },
  'note.list': (ctx, args) =>
    replyLogged(ctx, 'note.list', listNotes(ctx.engine.state, me(ctx), args, acting(ctx), ctx.nowMs), (r) =>
      r.notes.flatMap(shownPatient),
    ),
};
