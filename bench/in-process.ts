// In-process micro-benchmarks (tinybench) of the engine's hot-path pieces: core decide + apply, msgpack and JSON
// frames, zod validation at the edge, query assembly. Fixed iteration counts, warm-up, results consumed, gc between suites.
import { pack, unpack } from 'msgpackr';
import { Bench } from 'tinybench';
import { apply } from '../engine/core/apply.ts';
import { articlePage, listArticles } from '../engine/core/articles/queries.ts';
import { stockOf } from '../engine/core/stock/queries.ts';
import { catalogSearch } from '../engine/core/catalog-search.ts';
import { decide } from '../engine/core/decide.ts';
import { listReplyEncoder, searchReplyEncoder } from '../engine/io/row-reply.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import type { State } from '../engine/core/state.ts';
import { generateTables } from '../engine/seed/generate.ts';
import { SEED_DEFAULT } from '../engine/seed/seed-store.ts';
import { OPS } from '../schemas/ops.ts';
import { Request } from '../schemas/protocol.ts';
import type { User } from '../schemas/entities.ts';
import type { OrderPlace } from '../engine/core/commands.ts';
import type { SeedScale } from './start-engine.ts';
import { MAIN_WAREHOUSE, ORDER_TWO_LINES_EVERY, pick } from './workloads.ts';

export interface InProcessOptions {
  scale: SeedScale;
  /** Measured tinybench iterations per task; each iteration runs the task's batch of operations. */
  iterations: number;
  warmupIterations: number;
  /** Multiplies every task's batch (1 in quick/full runs; small in the smoke test). */
  batchScale?: number;
  progress?: (line: string) => void;
}

export interface InProcessRow {
  suite: string;
  name: string;
  /** Operations timed together per iteration (one timer read per batch keeps timer cost out of ns figures). */
  batch: number;
  iterations: number;
  nsPerOp: number;
  nsPerOpP50: number;
  nsPerOpP99: number;
  opsPerS: number;
  rmePct: number;
}

export interface InProcessResult {
  scale: SeedScale;
  setupS: number;
  rows: InProcessRow[];
  /** Folded results of every operation, reported so no work can be optimised away. */
  sink: number;
}

interface TaskSpec {
  name: string;
  batch: number;
  /** One operation on item i; returns something to consume. */
  op: (i: number) => unknown;
}

/** Distinct inputs cycled through by each task (a power of two). */
const INPUTS = 1024;
const INPUT_MASK = INPUTS - 1;
/** A fixed decision time: the core never reads the clock. */
const ORDER_DECIDED_AT_MS = Date.UTC(2026, 10, 25, 9);
const NS_PER_MS = 1e6;

