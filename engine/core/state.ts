// The whole in-memory state: tables (persisted row by row) plus derived indexes (rebuilt on load, kept current by apply).
import type {
  Article,
  Individual,
  IsoNode,
  Person,
  StockRow,
  Supplier,
  User,
  Warehouse,
} from '../../schemas/entities.ts';
import type { Message, Order, PrescribingRule } from '../../schemas/orders.ts';
import type { Pickup } from '../../schemas/pickups.ts';
import type { NewsItem } from '../../schemas/news.ts';
import type { WorkOrder } from '../../schemas/work-orders.ts';
import { assert } from './assert.ts';
import { buildSearchIndex } from './search-docs.ts';
import type { SearchIndex } from './search/index.ts';
import { buildOrderIndex, type OrderIndex } from './orders/order-index.ts';
import { buildPickupIndex, type PickupIndex } from './pickups/pickup-index.ts';
import { buildWorkOrderIndex, type WorkOrderIndex } from './work-orders/work-order-index.ts';

/** The persisted tables. Each row is stored under its key; the store knows nothing else about them. */
export interface Tables {
  iso: Map<string, IsoNode>;
  suppliers: Map<string, Supplier>;
  articles: Map<string, Article>;
  warehouses: Map<string, Warehouse>;
  stock: Map<string, StockRow>;
  persons: Map<string, Person>;
  users: Map<string, User>;
  individuals: Map<number, Individual>;
  orders: Map<number, Order>;
  messages: Map<number, Message>;
  /** Profession → the ISO codes it may prescribe (hjälpmedelsanvisningar). */
  prescribingRules: Map<string, PrescribingRule>;
  pickups: Map<number, Pickup>;
  news: Map<number, NewsItem>;
  workOrders: Map<number, WorkOrder>;
}
export type TableName = keyof Tables;
export const TABLE_NAMES: readonly TableName[] = [
  'iso',
  'suppliers',
  'articles',
  'warehouses',
  'stock',
  'persons',
  'users',
  'individuals',
  'orders',
  'messages',
  'prescribingRules',
  'pickups',
  'news',
  'workOrders',
];

/** Indexes derived from the tables; never persisted. */
export interface Derived {
  /** Catalog search index; article upserts update it, stock never needs a re-index. */
  search: SearchIndex;
  isoChildren: Map<string, string[]>;
  isoRoots: string[];
  /** Division (or any node) code → artNos directly under it, kept sorted by (name, artNo). */
  articlesByIso: Map<string, string[]>;
  /** Division code → how many of its articles are discontinued, so lists count pages without a scan. */
  discontinuedByIso: Map<string, number>;
  stockByArticle: Map<string, StockRow[]>;
  usersByUsername: Map<string, string>;
  individualsByPnr: Map<string, number[]>;
  individualsByArticle: Map<string, number[]>;
  /** Highest individual number in use: a registered rental unit gets the next one. */
  lastIndNo: number;
  /** Orders and messages by prescriber, patient, care unit, idempotency key; backorder queues; line counts. */
  orderIndex: OrderIndex;
  pickupIndex: PickupIndex;
  workOrderIndex: WorkOrderIndex;
}

export interface State extends Tables, Derived {
  /** Sequence number of the last command applied (journal position). */
  seq: number;
}

export function emptyTables(): Tables {
  return {
    iso: new Map(),
    suppliers: new Map(),
    articles: new Map(),
    warehouses: new Map(),
    stock: new Map(),
    persons: new Map(),
    users: new Map(),
    individuals: new Map(),
    orders: new Map(),
    messages: new Map(),
    prescribingRules: new Map(),
    pickups: new Map(),
    news: new Map(),
    workOrders: new Map(),
  };
}

export function stockKey(warehouse: string, artNo: string): string {
  return `${warehouse}:${artNo}`;
}

export function available(row: StockRow | undefined): number {
  return row === undefined ? 0 : row.onHand - row.reserved;
}

/** HMC's main warehouse (lager 10). */
export const MAIN_WAREHOUSE = '10';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Sorted insert of an artNo into its ISO list, keeping (name, artNo) order. */
export function insertArticleSorted(state: State, list: string[], artNo: string): void {
  const name = state.articles.get(artNo)!.name;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareArticles(state, list[mid], name, artNo) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, artNo);
}

