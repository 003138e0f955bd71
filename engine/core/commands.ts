// Commands: what a caller asks the core to do, after the edge has validated it. The user is already authenticated.
import type { Article } from '../../schemas/entities.ts';
import type { StockReason } from '../../schemas/primitives.ts';

export interface StockAdjust {
  type: 'stock.adjust';
  userId: string;
  warehouse: string;
  artNo: string;
  delta: number;
  reason: StockReason;
  note: string;
}

export interface ArticleUpsert {
  type: 'article.upsert';
  userId: string;
  article: Article;
}

export type Command = StockAdjust | ArticleUpsert;

/** What the engine passes in with each command, so the core never reads the clock or invents ids. */
export interface CommandContext {
  timeMs: number;
  seq: number;
}
