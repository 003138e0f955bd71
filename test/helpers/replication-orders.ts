// Orders for the issue-17 replication tests: a prescriber's connection on a node, and orders placed through it with
// what the engine answered (to find every acknowledged one again on another node).
import { loginTokens, sampleOrdering } from '../../bench/engine-client.ts';
import { type BenchOrdering, placeArgs } from '../../bench/workloads.ts';
import type { EngineProcess } from './engine-process.ts';
import { TestClient } from './ws-client.ts';

export interface Placed {
  args: { idempotencyKey: string };
  orderNo: number;
  lines: Array<{ lineNo: number; artNo: string; quantity: number }>;
}

export const linesOf = (lines: Array<{ lineNo: number; artNo: string; quantity: number }>) =>
  lines.map((l) => ({ lineNo: l.lineNo, artNo: l.artNo, quantity: l.quantity }));

/** A prescriber's connection on `engine` and what order.place needs there. */
export async function prescriber(
  engine: EngineProcess,
): Promise<{ client: TestClient; ordering: BenchOrdering; token: string }> {
  const tokens = await loginTokens(engine.wsUrl, ['ot1', 'hmc1']);
  const ordering = await sampleOrdering(engine.wsUrl, tokens.ot1!, tokens.hmc1!);
  const client = await TestClient.connect(engine.wsUrl);
  await client.call('session.resume', { token: tokens.ot1 });
  return { client, ordering, token: tokens.ot1! };
}

/**
 * Places `count` orders, `inFlight` at a time, with the idempotency keys of placeArgs from `from` on (a second batch
 * needs a new `from`, or it replays the first); every one must be accepted.
 */
export async function placeOrders(client: TestClient, ordering: BenchOrdering, count: number, inFlight = 16, from = 0) {
  const placed: Placed[] = [];
  let next = from;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < from + count) {
        const args = placeArgs(ordering, next++) as Placed['args'];
        const reply = await client.request('order.place', args);
        if (!reply.ok) throw new Error(`order.place refused: ${JSON.stringify(reply.error)}`);
        const result = reply.result as Placed;
        placed.push({ args, orderNo: result.orderNo, lines: linesOf(result.lines) });
      }
    }),
  );
  return placed;
}

/** Every order in `placed` is on `engine` with the same number and lines: a replay of its key finds it. */
export async function expectAllThere(engine: EngineProcess, placed: readonly Placed[]): Promise<string[]> {
  const { client } = await prescriber(engine);
  const problems: string[] = [];
  try {
    for (const order of placed) {
      const reply = await client.request('order.place', order.args);
      if (!reply.ok) problems.push(`${order.args.idempotencyKey}: ${JSON.stringify(reply.error)}`);
      else {
        const result = reply.result as Placed & { replayed: boolean };
        const same =
          result.replayed &&
          result.orderNo === order.orderNo &&
          JSON.stringify(linesOf(result.lines)) === JSON.stringify(order.lines);
        if (!same) problems.push(`${order.args.idempotencyKey}: answered ${JSON.stringify(result)}`);
      }
    }
  } finally {
    await client.close();
  }
  return problems;
}
