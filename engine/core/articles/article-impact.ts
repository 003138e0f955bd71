// admin.articleImpact: what making an article outgoing or discontinued affects, shown before the admin saves it.
// Counts only where persons are involved (holders): the answer never names a patient or a care unit.
import { ARTICLE_IMPACT_ORDERS_SHOWN, ARTICLE_IMPACT_REFERRERS_SHOWN } from '../../../schemas/limits.ts';
import { assert } from '../assert.ts';
import { stockKey } from '../keys.ts';
import { found, type QueryResult } from '../query-result.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';

export interface ArticleRef {
  artNo: string;
  name: string;
}

export interface ArticleImpact {
  artNo: string;
  /** Open orders with a line of the article neither delivered nor cancelled; their lines; the first order numbers. */
  openOrders: { orders: number; lines: number; orderNos: number[] };
  /** Backorder lines waiting for the article's stock, over every warehouse. */
  backorderLines: number;
  /** Its individuals out with a holder (counts only, no persons). */
  heldByPatients: number;
  heldByCareUnits: number;
  /** Articles that name it; each list holds the first ARTICLE_IMPACT_REFERRERS_SHOWN, the counts all of them. */
  setPartOf: { count: number; articles: ArticleRef[] };
  accessoryOf: { count: number; articles: ArticleRef[] };
  replacementFor: { count: number; articles: ArticleRef[] };
}

export function articleImpact(state: State, artNo: string): QueryResult<ArticleImpact> {
  if (!state.articles.has(artNo)) return reject('not_found', `Artikel ${artNo} finns inte.`);
  const [heldByPatients, heldByCareUnits] = holders(state, artNo);
  return found({
    artNo,
    openOrders: openOrdersOf(state, artNo),
    backorderLines: backorderLinesOf(state, artNo),
    heldByPatients,
    heldByCareUnits,
    ...referrersOf(state, artNo),
  });
}

/** Walks the open-order index only (delivered and cancelled orders, the bulk of the table, are not in it). */
function openOrdersOf(state: State, artNo: string): ArticleImpact['openOrders'] {
  const result: ArticleImpact['openOrders'] = { orders: 0, lines: 0, orderNos: [] };
  for (const orderNo of state.orderIndex.open) {
    const order = state.orders.get(orderNo);
    assert(order !== undefined, `open order ${orderNo} exists`);
    let lines = 0;
    for (const line of order.lines) {
      if (line.artNo === artNo && line.status !== 'delivered' && line.status !== 'cancelled') lines++;
    }
    if (lines === 0) continue;
    result.orders++;
    result.lines += lines;
    if (result.orderNos.length < ARTICLE_IMPACT_ORDERS_SHOWN) result.orderNos.push(orderNo);
  }
  result.orderNos.sort((a, b) => a - b);
  return result;
}

/** One queue per warehouse in the backorder index: a look-up per warehouse, no order is read. */
function backorderLinesOf(state: State, artNo: string): number {
  let lines = 0;
  for (const warehouse of state.warehouses.keys()) {
    lines += state.orderIndex.backorders.get(stockKey(warehouse, artNo))?.length ?? 0;
  }
  return lines;
}

function holders(state: State, artNo: string): [number, number] {
  let patients = 0;
  let careUnits = 0;
  for (const indNo of state.individualsByArticle.get(artNo) ?? []) {
    const individual = state.individuals.get(indNo);
    assert(individual !== undefined, `indexed individual ${indNo} exists`);
    if (individual.location.kind === 'patient') patients++;
    else if (individual.location.kind === 'careUnit') careUnits++;
  }
  return [patients, careUnits];
}

/**
 * The catalog has no reverse index of set parts and accessories, so this reads every article once (a few µs per
 * thousand articles; admin-only and asked once per status change, never on a hot path).
 */
function referrersOf(state: State, artNo: string): Pick<ArticleImpact, 'setPartOf' | 'accessoryOf' | 'replacementFor'> {
  const setPartOf = { count: 0, articles: [] as ArticleRef[] };
  const accessoryOf = { count: 0, articles: [] as ArticleRef[] };
  const replacementFor = { count: 0, articles: [] as ArticleRef[] };
  const add = (into: typeof setPartOf, other: ArticleRef) => {
    into.count++;
    if (into.articles.length < ARTICLE_IMPACT_REFERRERS_SHOWN)
      into.articles.push({ artNo: other.artNo, name: other.name });
  };
  for (const other of state.articles.values()) {
    if (other.artNo === artNo) continue;
    if (other.setParts.includes(artNo)) add(setPartOf, other);
    if (other.accessories.includes(artNo)) add(accessoryOf, other);
    if (other.replacedBy === artNo) add(replacementFor, other);
  }
  return { setPartOf, accessoryOf, replacementFor };
}
