// PackedTable is a Map whose rows are held as encoded bytes: it must behave as a Map (get, set, has, delete, size,
// iteration), hand out copies (a row is a value), and read rows a store handed over in the store's own encoding.
import { Packr } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { PackedTable } from '../engine/core/packed-table.ts';
import { DenseSlots } from '../engine/core/dense-slots.ts';
import { copyTables, emptyTables } from '../engine/core/state.ts';

interface Row {
  no: number;
  name: string;
  lines: { artNo: string; quantity: number; note: string | null }[];
}

const row = (no: number): Row => ({
  no,
  name: `Rad ${no} åäö`,
  lines: [{ artNo: `A${no}`, quantity: no, note: null }],
});

describe('PackedTable', () => {
  it('given rows set, then get, has, size and iteration behave as a Map in insertion order', () => {
    const table = new PackedTable<number, Row>();
    const map = new Map<number, Row>();
    for (const no of [3, 1, 2]) {
      table.set(no, row(no));
      map.set(no, row(no));
    }
    table.set(1, { ...row(1), name: 'ändrad' });
    map.set(1, { ...row(1), name: 'ändrad' });
    expect(table.delete(2)).toBe(true);
    expect(table.delete(2)).toBe(false);
    map.delete(2);
    expect(table.size).toBe(2);
    expect(table.has(3) && !table.has(2)).toBe(true);
    expect([...table]).toEqual([...map]);
    expect([...table.keys()]).toEqual([3, 1]);
    expect([...table.values()].map((r) => r.name)).toEqual(['Rad 3 åäö', 'ändrad']);
    const seen: number[] = [];
    table.forEach((value, key) => {
      seen.push(key + value.no);
    });
    expect(seen).toEqual([6, 2]);
    expect(table.get(99)).toBeUndefined();
  });

  it('given a row read and edited in place, then the table still holds the row as set (rows are values)', () => {
    const table = new PackedTable<number, Row>([[1, row(1)]]);
    const copy = table.get(1)!;
    copy.lines[0].quantity = 99;
    expect(table.get(1)!.lines[0].quantity).toBe(1);
    expect(table.get(1)).not.toBe(table.get(1));
  });

  it('given rows in a store encoding, then they read through its decoder until set again, and count once', () => {
    const store = new Packr({ useRecords: true, structures: [] });
    const decode = (bytes: Uint8Array) => store.unpack(bytes);
    const table = new PackedTable<number, Row>();
    table.beginStored(decode);
    for (const no of [1, 2]) {
      const bytes = Buffer.concat([store.pack(row(no)), Buffer.from([0xff, 0xff])]); // a read buffer is longer
      table.bindStored(no, table.appendStored(bytes, bytes.length - 2));
    }
    expect(table.size).toBe(2);
    expect(table.get(2)).toEqual(row(2));
    table.set(2, { ...row(2), name: 'ny' });
    expect(table.size).toBe(2);
    expect([...table.values()].map((r) => r.name)).toEqual(['Rad 1 åäö', 'ny']);
    expect(table.delete(1)).toBe(true);
    expect([...table.keys()]).toEqual([2]);
  });

  it('given rows replaced and deleted over many chunks, then every row reads as last set and garbage is reclaimed', () => {
    const table = new PackedTable<number, { no: number; round: number; text: string }>();
    const last = new Map<number, number>();
    const text = 'x'.repeat(1_000);
    for (let round = 0; round < 12; round++)
      for (let no = 0; no < 5_000; no++) {
        if ((no + round) % 7 === 0) {
          table.delete(no);
          last.delete(no);
          continue;
        }
        table.set(no, { no, round, text });
        last.set(no, round);
      }
    expect(table.size).toBe(last.size);
    for (const [no, round] of last) expect(table.get(no)).toEqual({ no, round, text });
    expect([...table.keys()].sort((a, b) => a - b)).toEqual([...last.keys()].sort((a, b) => a - b));
    // ~60 MB were written; what the chunks hold stays within a small multiple of the live rows.
    expect(table.chunkBytes()).toBeLessThan(table.encodedBytes() * 4 + 2 * 8 * 1024 * 1024);
  });

  it('given a row larger than a chunk, then it round-trips', () => {
    const table = new PackedTable<string, { text: string }>();
    table.set('big', { text: `${'x'.repeat(9_000_000)}😀` });
    expect(table.get('big')!.text.length).toBe(9_000_002);
  });

  it('given tables copied, then the copy keeps the compact form and shares no row', () => {
    const tables = emptyTables();
    tables.orders.set(1_000_001, { orderNo: 1_000_001 } as never);
    const copy = copyTables(tables);
    expect(copy.orders).toBeInstanceOf(PackedTable);
    expect(copy.orders.get(1_000_001)).toEqual({ orderNo: 1_000_001 });
    tables.orders.delete(1_000_001);
    expect(copy.orders.size).toBe(1);
  });
});

describe('DenseSlots', () => {
  it('given random sets and deletes, including keys outside the dense range, then it agrees with a Map (keys ascending)', () => {
    const dense = new DenseSlots();
    const map = new Map<number, number>();
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const keys = [-5, 1.5, 2 ** 40, 0, 1, 1023, 1024, 5_000];
    for (let i = 0; i < 20_000; i++) {
      const key = i % 10 === 0 ? keys[next() % keys.length] : next() % 50_000;
      if (next() % 4 === 0) expect(dense.delete(key)).toBe(map.delete(key));
      else {
        dense.set(key, i);
        map.set(key, i);
      }
    }
    expect(dense.size).toBe(map.size);
    for (const [key, slot] of map) expect(dense.get(key)).toBe(slot);
    const denseRows = [...dense].filter(([k]) => Number.isInteger(k) && k >= 0 && k < 2 ** 26);
    expect(denseRows.map(([k]) => k)).toEqual([...denseRows.map(([k]) => k)].sort((a, b) => a - b));
    expect(new Map(dense)).toEqual(map);
    expect(dense.has(123_456)).toBe(map.has(123_456));
  });
});
