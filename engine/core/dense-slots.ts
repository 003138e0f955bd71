// Key → slot for a packed table keyed by row numbers (orders, pickups, loans, units…): a typed array indexed by the
// number instead of a Map. Ten years of the largest region are ~28 M such rows; as Map entries they were ~0.8 GB of
// V8 heap that every major GC scanned (issue 16). Numbers outside the dense range (none the core hands out) go to a
// small Map, so any key still works. Iterates in ascending key order — the order a restart loads rows in anyway.
const DENSE_KEY_MAX = 64 * 1024 * 1024;
const ABSENT = -1;
const LENGTH_MIN = 1024;

/** What a packed table needs of its key index (a Map<K, number> has it too). */
export interface SlotIndex<K> {
  readonly size: number;
  get(key: K): number | undefined;
  has(key: K): boolean;
  set(key: K, slot: number): unknown;
  delete(key: K): boolean;
  clear(): void;
  keys(): IterableIterator<K>;
  values(): IterableIterator<number>;
  [Symbol.iterator](): IterableIterator<[K, number]>;
}

function isDense(key: number): boolean {
  return Number.isInteger(key) && key >= 0 && key < DENSE_KEY_MAX;
}

export class DenseSlots implements SlotIndex<number> {
  private slots = new Int32Array(LENGTH_MIN).fill(ABSENT);
  private readonly sparse = new Map<number, number>();
  private denseCount = 0;

  get size(): number {
    return this.denseCount + this.sparse.size;
  }

  get(key: number): number | undefined {
    if (!isDense(key)) return this.sparse.get(key);
    const slot = key < this.slots.length ? this.slots[key] : ABSENT;
    return slot === ABSENT ? undefined : slot;
  }

  has(key: number): boolean {
    return this.get(key) !== undefined;
  }

  set(key: number, slot: number): this {
    if (!isDense(key)) {
      this.sparse.set(key, slot);
      return this;
    }
    if (key >= this.slots.length) {
      const grown = new Int32Array(Math.max(key + 1, this.slots.length * 2)).fill(ABSENT);
      grown.set(this.slots);
      this.slots = grown;
    }
    if (this.slots[key] === ABSENT) this.denseCount++;
    this.slots[key] = slot;
    return this;
  }

  delete(key: number): boolean {
    if (!isDense(key)) return this.sparse.delete(key);
    if (key >= this.slots.length || this.slots[key] === ABSENT) return false;
    this.slots[key] = ABSENT;
    this.denseCount--;
    return true;
  }

  clear(): void {
    this.slots = new Int32Array(LENGTH_MIN).fill(ABSENT);
    this.sparse.clear();
    this.denseCount = 0;
  }

  *keys(): IterableIterator<number> {
    for (const [key] of this) yield key;
  }

  *values(): IterableIterator<number> {
    for (const [, slot] of this) yield slot;
  }

  *[Symbol.iterator](): IterableIterator<[number, number]> {
    const slots = this.slots;
    for (let key = 0; key < slots.length; key++) if (slots[key] !== ABSENT) yield [key, slots[key]];
    yield* this.sparse;
  }
}
