// From a decoded frame to an outcome: envelope check, op lookup, session and role check, args validation
// (zod, once, here at the edge), then the handler. Never throws for bad input. Synchronous up to the handler's first
// await; the handler's outcome (or its promise) goes back to ws-messages.ts, which alone sends replies.
import type { z } from 'zod';
import { isOpName, OPS } from '../../schemas/ops.ts';
import { Request, type ErrorBody, type RequestIdT } from '../../schemas/protocol.ts';
import type { HandlerContext, Outcome } from './handler-types.ts';
import { HANDLERS } from './handlers.ts';

export interface Dispatched {
  id: RequestIdT | null;
  op: string;
  outcome: Outcome | Promise<Outcome>;
  issues?: ErrorBody['issues'];
}

function issuesOf(error: z.ZodError): ErrorBody['issues'] {
  return error.issues
    .slice(0, 20)
    .map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
}

function idOf(frame: unknown): RequestIdT | null {
  if (typeof frame !== 'object' || frame === null) return null;
  const id = (frame as { id?: unknown }).id;
  return typeof id === 'number' || (typeof id === 'string' && id.length <= 64) ? id : null;
}

export function dispatch(frame: unknown, ctx: HandlerContext): Dispatched {
  const envelope = Request.safeParse(frame);
  if (!envelope.success) {
    return {
      id: idOf(frame),
      op: 'invalid',
      issues: issuesOf(envelope.error),
      outcome: { ok: false, code: 'invalid_request', message: 'Begäran ska vara { id, op, args }.' },
    };
  }
  const { id, op } = envelope.data;
  if (!isOpName(op))
    return {
      id,
      op: 'unknown',
      outcome: { ok: false, code: 'unknown_op', message: `Okänd operation: ${op.slice(0, 64)}` },
    };
  const spec = OPS[op];
  if (spec.roles !== null) {
    if (ctx.user === null) return { id, op, outcome: { ok: false, code: 'unauthorized', message: 'Logga in först.' } };
    const roles = ctx.user.roles;
    if (!spec.roles.some((role) => roles.includes(role))) {
      return { id, op, outcome: { ok: false, code: 'forbidden', message: `Din roll får inte använda ${op}.` } };
    }
  }
  const args = spec.args.safeParse(envelope.data.args ?? {});
  if (!args.success) {
    return {
      id,
      op,
      issues: issuesOf(args.error),
      outcome: { ok: false, code: 'invalid_request', message: `Ogiltiga argument till ${op}.` },
    };
  }
  const handler = HANDLERS[op] as (c: HandlerContext, a: unknown) => Outcome | Promise<Outcome>;
  return { id, op, outcome: handler(ctx, args.data as unknown) };
}
