// admin.prescribingRulePreview: what replacing a profession's rule would change, before it is saved: how many
// articles (not discontinued) the profession gains and loses, with a few examples. Computed from the ISO tree and
// articlesByIso per division, never by a scan of the articles: the cost is the divisions under the prefixes.
import type { Profession } from '../../../schemas/primitives.ts';
import { RULE_PREVIEW_EXAMPLES_MAX } from '../../../schemas/limits.ts';
import { divisionsUnder } from '../articles/queries.ts';
import { found, type QueryResult } from '../query-result.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { isoUnder } from './rules.ts';

export interface RuleChange {
  count: number;
  examples: Array<{ artNo: string; name: string; isoCode: string }>;
}

export interface RulePreview {
  profession: Profession;
  before: string[];
  after: string[];
  gained: RuleChange;
  lost: RuleChange;
  /** Articles the profession may prescribe with the new rule. */
  prescribableAfter: number;
}

/** The prefixes without duplicates and without those under another one, sorted. */
export function normalizePrefixes(prefixes: readonly string[]): string[] {
  const sorted = [...new Set(prefixes)].sort();
  return sorted.filter((code) => !sorted.some((other) => other !== code && isoUnder(code, other)));
}

const covered = (prefixes: readonly string[], code: string) => prefixes.some((prefix) => isoUnder(code, prefix));

/** Articles under `from` that `other` does not cover: counted per division, the first few named. */
function difference(state: State, from: readonly string[], other: readonly string[]): RuleChange {
  const change: RuleChange = { count: 0, examples: [] };
  for (const prefix of from) {
    for (const division of divisionsUnder(state, prefix)) {
      if (covered(other, division)) continue;
      const list = state.articlesByIso.get(division) ?? [];
      change.count += list.length - (state.discontinuedByIso.get(division) ?? 0);
      for (let i = 0; i < list.length && change.examples.length < RULE_PREVIEW_EXAMPLES_MAX; i++) {
        const article = state.articles.get(list[i])!;
        if (article.status !== 'discontinued')
          change.examples.push({ artNo: article.artNo, name: article.name, isoCode: article.isoCode });
      }
    }
  }
  return change;
}

export function previewPrescribingRule(
  state: State,
  profession: Profession,
  isoPrefixes: readonly string[],
): QueryResult<RulePreview> {
  for (const prefix of isoPrefixes) {
    if (!state.iso.has(prefix)) return reject('unknown_iso_code', `ISO-koden ${prefix} finns inte i trädet.`);
  }
  const before = normalizePrefixes(state.prescribingRules.get(profession)?.isoPrefixes ?? []);
  const after = normalizePrefixes(isoPrefixes);
  const prescribableAfter = difference(state, after, []).count;
  return found({
    profession,
    before,
    after,
    gained: difference(state, after, before),
    lost: difference(state, before, after),
    prescribableAfter,
  });
}
