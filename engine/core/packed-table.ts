// A table held compactly: each row is kept as its MessagePack encoding in a one-byte string, not as a tree of objects.
// Ten years of a region are millions of orders, pickups, loans and persons; as objects they cost ~2 KB each, a heap of
// many GB that every young-generation GC has to cross and a start that spends a third of its time in GC (issue 16).
// A row string is a leaf (no pointers to trace) of ~15 % of that size. It implements Map, so decide, apply and the
// queries do not change shape: `get` decodes a fresh copy, `set` encodes. Rows are immutable values — the core
// replaces a row, never edits one in place (an in-place edit of a decoded copy would be lost, so tests show it).
import { Packr } from 'msgpackr';
import { assert } from './assert.ts';

/** A scratch buffer grows to the largest row decoded; rows are far smaller (an order with 50 lines is ~10 KB). */
const SCRATCH_BYTES_MIN = 64 * 1024;

/** Decodes a row the store handed over in its own encoding (the bytes it keeps on disk). */
export type StoredRowDecoder = (bytes: Uint8Array) => unknown;

export class PackedTable<K, V> implements Map<K, V> {
  /** Key → the row's encoding, one byte per character (latin1), in insertion order as a Map keeps it. */
  private readonly rows = new Map<K, string>();
  /**
   * Rows loaded as the store keeps them (loadStored): taken over without decoding and encoding again, which was
   * half of a restart. A row set later moves to `rows`. Iteration yields these first, then `rows`.
   */
  private readonly stored = new Map<K, string>();
  private storedDecoder: StoredRowDecoder | null = null;
  /**
   * Records (one key list per object shape, kept here) make a row about a third of self-describing MessagePack.
   * In memory only: the shapes are rebuilt from the decoded rows on every start.
   */
  private readonly packr = new Packr({ useRecords: true, structures: [], maxSharedStructures: 64 });
  private scratch = Buffer.allocUnsafe(SCRATCH_BYTES_MIN);
  readonly [Symbol.toStringTag] = 'PackedTable';

  constructor(entries?: Iterable<readonly [K, V]>) {
    if (entries !== undefined) for (const [key, value] of entries) this.set(key, value);
  }

  get size(): number {
    return this.stored.size + this.rows.size;
  }

  /** Takes over a row in the store's encoding (latin1 string of its bytes), to be decoded by `decoder` when read. */
  loadStored(decoder: StoredRowDecoder, key: K, row: string): void {
    assert(this.rows.size === 0, 'stored rows are loaded into a new table');
    this.storedDecoder = decoder;
    this.stored.set(key, row);
  }

  /** Bytes the rows' encodings take (for /metrics and the benchmark report). */
  encodedBytes(): number {
    let total = 0;
    for (const row of this.stored.values()) total += row.length;
    for (const row of this.rows.values()) total += row.length;
    return total;
  }

  get(key: K): V | undefined {
    const row = this.rows.get(key);
    if (row !== undefined) return this.decode(row);
    const stored = this.stored.get(key);
    return stored === undefined ? undefined : this.decodeStored(stored);
  }

  has(key: K): boolean {
    return this.rows.has(key) || this.stored.has(key);
  }

  set(key: K, value: V): this {
    this.stored.delete(key);
    this.rows.set(key, this.packr.pack(value).toString('latin1'));
    return this;
  }

  delete(key: K): boolean {
    const had = this.stored.delete(key);
    return this.rows.delete(key) || had;
  }

  clear(): void {
    this.stored.clear();
    this.rows.clear();
  }

  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  *keys(): MapIterator<K> {
    yield* this.stored.keys();
    yield* this.rows.keys();
  }

  *values(): MapIterator<V> {
    for (const row of this.stored.values()) yield this.decodeStored(row);
    for (const row of this.rows.values()) yield this.decode(row);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, row] of this.stored) yield [key, this.decodeStored(row)];
    for (const [key, row] of this.rows) yield [key, this.decode(row)];
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  private decode(row: string): V {
    return this.packr.unpack(this.bytesOf(row)) as V;
  }

  private decodeStored(row: string): V {
    return this.storedDecoder!(this.bytesOf(row)) as V;
  }

  /** The row's bytes in the scratch buffer (valid until the next decode; decoders copy what they keep). */
  private bytesOf(row: string): Buffer {
    if (row.length > this.scratch.length) this.scratch = Buffer.allocUnsafe(row.length * 2);
    const length = this.scratch.write(row, 0, 'latin1');
    return this.scratch.subarray(0, length);
  }
}
