// Per-article columns indexed by doc id = the article number as an integer (0..999 999).

import { ARTNO_DIGITS } from './constants.ts';
import type { ArticleStatus } from './types.ts';
import type { Form } from './vocabulary.ts';

/** Status codes double as rank: lower is better (active before outgoing before discontinued). */
export const STATUS_CODE: Readonly<Record<ArticleStatus, number>> = { active: 0, outgoing: 1, discontinued: 2 };
export const STATUS_FREE = 255;
const INITIAL_CAPACITY = 1024;

/**
 * Why the article number is the doc id: posting lists sorted by id are then sorted by article
 * number, which is the final tie-break, so a page of equally relevant articles is the first
 * in-stock ones of a list walk and the walk stops early. Six digits bound the id space, and the
 * columns grow only to the highest article number seen.
 */
export class DocTable {
  status = new Uint8Array(INITIAL_CAPACITY).fill(STATUS_FREE);
  supplierOf = new Int32Array(INITIAL_CAPACITY);
  setOf = new Int32Array(INITIAL_CAPACITY);
  pairOf = new Int32Array(INITIAL_CAPACITY);
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
    return id < this.end && this.status[id] !== STATUS_FREE;
  }

  /** Claim the id of a new article (status is set by the caller). */
  allocate(id: number): void {
    if (id >= this.status.length) this.grow(id + 1);
    if (id >= this.end) this.end = id + 1;
    this.live++;
  }

  release(id: number): void {
    this.status[id] = STATUS_FREE;
    this.names[id] = '';
    this.forms[id] = undefined;
    this.live--;
  }

  private grow(needed: number): void {
    const size = Math.max(needed, this.status.length * 2);
    const status = new Uint8Array(size).fill(STATUS_FREE);
    status.set(this.status);
    const supplierOf = new Int32Array(size);
    supplierOf.set(this.supplierOf);
    const setOf = new Int32Array(size);
    setOf.set(this.setOf);
    const pairOf = new Int32Array(size);
    pairOf.set(this.pairOf);
    this.status = status;
    this.supplierOf = supplierOf;
    this.setOf = setOf;
    this.pairOf = pairOf;
  }
}

/** Six-digit article number as its integer doc id, and back. */
export function artNoOf(id: number): string {
  return String(id).padStart(ARTNO_DIGITS, '0');
}
