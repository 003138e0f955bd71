// Rental individuals: exactly the units stock says are in each warehouse, the rest held by resident patients (mostly old ones).
import type { Article, Individual, StockRow } from '../../schemas/entities.ts';
import { DEMO_PNR } from './demo-persons.ts';
import type { DivisionProfile } from './division-profiles.ts';
import type { Holders } from './persons.ts';
import type { Prng } from './prng.ts';

export const FIRST_IND_NO = 10_000;

/** Individuals the demo patients hold; they get the first individual numbers, 10000 upwards. */
export const DEMO_HOLDINGS: readonly (readonly [pnr: string, artNo: string])[] = [
  [DEMO_PNR.erik, '100101'],
  [DEMO_PNR.erik, '100112'],
  [DEMO_PNR.erik, '100115'],
  [DEMO_PNR.margareta, '100104'],
  [DEMO_PNR.tolvan, '100108'],
  [DEMO_PNR.goran, '100112'],
  [DEMO_PNR.goran, '100117'],
  [DEMO_PNR.lars, '100110'],
];

const OLD_HOLDER_SHARE = 0.8;
/** Heavy tail of popularity: weight 1/(floor + u) spans about 1–50. */
const POPULARITY_FLOOR = 0.02;
const STATUS_POPULARITY = { active: 1, outgoing: 0.7, discontinued: 0.4 } as const;
const PROGRESS_EVERY = 100_000;

interface IndividualContext {
  individuals: Map<number, Individual>;
  next: number;
  progress: (done: number, total: number) => void;
  target: number;
}

function add(ctx: IndividualContext, artNo: string, location: Individual['location']): void {
  const indNo = ctx.next++;
  ctx.individuals.set(indNo, { indNo, artNo, location });
  if (ctx.individuals.size % PROGRESS_EVERY === 0) ctx.progress(ctx.individuals.size, ctx.target);
}

/** How many units of each rental article patients hold: popularity × division weight, randomly rounded. */
function patientCounts(
  prng: Prng,
  rental: readonly Article[],
  profiles: Map<string, DivisionProfile>,
  total: number,
): Uint32Array {
  const weights = new Float64Array(rental.length);
  let sum = 0;
  for (let i = 0; i < rental.length; i++) {
    const a = rental[i];
    const divisionWeight = Math.sqrt(profiles.get(a.isoCode)?.weight ?? 1);
    weights[i] = (divisionWeight * STATUS_POPULARITY[a.status]) / (POPULARITY_FLOOR + prng.next());
    sum += weights[i];
  }
  const counts = new Uint32Array(rental.length);
  for (let i = 0; i < rental.length; i++) {
    const expected = (total * weights[i]) / sum;
    counts[i] = Math.floor(expected) + (prng.next() < expected - Math.floor(expected) ? 1 : 0);
  }
  return counts;
}

export interface IndividualPlan {
  target: number;
  holders: Holders;
  profiles: Map<string, DivisionProfile>;
}

/** Fills `individuals`: demo holdings, then one unit per rental stock unit, then patients' units up to about `target`. */
export function generateIndividuals(
  prng: Prng,
  articles: Map<string, Article>,
  stock: Map<string, StockRow>,
  plan: IndividualPlan,
  individuals: Map<number, Individual>,
  progress: (done: number, total: number) => void,
): void {
  const ctx: IndividualContext = { individuals, next: FIRST_IND_NO, progress, target: plan.target };
  for (const [pnr, artNo] of DEMO_HOLDINGS) add(ctx, artNo, { kind: 'patient', pnr });
  for (const row of stock.values()) {
    if (articles.get(row.artNo)!.kind !== 'rental') continue;
    for (let i = 0; i < row.onHand; i++) add(ctx, row.artNo, { kind: 'warehouse', warehouse: row.warehouse });
  }
  const rental: Article[] = [];
  for (const a of articles.values()) if (a.kind === 'rental') rental.push(a);
  const counts = patientCounts(prng, rental, plan.profiles, Math.max(0, plan.target - individuals.size));
  const { residents, residentsOld } = plan.holders;
  for (let i = 0; i < rental.length; i++) {
    for (let n = 0; n < counts[i]; n++) {
      const pool = residentsOld.length > 0 && prng.chance(OLD_HOLDER_SHARE) ? residentsOld : residents;
      add(ctx, rental[i].artNo, { kind: 'patient', pnr: prng.pick(pool) });
    }
  }
}
