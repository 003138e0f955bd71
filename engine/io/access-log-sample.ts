// The systematic spot check's sample: `size` distinct positions out of `total`, drawn by a seeded generator, so the
// same period, size and seed give the same sample (Floyd's algorithm: `size` draws, no shuffle of the population).
import { Prng } from '../seed/prng.ts';

/** Distinct positions in [0, total), ascending. */
export function samplePositions(total: number, size: number, seed: number): number[] {
  const prng = new Prng(seed);
  const chosen = new Set<number>();
  for (let j = Math.max(0, total - size); j < total; j++) {
    const t = prng.int(0, j);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((a, b) => a - b);
}
