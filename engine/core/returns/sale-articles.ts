// The sale articles (förbrukningsartiklar) a patient holds, for the patient view (patient.get `saleArticles`): what
// orders delivered to them minus what was de-registered (sale-holdings.ts).
import type { Order } from '../../../schemas/orders.ts';
import type { State } from '../state.ts';
import { saleHoldingsOf } from './sale-holdings.ts';

/** One sale article a patient holds (Förbrukningsartiklar on the patient view). */
export interface SaleArticleView {
  artNo: string;
  name: string;
  isoCode: string;
  quantity: number;
  lastOrderNo: number;
  lastDeliveredDate: string | null;
}

/** The patient's sale articles, by name. */
export function saleArticlesOf(state: State, pnr: string, orders?: readonly Order[]): SaleArticleView[] {
  const held = saleHoldingsOf(state, pnr, orders);
  const out: SaleArticleView[] = [];
  for (const [artNo, holding] of held) {
    const article = state.articles.get(artNo);
    if (article === undefined) continue;
    out.push({ artNo, name: article.name, isoCode: article.isoCode, ...holding });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'sv') || (a.artNo < b.artNo ? -1 : 1));
}
