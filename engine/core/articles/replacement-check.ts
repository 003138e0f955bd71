// The replacement-link rule, shared by the deciders (article.upsert, replacement.set) and the admin screen's check
// query (catalog.replacementCheck), so what the screen says before saving is what the decider then decides.
import { REPLACEMENT_HOPS_MAX } from '../../../schemas/limits.ts';
import { reject, type Rejection } from '../rejections.ts';
import type { State } from '../state.ts';

/** Walks the chain that would start at `artNo` (a loop, not recursion): no cycles, at most REPLACEMENT_HOPS_MAX hops. */
export function checkReplacementChain(state: State, artNo: string, replacedBy: string | null): Rejection | null {
  let next = replacedBy;
  for (let hops = 1; next !== null; hops++) {
    if (next === artNo) return reject('replacement_cycle', `Ersättningskedjan från ${artNo} går i cirkel.`);
    if (hops > REPLACEMENT_HOPS_MAX) {
      return reject(
        'replacement_too_long',
        `Ersättningskedjan från ${artNo} är längre än ${REPLACEMENT_HOPS_MAX} steg.`,
      );
    }
    next = state.articles.get(next)?.replacedBy ?? null;
  }
  return null;
}

/** One link as admin.replacementSet sets it: both articles exist, then the chain rule above (self is a cycle). */
export function checkReplacementLink(state: State, artNo: string, replacedBy: string | null): Rejection | null {
  if (!state.articles.has(artNo)) return reject('unknown_article', `Artikel ${artNo} finns inte.`);
  if (replacedBy !== null && !state.articles.has(replacedBy)) {
    return reject('unknown_article', `Ersättande artikel ${replacedBy} finns inte.`);
  }
  return checkReplacementChain(state, artNo, replacedBy);
}

/** The replacedBy walk `artNo` would start if it were replaced by `replacedBy` (bounded, stops at a repeat). */
export function proposedChain(state: State, artNo: string, replacedBy: string | null): string[] {
  const chain = [artNo];
  const seen = new Set(chain);
  for (let next = replacedBy; next !== null && chain.length <= REPLACEMENT_HOPS_MAX + 1; ) {
    chain.push(next);
    if (seen.has(next)) break;
    seen.add(next);
    next = state.articles.get(next)?.replacedBy ?? null;
  }
  return chain;
}
