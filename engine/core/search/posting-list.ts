// Growable sorted posting list: ascending integer ids with one flag byte each, in typed arrays.

import { FLAG_DERIVED, FLAG_WHOLE } from './constants.ts';

const INITIAL_CAPACITY = 4;
/** Flags are one byte. */
const FLAG_SPAN = 256;
/**
 * Name lists this long also keep one bitset per flag bit (whole word, compound head) over doc ids:
 * flagOf is then two bit tests instead of a binary search through a list that does not fit in cache.
 * A bitset costs docs/8 bytes; lists this long are few (a few hundred words at 100 000 articles).
 */
export const BITSET_LIST_MIN = 2048;
/** Doc id → bitset word (id >>> WORD_SHIFT) and bit (id & WORD_MASK). */
const WORD_SHIFT = 5;
const WORD_MASK = 31;

/** Pair id → entries per class code (status | in-stock bit); only on long name lists (see list-pairs.ts). */
export type ListPairs = Map<number, Int32Array>;

export class PostingList {
  ids: Int32Array = new Int32Array(INITIAL_CAPACITY);
  flags: Uint8Array = new Uint8Array(INITIAL_CAPACITY);
  length = 0;
  pairs: ListPairs | null = null;
  /** Per doc id, bit set when the entry's flag has FLAG_WHOLE (1), resp. FLAG_DERIVED (2); see BITSET_LIST_MIN. */
  private whole: Int32Array | null = null;
  private derived: Int32Array | null = null;

  /** bitsetMin: a name list (flags are never 0) keeps bitsets from this length; Infinity for other lists. */
  constructor(private readonly bitsetMin = Infinity) {}

  /** Add id with flag bits, OR-ing into an existing entry. Appending (ids in build order) is O(1). */
  add(id: number, flag: number): void {
    const n = this.length;
    if (this.whole !== null) this.setBits(id, flag);
    else if (n + 1 >= this.bitsetMin) this.needBits = true;
    if (n === 0 || this.ids[n - 1]! < id) {
      this.grow(n + 1);
      this.ids[n] = id;
      this.flags[n] = flag;
      this.length = n + 1;
      this.buildBitsIfNeeded();
      return;
    }
    const at = this.lowerBound(id);
    if (this.ids[at] === id) {
      this.flags[at] = this.flags[at]! | flag;
      this.buildBitsIfNeeded();
      return;
    }
    this.grow(n + 1);
    this.ids.copyWithin(at + 1, at, n);
    this.flags.copyWithin(at + 1, at, n);
    this.ids[at] = id;
    this.flags[at] = flag;
    this.length = n + 1;
    this.buildBitsIfNeeded();
  }

  /** Remove id entirely (all flags). Returns whether it was present. */
  remove(id: number): boolean {
    const n = this.length;
    const at = this.lowerBound(id);
    if (at >= n || this.ids[at] !== id) return false;
    if (this.whole !== null) this.clearBits(id);
    this.ids.copyWithin(at, at + 1, n);
    this.flags.copyWithin(at, at + 1, n);
    this.length = n - 1;
    return true;
  }

  /** Whether flagOf is two bit tests (long name lists) rather than a binary search. */
  get hasBitsets(): boolean {
    return this.whole !== null;
  }

  /** Flag bits of id, or 0 when absent: bit tests on long name lists, else a binary search. */
  flagOf(id: number): number {
    const whole = this.whole;
    if (whole !== null) {
      const w = id >>> WORD_SHIFT;
      if (w >= whole.length) return 0;
      const bit = 1 << (id & WORD_MASK);
      return ((whole[w]! & bit) !== 0 ? FLAG_WHOLE : 0) | ((this.derived![w]! & bit) !== 0 ? FLAG_DERIVED : 0);
    }
    const at = this.lowerBound(id);
    return at < this.length && this.ids[at] === id ? this.flags[at]! : 0;
  }

  /** First position whose id is >= id. */
  lowerBound(id: number): number {
    let lo = 0;
    let hi = this.length;
    const ids = this.ids;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Replace every id by map[id] (doc renumbering) and restore ascending order. Flags travel with
   * their ids; a map that keeps the order (the usual case) needs no sort.
   */
  remap(map: Int32Array): void {
    const { ids, flags, length } = this;
    let sorted = true;
    for (let k = 0; k < length; k++) {
      ids[k] = map[ids[k]!]!;
      if (k > 0 && ids[k]! < ids[k - 1]!) sorted = false;
    }
    if (sorted) {
      if (this.whole !== null) this.buildBits();
      return;
    }
    // id * FLAG_SPAN + flag sorts ids and carries flags; exact in a double for any Int32 id.
    const packed = new Float64Array(length);
    for (let k = 0; k < length; k++) packed[k] = ids[k]! * FLAG_SPAN + flags[k]!;
    packed.sort();
    for (let k = 0; k < length; k++) {
      const v = packed[k]!;
      ids[k] = Math.floor(v / FLAG_SPAN);
      flags[k] = v % FLAG_SPAN;
    }
    if (this.whole !== null) this.buildBits();
  }

  /** Release slack so a built index does not carry up to 2x capacity per list. */
  trim(): void {
    if (this.ids.length === this.length) return;
    this.ids = this.ids.slice(0, Math.max(this.length, 1));
    this.flags = this.flags.slice(0, Math.max(this.length, 1));
  }

  /** Set by add when the list reaches bitsetMin; the bitsets are built once the entry is in. */
  private needBits = false;

  private buildBitsIfNeeded(): void {
    if (!this.needBits) return;
    this.needBits = false;
    this.buildBits();
  }

  /** Bitsets from the arrays (on reaching bitsetMin, and after renumbering). */
  private buildBits(): void {
    const words = ((this.length > 0 ? this.ids[this.length - 1]! : 0) >>> WORD_SHIFT) + 1;
    this.whole = new Int32Array(words);
    this.derived = new Int32Array(words);
    for (let k = 0; k < this.length; k++) this.setBits(this.ids[k]!, this.flags[k]!);
  }

  private setBits(id: number, flag: number): void {
    const w = id >>> WORD_SHIFT;
    if (w >= this.whole!.length) {
      const size = Math.max(w + 1, this.whole!.length * 2);
      const whole = new Int32Array(size);
      whole.set(this.whole!);
      const derived = new Int32Array(size);
      derived.set(this.derived!);
      this.whole = whole;
      this.derived = derived;
    }
    const bit = 1 << (id & WORD_MASK);
    if (flag & FLAG_WHOLE) this.whole![w] = this.whole![w]! | bit;
    if (flag & FLAG_DERIVED) this.derived![w] = this.derived![w]! | bit;
  }

  private clearBits(id: number): void {
    const w = id >>> WORD_SHIFT;
    if (w >= this.whole!.length) return;
    const bit = ~(1 << (id & WORD_MASK));
    this.whole![w] = this.whole![w]! & bit;
    this.derived![w] = this.derived![w]! & bit;
  }

  private grow(needed: number): void {
    if (this.ids.length >= needed) return;
    const size = Math.max(needed, this.ids.length * 2);
    const ids = new Int32Array(size);
    ids.set(this.ids.subarray(0, this.length));
    const flags = new Uint8Array(size);
    flags.set(this.flags.subarray(0, this.length));
    this.ids = ids;
    this.flags = flags;
  }
}
