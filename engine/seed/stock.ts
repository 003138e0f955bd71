// Stock balances: warehouse 10 holds most active articles with a skewed spread, buffers hold a few sale articles, investigation warehouses a few rental units.
import type { Article, StockRow } from '../../schemas/entities.ts';
import { MAIN_WAREHOUSE, stockKey } from '../core/keys.ts';
import { DEMO_ARTICLES } from './demo-catalog.ts';
import type { Prng } from './prng.ts';
import { DEMO_BUFFER_WAREHOUSE, INVESTIGATION_WAREHOUSES } from './warehouses.ts';

const MAIN_STOCKED_SHARE = 0.8;
const OUTGOING_EMPTY_SHARE = 0.5;
const OUTGOING_ON_HAND_MAX = 3;
const BUFFER_ARTICLES_MIN = 10;
const BUFFER_ARTICLES_MAX = 40;
const BUFFER_ON_HAND_MAX = 15;
const INVESTIGATION_ON_HAND_MAX = 3;

/** Quantity bands [share, min, max]: most articles have a handful, a few have many. */
type Bands = readonly (readonly [number, number, number])[];
const RENTAL_BANDS: Bands = [
  [0.55, 0, 3],
  [0.35, 4, 12],
  [0.1, 13, 40],
];
const SALE_BANDS: Bands = [
  [0.5, 0, 5],
  [0.35, 6, 20],
  [0.15, 20, 200],
];

function drawQuantity(prng: Prng, bands: Bands): number {
  let r = prng.next();
  for (const [share, min, max] of bands) {
    if (r < share) return prng.int(min, max);
    r -= share;
  }
  const [, min, max] = bands[bands.length - 1];
  return prng.int(min, max);
}

function setRow(stock: Map<string, StockRow>, warehouse: string, artNo: string, onHand: number): void {
  stock.set(stockKey(warehouse, artNo), { warehouse, artNo, onHand, reserved: 0 });
}

function mainQuantity(prng: Prng, article: Article): number {
  if (article.status === 'outgoing') {
    return prng.chance(OUTGOING_EMPTY_SHARE) ? 0 : prng.int(1, OUTGOING_ON_HAND_MAX);
  }
  return drawQuantity(prng, article.kind === 'rental' ? RENTAL_BANDS : SALE_BANDS);
}

export interface StockPlan {
  bufferIds: readonly string[];
  /** Active rental articles placed in each investigation warehouse (999 gets this many, 999A half). */
  investigationArticles: number;
  /** Articles that end a replacement chain and must have no stock. */
  noStock: ReadonlySet<string>;
}

/**
 * Stock rows for every warehouse. For rental articles `onHand` is the number of individuals the
 * individuals stage will place in that warehouse, so the two always agree.
 */
export function generateStock(prng: Prng, articles: readonly Article[], plan: StockPlan): Map<string, StockRow> {
  const stock = new Map<string, StockRow>();
  const demo = new Set(DEMO_ARTICLES.map((d) => d.artNo));
  const activeSale: string[] = [];
  const activeRental: string[] = [];
  for (const article of articles) {
    if (demo.has(article.artNo) || article.status === 'discontinued') continue;
    if (article.status === 'active') (article.kind === 'sale' ? activeSale : activeRental).push(article.artNo);
    if (plan.noStock.has(article.artNo)) setRow(stock, MAIN_WAREHOUSE, article.artNo, 0);
    else if (prng.chance(MAIN_STOCKED_SHARE)) setRow(stock, MAIN_WAREHOUSE, article.artNo, mainQuantity(prng, article));
  }
  for (const buffer of plan.bufferIds) {
    const count = Math.min(activeSale.length, prng.int(BUFFER_ARTICLES_MIN, BUFFER_ARTICLES_MAX));
    for (let i = 0; i < count; i++) setRow(stock, buffer, prng.pick(activeSale), prng.int(1, BUFFER_ON_HAND_MAX));
  }
  INVESTIGATION_WAREHOUSES.forEach((warehouse, i) => {
    const count = Math.min(activeRental.length, Math.ceil(plan.investigationArticles / (i + 1)));
    for (let j = 0; j < count; j++) {
      setRow(stock, warehouse, prng.pick(activeRental), prng.int(1, INVESTIGATION_ON_HAND_MAX));
    }
  });
  for (const d of DEMO_ARTICLES) {
    setRow(stock, MAIN_WAREHOUSE, d.artNo, d.stockMain);
    if (d.stockBuffer !== undefined && plan.bufferIds.includes(DEMO_BUFFER_WAREHOUSE)) {
      setRow(stock, DEMO_BUFFER_WAREHOUSE, d.artNo, d.stockBuffer);
    }
  }
  return stock;
}
