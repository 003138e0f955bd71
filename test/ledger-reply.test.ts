// stock.ledger's hand-written msgpack encoder against msgpackr: the same reply decodes to the same value, for every
// kind of line (adjustment with reason and note, order and pickup references, unknown balances, å/ä/ö, long notes)
// and for a real page read from a store (a field added to a ledger line and not to the encoder fails here).
import { pack, unpack } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { LedgerReplyEncoder } from '../engine/io/ledger-reply.ts';
import { Engine } from '../engine/engine.ts';
import { TABLE_NAMES } from '../engine/core/state.ts';
import { MemoryStore } from '../engine/store/memory-store.ts';
import { type LedgerPage, ledgerPage } from '../engine/store/stock-ledger.ts';
import { ART, orderTables, place, T0 } from './helpers/order-fixture.ts';

const same = (id: number | string, page: LedgerPage) =>
  expect(unpack(new LedgerReplyEncoder().encode(id, page))).toEqual(unpack(pack({ id, ok: true, result: page })));

describe('stock.ledger reply encoder', () => {
  it('writes every kind of line as msgpackr does', () => {
    same(7, {
      artNo: '100001',
      next: '12.0',
      lines: [
        {
          seq: 12,
          timeMs: T0,
          warehouse: 'B101',
          cause: 'adjusted',
          reason: 'damaged',
          note: `Skadad vid leverans – ${'å'.repeat(300)}`,
          userId: 'hmc1',
          orderNo: null,
          pickupNo: 4,
          onHandDelta: -70_000,
          reservedDelta: 0,
          onHandAfter: null,
          reservedAfter: null,
        },
        {
          seq: 2 ** 40,
          timeMs: 0,
          warehouse: '10',
          cause: 'reserved',
          reason: null,
          note: '',
          userId: 'ot1',
          orderNo: 1_000_001,
          pickupNo: null,
          onHandDelta: 0,
          reservedDelta: 3,
          onHandAfter: 4_000_000_000,
          reservedAfter: 2,
        },
      ],
    });
    same('req-1', { artNo: '100001', lines: [], next: null });
  });

  it('writes a real page from a store as msgpackr does', async () => {
    const store = new MemoryStore();
    const tables = orderTables();
    for (const name of TABLE_NAMES) {
      const rows = [...(tables[name] as Map<string | number, unknown>)].map(([key, value]) => ({
        table: name,
        key,
        value,
      }));
      await store.bulkLoad(name, rows);
    }
    const engine = new Engine(store, () => T0);
    const adjust = {
      type: 'stock.adjust',
      userId: 'hmc1',
      warehouse: '10',
      artNo: ART.basket,
      reason: 'received',
      note: 'ny',
    } as const;
    expect((await engine.execute({ ...adjust, delta: 2 })).ok).toBe(true);
    expect((await engine.execute(place({ lines: [{ artNo: ART.basket, quantity: 1 }] }))).ok).toBe(true);
    const page = ledgerPage(store.journalIndex, { artNo: ART.basket, limit: 1 });
    expect(page.next).not.toBeNull();
    same(1, page);
    same(2, ledgerPage(store.journalIndex, { artNo: ART.basket, limit: 10 }));
  });
});
