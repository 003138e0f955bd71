// article.importBatch: one batch of a catalog import, as one durable command. Each article is checked by the
// article.upsert decider itself, against the state with the whole batch laid over it, so articles of the batch may
// reference each other (the plan puts every referenced article in the same or an earlier batch). Articles already
// equal to the state are skipped: applying the same import twice writes nothing. One refused article refuses the
// batch; the import runner then tries its articles one by one.
import type { Article } from '../../../schemas/entities.ts';
import { EVENTS_PER_COMMAND_MAX } from '../../../schemas/limits.ts';
import type { Event } from '../../../schemas/events.ts';
import { assert } from '../assert.ts';
import { sameArticle } from '../catalog-import/article-diff.ts';
import type { ArticleImportBatch } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { decideArticleUpsert } from './decide.ts';

/** The articles table with the batch over it: what the catalog would be once the batch is applied. */
class ArticlesWithBatch extends Map<string, Article> {
  constructor(
    private readonly base: ReadonlyMap<string, Article>,
    batch: readonly Article[],
  ) {
    super(batch.map((article) => [article.artNo, article]));
  }
  override get(artNo: string): Article | undefined {
    return super.get(artNo) ?? this.base.get(artNo);
  }
  override has(artNo: string): boolean {
    return super.has(artNo) || this.base.has(artNo);
  }
}

export function decideArticleImportBatch(state: State, command: ArticleImportBatch): Decision {
  const { articles } = command;
  assert(articles.length <= EVENTS_PER_COMMAND_MAX, `an import batch of ${articles.length} fits one command`);
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.artNo))
      return reject('duplicate_article', `Artikel ${article.artNo} står två gånger i satsen.`);
    seen.add(article.artNo);
  }
  const changed = articles.filter((article) => {
    const before = state.articles.get(article.artNo);
    return before === undefined || !sameArticle(before, article);
  });
  // The upsert decider reads only the tables it checks against; it sees the batch laid over the articles.
  const overlaid: State = Object.create(state, { articles: { value: new ArticlesWithBatch(state.articles, changed) } });
  const events: Event[] = [];
  for (const article of changed) {
    const decision = decideArticleUpsert(overlaid, { type: 'article.upsert', userId: command.userId, article });
    if (!decision.ok) return decision;
    // `before` is the article as the real state has it, not as the overlay shows it (the batch's own version).
    for (const event of decision.events)
      events.push(
        event.type === 'article.upserted' ? { ...event, before: state.articles.get(article.artNo) ?? null } : event,
      );
  }
  return { ok: true, events };
}
