// "Did you mean" for no-hit queries and type-ahead word completions, ranked by article frequency.

import { SUGGEST_DISTANCE_MAX, SUGGEST_MIN_CHARS } from './constants.ts';
import type { IndexStore } from './index-store.ts';
import type { QueryTerm } from './query-terms.ts';
import type { Form } from './vocabulary.ts';

/** Articles reached through a spelling: its name postings plus the members of its groups. */
export function formFrequency(store: IndexStore, form: Form): number {
  let n = form.docs?.length ?? 0;
  if (form.sets) for (let k = 0; k < form.sets.length; k++) n += store.sets.groups[form.sets.ids[k]!]!.docs.length;
  if (form.suppliers) {
    for (let k = 0; k < form.suppliers.length; k++) n += store.suppliers.groups[form.suppliers.ids[k]!]!.docs.length;
  }
  return n;
}

/** Most used spelling of a vocabulary word and the word's total frequency. */
export function bestForm(store: IndexStore, wordId: number): { text: string; frequency: number } {
  let text = '';
  let best = -1;
  let total = 0;
  for (const form of store.vocab.forms[wordId]!) {
    const f = formFrequency(store, form);
    total += f;
    if (f > best || (f === best && form.text < text)) {
      best = f;
      text = form.text;
    }
  }
  return { text, frequency: total };
}

/** Closest live word within SUGGEST_DISTANCE_MAX: fewest edits, then most articles, then alphabetical. */
export function closestWord(store: IndexStore, folded: string): string | undefined {
  if (folded.length < SUGGEST_MIN_CHARS) return undefined;
  let bestText: string | undefined;
  let bestDistance = Infinity;
  let bestFrequency = -1;
  store.vocab.forEachTypo(folded, SUGGEST_DISTANCE_MAX, (id, distance) => {
    const { text, frequency } = bestForm(store, id);
    const better =
      distance < bestDistance ||
      (distance === bestDistance && (frequency > bestFrequency || (frequency === bestFrequency && text < bestText!)));
    if (better) {
      bestText = text;
      bestDistance = distance;
      bestFrequency = frequency;
    }
  });
  return bestText;
}

/**
 * The query with every unknown word replaced by its closest word, or undefined if none could be.
 * closest(i) gives term i's closest word (the caller may remember it: it depends on the vocabulary only).
 */
export function didYouMean(
  terms: readonly QueryTerm[],
  known: readonly boolean[],
  closest: (i: number) => string | undefined,
): string | undefined {
  let changed = false;
  const words = terms.map((t, i) => {
    if (known[i]) return t.text;
    const w = closest(i);
    if (w === undefined) return t.text;
    changed = true;
    return w;
  });
  return changed ? words.join(' ') : undefined;
}

/** Live words completing the (folded) prefix, the word itself included, most frequent first. */
export function completions(store: IndexStore, folded: string, limit: number): string[] {
  const found: Array<{ text: string; frequency: number }> = [];
  const exact = store.vocab.idOf(folded);
  if (exact !== undefined && store.vocab.isLive(exact)) found.push(bestForm(store, exact));
  store.vocab.forEachPrefixed(folded, (id) => found.push(bestForm(store, id)));
  found.sort((a, b) => b.frequency - a.frequency || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return found.slice(0, limit).map((f) => f.text);
}
