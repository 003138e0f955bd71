// Per-article columns indexed by doc id = the article number as an integer (0..999 999).

import { ARTNO_DIGITS } from './constants.ts';
import type { ArticleStatus } from './types.ts';
import type { Form } from './vocabulary.ts';

/** Status codes double as rank: lower is better (active before outgoing before discontinued). */
export const STATUS_CODE: Readonly<Record<ArticleStatus, number>> = { active: 0, outgoing: 1, discontinued: 2 };
/** Status code of an unused id. */
export const STATUS_FREE = 3;
/** key = pair id << KEY_SHIFT | status code. */
export const KEY_SHIFT = 2;
export const KEY_STATUS_MASK = 3;
const INITIAL_CAPACITY = 1024;

/**
 * Why the article number is the doc id: posting lists sorted by id are then sorted by article
 * number, which is the final tie-break, so a page of equally relevant articles is the first
 * in-stock ones of a list walk and the walk stops early. Six digits bound the id space; the
 * columns grow only to the highest article number seen.
 *
 * Why one packed key per article: the (ISO set, supplier) pair determines every group an
 * article is in, so hot loops read one integer per article — pair and status — and look the
 * rest up in small per-pair arrays that stay in cache.
 */
export class DocTable {
  key = new Int32Array(INITIAL_CAPACITY).fill(STATUS_FREE);
  /** Display names (for suggestions); holes where no article. */
  readonly names: string[] = [];
  /**
   * The vocabulary forms of each article's name words (whole and derived): removal needs no
   * re-tokenising, and explaining a hit looks its words up directly.
   */
  readonly forms: (Form[] | undefined)[] = [];
  private live = 0;
  /** One past the highest id in use: the scratch buffers' required size. */
  end = 0;

  get size(): number {
    return this.live;
  }

  has(id: number): boolean {
    return id < this.end && (this.key[id]! & KEY_STATUS_MASK) !== STATUS_FREE;
  }

  status(id: number): number {
    return this.key[id]! & KEY_STATUS_MASK;
  }

  pair(id: number): number {
    return this.key[id]! >> KEY_SHIFT;
  }

  set(id: number, pair: number, status: number): void {
    this.key[id] = (pair << KEY_SHIFT) | status;
  }

  /** Claim the id of a new article (its key is set by the caller). */
  allocate(id: number): void {
    if (id >= this.key.length) this.grow(id + 1);
    if (id >= this.end) this.end = id + 1;
    this.live++;
  }

  release(id: number): void {
    this.key[id] = STATUS_FREE;
    this.names[id] = '';
    this.forms[id] = undefined;
    this.live--;
  }

  private grow(needed: number): void {
    const key = new Int32Array(Math.max(needed, this.key.length * 2)).fill(STATUS_FREE);
    key.set(this.key);
    this.key = key;
  }
}

/** Six-digit article number as its integer doc id, and back. */
export function artNoOf(id: number): string {
  return String(id).padStart(ARTNO_DIGITS, '0');
}
