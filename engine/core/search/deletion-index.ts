// SymSpell-style deletion neighbourhood: hashed deletions (up to 2) of every vocabulary word → word ids.

/**
 * Why deletions: if two words are within Damerau-Levenshtein (OSA) distance d, deleting at most d
 * characters from each yields a common string (a substitution or transposition is one deletion on
 * each side). So the query's deletions, looked up here, find every candidate; candidates are then
 * verified with the bounded distance. Keys are 32-bit polynomial hashes of the deleted strings, stored
 * in typed arrays (no string per deletion); a hash collision only adds a candidate that fails
 * verification. Entries are never removed: dead words are skipped by the vocabulary.
 */

const HASH_BASE = 0x01000193;
const INITIAL_BUCKETS = 1 << 12;
const INITIAL_ENTRIES = 1 << 12;
/** Grow the bucket table when entries exceed buckets by this factor (chains stay ~1-2 long). */
const LOAD_FACTOR = 2;

/**
 * Polynomial (Horner) hashes mod 2^32 of a word with up to two characters deleted, each in O(1)
 * from prefix hashes: a 19-letter word has 191 deletion variants, and hashing each from scratch
 * made typo look-ups on long Swedish compounds the slowest part of a query.
 */
class DeletionHasher {
  private prefix = new Int32Array(64);
  private power = new Int32Array(64);
  private n = 0;

  load(word: string): void {
    const n = word.length;
    if (this.prefix.length <= n + 1) {
      this.prefix = new Int32Array(2 * n + 2);
      this.power = new Int32Array(2 * n + 2);
    }
    this.n = n;
    this.power[0] = 1;
    this.prefix[0] = 0;
    for (let k = 0; k < n; k++) {
      this.prefix[k + 1] = (Math.imul(this.prefix[k]!, HASH_BASE) + word.charCodeAt(k)) | 0;
      this.power[k + 1] = Math.imul(this.power[k]!, HASH_BASE);
    }
  }

  /** Hash of the loaded word without position i (i < 0: nothing deleted). */
  one(i: number): number {
    const { prefix: p, power: b, n } = this;
    if (i < 0) return p[n]! >>> 0;
    // prefix[0,i) shifted over the suffix, plus suffix (i, n)
    const suffix = (p[n]! - Math.imul(p[i + 1]!, b[n - 1 - i]!)) | 0;
    return (Math.imul(p[i]!, b[n - 1 - i]!) + suffix) >>> 0;
  }

  /** Hash of the loaded word without positions i < j. */
  two(i: number, j: number): number {
    const { prefix: p, power: b, n } = this;
    const mid = (p[j]! - Math.imul(p[i + 1]!, b[j - i - 1]!)) | 0;
    const suffix = (p[n]! - Math.imul(p[j + 1]!, b[n - 1 - j]!)) | 0;
    return (Math.imul(p[i]!, b[n - 2 - i]!) + Math.imul(mid, b[n - 1 - j]!) + suffix) >>> 0;
  }
}

const hasher = new DeletionHasher();

/** Horner hash of a whole string: equal to the deletion hashes of the strings they produce. */
export function deletionHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, HASH_BASE) + word.charCodeAt(i)) | 0;
  return h >>> 0;
}

/**
 * Unique deletion hashes of word up to maxDeletes, each with the fewest deletions that produce it,
 * written as hash * 4 + level into out (reused); returns the count.
 */
export function deletionKeys(word: string, maxDeletes: number, out: Float64Array): number {
  const n = queryKeys(word, maxDeletes, out);
  const keys = out.subarray(0, n).sort();
  let unique = 0;
  for (let k = 0; k < n; k++) {
    // Sorted by hash then level, so the first of each hash carries the smallest level.
    if (unique === 0 || Math.floor(keys[k]! / 4) !== Math.floor(keys[unique - 1]! / 4)) keys[unique++] = keys[k]!;
  }
  return unique;
}

/**
 * Deletion hashes of a query word (hash * 4 + level) without sorting or deduplicating: the caller
 * already visits each candidate word once, and a repeated key only re-walks a short chain.
 */
export function queryKeys(word: string, maxDeletes: number, out: Float64Array): number {
  hasher.load(word);
  let n = 0;
  out[n++] = hasher.one(-1) * 4;
  const len = word.length;
  for (let i = 0; maxDeletes >= 1 && i < len; i++) {
    // Deleting either of two equal neighbours gives the same string: hash it once.
    if (i > 0 && word.charCodeAt(i) === word.charCodeAt(i - 1)) continue;
    out[n++] = hasher.one(i) * 4 + 1;
  }
  for (let i = 0; maxDeletes >= 2 && i < len; i++) {
    for (let j = i + 1; j < len; j++) out[n++] = hasher.two(i, j) * 4 + 2;
  }
  return n;
}

/** Scratch size for the keys of a word of this length. */
export function deletionKeysCapacity(length: number): number {
  return 1 + length + (length * (length - 1)) / 2;
}

export class DeletionIndex {
  private heads = new Int32Array(INITIAL_BUCKETS).fill(-1);
  private hashes = new Uint32Array(INITIAL_ENTRIES);
  private words = new Int32Array(INITIAL_ENTRIES);
  private levels = new Uint8Array(INITIAL_ENTRIES);
  private next = new Int32Array(INITIAL_ENTRIES);
  private count = 0;

  get entries(): number {
    return this.count;
  }

  insert(hash: number, level: number, wordId: number): void {
    if (this.count >= this.hashes.length) this.growEntries();
    if (this.count >= this.heads.length * LOAD_FACTOR) this.growBuckets();
    const e = this.count++;
    const bucket = hash & (this.heads.length - 1);
    this.hashes[e] = hash;
    this.words[e] = wordId;
    this.levels[e] = level;
    this.next[e] = this.heads[bucket]!;
    this.heads[bucket] = e;
  }

  /** Append to out the word id of every entry with this hash stored at deletion level <= maxLevel. */
  collect(hash: number, maxLevel: number, out: number[]): void {
    const { hashes, levels, words, next } = this;
    for (let e = this.heads[hash & (this.heads.length - 1)]!; e !== -1; e = next[e]!) {
      if (hashes[e] === hash && levels[e]! <= maxLevel) out.push(words[e]!);
    }
  }

  /** Approximate bytes held, for memory reports. */
  get bytes(): number {
    return (
      this.heads.byteLength +
      this.hashes.byteLength +
      this.words.byteLength +
      this.levels.byteLength +
      this.next.byteLength
    );
  }

  private growEntries(): void {
    const size = this.hashes.length * 2;
    const grow = <T extends Int32Array | Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a as never);
      return b;
    };
    this.hashes = grow(this.hashes, (n) => new Uint32Array(n));
    this.words = grow(this.words, (n) => new Int32Array(n));
    this.levels = grow(this.levels, (n) => new Uint8Array(n));
    this.next = grow(this.next, (n) => new Int32Array(n));
  }

  private growBuckets(): void {
    const heads = new Int32Array(this.heads.length * 2).fill(-1);
    const mask = heads.length - 1;
    // Re-chain in insertion order so chains stay newest-first, as after a fresh build.
    for (let e = 0; e < this.count; e++) {
      const bucket = this.hashes[e]! & mask;
      this.next[e] = heads[bucket]!;
      heads[bucket] = e;
    }
    this.heads = heads;
  }
}
