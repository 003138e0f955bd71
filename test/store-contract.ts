// One store contract, run against every Store implementation (memory and LMDB), as lmdb-js runs one suite under many option sets.
import { describe, expect, it } from 'vitest';
import { AssertionError } from '../engine/core/assert.ts';
import { TABLE_NAMES, type Tables } from '../engine/core/state.ts';
import { Engine } from '../engine/engine.ts';
import type { JournalEntry } from '../schemas/events.ts';
import type { Store } from '../engine/store/store.ts';
import { dumpTables, fixtureTables } from './helpers/fixture.ts';
import { ART, orderTables, place, T0 } from './helpers/order-fixture.ts';
import type { StoreFactory } from './helpers/store-factory.ts';
// Issue 14: the journal index (stock ledger, change log).
import { journalIndexContract } from './journal-index-contract.ts';

// The factory type lives in a leaf (the journal index's contract uses it too, without importing this file).
export type { StoreFactory } from './helpers/store-factory.ts';

const entry = (seq: number, onHandAfter: number): JournalEntry => ({
  seq,
  timeMs: 1_700_000_000_000 + seq,
  events: [
    {
      type: 'stock.adjusted',
      userId: 'hmc1',
      warehouse: '10',
      artNo: '100001',
      delta: 1,
      reason: 'received',
      note: '',
      onHandAfter,
      individuals: [],
    },
  ],
});

