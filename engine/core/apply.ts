// apply: folds one event into the state (tables and derived indexes). The only code that mutates the state.
import { applyPickupEvent } from './pickups/apply-pickups.ts';
import { applyNewsEvent } from './news.ts';
import { applyWorkOrderEvent } from './work-orders/work-orders.ts';
import type { ArticleUpserted, Event, StockAdjusted } from '../../schemas/events.ts';
import { assert, unreachable } from './assert.ts';
import { noteStockChange, searchDocOf } from './search-docs.ts';
import { applyOrderEvent } from './orders/apply-orders.ts';
import { addStockRow, indexIndividual } from './stock/stock-index.ts';
import { countDiscontinued, insertArticleSorted } from './articles/article-index.ts';
import { stockKey } from './keys.ts';
import type { State } from './state.ts';

export function apply(state: State, event: Event): void {
  switch (event.type) {
    case 'stock.adjusted':
      return applyStockAdjusted(state, event);
    case 'article.upserted':
      return applyArticleUpserted(state, event);
    case 'pickup.created':
    case 'pickup.cancelled':
    case 'pickup.unitReturned':
      return applyPickupEvent(state, event);
    case 'news.published':
    case 'news.deleted':
      return applyNewsEvent(state, event);
    case 'workOrder.created':
    case 'workOrder.updated':
      return applyWorkOrderEvent(state, event);
    case 'user.contactChanged': {
      const user = state.users.get(event.userId);
      assert(user !== undefined, `user ${event.userId} exists`);
      state.users.set(user.id, { ...user, email: event.email, phone: event.phone });
      return;
    }
    case 'order.placed':
    case 'order.lineServed':
    case 'order.linePicking':
    case 'order.lineDispatched':
    case 'order.lineDelivered':
    case 'order.lineCancelled':
    case 'order.deliveryDateChanged':
    case 'message.created':
    case 'message.deleted':
    case 'prescribingRule.set':
      return applyOrderEvent(state, event);
    default:
      return unreachable(event, 'event');
  }
}

function applyStockAdjusted(state: State, event: StockAdjusted): void {
  const key = stockKey(event.warehouse, event.artNo);
  let row = state.stock.get(key);
  if (row === undefined) {
    row = { warehouse: event.warehouse, artNo: event.artNo, onHand: 0, reserved: 0 };
    addStockRow(state, row);
  }
  row.onHand += event.delta;
  assert(row.onHand === event.onHandAfter, `onHand ${row.onHand} matches event ${event.onHandAfter}`);
  assert(row.onHand >= row.reserved && row.reserved >= 0, `stock ${key} stays covered`);
  noteStockChange(state, row);
  for (const indNo of event.individuals) {
    if (event.returned === true) {
      returnUnit(state, indNo, event.artNo, event.warehouse);
      continue;
    }
    if (event.delta > 0) {
      assert(!state.individuals.has(indNo), `individual ${indNo} is new`);
      const ind = { indNo, artNo: event.artNo, location: { kind: 'warehouse', warehouse: event.warehouse } } as const;
      state.individuals.set(indNo, ind);
      indexIndividual(state, ind);
      continue;
    }
    const ind = state.individuals.get(indNo);
    assert(
      ind !== undefined && ind.location.kind === 'warehouse' && ind.location.warehouse === event.warehouse,
      `individual ${indNo} is in ${event.warehouse}`,
    );
    assert(!state.orderIndex.taken.has(indNo), `written-off individual ${indNo} is not picked`);
    state.individuals.set(indNo, { ...ind, location: { kind: 'writtenOff', warehouse: event.warehouse } });
  }
}

/** A held unit back on the shelf: out of its patient's list, into the warehouse. */
function returnUnit(state: State, indNo: number, artNo: string, warehouse: string): void {
  const ind = state.individuals.get(indNo);
  assert(ind !== undefined && ind.artNo === artNo, `returned individual ${indNo} is a ${artNo}`);
  const from = ind.location;
  assert(from.kind === 'patient' || from.kind === 'careUnit', `returned individual ${indNo} was held`);
  if (from.kind === 'patient') {
    const held = state.individualsByPnr.get(from.pnr)!;
    const at = held.indexOf(indNo);
    assert(at >= 0, `individual ${indNo} listed under its patient`);
    held.splice(at, 1);
    if (held.length === 0) state.individualsByPnr.delete(from.pnr);
  }
  state.individuals.set(indNo, { ...ind, location: { kind: 'warehouse', warehouse } });
}

function applyArticleUpserted(state: State, event: ArticleUpserted): void {
  const next = event.article;
  const prev = state.articles.get(next.artNo);
  if (prev !== undefined) {
    const list = state.articlesByIso.get(prev.isoCode);
    assert(list !== undefined, `ISO list of ${prev.isoCode} exists`);
    const at = list.indexOf(prev.artNo);
    assert(at >= 0, `article ${prev.artNo} listed under ${prev.isoCode}`);
    list.splice(at, 1);
    if (prev.status === 'discontinued') countDiscontinued(state, prev.isoCode, -1);
  }
  state.articles.set(next.artNo, next);
  state.search.upsert(searchDocOf(state, next));
  let list = state.articlesByIso.get(next.isoCode);
  if (list === undefined) state.articlesByIso.set(next.isoCode, (list = []));
  insertArticleSorted(state, list, next.artNo);
  if (next.status === 'discontinued') countDiscontinued(state, next.isoCode, 1);
}
