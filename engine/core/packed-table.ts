// A table held compactly: each row is kept as its MessagePack encoding in large byte chunks, not as a tree of objects.
// Ten years of a region are millions of orders, pickups, loans and persons; as objects they cost ~2 KB each, a heap of
// many GB that every GC has to cross and a start that spent a third of its time in GC (issue 16). Here a row is a few
// hundred bytes in an 8 MiB chunk and a slot number in a Map: nothing per row for the GC to mark. It implements Map,
// so decide, apply and the queries do not change shape: `get` decodes a fresh copy, `set` encodes. Rows are immutable
// values — the core replaces a row, never edits one in place (an in-place edit of a decoded copy would be lost, so
// tests show it).
import { Packr } from 'msgpackr';
import { assert } from './assert.ts';
import type { SlotIndex } from './dense-slots.ts';

/** Decodes a row the store handed over in its own encoding (the bytes it keeps on disk). */
export type StoredRowDecoder = (bytes: Uint8Array) => unknown;

const CHUNK_BYTES = 8 * 1024 * 1024;
const SLOTS_MIN = 1024;
/** A full chunk whose live rows fall under this share is emptied into the newest chunk (its garbage goes). */
const CHUNK_LIVE_SHARE_MIN = 0.25;
/** How a slot's bytes are decoded: by the table's own records, or by the store's decoder (rows loaded at start). */
const OWN = 0;
const STORED = 1;

export class PackedTable<K, V> implements Map<K, V> {
  /**
   * Key → slot: a Map (insertion order; set on a present key keeps its place), or for row numbers DenseSlots
   * (ascending key order).
   */
  private readonly slotOf: SlotIndex<K>;
  /**
   * Records (one key list per object shape, kept here) make a row about a third of self-describing MessagePack.
   * In memory only: the shapes are rebuilt from the decoded rows on every start.
   */
  private readonly packr = new Packr({ useRecords: true, structures: [], maxSharedStructures: 64 });
  private storedDecoder: StoredRowDecoder | null = null;
  private readonly chunks: Uint8Array[] = [];
  /** Live bytes per chunk (rows not yet replaced or deleted). */
  private readonly chunkLive: number[] = [];
  /** Bytes used of the newest chunk, where rows are appended. */
  private tailUsed = 0;
  // Per slot: chunk, offset, length, codec. Freed slots are reused.
  private slotChunk = new Uint32Array(SLOTS_MIN);
  private slotOffset = new Uint32Array(SLOTS_MIN);
  private slotLength = new Uint32Array(SLOTS_MIN);
  private slotCodec = new Uint8Array(SLOTS_MIN);
  private slotsUsed = 0;
  private readonly freeSlots: number[] = [];
  readonly [Symbol.toStringTag] = 'PackedTable';

  constructor(entries?: Iterable<readonly [K, V]>, slots: SlotIndex<K> = new Map<K, number>()) {
    this.slotOf = slots;
    if (entries !== undefined) for (const [key, value] of entries) this.set(key, value);
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** Bytes the rows' encodings take, garbage not counted (for the benchmark report). */
  encodedBytes(): number {
    return this.chunkLive.reduce((sum, live) => sum + live, 0);
  }

  /** Bytes the chunks hold, garbage included. */
  chunkBytes(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  }

  /** Rows loaded at start come in the store's encoding, decoded by `decoder` when read; the table must be empty. */
  beginStored(decoder: StoredRowDecoder): void {
    assert(this.slotOf.size === 0, 'stored rows are loaded into a new table');
    this.storedDecoder = decoder;
  }

  /** Copies one stored row's bytes in (the store's read buffer is reused); returns the slot to bind to its key. */
  appendStored(bytes: Uint8Array, length: number): number {
    assert(this.storedDecoder !== null, 'beginStored came first');
    return this.store(bytes.subarray(0, length), STORED);
  }

  bindStored(key: K, slot: number): void {
    assert(!this.slotOf.has(key), 'each stored key once');
    this.slotOf.set(key, slot);
  }

  get(key: K): V | undefined {
    const slot = this.slotOf.get(key);
    return slot === undefined ? undefined : this.decode(slot);
  }

  has(key: K): boolean {
    return this.slotOf.has(key);
  }

  set(key: K, value: V): this {
    const before = this.slotOf.get(key);
    // Encode first: pack's buffer is reused by the next pack, so it is copied into a chunk at once.
    const slot = this.store(this.packr.pack(value), OWN);
    this.slotOf.set(key, slot);
    if (before !== undefined) this.release(before);
    return this;
  }

  delete(key: K): boolean {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return false;
    this.slotOf.delete(key);
    this.release(slot);
    return true;
  }

  clear(): void {
    this.slotOf.clear();
    this.chunks.length = 0;
    this.chunkLive.length = 0;
    this.tailUsed = 0;
    this.slotsUsed = 0;
    this.freeSlots.length = 0;
  }

  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  *keys(): MapIterator<K> {
    yield* this.slotOf.keys();
  }

  *values(): MapIterator<V> {
    for (const slot of this.slotOf.values()) yield this.decode(slot);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, slot] of this.slotOf) yield [key, this.decode(slot)];
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  private decode(slot: number): V {
    const chunk = this.chunks[this.slotChunk[slot]];
    const offset = this.slotOffset[slot];
    const bytes = chunk.subarray(offset, offset + this.slotLength[slot]);
    return (this.slotCodec[slot] === OWN ? this.packr.unpack(bytes) : this.storedDecoder!(bytes)) as V;
  }

