// From a decoded frame to an outcome: envelope check, op lookup, session and role check, args validation
// (zod, once, here at the edge), then the handler. Never throws for bad input. Synchronous up to the handler's first
// await; the handler's outcome (or its promise) goes back to ws-messages.ts, which alone sends replies.
import type { z } from 'zod';
import { isOpName, type OpName, OPS } from '../../schemas/ops.ts';
import { Request, type ErrorBody, type RequestIdT } from '../../schemas/protocol.ts';
import type { HandlerContext, Outcome } from './handler-types.ts';
import { HANDLERS } from './handlers.ts';
import { READ_OPS } from './read-ops.ts';
import type { ReadAnswer } from './read-protocol.ts';

export interface Dispatched {
  id: RequestIdT | null;
  op: string;
  outcome: Outcome | Promise<Outcome>;
  issues?: ErrorBody['issues'];
}

/** Issue 17: a read op handed to a read worker; its reply comes back encoded. */
export interface Offloaded {
  id: RequestIdT;
  op: OpName;
  offloaded: Promise<ReadAnswer>;
}

/** Hands a validated read op (read-ops.ts) to a read worker; null (READ_WORKERS=0): every op runs here. */
export type Offload = ((id: RequestIdT, op: OpName, args: unknown) => Promise<ReadAnswer>) | null;

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

export function dispatch(frame: unknown, ctx: HandlerContext, offload: Offload = null): Dispatched | Offloaded {
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
  // Checked like every op above (session, role, args); only running it moves to a replica.
  if (offload !== null && READ_OPS.has(op)) return { id, op, offloaded: offload(id, op, args.data) };
  const handler = HANDLERS[op] as (c: HandlerContext, a: unknown) => Outcome | Promise<Outcome>;
  return { id, op, outcome: handler(ctx, args.data as unknown) };
}
