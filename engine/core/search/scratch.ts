// Reusable per-query buffers indexed by doc id: no allocation proportional to the candidates.

/**
 * Stamps instead of clearing: an entry is valid only while its stamp equals the current epoch, so
 * starting a pass costs O(1) instead of O(documents). Results stay a pure function of the index
 * contents and the query; only the garbage left in these buffers differs.
 */
export class Scratch {
  stamp = new Uint32Array(0);
  score = new Int32Array(0);
  termStamp = new Uint32Array(0);
  /** The narrowing term's best name score per doc id, valid where termStamp equals termMark (Matcher.mark). */
  termBest = new Int32Array(0);
  stockStamp = new Uint32Array(0);
  inStock = new Uint8Array(0);
  candidates = new Int32Array(0);
  ties = new Int32Array(0);
  /** Level (primaryOf) of ties[i], computed once per boundary. */
  tiesLevel = new Int32Array(0);
  /** The explicit articles at the page's boundary level (multi-word rank). */
  atLevel = new Int32Array(0);
  /** Per-term best name boost and summed boost of articles in fully matched pairs (multi-word). */
  bestStamp = new Uint32Array(0);
  best = new Int32Array(0);
  boostStamp = new Uint32Array(0);
  boost = new Int32Array(0);
  bestMark = 0;
  boostMark = 0;
  /** Per pair id: class (full / partial) and base score for the current multi-word query. */
  pairClass = new Uint8Array(0);
  pairBase = new Int32Array(0);
  /** Pair ids classified for the current query (Matcher.classify). */
  classified = new Int32Array(0);
  /** Epoch of `stamp`: one per marking pass (a query may need several). */
  mark = 0;
  /** Epoch of `termStamp`: one per narrowing term. */
  termMark = 0;
  /** Epoch of the stock cache: one per query, so availableOf runs at most once per article. */
  stockMark = 0;

  /** Make room for doc ids below size; a resize restarts every epoch. */
  ensure(size: number): void {
    if (this.stamp.length >= size) return;
    const n = Math.max(size, this.stamp.length * 2, 1024);
    this.stamp = new Uint32Array(n);
    this.score = new Int32Array(n);
    this.termStamp = new Uint32Array(n);
    this.termBest = new Int32Array(n);
    this.stockStamp = new Uint32Array(n);
    this.inStock = new Uint8Array(n);
    this.candidates = new Int32Array(n);
    this.ties = new Int32Array(n);
    this.tiesLevel = new Int32Array(n);
    this.atLevel = new Int32Array(n);
    this.bestStamp = new Uint32Array(n);
    this.best = new Int32Array(n);
    this.boostStamp = new Uint32Array(n);
    this.boost = new Int32Array(n);
    this.mark = this.termMark = this.stockMark = this.bestMark = this.boostMark = 0;
  }

  /** Per-pair buffers; callers leave them zeroed after each query. */
  ensurePairs(size: number): void {
    if (this.pairClass.length >= size) return;
    const n = Math.max(size, this.pairClass.length * 2, 64);
    this.pairClass = new Uint8Array(n);
    this.pairBase = new Int32Array(n);
    this.classified = new Int32Array(n);
  }

  nextMark(): number {
    if (this.mark === 0xffffffff) this.mark = restart(this.stamp);
    return ++this.mark;
  }

  nextTermMark(): number {
    if (this.termMark === 0xffffffff) this.termMark = restart(this.termStamp);
    return ++this.termMark;
  }

  nextBestMark(): number {
    if (this.bestMark === 0xffffffff) this.bestMark = restart(this.bestStamp);
    return ++this.bestMark;
  }

  nextBoostMark(): number {
    if (this.boostMark === 0xffffffff) this.boostMark = restart(this.boostStamp);
    return ++this.boostMark;
  }

  nextStockMark(): number {
    if (this.stockMark === 0xffffffff) this.stockMark = restart(this.stockStamp);
    return ++this.stockMark;
  }
}

function restart(stamps: Uint32Array): number {
  stamps.fill(0);
  return 0;
}

/**
 * Per-pair data of one query term: the best group score the term gives the pair (its set's or
 * supplier's) and reach bits (1 = through a group, 2 = through a name-list entry).
 */
export class PairMask {
  bits = new Uint8Array(64);
  score = new Int32Array(64);
  /** Touched pair ids in the order first touched: ids[0, count). A typed array, so a reset frees nothing. */
  ids = new Int32Array(64);
  count = 0;

  /** The touched pair ids (a view, valid until the next change). */
  get touched(): Int32Array {
    return this.ids.subarray(0, this.count);
  }

  ensure(size: number): void {
    if (this.bits.length >= size) return;
    const n = Math.max(size, this.bits.length * 2);
    const bits = new Uint8Array(n);
    bits.set(this.bits);
    const score = new Int32Array(n);
    score.set(this.score);
    const ids = new Int32Array(n);
    ids.set(this.ids.subarray(0, this.count));
    this.bits = bits;
    this.score = score;
    this.ids = ids;
  }

  set(pair: number, bit: number): void {
    if (this.bits[pair] === 0) this.ids[this.count++] = pair;
    this.bits[pair] = this.bits[pair]! | bit;
  }

  raise(pair: number, bit: number, score: number): void {
    this.set(pair, bit);
    if (score > this.score[pair]!) this.score[pair] = score;
  }

  reset(): void {
    for (let k = 0; k < this.count; k++) {
      const p = this.ids[k]!;
      this.bits[p] = 0;
      this.score[p] = 0;
    }
    this.count = 0;
  }
}

/** Per-group score arrays for one query term, reset through the list of touched group ids. */
export class GroupScores {
  scores = new Int32Array(64);
  /** Touched group ids: ids[0, count). */
  ids = new Int32Array(64);
  count = 0;

  /** The touched group ids (a view, valid until the next change). */
  get touched(): Int32Array {
    return this.ids.subarray(0, this.count);
  }

  ensure(size: number): void {
    if (this.scores.length >= size) return;
    const n = Math.max(size, this.scores.length * 2);
    const scores = new Int32Array(n);
    scores.set(this.scores);
    const ids = new Int32Array(n);
    ids.set(this.ids.subarray(0, this.count));
    this.scores = scores;
    this.ids = ids;
  }

  raise(id: number, score: number): void {
    const cur = this.scores[id]!;
    if (cur === 0) this.ids[this.count++] = id;
    if (score > cur) this.scores[id] = score;
  }

  reset(): void {
    for (let k = 0; k < this.count; k++) this.scores[this.ids[k]!] = 0;
    this.count = 0;
  }
}
