// Full disk, in process: a failed group commit answers storage_unavailable, leaves nothing of its commands (or of
// commands decided on top of them) in memory, publishes nothing, and writing resumes once a probe succeeds.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TABLE_NAMES, type Tables } from '../engine/core/state.ts';
import type { Command } from '../engine/core/commands.ts';
import { Engine } from '../engine/engine.ts';
import { MemoryStore } from '../engine/store/memory-store.ts';
import type { RowWrite } from '../engine/store/store.ts';
import type { JournalEntry } from '../schemas/events.ts';
import { STORAGE_PROBE_INTERVAL_MS } from '../schemas/limits.ts';
import { dumpTables, fixtureTables } from './helpers/fixture.ts';

/** A memory store whose appends wait until the test writes them, so a failure can come after later commands. */
class GatedStore extends MemoryStore {
  private queue: Array<() => void> = [];
  appends = 0;

  override append(entries: readonly JournalEntry[], rows: readonly RowWrite[]): Promise<void> {
    this.appends++;
    return new Promise((resolve, reject) => this.queue.push(() => super.append(entries, rows).then(resolve, reject)));
  }

  /** Writes what is queued, in order; with a failure, the first fails (and by the store contract every later one). */
  write(failure: Error | null): void {
    this.failWrites = failure;
    const queued = this.queue;
    this.queue = [];
    for (const run of queued) run();
    this.failWrites = null;
  }
}

async function seeded(tables: Tables = fixtureTables()): Promise<GatedStore> {
  const store = new GatedStore();
  for (const name of TABLE_NAMES) {
    const rows = [...(tables[name] as Map<string | number, unknown>)].map(([key, value]) => ({
      table: name,
      key,
      value,
    }));
    await store.bulkLoad(name, rows);
  }
  return store;
}

const adjust = (delta: number): Command => ({
  type: 'stock.adjust',
  userId: 'hmc1',
  warehouse: '10',
  artNo: '100001',
  delta,
  reason: 'received',
  note: '',
});
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const onHand = (engine: Engine) => engine.state.stock.get('10:100001')?.onHand;
const ENOSPC = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

describe('full disk: a failed commit', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fails its group and everything decided on top of it, in the same and a later turn, and restores the state', async () => {
    const store = await seeded();
    const engine = new Engine(store, () => 1_700_000_000_000);
    const published: number[] = [];
    engine.onCommitted((entry) => published.push(entry.seq));
    const durable = dumpTables(engine.state);
    const before = onHand(engine);
    expect(before).toBeTypeOf('number');

    const sameTurn = [engine.execute(adjust(4)), engine.execute(adjust(2))];
    await nextTurn();
    const laterTurn = engine.execute(adjust(1)); // saw the failed +4 and +2, before the failure is known
    const replay = engine.whenDurable(engine.state.seq);
    expect(onHand(engine)).toBe(before! + 7);
    store.write(ENOSPC);

    const outcomes = await Promise.all([...sameTurn, laterTurn]);
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual(Array(3).fill('storage_unavailable'));
    expect(await replay).toBe(false);
    expect(onHand(engine)).toBe(before);
    expect(dumpTables(engine.state)).toBe(durable);
    expect(dumpTables(new Engine(store, () => 0).state)).toBe(durable); // as a restart reads it
    expect(published).toEqual([]);
    expect(engine.storage).toMatchObject({ writable: false, failedCommits: 3 });
    expect(engine.storage.reason).toContain('ENOSPC');
    engine.stop();
  });

  it('keeps commits that were durable before the failed one, and refuses commands at once while unavailable', async () => {
    const store = await seeded();
    const engine = new Engine(store, () => 1_700_000_000_000);
    const before = onHand(engine)!;
    const first = engine.execute(adjust(5));
    store.write(null);
    expect((await first).ok).toBe(true);
    const failed = engine.execute(adjust(3));
    store.write(ENOSPC);
    expect(await failed).toMatchObject({ ok: false, code: 'storage_unavailable' });
    expect(onHand(engine)).toBe(before + 5);
    expect(engine.state.seq).toBe(1);

    const appends = store.appends;
    expect(await engine.execute(adjust(1))).toMatchObject({ ok: false, code: 'storage_unavailable' });
    expect(store.appends).toBe(appends); // refused before deciding: nothing applied, nothing written
    expect(onHand(engine)).toBe(before + 5);
    engine.stop();
  });

  it('probes on a named interval and accepts commands again once a write succeeds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const store = await seeded();
    const engine = new Engine(store, () => 1_700_000_000_000);
    const before = onHand(engine)!;
    const failed = engine.execute(adjust(3));
    store.write(ENOSPC);
    await failed;
    store.failWrites = ENOSPC; // still full: the probe fails
    await vi.advanceTimersByTimeAsync(STORAGE_PROBE_INTERVAL_MS);
    expect(engine.storage.writable).toBe(false);
    store.failWrites = null; // space is back
    await vi.advanceTimersByTimeAsync(STORAGE_PROBE_INTERVAL_MS);
    expect(engine.storage).toMatchObject({ writable: true, reason: null, recoveries: 1, failedCommits: 1 });

    const accepted = engine.execute(adjust(2));
    store.write(null);
    expect(await accepted).toMatchObject({ ok: true, seq: 1 });
    expect(onHand(engine)).toBe(before + 2);
    expect(dumpTables(new Engine(store, () => 0).state)).toBe(dumpTables(engine.state));
    engine.stop();
  });
});
