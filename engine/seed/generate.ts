// Synthetic seed data for all tables at three scales; everything follows from the seed, so equal seeds give equal tables.
import { demoNews } from './demo-news.ts';
import { defaultPrescribingRuleRows } from '../core/prescribing-rules/rules.ts';
import { type Tables, emptyTables } from '../core/state.ts';
import { demoOrders } from './demo-orders.ts';
// Issue 15, returns:
import { demoSaleOrders } from './demo-sale-orders.ts';
import { linkArticles } from './article-links.ts';
import { generateArticles } from './articles.ts';
import { generateIndividuals } from './individuals.ts';
import { isoTreeRows } from './iso-tree.ts';
import { generatePersons } from './persons.ts';
import { Prng } from './prng.ts';
import { generateStock } from './stock.ts';
import { supplierCatalog, supplierRows } from './suppliers.ts';
import { generateUsers } from './users.ts';
import { bufferWarehouseId, generateWarehouses } from './warehouses.ts';
// Issue 15, patient:
import { defaultPayerRuleRows } from '../core/payers/payer-rules.ts';
import { demoComponentOrders, demoWorkOrders } from './demo-patient-overview.ts';
// Issue 16, history:
import {
  generateHistory,
  HISTORY_YEARS_DEFAULT,
  type HistorySummary,
  sampleDeviceUsers,
} from './history/generate-history.ts';
import { historyPrescribers, prescriberCount } from './history/history-prescribers.ts';

import { isHistoryScale, type SeedScale } from './seed-scale.ts';

export type { SeedScale };

export interface ScaleSize {
  articles: number;
  persons: number;
  /** About this many; rounding of the per-article shares moves it slightly. */
  individuals: number;
  buffers: number;
  /** Rental articles with units in investigation warehouse 999 (999A gets half). */
  investigationArticles: number;
  // Issue 16, history: prescribers in all, the demo ones counted in (history scales; default one per 1 000 residents).
  prescribers?: number;
}

export const SCALES: Readonly<Record<SeedScale, ScaleSize>> = {
  tiny: { articles: 600, persons: 2_000, individuals: 3_000, buffers: 6, investigationArticles: 3 },
  demo: { articles: 20_000, persons: 50_000, individuals: 100_000, buffers: 30, investigationArticles: 15 },
  large: { articles: 100_000, persons: 1_000_000, individuals: 2_000_000, buffers: 60, investigationArticles: 40 },
  // Issue 16, history: Halland's residents, with years of orders, pickups and work orders (engine/seed/history/).
  history: { articles: 20_000, persons: 340_000, individuals: 280_000, buffers: 30, investigationArticles: 15 },
  // Stockholm's residents; units scaled by Halland's ratio (geography is Halland's, reused: see README).
  'history-stockholm': {
    articles: 20_000,
    persons: 2_400_000,
    individuals: 1_976_000,
    buffers: 60,
    investigationArticles: 15,
  },
};

export const DEFAULT_SEED = 20_240_601;

/** Independent random streams per stage, so changing one stage leaves the others' data unchanged. */
const STAGE_SALT = {
  articles: 1,
  links: 2,
  stock: 3,
  persons: 4,
  individuals: 5,
  users: 6,
  deviceUsers: 7,
  history: 8,
  prescribers: 9,
} as const;

export interface GenerateOptions {
  scale: SeedScale;
  seed?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
  // Issue 16, history: years of history (scale `history`), and a size instead of the scale's (small test histories).
  historyYears?: number;
  size?: ScaleSize;
  onHistory?: (summary: HistorySummary) => void;
}

/** Only the catalog (ISO tree, suppliers, articles with links), e.g. for search benchmarks at any article count. */
export function generateCatalogTables(
  articleCount: number,
  seed: number = DEFAULT_SEED,
): Pick<Tables, 'iso' | 'suppliers' | 'articles'> {
  const tables = emptyTables();
  fillCatalog(tables, new Prng(seed), articleCount, () => {});
  return tables;
}