let sink = 0;
/** Fold an operation's result into the sink cheaply but so that it must exist. */
function consume(x: unknown): void {
  if (x === null || x === undefined) sink ^= 1;
  else if (typeof x === 'object') sink ^= (x as { length?: number }).length ?? 2;
  else if (typeof x === 'string') sink ^= x.length;
  else if (typeof x === 'boolean') sink ^= x ? 3 : 4;
  else if (typeof x === 'number') sink ^= x | 0;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function user(state: State, username: string): User {
  const id = state.usersByUsername.get(username);
  const u = id === undefined ? undefined : state.users.get(id);
  if (u === undefined) throw new Error(`demo user ${username} missing`);
  return u;
}

/**
 * INPUTS distinct order.place commands of ot1 that the core accepts: resident patients, 1-2 in-stock lines the
 * profession may prescribe (candidates are tried once here and the refused ones dropped, so the timed decisions are
 * the full accepting path: recipient, source, rules, availability, reservation events).
 */
function acceptedOrders(state: State, prescriber: User, artNos: readonly string[]): OrderPlace[] {
  const pnrs = [...state.persons.keys()];
  const orders: OrderPlace[] = [];
  for (let i = 0; orders.length < INPUTS && i < INPUTS * 64; i++) {
    const lines = [{ artNo: pick(artNos, i), quantity: 1 }];
    if (i % ORDER_TWO_LINES_EVERY === 0) lines.push({ artNo: pick(artNos, i + 1), quantity: 1 });
    const command: OrderPlace = {
      type: 'order.place',
      userId: prescriber.id,
      idempotencyKey: `bench-decide-${i}`,
      recipient: { kind: 'patient', pnr: pick(pnrs, i) },
      source: 'main',
      lines,
      delivery: { partial: false },
      otherInfo: '',
    };
    if (decide(state, command, { timeMs: ORDER_DECIDED_AT_MS, seq: state.seq + 1 }).ok) orders.push(command);
  }
  if (orders.length < INPUTS) throw new Error(`only ${orders.length} of ${INPUTS} candidate orders accepted`);
  return orders;
}

interface SuiteSpec {
  suite: string;
  tasks: TaskSpec[];
}

/** Replies and pushes as the engine would send them, to encode and decode. */
function replyInputs(state: State, inputs: string[], listArgs: Array<{ isoCode: string; limit: number }>, ot1: User) {
  const stockReplies = inputs.map((artNo, i) => {
    const view = stockOf(state, { artNo });
    return { id: 1_000_000_000 + i, ok: true, result: view.ok ? view.result : null };
  });
  const articleReplies = inputs.map((artNo, i) => {
    const page = articlePage(state, ot1, { artNo });
    return { id: 1_000_000_000 + i, ok: true, result: page.ok ? page.result : null };
  });
  const articleReplyBytes = articleReplies.map((r) => pack(r));
  const pushes = inputs.map((artNo, i) => ({
    topic: `stock/${artNo}`,
    event: { type: 'stock', seq: i + 1, warehouse: MAIN_WAREHOUSE, artNo, onHand: 7, reserved: 2, available: 5 },
  }));
  // Full 20-hit pages for the words of article names: the reply catalog.search sends most often.
  const searchReplies = inputs.map((artNo, i) => {
    const word = state.articles.get(artNo)!.name.split(' ')[0]!.slice(0, 6);
    const found = catalogSearch(state, ot1, {
      text: word,
      inStockOnly: false,
      includeDiscontinued: false,
      limit: 20,
      offset: 0,
    });
    const result = found.ok ? found.result : { total: 0, hits: [] };
    return { id: 1_000_000_000 + i, result, page: { total: result.total, rows: result.hits } };
  });
  const searchEncoder = searchReplyEncoder();
  const listReplies = listArgs.map((args, i) => {
    const page = listArticles(state, ot1, { ...args, inStockOnly: false, includeDiscontinued: false, offset: 0 });
    const result = page.ok ? page.result : { total: 0, articles: [] };
    return { id: 1_000_000_000 + i, result, page: { total: result.total, rows: result.articles } };
  });
  const listEncoder = listReplyEncoder();
  return {
    stockReplies,
    articleReplies,
    articleReplyBytes,
    pushes,
    searchReplies,
    searchEncoder,
    listReplies,
    listEncoder,
  };
}

/** What every suite draws from, prepared once from the state: requests, replies, pushes, commands and orders. */
function prepareInputs(state: State) {
  const artNos = [...state.articles.keys()];
  const inputs = Array.from({ length: INPUTS }, (_, i) => pick(artNos, i));
  const isoCodes = [...state.iso.values()].filter((n) => n.level === 2).map((n) => n.code);
  const ot1 = user(state, 'ot1');
  const hmc1 = user(state, 'hmc1');

  const stockGetReq = inputs.map((artNo, i) => ({ id: 1_000_000_000 + i, op: 'stock.get', args: { artNo } }));
  const adjustArgs = inputs.map((artNo, i) => ({
    warehouse: MAIN_WAREHOUSE,
    artNo,
    delta: 1 + (i % 5),
    reason: 'received' as const,
  }));
  const listArgs = inputs.map((_, i) => ({ isoCode: pick(isoCodes, i), limit: 50 }));
  const stockGetBytes = stockGetReq.map((r) => pack(r));
  const stockGetText = stockGetReq.map((r) => JSON.stringify(r));
  const replies = replyInputs(state, inputs, listArgs, ot1);
  const command = (i: number) => ({
    type: 'stock.adjust' as const,
    userId: hmc1.id,
    ...adjustArgs[i & INPUT_MASK]!,
    note: '',
  });
  const orders = acceptedOrders(state, ot1, artNos);
  return { inputs, ot1, stockGetReq, adjustArgs, listArgs, stockGetBytes, stockGetText, ...replies, command, orders };
}

type Inputs = ReturnType<typeof prepareInputs>;

function coreSuite(state: State, { orders, command }: Inputs): SuiteSpec {
  return {
    suite: 'core',
    tasks: [
      // Decided, not applied: applying would drain the stock the next decisions need (issue 5's target is the decision).
      {
        name: 'decide order.place',
        batch: 200,
        op: (i) => decide(state, orders[i & INPUT_MASK]!, { timeMs: ORDER_DECIDED_AT_MS, seq: state.seq + 1 }),
      },
      {
        name: 'decide stock.adjust',
        batch: 1000,
        op: (i) => decide(state, command(i), { timeMs: 0, seq: state.seq + 1 }),
      },
      {
        name: 'decide + apply stock.adjust',
        batch: 1000,
        op: (i) => {
          const seq = state.seq + 1;
          const decision = decide(state, command(i), { timeMs: 0, seq });
          if (!decision.ok) throw new Error(`stock.adjust refused: ${decision.code}`);
          for (const event of decision.events) apply(state, event);
          state.seq = seq;
          return decision.events;
        },
      },
    ],
  };
}

function codecSuite(x: Inputs): SuiteSpec {
  const { stockGetBytes, stockReplies, articleReplies, articleReplyBytes, searchReplies, searchEncoder } = x;
  const { listReplies, listEncoder, pushes, stockGetText } = x;
  return {
    suite: 'codec',
    tasks: [
      { name: 'msgpack decode stock.get request', batch: 1000, op: (i) => unpack(stockGetBytes[i & INPUT_MASK]!) },
      { name: 'msgpack encode stock.get reply', batch: 1000, op: (i) => pack(stockReplies[i & INPUT_MASK]) },
      { name: 'msgpack encode catalog.article reply', batch: 200, op: (i) => pack(articleReplies[i & INPUT_MASK]) },
      {
        name: 'msgpack decode catalog.article reply',
        batch: 200,
        op: (i) => unpack(articleReplyBytes[i & INPUT_MASK]!),
      },
      {
        name: 'msgpack encode catalog.search reply (msgpackr)',
        batch: 100,
        op: (i) => {
          const r = searchReplies[i & INPUT_MASK]!;
          return pack({ id: r.id, ok: true, result: r.result });
        },
      },
      {
        name: 'msgpack encode catalog.search reply (ours)',
        batch: 100,
        op: (i) => {
          const r = searchReplies[i & INPUT_MASK]!;
          return searchEncoder.encode(r.id, r.page);
        },
      },
      {
        name: 'msgpack encode catalog.list reply of 50 (msgpackr)',
        batch: 50,
        op: (i) => {
          const r = listReplies[i & INPUT_MASK]!;
          return pack({ id: r.id, ok: true, result: r.result });
        },
      },
      {
        name: 'msgpack encode catalog.list reply of 50 (ours)',
        batch: 50,
        op: (i) => {
          const r = listReplies[i & INPUT_MASK]!;
          return listEncoder.encode(r.id, r.page);
        },
      },
      { name: 'msgpack encode stock push', batch: 1000, op: (i) => pack(pushes[i & INPUT_MASK]) },
      { name: 'JSON parse stock.get request', batch: 1000, op: (i) => JSON.parse(stockGetText[i & INPUT_MASK]!) },
      {
        name: 'JSON stringify catalog.article reply',
        batch: 200,
        op: (i) => JSON.stringify(articleReplies[i & INPUT_MASK]),
      },
    ],
  };
}

function zodSuite({ stockGetReq, adjustArgs, listArgs }: Inputs): SuiteSpec {
  return {
    suite: 'zod',
    tasks: [
      { name: 'Request envelope', batch: 1000, op: (i) => Request.safeParse(stockGetReq[i & INPUT_MASK]).success },
      {
        name: 'stock.get args',
        batch: 1000,
        op: (i) => OPS['stock.get'].args.safeParse(stockGetReq[i & INPUT_MASK]!.args).success,
      },
      {
        name: 'admin.stockAdjust args',
        batch: 1000,
        op: (i) => OPS['admin.stockAdjust'].args.safeParse(adjustArgs[i & INPUT_MASK]).success,
      },
      {
        name: 'catalog.list args',
        batch: 1000,
        op: (i) => OPS['catalog.list'].args.safeParse(listArgs[i & INPUT_MASK]).success,
      },
    ],
  };
}

function querySuite(state: State, { inputs, ot1, listArgs }: Inputs): SuiteSpec {
  return {
    suite: 'queries',
    tasks: [
      { name: 'stock.get (stockOf)', batch: 500, op: (i) => stockOf(state, { artNo: inputs[i & INPUT_MASK]! }) },
      {
        name: 'catalog.article (articlePage)',
        batch: 100,
        op: (i) => articlePage(state, ot1, { artNo: inputs[i & INPUT_MASK]! }),
      },
      {
        name: 'catalog.list page of 50 (listArticles)',
        batch: 20,
        op: (i) =>
          listArticles(state, ot1, {
            ...listArgs[i & INPUT_MASK]!,
            inStockOnly: false,
            includeDiscontinued: false,
            offset: 0,
          }),
      },
    ],
  };
}

function suites(state: State): SuiteSpec[] {
  const inputs = prepareInputs(state);
  return [coreSuite(state, inputs), codecSuite(inputs), zodSuite(inputs), querySuite(state, inputs)];
}

export async function runInProcess(o: InProcessOptions): Promise<InProcessResult> {
  const setupStartMs = performance.now();
  const state = stateFromTables(generateTables({ scale: o.scale, seed: SEED_DEFAULT }), 0);
  const setupS = Math.round(performance.now() - setupStartMs) / 1000;
  o.progress?.(`  ${o.scale} state built in ${setupS} s`);
  const rows: InProcessRow[] = [];
  for (const { suite, tasks } of suites(state)) {
    gc();
    const bench = new Bench({
      name: suite,
      time: 0,
      iterations: o.iterations,
      warmup: true,
      warmupTime: 0,
      warmupIterations: o.warmupIterations,
      throws: true,
    });
    const batches = new Map<string, number>();
    for (const task of tasks) {
      const batch = Math.max(1, Math.round(task.batch * (o.batchScale ?? 1)));
      batches.set(task.name, batch);
      let cursor = 0;
      bench.add(task.name, () => {
        for (let k = 0; k < batch; k++) consume(task.op(cursor++));
      });
    }
    await bench.run();
    for (const task of bench.tasks) {
      const r = task.result;
      if (r === undefined || r.error !== undefined)
        throw new Error(`in-process ${suite}/${task.name} failed: ${r?.error?.message ?? 'no result'}`);
      const batch = batches.get(task.name)!;
      const nsPerOp = (r.latency.mean * NS_PER_MS) / batch;
      const row: InProcessRow = {
        suite,
        name: task.name,
        batch,
        iterations: task.runs,
        nsPerOp: Math.round(nsPerOp),
        nsPerOpP50: Math.round(((r.latency.p50 ?? r.latency.mean) * NS_PER_MS) / batch),
        nsPerOpP99: Math.round(((r.latency.p99 ?? r.latency.max) * NS_PER_MS) / batch),
        opsPerS: Math.round(1e9 / nsPerOp),
        rmePct: Math.round(r.latency.rme * 10) / 10,
      };
      rows.push(row);
      o.progress?.(
        `  ${suite.padEnd(7)} ${task.name.padEnd(40)} ${String(row.nsPerOp).padStart(8)} ns/op  (p99 ${row.nsPerOpP99} ns/op)`,
      );
    }
  }
  gc();
  return { scale: o.scale, setupS, rows, sink };
}
