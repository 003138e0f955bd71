// Writing the patient-data access log from the handlers: one entry per person a reply shows, durable before the reply
// is sent (the handler awaits logShown). A reply that shows nobody costs nothing: no promise, no write.
import type { AccessEntry, NewAccessEntry } from '../../schemas/access-log.ts';
import { careProviderOf } from '../core/patient-access/care-provider.ts';
import { accessGrounds } from '../core/patient-access/queries.ts';
import { actingWorkplace } from './acting-workplace.ts';
import { STORAGE_UNAVAILABLE } from '../storage-health.ts';
import { type HandlerContext, me, type Outcome } from './handler-types.ts';

/** A person a reply shows, and what of them. */
export interface Shown {
  pnr: string;
  kind: AccessEntry['shown']['kind'];
  no: number | null;
}

/**
 * The entries of one reply: one per person shown (the same person twice in one reply is one entry). A read that rests
 * on the patient's consent or an emergency access carries those grounds, so the reviewer can find it.
 */
export function entriesOf(ctx: HandlerContext, action: string, shown: readonly Shown[]): NewAccessEntry[] {
  const user = me(ctx);
  const workplace = actingWorkplace(ctx);
  const careProviderId = careProviderOf(workplace).id;
  const seen = new Set<string>();
  const entries: NewAccessEntry[] = [];
  for (const s of shown) {
    if (seen.has(s.pnr)) continue;
    seen.add(s.pnr);
    entries.push({
      timeMs: ctx.nowMs,
      userId: user.id,
      userName: user.name,
      workplaceId: workplace.id,
      workplaceName: workplace.name,
      pnr: s.pnr,
      action,
      shown: { kind: s.kind, no: s.no },
      ...groundsOf(ctx, s.pnr, careProviderId),
    });
  }
  return entries;
}

function groundsOf(ctx: HandlerContext, pnr: string, careProviderId: string): Pick<NewAccessEntry, 'grounds'> {
  const grounds = accessGrounds(ctx.engine.state, pnr, careProviderId, ctx.nowMs);
  return grounds === 'consent' || grounds === 'emergency' ? { grounds } : {};
}

/** Writes the entries; resolves when they are durable. Handlers await it before replying. */
export function logShown(ctx: HandlerContext, entries: readonly NewAccessEntry[]): Promise<void> {
  return ctx.engine.accessLog.append(entries);
}

/**
 * The outcome, answered only after the persons it shows are logged: synchronous (free) when it shows none or is a
 * refusal, else a promise that resolves once the entries are durable.
 */
export function replyLogged<R>(
  ctx: HandlerContext,
  action: string,
  outcome: { ok: true; result: R } | Exclude<Outcome, { ok: true }>,
  shownOf: (result: R) => readonly Shown[],
): Outcome | Promise<Outcome> {
  if (!outcome.ok) return outcome;
  const shown = shownOf(outcome.result);
  if (shown.length === 0) return outcome;
  return logShown(ctx, entriesOf(ctx, action, shown)).then(() => outcome, unlogged);
}

/**
 * The log could not be written (full disk, I/O error): the person is not shown. An operating error, not a bug, so it
 * is answered like a refused command on a full disk (README "Full disk") instead of ending the process.
 */
function unlogged(error: unknown): Outcome {
  console.error('aidstock: access log write failed, reply withheld:', error instanceof Error ? error.message : error);
  return STORAGE_UNAVAILABLE;
}
