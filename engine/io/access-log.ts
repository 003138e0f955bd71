// Writing the patient-data access log from the handlers: one entry per person a reply shows, durable before the reply
// is sent (the handler awaits logShown). A reply that shows nobody costs nothing: no promise, no write.
import type { AccessEntry, NewAccessEntry } from '../../schemas/access-log.ts';
import type { Workplace } from '../../schemas/entities.ts';
import { type HandlerContext, me, type Outcome } from './handler-types.ts';

/** A person a reply shows, and what of them. */
export interface Shown {
  pnr: string;
  kind: AccessEntry['shown']['kind'];
  no: number | null;
}

/** The care unit the user acts for: today the first of their workplaces (the session's choice comes later). */
export function actingWorkplace(ctx: HandlerContext): Workplace | null {
  return me(ctx).workplaces[0] ?? null;
}

/** The entries of one reply: one per person shown (the same person twice in one reply is one entry). */
export function entriesOf(ctx: HandlerContext, action: string, shown: readonly Shown[]): NewAccessEntry[] {
  const user = me(ctx);
  const workplace = actingWorkplace(ctx);
  const seen = new Set<string>();
  const entries: NewAccessEntry[] = [];
  for (const s of shown) {
    if (seen.has(s.pnr)) continue;
    seen.add(s.pnr);
    entries.push({
      timeMs: ctx.nowMs,
      userId: user.id,
      userName: user.name,
      workplaceId: workplace?.id ?? '',
      workplaceName: workplace?.name ?? '',
      pnr: s.pnr,
      action,
      shown: { kind: s.kind, no: s.no },
    });
  }
  return entries;
}

/** Writes the entries; resolves when they are durable. Handlers await it before replying. */
export function logShown(ctx: HandlerContext, entries: readonly NewAccessEntry[]): Promise<void> {
  return ctx.engine.store.accessLog.append(entries);
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
  return logShown(ctx, entriesOf(ctx, action, shown)).then(() => outcome);
}
