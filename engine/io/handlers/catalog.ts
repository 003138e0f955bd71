// Handlers of the catalog: ISO tree, article lists, search and suggestions, the article page, and its upsert.
import { articleImpact } from '../../core/articles/article-impact.ts';
import { articlePage, isoTree, listArticles } from '../../core/articles/queries.ts';
import { catalogSearch, catalogSuggest } from '../../core/catalog-search.ts';
import { type HandlerTable, me } from '../handler-types.ts';

type CatalogOp =
  | 'catalog.isoTree'
  | 'catalog.list'
  | 'catalog.article'
  | 'catalog.search'
  | 'catalog.suggest'
  | 'admin.articleUpsert'
  | 'admin.articleImpact';

export const CATALOG_HANDLERS: HandlerTable<CatalogOp> = {
  'catalog.isoTree': (ctx, args) => isoTree(ctx.engine.state, args),
  'catalog.list': (ctx, args) => listArticles(ctx.engine.state, me(ctx), args),
  'catalog.article': (ctx, args) => articlePage(ctx.engine.state, me(ctx), args),
  'catalog.search': (ctx, args) => catalogSearch(ctx.engine.state, me(ctx), args),
  'catalog.suggest': (ctx, args) => catalogSuggest(ctx.engine.state, args),
  'admin.articleUpsert': async (ctx, args) => {
    const outcome = await ctx.engine.execute({
      type: 'article.upsert',
      userId: me(ctx).id,
      article: args.article,
      expectNew: args.expectNew === true,
    });
    if (!outcome.ok) return outcome;
    return { ok: true, result: { seq: outcome.seq, article: args.article } };
  },
  'admin.articleImpact': (ctx, args) => articleImpact(ctx.engine.state, args.artNo),
};
