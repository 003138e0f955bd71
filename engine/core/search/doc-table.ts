// Per-article columns indexed by dense doc ids, kept in article-number order (renumbered lazily).

import { ARTNO_DIGITS } from './constants.ts';
import type { ArticleStatus } from './types.ts';
import type { Form } from './vocabulary.ts';

/** Status codes double as rank: lower is better (active before outgoing before discontinued). */
export const STATUS_CODE: Readonly<Record<ArticleStatus, number>> = { active: 0, outgoing: 1, discontinued: 2 };
/** Status code of an unused id. */
export const STATUS_FREE = 3;
/**
 * key = pair id << KEY_SHIFT | in-stock bit | status code. The low bits (status and stock) are the
 * article's class: per-pair and per-list counters are kept per class, so "in stock only" totals come
 * from counters exactly like the status filter.
 */
export const KEY_SHIFT = 3;
export const KEY_STATUS_MASK = 3;
/** Set when the article has available stock in the main warehouse (maintained by the engine's apply). */
export const KEY_IN_STOCK = 4;
export const KEY_CLASS_MASK = 7;
/** Class codes are 0..CLASS_SPAN-1 (status | in-stock bit). */
export const CLASS_SPAN = 8;
const INITIAL_CAPACITY = 1024;

/** Removed ids beyond this share of the live ones trigger a compacting renumber. */
const HOLES_PER_LIVE_MAX = 1;
const NO_ID = -1;

/**
 * Why dense ids in article-number order: posting lists sorted by id are then sorted by article
 * number, which is the final tie-break, so a page of equally relevant articles is the first
 * in-stock ones of a list walk and the walk stops early. Dense (rather than the six-digit number
 * itself) because hot loops index per-article columns and per-query buffers by id: 100 000
 * articles spread over 900 000 numbers put almost every access on its own cache line.
 *
 * A new article gets the next id; when its number is lower than the highest one seen, the order
 * is broken and `ordered` turns false until the store renumbers (before the next search). A
 * removed article keeps its id reserved (a hole), so putting it back keeps the order.
 *
 * Why one packed key per article: the (ISO set, supplier) pair determines every group an
 * article is in, so hot loops read one integer per article — pair and status — and look the
 * rest up in small per-pair arrays that stay in cache.
 */
export class DocTable {
  key = new Int32Array(INITIAL_CAPACITY).fill(STATUS_FREE);
  /** Article number per id (holes keep theirs, so the column stays sorted while `ordered`). */
  artNo = new Int32Array(INITIAL_CAPACITY);
  /** Display names (for suggestions); holes where no article. */
  names: string[] = [];
  /**
   * The article numbers as the strings the caller gave: the same string objects as the engine's map keys, so
   * availability look-ups hash nothing new (building a fresh string per candidate cost half of an in-stock query).
   */
  artNoTexts: string[] = [];
  /**
   * The vocabulary forms of each article's name words (whole and derived): removal needs no
   * re-tokenising, and explaining a hit looks its words up directly.
   */
  forms: (Form[] | undefined)[] = [];
  /** Id per article number, NO_ID when never seen (or compacted away). */
  private idByArtNo = new Int32Array(10 ** ARTNO_DIGITS).fill(NO_ID);
  private live = 0;
  private highest = -1;
  /** False after an out-of-order insert: ids must be renumbered before the next search. */
  ordered = true;
  /** One past the highest id in use: the scratch buffers' required size. */
  end = 0;

  get size(): number {
    return this.live;
  }

  /** Whether the ids need renumbering: out of order, or too many holes. */
  get stale(): boolean {
    return !this.ordered || this.end - this.live > this.live * HOLES_PER_LIVE_MAX;
  }

  /** The live article's id, or NO_ID. */
  idOf(artNo: number): number {
    const id = this.idByArtNo[artNo]!;
    return id !== NO_ID && this.has(id) ? id : NO_ID;
  }

  has(id: number): boolean {
    return id >= 0 && id < this.end && (this.key[id]! & KEY_STATUS_MASK) !== STATUS_FREE;
  }

  status(id: number): number {
    return this.key[id]! & KEY_STATUS_MASK;
  }

  /** Status code plus the in-stock bit. */
  cls(id: number): number {
    return this.key[id]! & KEY_CLASS_MASK;
  }

  pair(id: number): number {
    return this.key[id]! >> KEY_SHIFT;
  }

  set(id: number, pair: number, cls: number): void {
    this.key[id] = (pair << KEY_SHIFT) | cls;
  }

  /** The id for a new article (its reserved hole if it was removed before); key set by the caller. */
  allocate(artNo: number): number {
    let id = this.idByArtNo[artNo]!;
    if (id === NO_ID) {
      id = this.end;
      if (id >= this.key.length) this.grow(id + 1);
      this.end = id + 1;
      this.artNo[id] = artNo;
      this.idByArtNo[artNo] = id;
      if (artNo < this.highest) this.ordered = false;
      else this.highest = artNo;
    }
    this.live++;
    return id;
  }

  release(id: number): void {
    this.key[id] = STATUS_FREE;
    this.names[id] = '';
    this.forms[id] = undefined;
    this.live--;
  }

  /**
   * Live ids in article-number order as the new ids 0..size-1: returns old id → new id (NO_ID
   * for holes, which are dropped). The caller remaps every posting list with it.
   */
  renumber(): Int32Array {
    const old: number[] = [];
    for (let id = 0; id < this.end; id++) if (this.has(id)) old.push(id);
    const artNo = this.artNo;
    if (!this.ordered) old.sort((a, b) => artNo[a]! - artNo[b]!);
    const map = new Int32Array(this.end).fill(NO_ID);
    const key = new Int32Array(Math.max(old.length, INITIAL_CAPACITY)).fill(STATUS_FREE);
    const nums = new Int32Array(key.length);
    const names: string[] = [];
    const artNoTexts: string[] = [];
    const forms: (Form[] | undefined)[] = [];
    for (let id = 0; id < this.end; id++) this.idByArtNo[artNo[id]!] = NO_ID;
    old.forEach((o, n) => {
      map[o] = n;
      key[n] = this.key[o]!;
      nums[n] = artNo[o]!;
      names[n] = this.names[o]!;
      artNoTexts[n] = this.artNoTexts[o]!;
      forms[n] = this.forms[o];
      this.idByArtNo[artNo[o]!] = n;
    });
    this.key = key;
    this.artNo = nums;
    this.names = names;
    this.artNoTexts = artNoTexts;
    this.forms = forms;
    this.end = old.length;
    this.highest = old.length > 0 ? nums[old.length - 1]! : -1;
    this.ordered = true;
    return map;
  }

  /** First id whose article number is >= artNo (ids must be ordered). */
  lowerBound(artNo: number): number {
    let lo = 0;
    let hi = this.end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.artNo[mid]! < artNo) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The six-digit article number of an id. */
  artNoOf(id: number): string {
    return this.artNoTexts[id] ?? String(this.artNo[id]!).padStart(ARTNO_DIGITS, '0');
  }

  private grow(needed: number): void {
    const size = Math.max(needed, this.key.length * 2);
    const key = new Int32Array(size).fill(STATUS_FREE);
    key.set(this.key);
    this.key = key;
    const nums = new Int32Array(size);
    nums.set(this.artNo);
    this.artNo = nums;
  }
}
