// Shared field groups: suppliers and ISO title sets are interned once and articles link to them.

import { PostingList } from './posting-list.ts';
import type { Form } from './vocabulary.ts';

/**
 * Why groups: 100 000 articles share a few hundred suppliers and ISO codes. Indexing their words
 * once per group (word → group ids) and linking each article to its group (article → group id)
 * avoids one posting per article per title word; a query term scores a group once and every
 * candidate article reads its group's score in O(1).
 */
export interface Group {
  readonly id: number;
  readonly key: string;
  /** Folded phrase (suppliers) or ISO code digits (title sets), used by the query filters. */
  readonly filterKey: string;
  /** Words indexed for the group with their flag bits, so they can be removed again. */
  readonly words: ReadonlyArray<readonly [word: string, flag: number]>;
  /** The vocabulary forms of those words, same order (filled by the store). */
  readonly forms: Form[];
  /** Member articles, ascending doc ids. */
  readonly docs: PostingList;
}

export class GroupTable {
  private readonly byKey = new Map<string, number>();
  readonly groups: (Group | undefined)[] = [];
  private readonly free: number[] = [];

  get capacity(): number {
    return this.groups.length;
  }

  get(key: string): Group | undefined {
    const id = this.byKey.get(key);
    return id === undefined ? undefined : this.groups[id];
  }

  /** Create a group; reuses the most recently freed id so the id space stays dense. */
  create(key: string, filterKey: string, words: ReadonlyArray<readonly [string, number]>): Group {
    const id = this.free.pop() ?? this.groups.length;
    const group: Group = { id, key, filterKey, words, forms: [], docs: new PostingList() };
    this.groups[id] = group;
    this.byKey.set(key, id);
    return group;
  }

  delete(group: Group): void {
    this.byKey.delete(group.key);
    this.groups[group.id] = undefined;
    this.free.push(group.id);
  }
}
