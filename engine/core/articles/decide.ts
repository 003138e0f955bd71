// article.upsert: HMC adds or changes an article; a create (expectNew) must not meet an existing article number, its
// supplier, ISO product group and the articles it names must exist, and its replacement chain must neither loop nor
// run longer than REPLACEMENT_HOPS_MAX.
import type { ArticleUpsert } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { checkReplacementChain } from './replacement-check.ts';

export function decideArticleUpsert(state: State, command: ArticleUpsert): Decision {
  const { article } = command;
  if (command.expectNew === true && state.articles.has(article.artNo)) {
    return reject('article_exists', `Artikelnummer ${article.artNo} finns redan; öppna artikeln för att ändra den.`);
  }
  if (!state.suppliers.has(article.supplierId)) {
    return reject('unknown_supplier', `Leverantören ${article.supplierId} finns inte.`);
  }
  const node = state.iso.get(article.isoCode);
  if (node === undefined || node.level !== 3) {
    return reject('unknown_iso_code', `ISO-koden ${article.isoCode} är ingen produktgrupp (tre nivåer) i trädet.`);
  }
  const refs = [...article.setParts, ...article.accessories];
  if (article.replacedBy !== null) refs.push(article.replacedBy);
  for (const ref of refs) {
    if (ref === article.artNo) return reject('unknown_article', `Artikel ${ref} kan inte hänvisa till sig själv.`);
    if (!state.articles.has(ref)) return reject('unknown_article', `Artikel ${ref} finns inte.`);
  }
  const chain = checkReplacementChain(state, article.artNo, article.replacedBy);
  if (chain !== null) return chain;
  const before = state.articles.get(article.artNo) ?? null;
  return { ok: true, events: [{ type: 'article.upserted', userId: command.userId, article, before }] };
}
