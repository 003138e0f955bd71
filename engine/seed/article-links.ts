// Links between articles: accessories offered with a device, set parts it needs, and replacement chains that can never loop.
import type { Article } from '../../schemas/entities.ts';
import { DEMO_ARTNO_MAX, DEMO_ARTNO_MIN } from './demo-catalog.ts';
import { isAccessoryDivision } from './division-profiles.ts';
import { type Prng, WeightedTable } from './prng.ts';

/** Drawn over non-accessory articles; about 30 % of all articles end up with accessories. */
const ACCESSORY_SHARE = 0.34;
const ACCESSORIES_MIN = 2;
const ACCESSORIES_MAX = 8;
const SET_PART_SHARE = 0.05;
const SET_PARTS_MIN = 1;
const SET_PARTS_MAX = 3;
const REPLACED_SHARE = 0.06;
/** Hops of a new chain: 1 hop most often, up to 4 (well below the engine's 16). */
const CHAIN_HOPS = new WeightedTable([1, 2, 3, 4], [55, 25, 12, 8]);
/** Share of chains that end in an outgoing article with no stock, so nothing can be proposed. */
const DEAD_END_SHARE = 0.15;
const PICK_ATTEMPTS_PER_ITEM = 4;

/** Where a device's accessories come from, by the device's subclass; otherwise its own subclass. */
const ACCESSORY_SOURCES: Readonly<Record<string, readonly string[]>> = {
  '04 06': ['09 09 03', '04 06 09'],
  '12 03': ['12 07'],
  '12 06': ['12 07'],
  '12 22': ['12 24', '04 33 03', '18 10'],
  '12 23': ['12 24', '04 33 03', '18 10'],
  '18 12': ['18 12 18', '18 12 26', '18 12 21', '18 12 15'],
  '12 36': ['12 36 21'],
  '22 21': ['22 21 12', '22 36', '22 33 18'],
};
/** Set parts a device needs, by subclass: a bed needs a mattress or side rails, a lift a sling. */
const SET_PART_SOURCES: Readonly<Record<string, readonly string[]>> = {
  '18 12': ['18 12 18', '18 12 26'],
  '12 36': ['12 36 21'],
  '12 22': ['12 24'],
  '12 23': ['12 24'],
  '12 06': ['12 07'],
};

