// Ordering and paging: relevance, then status, then stock, then article number — stock read lazily.

import { STATUS_RANKS } from './constants.ts';
import type { DocTable } from './doc-table.ts';
import type { Scratch } from './scratch.ts';

/** Smallest batch of tied articles whose stock is read at once. */
const TIE_BATCH_MIN = 16;

/**
 * Why lazy: stock comes from a callback the engine owns, and a one-word query can have thousands
 * of candidates with equal relevance. Only articles that can reach the page have their stock read:
 * those strictly above the page's boundary level, and the boundary level's articles in article
 * number order until enough in-stock ones are found.
 */
export class Ranker {
  private histogram = new Int32Array(1024);
  private heap = new Int32Array(64);

  constructor(
    private readonly docs: DocTable,
    private readonly scratch: Scratch,
  ) {}

  /** Relevance and status folded into one small integer: higher is better. */
  primary(d: number): number {
    return primaryOf(this.scratch.score[d]!, this.docs.status(d));
  }

  /** The best `need` of the n candidates, in final order. */
  top(n: number, need: number, inStock: (d: number) => boolean): number[] {
    need = Math.min(need, n);
    if (need <= 0) return [];
    const { candidates, ties } = this.scratch;
    const level = this.boundaryLevel(n, need);
    const above: number[] = [];
    let tieCount = 0;
    for (let i = 0; i < n; i++) {
      const d = candidates[i]!;
      const p = this.primary(d);
      if (p > level) above.push(d);
      else if (p === level) ties[tieCount++] = d;
    }
    // Doc ids are in article-number order, so `a - b` is the article-number tie-break.
    above.sort((a, b) => this.primary(b) - this.primary(a) || +inStock(b) - +inStock(a) || a - b);
    return above.concat(this.topTies(tieCount, need - above.length, inStock));
  }

  /** The primary value of the need-th best candidate (counting sort over the small key range). */
  private boundaryLevel(n: number, need: number): number {
    const { candidates } = this.scratch;
    let max = 0;
    for (let i = 0; i < n; i++) max = Math.max(max, this.primary(candidates[i]!));
    if (this.histogram.length <= max) this.histogram = new Int32Array(max + 1);
    const h = this.histogram;
    for (let i = 0; i < n; i++) h[this.primary(candidates[i]!)]!++;
    let level = max;
    for (let seen = h[max]!; seen < need; seen += h[level]!) level--;
    h.fill(0, 0, max + 1);
    return level;
  }

  /** The best r of the tied articles: in stock first, then by article number. */
  private topTies(count: number, r: number, inStock: (d: number) => boolean): number[] {
    const yes: number[] = [];
    const no: number[] = [];
    let after = -1;
    let examined = 0;
    for (let batch = Math.max(2 * r, TIE_BATCH_MIN); yes.length < r && examined < count; batch *= 2) {
      const k = this.smallestAfter(count, after, batch);
      for (let i = 0; i < k; i++) {
        const d = this.heap[i]!;
        (inStock(d) ? yes : no).push(d);
      }
      after = this.heap[k - 1]!;
      examined += k;
    }
    return yes.concat(no).slice(0, r);
  }

  /** The k tied articles with the smallest ids (article numbers) above `after`, ascending, into heap[0..k). */
  private smallestAfter(count: number, after: number, k: number): number {
    if (this.heap.length < k) this.heap = new Int32Array(k);
    const heap = this.heap;
    const { ties } = this.scratch;
    let size = 0;
    for (let i = 0; i < count; i++) {
      const d = ties[i]!;
      if (d <= after) continue;
      if (size < k) {
        heap[size] = d;
        siftUp(heap, size++);
      } else if (d < heap[0]!) {
        heap[0] = d;
        siftDown(heap, size);
      }
    }
    heap.subarray(0, size).sort();
    return size;
  }
}

/** Relevance score and status code folded into one integer (higher is better): the level of a hit. */
export function primaryOf(score: number, status: number): number {
  return score * STATUS_RANKS + (STATUS_RANKS - 1 - status);
}

/** Max-heap of doc ids (in article-number order): the root is the largest of the k smallest seen so far. */
function siftUp(heap: Int32Array, i: number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]! >= heap[i]!) return;
    const t = heap[parent]!;
    heap[parent] = heap[i]!;
    heap[i] = t;
    i = parent;
  }
}

function siftDown(heap: Int32Array, size: number): void {
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let big = i;
    if (l < size && heap[l]! > heap[big]!) big = l;
    if (r < size && heap[r]! > heap[big]!) big = r;
    if (big === i) return;
    const t = heap[big]!;
    heap[big] = heap[i]!;
    heap[i] = t;
    i = big;
  }
}
