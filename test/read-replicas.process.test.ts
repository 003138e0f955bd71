// Issue 17, read workers: replicas in worker threads hold the writer's state and answer its read-only queries.
// 1. A seeded random orders workload against the writer (LMDB in a temp dir, two read workers in this process): at
//    checkpoints every replica's tables equal the writer's (a digest), and every offloaded op answers the same bytes on
//    a replica as on the writer thread. Seed: READ_REPLICAS_SEED (printed in the test name and on failure).
// 3. (last) A worker that fails is started again on the tables as they are then, catches up, and answers the same.
// 2. The real engine with READ_WORKERS=2 over a WebSocket: a command and the query right after it on the same
//    connection, many times over and on several connections at once: the query always shows the command's effect.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.ts';
import type { OpName } from '../schemas/ops.ts';
import { OPS } from '../schemas/ops.ts';
import { READ_OPS, runRead } from '../engine/io/read-ops.ts';
import { ReadPool } from '../engine/io/read-pool.ts';
import { replyEncoder } from '../engine/io/reply-encode.ts';
import { LmdbStore } from '../engine/store/lmdb-store.ts';
import { writeTables } from '../engine/seed/seed-store.ts';
import { type EngineProcess, startEngine, tempDataDir } from './helpers/engine-process.ts';
import { ART, orderTables, T0 } from './helpers/order-fixture.ts';
import { prng, randomCommand } from './helpers/order-workload.ts';
import { TestClient } from './helpers/ws-client.ts';
import { READ_WORKER_RESTARTS_MAX } from '../schemas/limits.ts';

const SEED = Number(process.env.READ_REPLICAS_SEED ?? 20261205);
const COMMANDS = Number(process.env.READ_REPLICAS_COMMANDS ?? 600);
const CHECKPOINTS = 4;
/** Commands issued together (one group commit), as concurrent clients would. */
const BURST = 8;

/** One call of every offloaded op, with args as a client would send them (validated below as dispatch does). */
const READ_CALLS: Array<[OpName, unknown]> = [
  ['catalog.isoTree', {}],
  ['catalog.list', { isoCode: '12', inStockOnly: true }],
  ['catalog.article', { artNo: ART.rollator }],
  ['catalog.search', { text: 'rollator' }],
  ['catalog.search', { text: 'rollator', inStockOnly: true, warehouse: '10' }],
  ['catalog.suggest', { text: 'rol' }],
  ['catalog.replacementChain', { artNo: ART.futura }],
  ['catalog.replacementCheck', { artNo: ART.futura, replacedBy: ART.rollator }],
  ['stock.get', { artNo: ART.rollator }],
  ['stock.levels', { artNo: ART.basket }],
  ['stock.belowMin', {}],
  ['supplier.list', {}],
  ['news.list', {}],
  ['prescribingRule.list', {}],
  ['payer.rules', {}],
  ['settings.get', {}],
  ['admin.articleImpact', { artNo: ART.rollator }],
];

function bytesOf(frame: Uint8Array | string): string {
  return typeof frame === 'string' ? frame : Buffer.from(frame).toString('hex');
}

/**
 * A writer engine on the order fixture in a temp LMDB and a pool of two read workers over it, closed after the
 * describe block; `deaths` collects what the pool would end the engine for.
 */
