// Handlers of the log reviewer (Loggranskare): a patient's extract, a user's accesses, the spot check and its review.
// A patient's extract and a review show a patient too, so they are logged like any other access.
import type { AccessEntry, AccessLogSampleArgs } from '../../../schemas/access-log.ts';
import { formatPnr, parsePnr } from '../../core/personnummer.ts';
import type { AccessLog } from '../../store/access-log.ts';
import { entriesOf, logShown, replyLogged } from '../access-log.ts';
import { samplePositions } from '../access-log-sample.ts';
import { type HandlerTable, me, type Outcome } from '../handler-types.ts';

type AccessLogOp = 'accessLog.patient' | 'accessLog.user' | 'accessLog.sample' | 'accessLog.review';

/** An entry as an extract shows it: with the personnummer formatted. */
function entryView(entry: AccessEntry) {
  return { ...entry, pnrDisplay: formatPnr(entry.pnr) };
}

/** An entry of a spot check: with its reviews too (extracts leave them out: one key range less per row). */
function reviewedView(log: AccessLog, entry: AccessEntry) {
  return { ...entryView(entry), reviews: log.reviewsOf(entry.id) };
}

function sample(log: AccessLog, args: AccessLogSampleArgs) {
  const ids = args.toMs > args.fromMs ? log.idsInPeriod(args.fromMs, args.toMs) : [];
  const entries = samplePositions(ids.length, args.size, args.seed).map((i) => reviewedView(log, log.get(ids[i]!)!));
  return { total: ids.length, entries };
}

export const ACCESS_LOG_HANDLERS: HandlerTable<AccessLogOp> = {
  'accessLog.patient': (ctx, args) => {
    const parsed = parsePnr(args.pnr, ctx.nowMs);
    if (!parsed.ok) return { ok: false, code: 'invalid_pnr', message: `Ogiltigt personnummer: ${parsed.reason}.` };
    const log = ctx.engine.accessLog;
    const page = log.byPatient(parsed.pnr12, args);
    const entries = page.entries.map(entryView);
    const result = { pnr: parsed.pnr12, pnrDisplay: formatPnr(parsed.pnr12), entries, next: page.next };
    return replyLogged(ctx, 'accessLog.patient', { ok: true, result }, (r) => [
      { pnr: r.pnr, kind: 'accessLog', no: null },
    ]);
  },
  'accessLog.user': (ctx, args) => {
    const log = ctx.engine.accessLog;
    const page = log.byUser(args.userId, args);
    const user = ctx.engine.state.users.get(args.userId);
    return {
      ok: true,
      result: {
        userId: args.userId,
        name: user?.name ?? '',
        ...page,
        entries: page.entries.map(entryView),
      },
    };
  },
  'accessLog.sample': (ctx, args) => ({ ok: true, result: sample(ctx.engine.accessLog, args) }),
  'accessLog.review': async (ctx, args): Promise<Outcome> => {
    const log = ctx.engine.accessLog;
    const entry = log.get(args.entryId);
    if (entry === undefined) return { ok: false, code: 'not_found', message: `Ingen loggpost ${args.entryId}.` };
    const reviewer = me(ctx);
    const review = {
      entryId: entry.id,
      reviewerId: reviewer.id,
      reviewerName: reviewer.name,
      timeMs: ctx.nowMs,
      comment: args.comment,
    };
    // Both writes in this turn: one transaction, one flush.
    const logged = logShown(
      ctx,
      entriesOf(ctx, 'accessLog.review', [{ pnr: entry.pnr, kind: 'accessLog', no: entry.id }]),
    );
    await Promise.all([log.addReview(review), logged]);
    return { ok: true, result: reviewedView(log, entry) };
  },
};
