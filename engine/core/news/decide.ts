// news.publish and news.delete: HMC's notices to every start page. News are few (tens a year), so the next number
// comes from the table itself, without an index.
import type { NewsItem } from '../../../schemas/news.ts';
import type { CommandContext, NewsDelete, NewsPublish } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';

export function decideNewsPublish(state: State, command: NewsPublish, context: CommandContext): Decision {
  let last = 0;
  for (const newsNo of state.news.keys()) if (newsNo > last) last = newsNo;
  const item: NewsItem = {
    newsNo: last + 1,
    timeMs: context.timeMs,
    authorId: command.userId,
    title: command.title,
    text: command.text,
    deletedMs: null,
  };
  return { ok: true, events: [{ type: 'news.published', item }] };
}

export function decideNewsDelete(state: State, command: NewsDelete, context: CommandContext): Decision {
  const item = state.news.get(command.newsNo);
  if (item === undefined || item.deletedMs !== null)
    return reject('not_found', `Nyheten ${command.newsNo} finns inte.`);
  return {
    ok: true,
    events: [{ type: 'news.deleted', userId: command.userId, newsNo: item.newsNo, timeMs: context.timeMs }],
  };
}
