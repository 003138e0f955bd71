// Growable sorted posting list: ascending integer ids with one flag byte each, in typed arrays.

const INITIAL_CAPACITY = 4;
/** Flags are one byte. */
const FLAG_SPAN = 256;

/** Pair id → entries per class code (status | in-stock bit); only on long name lists (see list-pairs.ts). */
export type ListPairs = Map<number, Int32Array>;

export class PostingList {
  ids: Int32Array = new Int32Array(INITIAL_CAPACITY);
  flags: Uint8Array = new Uint8Array(INITIAL_CAPACITY);
  length = 0;
  pairs: ListPairs | null = null;

  /** Add id with flag bits, OR-ing into an existing entry. Appending (ids in build order) is O(1). */
  add(id: number, flag: number): void {
    const n = this.length;
    if (n === 0 || this.ids[n - 1]! < id) {
      this.grow(n + 1);
      this.ids[n] = id;
      this.flags[n] = flag;
      this.length = n + 1;
      return;
    }
    const at = this.lowerBound(id);
    if (this.ids[at] === id) {
      this.flags[at] = this.flags[at]! | flag;
      return;
    }
    this.grow(n + 1);
    this.ids.copyWithin(at + 1, at, n);
    this.flags.copyWithin(at + 1, at, n);
    this.ids[at] = id;
    this.flags[at] = flag;
    this.length = n + 1;
  }

  /** Remove id entirely (all flags). Returns whether it was present. */
  remove(id: number): boolean {
    const n = this.length;
    const at = this.lowerBound(id);
    if (at >= n || this.ids[at] !== id) return false;
    this.ids.copyWithin(at, at + 1, n);
    this.flags.copyWithin(at, at + 1, n);
    this.length = n - 1;
    return true;
  }

  /** Flag bits of id, or 0 when absent. Binary search: used to check few candidates against long lists. */
  flagOf(id: number): number {
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
    if (sorted) return;
    // id * FLAG_SPAN + flag sorts ids and carries flags; exact in a double for any Int32 id.
    const packed = new Float64Array(length);
    for (let k = 0; k < length; k++) packed[k] = ids[k]! * FLAG_SPAN + flags[k]!;
    packed.sort();
    for (let k = 0; k < length; k++) {
      const v = packed[k]!;
      ids[k] = Math.floor(v / FLAG_SPAN);
      flags[k] = v % FLAG_SPAN;
    }
  }

  /** Release slack so a built index does not carry up to 2x capacity per list. */
  trim(): void {
    if (this.ids.length === this.length) return;
    this.ids = this.ids.slice(0, Math.max(this.length, 1));
    this.flags = this.flags.slice(0, Math.max(this.length, 1));
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
