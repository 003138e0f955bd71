// Derived word forms: heads of Swedish compounds (duschstol → stol) and plural stems of ISO titles.

import { COMPOUND_MODIFIER_MIN_CHARS, STEM_MIN_CHARS } from './constants.ts';

/**
 * Known head words of assistive-device compounds. Only heads that are product types in their own
 * right, so `stol` finding `duschstol` helps; derived matches rank below whole-word matches.
 */
export const COMPOUND_HEADS: readonly string[] = [
  'stol',
  'rullstol',
  'lyft',
  'personlyft',
  'säng',
  'bord',
  'dyna',
  'madrass',
  'kudde',
  'pall',
  'förstärkare',
  'bälte',
  'sele',
  'ramp',
  'handtag',
  'käpp',
  'krycka',
  'vagn',
  'cykel',
  'sits',
  'rygg',
  'dator',
  'telefon',
  'larm',
  'klocka',
  'lampa',
  'skena',
  'ortos',
  'hållare',
  'matta',
  'plattform',
  'tangentbord',
  'skärm',
  'rollator',
  'chair',
  'lift',
  'bed',
];

/** Plural endings of Swedish (and one English) title words, longest first so `-arna` wins over `-ar`. */
const PLURAL_SUFFIXES: readonly string[] = ['arna', 'erna', 'orna', 'ar', 'er', 'or', 's'];
const NOT_PLURAL_S = /(ss|us|is)$/;

/** Heads that end the word with a non-trivial modifier in front, e.g. elrullstol → rullstol, stol. */
export function compoundParts(word: string): string[] {
  const parts: string[] = [];
  for (const head of COMPOUND_HEADS) {
    if (word.length - head.length >= COMPOUND_MODIFIER_MIN_CHARS && word.endsWith(head)) parts.push(head);
  }
  return parts;
}

/** Singular stem of a plural title word (rollatorer → rollator), or undefined. */
export function pluralStem(word: string): string | undefined {
  for (const suffix of PLURAL_SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < STEM_MIN_CHARS) continue;
    if (suffix === 's' && NOT_PLURAL_S.test(word)) return undefined;
    return word.slice(0, word.length - suffix.length);
  }
  return undefined;
}

/**
 * Extra index words for a name word (compound heads) or an ISO title word (stem, and heads of
 * the word and of its stem). Never contains the word itself; no duplicates.
 */
export function derivedWords(word: string, isTitle: boolean): string[] {
  const out: string[] = [];
  const add = (w: string): void => {
    if (w !== word && !out.includes(w)) out.push(w);
  };
  for (const part of compoundParts(word)) add(part);
  if (isTitle) {
    const stem = pluralStem(word);
    if (stem !== undefined) {
      add(stem);
      for (const part of compoundParts(stem)) add(part);
    }
  }
  return out;
}
