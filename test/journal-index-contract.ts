// The journal index's part of the store contract (run by storeContract on the memory and the LMDB store): the stock
// ledger and the change log read through it list what the journal holds, with balances after that add up to the
// stock rows, page by cursor, survive a restart, leave no key from a failed commit, and an LMDB data dir written
// without the index gets it built at open with the same answers.
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, type Tables } from '../engine/core/state.ts';
import { Engine } from '../engine/engine.ts';
import { changeLogPage } from '../engine/store/change-log.ts';
import { META_JOURNAL_INDEX } from '../engine/store/journal-index-lmdb.ts';
import { type LedgerLine, ledgerPage } from '../engine/store/stock-ledger.ts';
import { MemoryStore } from '../engine/store/memory-store.ts';
import type { Store } from '../engine/store/store.ts';
import { ART, orderTables, place, T0 } from './helpers/order-fixture.ts';
import type { StoreFactory } from './helpers/store-factory.ts';

async function seeded(factory: StoreFactory, tables: Tables): Promise<Store> {
  const store = factory.create();
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

/** A working day of stock movements and admin changes on the basket (a sale article, warehouses 10 and B101). */
async function workload(engine: Engine): Promise<void> {
  let clock = T0;
  const at = () => (clock += 60_000);
  (engine as unknown as { clockMs: () => number }).clockMs = at;
  const adjust = (warehouse: string, delta: number, reason: 'received' | 'inventory' | 'damaged') =>
    engine.execute({ type: 'stock.adjust', userId: 'hmc1', warehouse, artNo: ART.basket, delta, reason, note: 'n' });
  expect((await adjust('10', 5, 'received')).ok).toBe(true);
  const placed = await engine.execute(place({ lines: [{ artNo: ART.basket, quantity: 3 }] }));
  const orderNo = placed.ok && placed.events[0]!.type === 'order.placed' ? placed.events[0]!.order.orderNo : -1;
  const results = await Promise.all([
    adjust('B101', -2, 'damaged'),
    engine.execute({ type: 'fulfil.step', userId: 'hmc1', step: 'pick', orderNo, lineNos: null }),
    engine.execute({ type: 'fulfil.step', userId: 'hmc1', step: 'dispatch', orderNo, lineNos: null }),
    engine.execute(place({ lines: [{ artNo: ART.basket, quantity: 4 }] })),
    engine.execute({ type: 'stock.minSet', userId: 'admin', warehouse: '10', artNo: ART.basket, minLevel: 40 }),
    engine.execute({ type: 'prescribingRule.set', userId: 'admin', profession: 'slp', isoPrefixes: ['22', '12'] }),
    engine.execute({
      type: 'article.upsert',
      userId: 'admin',
      article: { ...engine.state.articles.get(ART.basket)!, name: 'Korg ny' },
    }),
  ]);
  expect([placed.ok, ...results.map((r) => r.ok)]).toEqual(Array(8).fill(true));
  const second = results[3]!;
  const cancelNo = second.ok && second.events[0]!.type === 'order.placed' ? second.events[0]!.order.orderNo : -1;
  expect((await engine.execute({ type: 'order.cancel', userId: 'ot1', orderNo: cancelNo })).ok).toBe(true);
  expect((await adjust('10', -1, 'inventory')).ok).toBe(true);
}

function wholeLedger(store: Store, warehouse?: string, limit = 2): LedgerLine[] {
  const lines: LedgerLine[] = [];
  let cursor: string | undefined;
  do {
    const page = ledgerPage(store.journalIndex, { artNo: ART.basket, warehouse, limit, cursor });
    expect(page.lines.length).toBeLessThanOrEqual(limit);
    lines.push(...page.lines);
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
  return lines;
}

function wholeChangeLog(store: Store, filter: Record<string, string | number> = {}) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = changeLogPage(store.journalIndex, { limit: 2, cursor, ...filter });
    pages.push(...page.changes);
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
  return pages;
}

/** Newest first, each warehouse's balances step back by each line's change, ending at the seeded balance. */
function expectBalancesAddUp(lines: LedgerLine[], now: Map<string, { onHand: number; reserved: number }>): void {
  const balance = new Map([...now].map(([w, b]) => [w, { ...b }]));
  for (const line of lines) {
    const current = balance.get(line.warehouse)!;
    expect({ w: line.warehouse, onHand: line.onHandAfter, reserved: line.reservedAfter }).toEqual({
      w: line.warehouse,
      ...current,
    });
    current.onHand -= line.onHandDelta;
    current.reserved -= line.reservedDelta;
  }
  expect(balance.get('10')).toEqual({ onHand: 20, reserved: 0 });
  expect(balance.get('B101')).toEqual({ onHand: 4, reserved: 0 });
}

export function journalIndexContract(name: string, factory: StoreFactory): void {
  describe(`journal index: ${name}`, () => {
    it('the ledger lists every movement newest first with cause, reference and balance after; the same after a restart', async () => {
      let store = await seeded(factory, orderTables());
      const engine = new Engine(store, () => T0);
      await workload(engine);
      const lines = wholeLedger(store);
      expect(lines.map((l) => [l.warehouse, l.cause, l.reason, l.onHandDelta, l.reservedDelta])).toEqual([
        ['10', 'adjusted', 'inventory', -1, 0],
        ['10', 'released', null, 0, -4],
        ['10', 'reserved', null, 0, 4],
        ['10', 'dispatched', null, -3, -3],
        ['B101', 'adjusted', 'damaged', -2, 0],
        ['10', 'reserved', null, 0, 3],
        ['10', 'adjusted', 'received', 5, 0],
      ]);
      expect(lines[1]!.orderNo).toBe(lines[2]!.orderNo);
      expect(lines[3]!.orderNo).toBe(lines[5]!.orderNo);
      expect(lines[0]!.orderNo).toBeNull();
      expect(lines[0]!.userId).toBe('hmc1');
      const now = new Map(
        ['10', 'B101'].map((w) => {
          const row = engine.state.stock.get(`${w}:${ART.basket}`)!;
          return [w, { onHand: row.onHand, reserved: row.reserved }];
        }),
      );
      expectBalancesAddUp(lines, now);
      expect(wholeLedger(store, 'B101')).toEqual(lines.filter((l) => l.warehouse === 'B101'));
      expect(wholeLedger(store, undefined, 50)).toEqual(lines);
      store = await factory.reopen(store);
      expect(wholeLedger(store)).toEqual(lines);
      await store.close();
    });

    it('the change log lists administrative changes newest first, filtered by entity, user and time', async () => {
      let store = await seeded(factory, orderTables());
      const engine = new Engine(store, () => T0);
      await workload(engine);
      const all = wholeChangeLog(store);
      expect(all.map((c) => [c.type, c.entityKind, c.entityId, c.userId])).toEqual([
        ['stock.adjusted', 'stock', ART.basket, 'hmc1'],
        ['article.upserted', 'article', ART.basket, 'admin'],
        ['prescribingRule.set', 'prescribingRule', 'slp', 'admin'],
        ['stock.minLevelSet', 'stock', ART.basket, 'admin'],
        ['stock.adjusted', 'stock', ART.basket, 'hmc1'],
        ['stock.adjusted', 'stock', ART.basket, 'hmc1'],
      ]);
      const upsert = all[1]!;
      expect(upsert.beforeKnown).toBe(true);
      expect(upsert.fields).toEqual([{ field: 'name', before: 'Korg till rollator', after: 'Korg ny' }]);
      expect(all[3]!.fields).toEqual([{ field: 'minLevel', before: 0, after: 40 }]);
      expect(all[3]!.context).toEqual({ warehouse: '10' });
      expect(all[0]!).toMatchObject({ context: { warehouse: '10', reason: 'inventory', note: 'n' } });
      expect(all[0]!.fields).toEqual([{ field: 'onHand', before: 22, after: 21 }]); // 20 + 5 received − 3 dispatched, then − 1
      expect(wholeChangeLog(store, { userId: 'admin' })).toEqual(all.slice(1, 4));
      expect(wholeChangeLog(store, { entityKind: 'article', entityId: ART.basket })).toEqual([upsert]);
      expect(wholeChangeLog(store, { entityKind: 'stock' })).toEqual(all.filter((c) => c.entityKind === 'stock'));
      expect(wholeChangeLog(store, { entityKind: 'stock', entityId: ART.basket, userId: 'admin' })).toEqual([all[3]]);
      const [newest, oldest] = [all[0]!.timeMs, all[5]!.timeMs];
      expect(wholeChangeLog(store, { fromMs: oldest + 1, toMs: newest })).toEqual(all.slice(1, 5));
      store = await factory.reopen(store);
      expect(wholeChangeLog(store)).toEqual(all);
      await store.close();
    });

    it('a failed commit leaves no index key, and appends after load() index again', async () => {
      const store = await seeded(factory, orderTables());
      const engine = new Engine(store, () => T0);
      const adjust = () =>
        engine.execute({
          type: 'stock.adjust',
          userId: 'hmc1',
          warehouse: '10',
          artNo: ART.basket,
          delta: 1,
          reason: 'received',
          note: '',
        });
      expect((await adjust()).ok).toBe(true);
      const before = [wholeLedger(store), wholeChangeLog(store)];
      failNextAppend(store);
      expect(await adjust()).toMatchObject({ ok: false, code: 'storage_unavailable' });
      expect([wholeLedger(store), wholeChangeLog(store)]).toEqual(before);
      engine.stop();
      const restarted = new Engine(store, () => T0 + 1);
      expect(
        (
          await restarted.execute({
            type: 'stock.adjust',
            userId: 'admin',
            warehouse: '10',
            artNo: ART.basket,
            delta: 2,
            reason: 'received',
            note: '',
          })
        ).ok,
      ).toBe(true);
      const after = wholeLedger(store);
      expect(after.length).toBe(before[0]!.length + 1);
      expect(after[0]).toMatchObject({ userId: 'admin', onHandDelta: 2, onHandAfter: 23 });
      await store.close();
    });

    it('a data dir journaled without the index gets it built once at open, with the same answers', async () => {
      let store = await seeded(factory, orderTables());
      if (store.kind !== 'lmdb') return void (await store.close()); // a memory store is never opened on old data
      await workload(new Engine(store, () => T0));
      const expected = [wholeLedger(store), wholeChangeLog(store), wholeLedger(store, '10')];
      dropJournalIndex(store);
      expect(wholeLedger(store)).toEqual([]);
      store = await factory.reopen(store);
      expect([wholeLedger(store), wholeChangeLog(store), wholeLedger(store, '10')]).toEqual(expected);
      await store.close();
    });
  });
}

/** Makes the store's next commit fail: a full disk for the memory store, a lost commit-chain race for LMDB. */
function failNextAppend(store: Store): void {
  if (store instanceof MemoryStore) {
    store.failWrites = new Error('disk full');
    const append = store.append.bind(store);
    store.append = (entries, rows) => {
      const result = append(entries, rows);
      store.failWrites = null;
      return result;
    };
    return;
  }
  // The append is conditional on the chain head being where this store left it: a wrong head writes nothing.
  (store as unknown as { chainHead: number }).chainHead = 987_654_321;
}

/** An LMDB data dir as written before the index existed: no keys, no marker. */
function dropJournalIndex(store: Store): void {
  const inner = store as unknown as {
    journalIndex: { db: { clearSync(): void } };
    meta: { removeSync(key: string): void };
  };
  inner.journalIndex.db.clearSync();
  inner.meta.removeSync(META_JOURNAL_INDEX);
}
