// Issue 17: the queries a read worker may answer from its replica, and the read-only context it runs their handlers
// in. Each op here is a synchronous pure read of the state that shows no person (nothing to access-log durably before
// the reply) and needs no store, session or socket: the same handler function runs on the writer thread
// (READ_WORKERS=0, or as a fallback) and on a replica. Commands, subscriptions, the journal's readers (stock.ledger,
// admin.changeLog) and every op that shows a patient stay on the writer thread.
import type { User } from '../../schemas/entities.ts';
import type { OpName } from '../../schemas/ops.ts';
import type { Engine } from '../engine.ts';
import type { State } from '../core/state.ts';
import type { HandlerContext, Outcome } from './handler-types.ts';
import { HANDLERS } from './handlers.ts';
import type { ReadCaller } from './read-protocol.ts';

export const READ_OPS: ReadonlySet<OpName> = new Set<OpName>([
  'catalog.isoTree',
  'catalog.list',
  'catalog.article',
  'catalog.search',
  'catalog.suggest',
  'catalog.replacementChain',
  'catalog.replacementCheck',
  'stock.get',
  'stock.levels',
  'stock.belowMin',
  'supplier.list',
  'news.list',
  'prescribingRule.list',
  'payer.rules',
  'settings.get',
  'admin.articleImpact',
]);

function readOnly(what: string): never {
  throw new Error(`read-only context: a read op called ${what}`);
}

/**
 * A handler context over a replica's state: `engine` offers only `state` (the handlers of READ_OPS read nothing else;
 * anything more is a programming error and throws, which ends the worker and, loudly, the engine).
 */
function readContext(state: State, user: User | null, caller: ReadCaller): HandlerContext {
  const engine = {
    state,
    get store(): never {
      return readOnly('engine.store');
    },
    execute: () => readOnly('engine.execute'),
  } as unknown as Engine;
  return {
    engine,
    sessions: undefined as never,
    auth: undefined as never,
    signIn: undefined as never,
    address: '',
    nowMs: caller.nowMs,
    user,
    workplaceId: caller.workplaceId,
    bindSession: () => readOnly('bindSession'),
    unbindSession: () => readOnly('unbindSession'),
    subscribe: () => readOnly('subscribe'),
    unsubscribe: () => readOnly('unsubscribe'),
  };
}

/**
 * Runs a read op on a replica with args the writer thread validated. Null: the replica does not know the caller yet
 * (a user added after its seq), and the writer thread answers instead.
 */
export function runRead(state: State, op: OpName, args: unknown, caller: ReadCaller): Outcome | null {
  if (!READ_OPS.has(op)) throw new Error(`${op} is not a read op`);
  const user = caller.userId === null ? null : (state.users.get(caller.userId) ?? null);
  if (caller.userId !== null && user === null) return null;
  const handler = HANDLERS[op] as (c: HandlerContext, a: unknown) => Outcome | Promise<Outcome>;
  const outcome = handler(readContext(state, user, caller), args);
  if (outcome instanceof Promise) throw new Error(`read op ${op} answered asynchronously`);
  return outcome;
}
