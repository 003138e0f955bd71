// Read models shared by the queries: an article summary with live availability, the caller's buffer warehouse.
import type { Article, User } from '../../schemas/entities.ts';
import { available, MAIN_WAREHOUSE } from './keys.ts';
import { stockRowOf } from './stock/stock-index.ts';
import type { State } from './state.ts';
// Issue 15, recalls:
import { articleRecall } from './recalls/blocks.ts';

export interface Availability {
  main: number;
  buffer?: { warehouse: string; available: number };
  // Issue 15, recalls: the open recall that blocks the whole article (its stock then shows as 0); absent: none.
  recallNo?: number;
}

export interface ArticleSummary {
  artNo: string;
  name: string;
  supplierId: string;
  supplierName: string;
  isoCode: string;
  kind: Article['kind'];
  status: Article['status'];
  priceOre: number;
  available: Availability;
}

/** The buffer warehouse (eget förråd) linked to the user's first workplace that has one. */
export function bufferOf(user: User): string | null {
  for (const place of user.workplaces) if (place.bufferWarehouse !== null) return place.bufferWarehouse;
  return null;
}

export function availableIn(state: State, warehouse: string, artNo: string): number {
  return available(stockRowOf(state, warehouse, artNo));
}

/** Main warehouse and buffer from one look-up of the article's rows (search pages read this for every hit). */
export function availability(state: State, artNo: string, buffer: string | null): Availability {
  const rows = state.stockByArticle.get(artNo);
  let main = 0;
  let inBuffer = 0;
  if (rows !== undefined) {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.warehouse === MAIN_WAREHOUSE) main = available(row);
      else if (row.warehouse === buffer) inBuffer = available(row);
    }
  }
  // Issue 15, recalls: a recalled article has nothing to offer, whatever its shelves hold.
  const recall = rows === undefined ? null : articleRecall(state, artNo);
  if (recall !== null) {
    const none = { main: 0, recallNo: recall.recallNo };
    return buffer === null ? none : { ...none, buffer: { warehouse: buffer, available: 0 } };
  }
  return buffer === null ? { main } : { main, buffer: { warehouse: buffer, available: inBuffer } };
}

export function summarize(state: State, article: Article, buffer: string | null): ArticleSummary {
  return {
    artNo: article.artNo,
    name: article.name,
    supplierId: article.supplierId,
    supplierName: state.suppliers.get(article.supplierId)?.name ?? article.supplierId,
    isoCode: article.isoCode,
    kind: article.kind,
    status: article.status,
    priceOre: article.priceOre,
    available: availability(state, article.artNo, buffer),
  };
}