/** ISO tree, suppliers and linked articles into `tables`; returns what the stock stage needs. */
function fillCatalog(
  tables: Tables,
  root: Prng,
  articleCount: number,
  onArticles: (done: number, total: number) => void,
) {
  const isoNodes = isoTreeRows();
  for (const node of isoNodes) tables.iso.set(node.code, node);
  const suppliers = supplierCatalog();
  for (const row of supplierRows(suppliers)) tables.suppliers.set(row.id, row);
  const catalog = generateArticles(root.fork(STAGE_SALT.articles), articleCount, isoNodes, suppliers, onArticles);
  const noStock = linkArticles(catalog.articles, root.fork(STAGE_SALT.links));
  for (const article of catalog.articles) tables.articles.set(article.artNo, article);
  return { catalog, noStock };
}

/** Prescribers in proportion to the residents, the demo prescribers counted in. */
function addHistoryPrescribers(tables: Tables, prng: Prng, size: ScaleSize): void {
  let demo = 0;
  for (const user of tables.users.values()) if (user.roles.includes('prescriber')) demo++;
  const count = Math.max(0, (size.prescribers ?? prescriberCount(size.persons)) - demo);
  for (const user of historyPrescribers(prng, count, size.buffers)) tables.users.set(user.id, user);
}

/** HMC staff user who published the demo news. */
const DEMO_NEWS_AUTHOR = 'hmc1';

export function generateTables(options: GenerateOptions): Tables {
  const size = options.size ?? SCALES[options.scale];
  const seed = options.seed ?? DEFAULT_SEED;
  /** Every stage ends with done === total, so progress bars can close their line. */
  const report = options.onProgress ?? (() => {});
  const stage = (name: string) => (done: number, total: number) => report(name, done, total);
  const root = new Prng(seed);
  const tables = emptyTables();

  const { catalog, noStock } = fillCatalog(tables, root, size.articles, stage('articles'));
  report('iso', tables.iso.size, tables.iso.size);
  report('articles', tables.articles.size, tables.articles.size);

  for (const warehouse of generateWarehouses(size.buffers)) tables.warehouses.set(warehouse.id, warehouse);
  const bufferIds = Array.from({ length: size.buffers }, (_, i) => bufferWarehouseId(i));
  tables.stock = generateStock(root.fork(STAGE_SALT.stock), catalog.articles, {
    bufferIds,
    investigationArticles: size.investigationArticles,
    noStock,
  });
  report('stock', tables.stock.size, tables.stock.size);

  const residents = generatePersons(root.fork(STAGE_SALT.persons), size.persons, tables.persons, stage('persons'));
  // Issue 16, history: only the device users (about a tenth of the residents) hold units in the history scale.
  const holders = isHistoryScale(options.scale)
    ? sampleDeviceUsers(root.fork(STAGE_SALT.deviceUsers), residents)
    : residents;
  report('persons', tables.persons.size, tables.persons.size);

  generateIndividuals(
    root.fork(STAGE_SALT.individuals),
    tables.articles,
    tables.stock,
    {
      target: size.individuals,
      holders,
      profiles: catalog.profiles,
    },
    tables.individuals,
    stage('individuals'),
  );
  report('individuals', tables.individuals.size, tables.individuals.size);

  for (const user of generateUsers(root.fork(STAGE_SALT.users), seed)) tables.users.set(user.id, user);
  // Issue 16, history: a region's hundreds of prescribers next to the demo users.
  if (isHistoryScale(options.scale)) addHistoryPrescribers(tables, root.fork(STAGE_SALT.prescribers), size);
  report('users', tables.users.size, tables.users.size);

  tables.prescribingRules = defaultPrescribingRuleRows();
  for (const order of demoOrders(tables)) tables.orders.set(order.orderNo, order);
  for (const order of demoSaleOrders(tables)) tables.orders.set(order.orderNo, order); // Issue 15, returns
  for (const item of demoNews(DEMO_NEWS_AUTHOR)) tables.news.set(item.newsNo, item);
  // Issue 15, patient:
  tables.payerRules = defaultPayerRuleRows();
  for (const order of demoComponentOrders(tables)) tables.orders.set(order.orderNo, order);
  for (const workOrder of demoWorkOrders(tables)) tables.workOrders.set(workOrder.woNo, workOrder);
  report('orders', tables.orders.size, tables.orders.size);
  // Issue 16, history:
  if (isHistoryScale(options.scale)) {
    const years = options.historyYears ?? HISTORY_YEARS_DEFAULT;
    const summary = generateHistory(tables, root.fork(STAGE_SALT.history), holders, years, stage('history'));
    options.onHistory?.(summary);
  }
  return tables;
}
