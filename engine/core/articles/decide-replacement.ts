// replacement.set (admin.replacementSet): change only an article's replaced-by link, checked by the same rule the
// admin screen asks first (replacement-check.ts); journaled as article.upserted with the article before.
import type { ReplacementSet } from '../commands.ts';
import type { Decision } from '../decision.ts';
import type { State } from '../state.ts';
import { checkReplacementLink } from './replacement-check.ts';

export function decideReplacementSet(state: State, command: ReplacementSet): Decision {
  const refused = checkReplacementLink(state, command.artNo, command.replacedBy);
  if (refused !== null) return refused;
  const before = state.articles.get(command.artNo)!;
  const article = { ...before, replacedBy: command.replacedBy };
  return { ok: true, events: [{ type: 'article.upserted', userId: command.userId, article, before }] };
}