async function seeded(factory: StoreFactory, tables: Tables = fixtureTables()): Promise<Store> {
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

export function storeContract(name: string, factory: StoreFactory): void {
  journalIndexContract(name, factory);
  describe(`store contract: ${name}`, () => {
    it('starts empty', async () => {
      const store = factory.create();
      expect(store.isEmpty()).toBe(true);
      const loaded = store.load();
      expect(loaded.seq).toBe(0);
      for (const table of TABLE_NAMES) expect(loaded.tables[table].size).toBe(0);
      await store.close();
    });

    it('bulk-loaded tables load back equal, also after reopening', async () => {
      let store = await seeded(factory);
      expect(store.isEmpty()).toBe(false);
      const expected = dumpTables({ ...fixtureTables(), seq: 0 });
      expect(dumpTables({ ...store.load().tables, seq: store.load().seq })).toBe(expected);
      store = await factory.reopen(store);
      expect(dumpTables({ ...store.load().tables, seq: store.load().seq })).toBe(expected);
      await store.close();
    });

    it('append writes journal and rows together; both survive reopening', async () => {
      let store = await seeded(factory);
      await store.append(
        [entry(1, 6)],
        [{ table: 'stock', key: '10:100001', value: { warehouse: '10', artNo: '100001', onHand: 6, reserved: 0 } }],
      );
      await store.append(
        [entry(2, 7)],
        [{ table: 'stock', key: '10:100001', value: { warehouse: '10', artNo: '100001', onHand: 7, reserved: 0 } }],
      );
      store = await factory.reopen(store);
      const loaded = store.load();
      expect(loaded.seq).toBe(2);
      expect(loaded.tables.stock.get('10:100001')!.onHand).toBe(7);
      expect([...store.journal(1)].map((e) => e.seq)).toEqual([1, 2]);
      expect([...store.journal(2)]).toEqual([entry(2, 7)]);
      expect(store.stats().journalEntries).toBe(2);
      await store.close();
    });

    it('many appends in one event-loop turn all become durable', async () => {
      let store = await seeded(factory);
      const writes = Array.from({ length: 500 }, (_, i) =>
        store.append(
          [entry(i + 1, 6 + i)],
          [
            {
              table: 'stock',
              key: '10:100001',
              value: { warehouse: '10', artNo: '100001', onHand: 6 + i, reserved: 0 },
            },
          ],
        ),
      );
      await Promise.all(writes);
      store = await factory.reopen(store);
      expect(store.load().seq).toBe(500);
      expect(store.load().tables.stock.get('10:100001')!.onHand).toBe(505);
      await store.close();
    });

    it('refuses a journal entry that does not move forward (broken invariant)', async () => {
      const store = await seeded(factory);
      await store.append([entry(1, 6)], []);
      expect(() => store.append([entry(1, 6)], [])).toThrow(AssertionError);
      await store.close();
    });

    it('keeps the audit trail of look-ups', async () => {
      let store = await seeded(factory);
      const look = (timeMs: number, pnr: string) => ({
        timeMs,
        userId: 'ot1',
        userName: 'Anna Bergström',
        workplaceId: 'w1',
        workplaceName: 'Rehab',
        pnr,
        action: 'patient.get',
        shown: { kind: 'person' as const, no: null },
      });
      const logged = store.accessLog.append([look(1, '194001011234'), look(2, '195002022345')]);
      await Promise.all([logged, store.append([entry(1, 6)], [])]);
      store = await factory.reopen(store);
      const ids = store.accessLog.idsInPeriod(0, 10);
      expect(ids.map((id) => store.accessLog.get(id)!.pnr)).toEqual(['194001011234', '195002022345']);
      await store.close();
    });

    it('keeps uploaded files (attachments) byte for byte, also after reopening', async () => {
      let store = await seeded(factory);
      const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) & 0xff);
      await store.putBlob('a1', {
        ownerId: 'ot1',
        name: 'Blankett förskrivning.pdf',
        contentType: 'application/pdf',
        timeMs: 5,
        bytes,
      });
      store = await factory.reopen(store);
      const blob = store.getBlob('a1')!;
      expect(blob).toMatchObject({
        ownerId: 'ot1',
        name: 'Blankett förskrivning.pdf',
        contentType: 'application/pdf',
        timeMs: 5,
      });
      expect(blob.bytes).toEqual(bytes);
      expect(store.getBlob('nope')).toBeUndefined();
      await store.close();
    });

    it('an engine restarted on the store rebuilds exactly the same state', async () => {
      let store = await seeded(factory);
      const clock = () => 1_700_000_000_000;
      const engine = new Engine(store, clock);
      const outcomes = await Promise.all([
        engine.execute({
          type: 'stock.adjust',
          userId: 'hmc1',
          warehouse: '10',
          artNo: '100001',
          delta: 4,
          reason: 'received',
          note: 'leverans',
        }),
        engine.execute({
          type: 'stock.adjust',
          userId: 'hmc1',
          warehouse: 'B101',
          artNo: '100001',
          delta: 2,
          reason: 'inventory',
          note: '',
        }),
        engine.execute({
          type: 'stock.adjust',
          userId: 'hmc1',
          warehouse: '10',
          artNo: '100001',
          delta: -100,
          reason: 'damaged',
          note: '',
        }),
        engine.execute({
          type: 'article.upsert',
          userId: 'admin',
          article: { ...engine.state.articles.get('100004')!, name: 'Rullstol Cross 6 ny' },
        }),
      ]);
      expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, true]);
      const before = dumpTables(engine.state);
      store = await factory.reopen(store);
      const restarted = new Engine(store, clock);
      expect(dumpTables(restarted.state)).toBe(before);
      expect(restarted.state.articlesByIso.get('12 22 03')).toEqual(engine.state.articlesByIso.get('12 22 03'));
      await store.close();
    });

    it('orders, their reservations, queues, individuals and messages survive a restart exactly', async () => {
      let store = await seeded(factory, orderTables());
      const engine = new Engine(store, () => T0);
      const placed = await engine.execute(
        place({
          idempotencyKey: 'restart-1',
          lines: [
            { artNo: ART.rollator, quantity: 2 },
            { artNo: ART.bed, quantity: 1 },
          ],
        }),
      );
      const orderNo = placed.ok && placed.events[0].type === 'order.placed' ? placed.events[0].order.orderNo : -1;
      const outcomes = await Promise.all([
        engine.execute(place({ idempotencyKey: 'restart-2', lines: [{ artNo: ART.outgoing, quantity: 1 }] })),
        engine.execute({ type: 'fulfil.step', userId: 'hmc1', step: 'pick', orderNo, lineNos: null }),
        engine.execute({ type: 'fulfil.step', userId: 'hmc1', step: 'dispatch', orderNo, lineNos: [1] }),
        engine.execute({ type: 'order.setDeliveryDate', userId: 'hmc1', orderNo, date: '2026-12-04', note: '' }),
        engine.execute({ type: 'prescribingRule.set', userId: 'admin', profession: 'slp', isoPrefixes: ['22', '12'] }),
      ]);
      expect([placed.ok, ...outcomes.map((o) => o.ok)]).toEqual([true, true, true, true, true, true]);
      const before = dumpTables(engine.state);
      store = await factory.reopen(store);
      const restarted = new Engine(store, () => T0);
      expect(dumpTables(restarted.state)).toBe(before);
      expect(restarted.state.orderIndex).toEqual(engine.state.orderIndex);
      expect(restarted.state.individuals.get(70001)!.location).toEqual({ kind: 'transit', orderNo });
      await store.close();
    });
    // Care-provider boundaries (issue 13): consents and emergency accesses are a table of their own.
    it('consents and emergency accesses survive a restart with their index', async () => {
      let store = await seeded(factory, orderTables());
      const engine = new Engine(store, () => T0);
      const outcomes = await Promise.all([
        engine.execute({ type: 'patient.recordConsent', userId: 'ot1', workplaceId: 'w1', pnr: '19400101-1230' }),
        engine.execute({
          type: 'patient.emergencyAccess',
          userId: 'ot1',
          workplaceId: 'w1',
          pnr: '19420202-1236',
          reason: 'Akut situation',
        }),
      ]);
      expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
      const before = dumpTables(engine.state);
      store = await factory.reopen(store);
      const restarted = new Engine(store, () => T0);
      expect(dumpTables(restarted.state)).toBe(before);
      expect(restarted.state.patientAccess.size).toBe(2);
      expect(restarted.state.accessIndex).toEqual(engine.state.accessIndex);
      await store.close();
    });
    // Issue 14, HMC oversight: named settings are a table of their own.
    it('settings an admin set survive a restart', async () => {
      let store = await seeded(factory, orderTables());
      const engine = new Engine(store, () => T0);
      const key = 'oversight.pickupOpenWorkingDays';
      const outcome = await engine.execute({ type: 'setting.set', userId: 'admin', key, value: 9 });
      expect(outcome.ok).toBe(true);
      const before = dumpTables(engine.state);
      store = await factory.reopen(store);
      const restarted = new Engine(store, () => T0);
      expect(dumpTables(restarted.state)).toBe(before);
      expect(restarted.state.settings.get(key)).toEqual({ key, value: 9, userId: 'admin', timeMs: T0 });
      await store.close();
    });
    // Issue 15, desk: notes and deviation reports are tables of their own, with their indexes rebuilt on load.
    it('notes and deviation reports survive a restart with their indexes', async () => {
      let store = await seeded(factory, orderTables());
      const engine = new Engine(store, () => T0);
      const note = await engine.execute({
        type: 'note.create',
        userId: 'ot1',
        text: 'Ring Anna',
        pnr: '19400101-1230',
      });
      const deviation = await engine.execute({
        type: 'deviation.create',
        userId: 'ot1',
        category: 'risk',
        text: 'Vass kant',
        indNo: 56314,
        source: { kind: 'individual', ref: 56314 },
        attachments: [],
      });
      expect([note.ok, deviation.ok]).toEqual([true, true]);
      const status = { type: 'deviation.setStatus', userId: 'hmc1', deviationNo: 1, status: 'investigating' } as const;
      expect((await engine.execute(status)).ok).toBe(true);
      const before = dumpTables(engine.state);
      store = await factory.reopen(store);
      const restarted = new Engine(store, () => T0);
      expect(dumpTables(restarted.state)).toBe(before);
      expect(restarted.state.noteIndex).toEqual(engine.state.noteIndex);
      expect(restarted.state.deviationIndex).toEqual(engine.state.deviationIndex);
      expect(restarted.state.deviations.get(1)!.status).toBe('investigating');
      await store.close();
    });
    // Issue 15, loans: loans are a table of their own; their indexes are rebuilt on load.
    it('loans opened by a delivery and reminded survive a restart with their indexes', async () => {
      let store = await seeded(factory, orderTables());
      const engine = new Engine(store, () => T0);
      const placed = await engine.execute(
        place({ lines: [{ artNo: ART.rollator, quantity: 1, loan: { type: 'shortTerm', dueDate: '2026-11-30' } }] }),
      );
      expect(placed.ok).toBe(true);
      const orderNo = engine.state.orderIndex.all.at(-1)!;
      for (const step of ['pick', 'dispatch', 'deliver'] as const)
        expect((await engine.execute({ type: 'fulfil.step', userId: 'hmc1', step, orderNo, lineNos: null })).ok).toBe(
          true,
        );
      expect((await engine.execute({ type: 'loan.sweep' })).ok).toBe(true);
      const before = dumpTables(engine.state);
      store = await factory.reopen(store);
      const restarted = new Engine(store, () => T0);
      expect(dumpTables(restarted.state)).toBe(before);
      expect(restarted.state.loans.size).toBe(1);
      expect(restarted.state.loanIndex).toEqual(engine.state.loanIndex);
      expect((await restarted.execute({ type: 'loan.sweep' })).ok).toBe(false); // the reminder went out once
      await store.close();
    });
    // Issue 15, recalls: recalls and progress rows (string keys) survive a restart, with the index rebuilt.
    it('a recall, its progress and its close survive a restart', async () => {
      let store = await seeded(factory, orderTables());
      const engine = new Engine(store, () => T0);
      const created = await engine.execute({ type: 'recall.create', userId: 'hmc1', artNo: '100001', notice: 'n' });
      expect(created.ok).toBe(true);
      const entries = [{ holderKey: 'i:70001', progress: 'returned' as const }];
      expect((await engine.execute({ type: 'recall.setProgress', userId: 'hmc1', recallNo: 1, entries })).ok).toBe(
        true,
      );
      const before = dumpTables(engine.state);
      store = await factory.reopen(store);
      const restarted = new Engine(store, () => T0);
      expect(dumpTables(restarted.state)).toBe(before);
      expect(restarted.state.recallIndex).toEqual(engine.state.recallIndex);
      expect(restarted.state.recallProgress.get('1/i:70001')?.progress).toBe('returned');
      await store.close();
    });
    // Issue 15, returns: de-registrations and returned units are tables; the sale holdings are rebuilt from them.
    it('returns and returned units survive a restart, with the sale holdings rebuilt alike', async () => {
      let store = await seeded(factory, orderTables());
      const engine = new Engine(store, () => T0);
      const placed = await engine.execute(place({ lines: [{ artNo: ART.basket, quantity: 3 }] }));
      expect(placed.ok).toBe(true);
      const orderNo = engine.state.orderIndex.nextOrderNo - 1;
      for (const step of ['pick', 'dispatch', 'deliver'] as const) {
        const moved = await engine.execute({ type: 'fulfil.step', userId: 'hmc1', step, orderNo, lineNos: null });
        expect(moved.ok).toBe(true);
      }
      const pnr = '194001011230';
      const lines = [{ artNo: ART.basket, quantity: 1 }];
      const common = { type: 'return.register', userId: 'ot1', workplaceId: 'w1', pnr, lines } as const;
      const outcomes = [
        await engine.execute({ ...common, disposition: 'keep' }),
        await engine.execute({ ...common, disposition: 'sendBack' }),
        await engine.execute({ type: 'return.receive', userId: 'hmc1', returnNo: 2, outcome: 'stock' }),
        await engine.execute({
          type: 'stock.adjust',
          userId: 'hmc1',
          warehouse: '10',
          artNo: ART.rollator,
          delta: 1,
          reason: 'returned',
          note: '',
          individuals: [56314],
        }),
      ];
      expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true]);
      const before = dumpTables(engine.state);
      store = await factory.reopen(store);
      const restarted = new Engine(store, () => T0);
      expect(dumpTables(restarted.state)).toBe(before);
      expect(restarted.state.returns.size).toBe(2);
      expect(restarted.state.returnedUnits.size).toBe(1);
      expect(restarted.state.returnIndex).toEqual(engine.state.returnIndex);
      await store.close();
    });
  });
}