function poolOnOrders(label: string) {
  const dataDir = tempDataDir(label);
  const fixture = { pool: null as ReadPool | null, store: null as LmdbStore | null, nowMs: T0, deaths: [] as string[] };
  afterAll(async () => {
    await fixture.pool?.close();
    await fixture.store?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const start = async () => {
    const store = new LmdbStore(dataDir);
    fixture.store = store;
    await writeTables(store, orderTables());
    const engine = new Engine(store, () => fixture.nowMs);
    const pool = await ReadPool.start(engine, dataDir, 2, {
      onWorkerDeath: (i, e) => fixture.deaths.push(`${i}: ${String(e)}`),
    });
    fixture.pool = pool;
    return { engine, pool };
  };
  return { fixture, start };
}

describe(`read replicas under a random orders workload (seed ${SEED}, ${COMMANDS} commands)`, () => {
  const { fixture, start } = poolOnOrders('read-replicas');

  it('every replica holds the writer tables and answers every read op as the writer thread does', async () => {
    const { engine, pool } = await start();
    const deaths = fixture.deaths;
    const encode = replyEncoder();
    const r = prng(SEED);
    const where = `(seed ${SEED}; replay with READ_REPLICAS_SEED=${SEED})`;
    let accepted = 0;
    const step = Math.ceil(COMMANDS / CHECKPOINTS);
    let nextCheck = step;
    for (let i = 0; i < COMMANDS; ) {
      const burst: Promise<{ ok: boolean }>[] = [];
      for (let b = 0; b < BURST && i < COMMANDS; b++, i++) {
        fixture.nowMs += 60_000;
        burst.push(engine.execute(randomCommand(r, engine.state, i)));
      }
      accepted += (await Promise.all(burst)).filter((o) => o.ok).length;
      if (i < nextCheck && i < COMMANDS) continue;
      nextCheck += step;
      // Checkpoint: the writer is idle, so its state is what is durable.
      const users = [...engine.state.users.keys()];
      for (const [op, raw] of READ_CALLS) {
        const args = OPS[op].args.parse(raw);
        expect(READ_OPS.has(op), op).toBe(true);
        const caller = { userId: r.pick(users), workplaceId: null, nowMs: fixture.nowMs };
        const here = runRead(engine.state, op, args, caller);
        expect(here, `${op} on the writer ${where}`).not.toBeNull();
        for (const encoding of ['msgpack', 'json'] as const) {
          const expected = bytesOf(encode(1, op, here!, encoding));
          const answers = await Promise.all(
            [1, 2].map(() => pool.query(1, op, args, caller, encoding, engine.durableSeq)),
          );
          for (const answer of answers)
            expect(bytesOf(answer.frame), `${op} ${encoding} at seq ${engine.state.seq} ${where}`).toBe(expected);
        }
      }
      const { writer, replicas } = await pool.digests();
      for (const replica of replicas) expect(replica, `replica tables at seq ${writer.seq} ${where}`).toEqual(writer);
    }
    expect(deaths).toEqual([]);
    expect(pool.fallbacks + pool.timeouts).toBe(0);
    // The workload must have changed the state (a seed that is refused throughout would prove nothing).
    expect(accepted).toBeGreaterThan(COMMANDS / 3);
    expect(engine.state.seq).toBe(accepted);
  });
});

describe('read-your-writes over the WebSocket with READ_WORKERS=2', () => {
  let engine: EngineProcess;
  const clients: TestClient[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await engine?.stop();
  });

  it('the query right after a command on the same connection shows it, every time, on several connections', async () => {
    engine = await startEngine({ env: { READ_WORKERS: '2' } });
    expect(engine.output()).toMatch(/2 read worker\(s\) ready/);
    const [admin, hmc, ot] = await Promise.all([1, 2, 3].map(() => TestClient.connect(engine.wsUrl)));
    clients.push(admin, hmc, ot);
    await Promise.all([admin.login('admin'), hmc.login('hmc1'), ot.login('ot1')]);
    const { articles } = await ot.call('catalog.list', { isoCode: '12', limit: 3 });
    expect(articles.length).toBe(3);
    const rounds = 60;
    // Each staff connection adjusts an article of its own, so the balance it reads back is its own to predict.
    const adjustAndRead = async (client: TestClient, artNo: string) => {
      for (let i = 0; i < rounds; i++) {
        const delta = i % 3 === 2 ? -1 : 2;
        const adjust = { warehouse: '10', artNo, delta, reason: delta > 0 ? 'received' : 'damaged' };
        // Odd rounds pipeline the query behind the command, before its reply: it still waits for the command.
        const [done, stock] =
          i % 2 === 1
            ? await Promise.all([
                client.call('admin.stockAdjust', adjust),
                client.call('stock.get', { artNo, warehouse: '10' }),
              ])
            : [
                await client.call('admin.stockAdjust', adjust),
                await client.call('stock.get', { artNo, warehouse: '10' }),
              ];
        expect(stock.rows[0].onHand, `round ${i}, seq ${done.seq}`).toBe(done.onHand);
        const page = await client.call('catalog.article', { artNo });
        expect(JSON.stringify(page)).toContain(`"artNo":"${artNo}"`);
      }
    };
    // Meanwhile a prescriber searches, so the replicas have queries of their own to answer.
    let searching = true;
    const search = async () => {
      while (searching) await ot.call('catalog.search', { text: 'rollator', inStockOnly: true });
    };
    const searches = search();
    await Promise.all([adjustAndRead(admin, articles[0].artNo), adjustAndRead(hmc, articles[1].artNo)]);
    searching = false;
    await searches;
    const metrics = await (await fetch(`${engine.url}/metrics`)).text();
    const queries = [...metrics.matchAll(/^aidstock_replica_queries_total\{worker="\d"\} (\d+)$/gm)].map((m) =>
      Number(m[1]),
    );
    expect(queries.length).toBe(2);
    expect(queries.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(metrics).toMatch(/^aidstock_read_fallbacks_total 0$/m);
    expect(metrics).toMatch(/^aidstock_read_timeouts_total 0$/m);
    expect(metrics).toMatch(/^aidstock_replica_lag_seconds_count\{worker="0"\} [1-9]/m);
  });
});

describe(`a read worker that fails is started again (seed ${SEED})`, () => {
  const { fixture, start } = poolOnOrders('read-restart');

  it('leaves the rotation at once, catches up from the journal while commands go on, and ends the engine only when it keeps failing', async () => {
    const { engine, pool } = await start();
    const deaths = fixture.deaths;
    const r = prng(SEED);
    const where = `(seed ${SEED}; replay with READ_REPLICAS_SEED=${SEED})`;
    let i = 0;
    const commands = async (count: number) => {
      for (const end = i + count; i < end; i++) {
        fixture.nowMs += 60_000;
        await engine.execute(randomCommand(r, engine.state, i));
      }
    };
    const caller = { userId: [...engine.state.users.keys()][0]!, workplaceId: null, nowMs: fixture.nowMs };
    const args = OPS['stock.belowMin'].args.parse({});
    const expected = () =>
      bytesOf(replyEncoder()(1, 'stock.belowMin', runRead(engine.state, 'stock.belowMin', args, caller)!, 'json'));

    await commands(50);
    const restarted = (n: number) => async () => {
      const until = Date.now() + 30_000;
      while (pool.restarts < n || pool.size < 2) {
        if (Date.now() > until) throw new Error(`worker not started again (${n}) ${where}`);
        // Commands and queries go on while the worker starts again; every query is answered, and right.
        await commands(5);
        const answer = await pool.query(1, 'stock.belowMin', args, caller, 'json', engine.durableSeq);
        expect(bytesOf(answer.frame), where).toBe(expected());
      }
    };
    await pool.crashWorker(0);
    await restarted(1)();
    const { writer, replicas } = await pool.digests();
    expect(replicas, `replica tables after the restart ${where}`).toEqual([writer, writer]);
    expect(deaths).toEqual([]);

    // READ_WORKER_RESTARTS_MAX in the window are started again; the next failure is the engine's end.
    for (let n = 2; n <= READ_WORKER_RESTARTS_MAX; n++) {
      await pool.crashWorker(1);
      await restarted(n)();
    }
    expect(deaths).toEqual([]);
    await pool.crashWorker(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(deaths).toEqual([expect.stringMatching(/^0: /)]);
    const metrics = pool.render();
    expect(metrics).toContain(`aidstock_read_worker_restarts_total ${READ_WORKER_RESTARTS_MAX}`);
  }, 120_000);
});