function isDemo(artNo: string): boolean {
  const n = Number(artNo);
  return n >= DEMO_ARTNO_MIN && n <= DEMO_ARTNO_MAX;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Up to `count` distinct items from `pool`, never `exclude`. */
function pickDistinct(prng: Prng, pool: readonly string[], count: number, exclude: string): string[] {
  const chosen: string[] = [];
  for (let tries = 0; chosen.length < count && tries < count * PICK_ATTEMPTS_PER_ITEM; tries++) {
    const item = prng.pick(pool);
    if (item !== exclude && !chosen.includes(item)) chosen.push(item);
  }
  return chosen;
}

/** Sale articles that can be offered with others (not discontinued), by division. */
function saleByDivision(articles: readonly Article[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const a of articles) if (a.kind === 'sale' && a.status !== 'discontinued') push(map, a.isoCode, a.artNo);
  return map;
}

function poolFor(prefixes: readonly string[], byDivision: Map<string, string[]>): string[] {
  const pool: string[] = [];
  for (const [division, list] of byDivision) {
    if (prefixes.some((p) => division.startsWith(p))) for (const artNo of list) pool.push(artNo);
  }
  return pool;
}

function addAccessories(articles: Article[], prng: Prng): void {
  const byDivision = saleByDivision(articles);
  const pools = new Map<string, string[]>();
  for (const a of articles) {
    if (isDemo(a.artNo) || isAccessoryDivision(a.isoCode) || !prng.chance(ACCESSORY_SHARE)) continue;
    const subclass = a.isoCode.slice(0, 5);
    let pool = pools.get(subclass);
    if (pool === undefined) {
      pool = poolFor(ACCESSORY_SOURCES[subclass] ?? [subclass], byDivision);
      pools.set(subclass, pool);
    }
    if (pool.length >= ACCESSORIES_MIN + 1) {
      a.accessories = pickDistinct(prng, pool, prng.int(ACCESSORIES_MIN, ACCESSORIES_MAX), a.artNo);
    }
  }
}

function saleBySupplierAndClass(articles: readonly Article[]): Map<string, Article[]> {
  const map = new Map<string, Article[]>();
  for (const a of articles) {
    if (a.kind !== 'sale' || a.status === 'discontinued') continue;
    for (const key of [`${a.supplierId}|${a.isoCode.slice(0, 2)}`, `*|${a.isoCode.slice(0, 2)}`]) {
      const list = map.get(key);
      if (list === undefined) map.set(key, [a]);
      else list.push(a);
    }
  }
  return map;
}

/** Candidates for set parts: same supplier and class (any supplier when it has none), preferring the completing divisions. */
function setPartPool(a: Article, bySupplierClass: Map<string, Article[]>): string[] {
  const isoClass = a.isoCode.slice(0, 2);
  const sameSupplier = bySupplierClass.get(`${a.supplierId}|${isoClass}`) ?? bySupplierClass.get(`*|${isoClass}`) ?? [];
  const preferred = SET_PART_SOURCES[a.isoCode.slice(0, 5)] ?? [];
  const fitting = sameSupplier.filter((p) => preferred.some((prefix) => p.isoCode.startsWith(prefix)));
  return (fitting.length > 0 ? fitting : sameSupplier).map((p) => p.artNo);
}

function addSetParts(articles: Article[], prng: Prng): void {
  const bySupplierClass = saleBySupplierAndClass(articles);
  const pools = new Map<string, string[]>();
  for (const a of articles) {
    if (a.kind !== 'rental' || a.status === 'discontinued' || isDemo(a.artNo) || !prng.chance(SET_PART_SHARE)) continue;
    const key = `${a.supplierId}|${a.isoCode.slice(0, 5)}`;
    let pool = pools.get(key);
    if (pool === undefined) {
      pool = setPartPool(a, bySupplierClass);
      pools.set(key, pool);
    }
    if (pool.length > 0) a.setParts = pickDistinct(prng, pool, prng.int(SET_PARTS_MIN, SET_PARTS_MAX), a.artNo);
  }
}

/** Non-active articles waiting to join a chain, per division; each is handed out once. */
class ChainCandidates {
  private readonly inactive = new Map<string, string[]>();
  readonly active = new Map<string, string[]>();
  readonly sources: string[] = [];
  readonly used = new Set<string>();

  constructor(articles: readonly Article[], prng: Prng) {
    for (const a of articles) {
      if (a.status === 'active') push(this.active, a.isoCode, a.artNo);
      else if (!isDemo(a.artNo)) {
        push(this.inactive, a.isoCode, a.artNo);
        this.sources.push(a.artNo);
      }
    }
    for (const list of this.inactive.values()) prng.shuffle(list);
    prng.shuffle(this.sources);
  }

  takeInactive(division: string): string | undefined {
    const list = this.inactive.get(division) ?? [];
    while (list.length > 0) {
      const artNo = list.pop()!;
      if (!this.used.has(artNo)) {
        this.used.add(artNo);
        return artNo;
      }
    }
    return undefined;
  }
}

/** The article a chain ends in: usually an active one of the division, sometimes an outgoing one without stock. */
function chainEnd(candidates: ChainCandidates, division: string, prng: Prng): string | undefined {
  const actives = candidates.active.get(division);
  const deadEnd = prng.chance(DEAD_END_SHARE) || actives === undefined;
  const end = deadEnd ? candidates.takeInactive(division) : undefined;
  return end ?? (actives === undefined ? undefined : prng.pick(actives));
}

/**
 * Chains run from non-active articles to an active one (or, for dead ends, to a non-active one that
 * gets no stock). Each non-active article joins at most one chain and active articles never get
 * `replacedBy`, so no chain can loop. Returns the dead-end articles, which must have no stock.
 */
function addReplacementChains(articles: Article[], prng: Prng): Set<string> {
  const byArtNo = new Map(articles.map((a) => [a.artNo, a]));
  const candidates = new ChainCandidates(articles, prng);
  const deadEnds = new Set<string>();
  const target = Math.round(articles.length * REPLACED_SHARE);
  let replaced = 0;
  for (const source of candidates.sources) {
    if (replaced >= target) break;
    if (candidates.used.has(source)) continue;
    candidates.used.add(source);
    const division = byArtNo.get(source)!.isoCode;
    const path = [source];
    const hops = CHAIN_HOPS.pick(prng);
    while (path.length < hops) {
      const next = candidates.takeInactive(division);
      if (next === undefined) break;
      path.push(next);
    }
    const end = chainEnd(candidates, division, prng);
    if (end === undefined) continue;
    if (byArtNo.get(end)!.status !== 'active') deadEnds.add(end);
    path.push(end);
    for (let i = 0; i + 1 < path.length; i++) byArtNo.get(path[i])!.replacedBy = path[i + 1];
    replaced += path.length - 1;
  }
  return deadEnds;
}

/** Adds accessories, set parts and replacement chains in place; returns articles that must have no stock. */
export function linkArticles(articles: Article[], prng: Prng): Set<string> {
  addAccessories(articles, prng);
  addSetParts(articles, prng);
  return addReplacementChains(articles, prng);
}
