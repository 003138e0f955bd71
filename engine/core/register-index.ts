// Token index over the population register (names, street, locality, birth date), built lazily on the first search
// because a million persons would otherwise cost start-up time for a screen used a few times an hour.
import type { Person } from '../../schemas/entities.ts';
import { words } from './fold.ts';

export interface RegisterIndex {
  /** Sorted distinct tokens, for prefix ranges by binary search. */
  tokens: string[];
  postings: Map<string, string[]>;
}

export function personTokens(person: Person): string[] {
  const out = [
    ...words(person.givenName),
    ...words(person.familyName),
    ...words(person.address.street),
    ...words(person.address.city),
    ...words(person.municipality),
    person.address.postalCode.replace(' ', ''),
    person.pnr.slice(0, 8),
    person.pnr.slice(2, 8),
  ];
  return [...new Set(out)];
}

export function buildRegisterIndex(persons: Iterable<Person>): RegisterIndex {
  const postings = new Map<string, string[]>();
  for (const person of persons) {
    for (const token of personTokens(person)) {
      const list = postings.get(token);
      if (list === undefined) postings.set(token, [person.pnr]);
      else list.push(person.pnr);
    }
  }
  const tokens = [...postings.keys()].sort();
  return { tokens, postings };
}

/** Persons having a token that starts with `prefix`, as a set of pnr. */
export function matchPrefix(index: RegisterIndex, prefix: string): Set<string> {
  const out = new Set<string>();
  let lo = 0;
  let hi = index.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.tokens[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < index.tokens.length && index.tokens[i].startsWith(prefix); i++) {
    for (const pnr of index.postings.get(index.tokens[i])!) out.add(pnr);
  }
  return out;
}
