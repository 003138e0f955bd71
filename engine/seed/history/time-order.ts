// Numbering history rows by time without holding them: each row is written into its table at once under a provisional
// number (the next in the order the generator made it), and only its time is kept here, in a typed array. At the end
// the rows are renumbered in place, so numbers follow time as the core hands them out, and a table never holds a row
// object beyond what its Map stores (the compact tables keep only encoded bytes).
const INITIAL_CAPACITY = 1_024;

/** The times of the rows made so far, by provisional index (row `first + i` was made at times[i]). */
export class TimeOrder {
  private times = new Float64Array(INITIAL_CAPACITY);
  count = 0;

  /** The first number of the range; rows take `first`, `first + 1`, … in the order they are made. */
  constructor(readonly first: number) {}

  /** The provisional number of a new row made at `timeMs`. */
  add(timeMs: number): number {
    if (this.count === this.times.length) {
      const grown = new Float64Array(this.times.length * 2);
      grown.set(this.times);
      this.times = grown;
    }
    this.times[this.count] = timeMs;
    return this.first + this.count++;
  }

  /** rank[i]: the place of provisional row i in time order (ties keep the order they were made in). */
  ranks(): Int32Array {
    const n = this.count;
    const times = this.times;
    const byTime = new Int32Array(n);
    for (let i = 0; i < n; i++) byTime[i] = i;
    byTime.sort((a, b) => times[a] - times[b] || a - b);
    const rank = new Int32Array(n);
    for (let r = 0; r < n; r++) rank[byTime[r]] = r;
    return rank;
  }

  /** The final number of provisional number `no` after renumber (numbers outside the range are kept). */
  static finalNo(order: TimeOrder, rank: Int32Array, no: number): number {
    const i = no - order.first;
    return i >= 0 && i < rank.length ? order.first + rank[i] : no;
  }
}

/**
 * Moves every row of `order`'s range from its provisional number to its number by time, cycle by cycle, so at most
 * one row is out of the table at a time. `renumbered` returns the row under its new number. Returns the ranks.
 */
export function renumberByTime<T>(
  table: Map<number, T>,
  order: TimeOrder,
  renumbered: (row: T, no: number) => T,
): Int32Array {
  const rank = order.ranks();
  const n = rank.length;
  // source[r]: the provisional index of the row that ends at index r.
  const source = new Int32Array(n);
  for (let i = 0; i < n; i++) source[rank[i]] = i;
  const done = new Uint8Array(n);
  for (let start = 0; start < n; start++) {
    if (done[start]) continue;
    const held = table.get(order.first + start);
    if (held === undefined) throw new Error(`history seed: no row ${order.first + start} to renumber`);
    let at = start;
    for (;;) {
      done[at] = 1;
      const from = source[at];
      if (from === start) break;
      table.set(order.first + at, renumbered(table.get(order.first + from)!, order.first + at));
      at = from;
    }
    table.set(order.first + at, renumbered(held, order.first + at));
  }
  return rank;
}