  /** Appends the bytes to the newest chunk (a new one when full) under a free slot. */
  private store(bytes: Uint8Array, codec: number): number {
    const length = bytes.length;
    if (this.chunks.length === 0 || this.tailUsed + length > this.chunks[this.chunks.length - 1].length) {
      this.chunks.push(new Uint8Array(Math.max(CHUNK_BYTES, length)));
      this.chunkLive.push(0);
      this.tailUsed = 0;
    }
    const chunkNo = this.chunks.length - 1;
    this.chunks[chunkNo].set(bytes, this.tailUsed);
    const slot = this.freeSlots.pop() ?? this.newSlot();
    this.slotChunk[slot] = chunkNo;
    this.slotOffset[slot] = this.tailUsed;
    this.slotLength[slot] = length;
    this.slotCodec[slot] = codec;
    this.tailUsed += length;
    this.chunkLive[chunkNo] += length;
    return slot;
  }

  private newSlot(): number {
    if (this.slotsUsed === this.slotChunk.length) {
      const grow = <T extends Uint32Array | Uint8Array>(from: T, make: (n: number) => T): T => {
        const to = make(from.length * 2);
        to.set(from);
        return to;
      };
      this.slotChunk = grow(this.slotChunk, (n) => new Uint32Array(n));
      this.slotOffset = grow(this.slotOffset, (n) => new Uint32Array(n));
      this.slotLength = grow(this.slotLength, (n) => new Uint32Array(n));
      this.slotCodec = grow(this.slotCodec, (n) => new Uint8Array(n));
    }
    return this.slotsUsed++;
  }

  /** A replaced or deleted row's slot is freed; a mostly empty full chunk is emptied into the newest one. */
  private release(slot: number): void {
    const chunkNo = this.slotChunk[slot];
    this.chunkLive[chunkNo] -= this.slotLength[slot];
    this.slotLength[slot] = 0;
    this.freeSlots.push(slot);
    const chunk = this.chunks[chunkNo];
    const isTail = chunkNo === this.chunks.length - 1;
    if (!isTail && chunk.length > 0 && this.chunkLive[chunkNo] < chunk.length * CHUNK_LIVE_SHARE_MIN)
      this.evacuate(chunkNo);
  }

  /**
   * Moves a chunk's live rows to the newest chunk and drops its bytes. Finding them scans the slot columns (a few ms
   * at millions of rows), once per chunk's worth of replaced rows (~20 000 order updates).
   */
  private evacuate(chunkNo: number): void {
    const from = this.chunks[chunkNo];
    this.chunks[chunkNo] = new Uint8Array(0);
    for (const slot of this.slotOf.values()) {
      if (this.slotChunk[slot] !== chunkNo) continue;
      const offset = this.slotOffset[slot];
      const length = this.slotLength[slot];
      const moved = this.store(from.subarray(offset, offset + length), this.slotCodec[slot]);
      // Keep the slot number (keys point at it): take over the moved copy's place and free the temporary slot.
      this.slotChunk[slot] = this.slotChunk[moved];
      this.slotOffset[slot] = this.slotOffset[moved];
      this.slotLength[moved] = 0;
      this.freeSlots.push(moved);
    }
    this.chunkLive[chunkNo] = 0;
  }
}