function compareArticles(state: State, a: string, nameB: string, b: string): number {
  const nameA = state.articles.get(a)!.name;
  if (nameA !== nameB) return nameA < nameB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds the derived indexes from the tables (on load and after seeding). */
export function stateFromTables(tables: Tables, seq: number): State {
  const derived: Derived = {
    search: buildSearchIndex(tables),
    isoChildren: new Map(),
    isoRoots: [],
    articlesByIso: new Map(),
    discontinuedByIso: new Map(),
    stockByArticle: new Map(),
    usersByUsername: new Map(),
    individualsByPnr: new Map(),
    individualsByArticle: new Map(),
    lastIndNo: 0,
    orderIndex: buildOrderIndex(tables.orders, tables.messages),
    pickupIndex: buildPickupIndex(tables.pickups),
    workOrderIndex: buildWorkOrderIndex(tables.workOrders),
  };
  const codes = [...tables.iso.keys()].sort();
  for (const code of codes) {
    const node = tables.iso.get(code)!;
    if (node.parent === null) derived.isoRoots.push(code);
    else push(derived.isoChildren, node.parent, code);
  }
  const byName = [...tables.articles.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.artNo < b.artNo ? -1 : 1,
  );
  for (const article of byName) {
    push(derived.articlesByIso, article.isoCode, article.artNo);
    if (article.status === 'discontinued') countDiscontinued(derived, article.isoCode, 1);
  }
  for (const row of tables.stock.values()) push(derived.stockByArticle, row.artNo, row);
  for (const rows of derived.stockByArticle.values()) rows.sort(byWarehouse);
  for (const user of tables.users.values()) derived.usersByUsername.set(user.username, user.id);
  for (const ind of tables.individuals.values()) indexIndividual(derived, ind);
  const state: State = { ...tables, ...derived, seq };
  assert(state.iso.size === 0 || state.isoRoots.length > 0, 'ISO tree has roots');
  return state;
}

function byWarehouse(a: StockRow, b: StockRow): number {
  return a.warehouse < b.warehouse ? -1 : a.warehouse > b.warehouse ? 1 : 0;
}

/** A new stock row, indexed by article in warehouse order (readers then never sort). */
export function addStockRow(state: State, row: StockRow): void {
  const key = stockKey(row.warehouse, row.artNo);
  assert(!state.stock.has(key), `stock row ${key} is new`);
  state.stock.set(key, row);
  const rows = state.stockByArticle.get(row.artNo);
  if (rows === undefined) {
    state.stockByArticle.set(row.artNo, [row]);
    return;
  }
  let at = rows.length;
  while (at > 0 && byWarehouse(rows[at - 1], row) > 0) at--;
  rows.splice(at, 0, row);
}

/** The stock row of an article in a warehouse, found through the article's few rows (no key string to build). */
export function stockRowOf(
  state: Pick<Derived, 'stockByArticle'>,
  warehouse: string,
  artNo: string,
): StockRow | undefined {
  const rows = state.stockByArticle.get(artNo);
  if (rows === undefined) return undefined;
  for (let i = 0; i < rows.length; i++) if (rows[i].warehouse === warehouse) return rows[i];
  return undefined;
}

export function countDiscontinued(derived: Pick<Derived, 'discontinuedByIso'>, isoCode: string, delta: number): void {
  const count = (derived.discontinuedByIso.get(isoCode) ?? 0) + delta;
  assert(count >= 0, `discontinued count of ${isoCode} stays >= 0`);
  derived.discontinuedByIso.set(isoCode, count);
}

export function indexIndividual(derived: Derived, ind: Individual): void {
  push(derived.individualsByArticle, ind.artNo, ind.indNo);
  if (ind.indNo > derived.lastIndNo) derived.lastIndNo = ind.indNo;
  if (ind.location.kind === 'patient') push(derived.individualsByPnr, ind.location.pnr, ind.indNo);
}

export function emptyState(): State {
  return stateFromTables(emptyTables(), 0);
}
