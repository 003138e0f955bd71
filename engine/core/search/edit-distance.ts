// Bounded Damerau-Levenshtein distance (optimal string alignment: adjacent transposition costs 1).

// Three reusable DP rows: the index is single-threaded and the function is pure in its result.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

function ensureRows(len: number): void {
  if (rowA.length > len) return;
  const size = Math.max(len + 1, rowA.length * 2);
  rowA = new Int32Array(size);
  rowB = new Int32Array(size);
  rowC = new Int32Array(size);
}

/**
 * Distance between a and b if it is <= max, otherwise max + 1. Only the diagonal band |i - j| <= max
 * is computed (cells outside cannot lead back to a distance <= max), and the loop exits as soon as
 * a whole row exceeds max: verifying many candidate words stays cheap.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  const out = max + 1;
  if (Math.abs(la - lb) > max) return out;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  ensureRows(lb + 1);
  let prev2 = rowA; // row i-2
  let prev = rowB; // row i-1
  let cur = rowC; // row i
  for (let j = 0; j <= Math.min(lb, max); j++) prev[j] = j;
  if (max + 1 <= lb) prev[max + 1] = out;
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    const lo = Math.max(1, i - max);
    const hi = Math.min(lb, i + max);
    cur[lo - 1] = lo === 1 ? i : out; // left of the band
    let rowMin = out;
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (hi < lb) cur[hi + 1] = out; // right of the band, read by the next row
    if (rowMin > max) return out;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[lb]!, out);
}

/** Maximum typo distance a query word of this length (in letters) may have. */
export function allowedTypos(length: number, typo1Min: number, typo2Min: number): number {
  if (length >= typo2Min) return 2;
  if (length >= typo1Min) return 1;
  return 0;
}
