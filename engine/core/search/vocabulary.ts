// Vocabulary: folded words → spelling forms with postings, a sorted prefix array and a typo index.

import { TYPO_DISTANCE_MAX, TYPO_WORD_CHARS_MAX, VOCAB_PENDING_MAX } from './constants.ts';
import { DeletionIndex, deletionKeys, deletionKeysCapacity, queryKeys } from './deletion-index.ts';
import { boundedDistance } from './edit-distance.ts';
import { fold, hasDigit } from './normalize.ts';
import { BITSET_LIST_MIN, PostingList } from './posting-list.ts';

/** Which posting list of a form: article names, supplier ids, or ISO title-set ids. */
export type Field = 'docs' | 'suppliers' | 'sets';

/** One spelling (lower-case, diacritics kept) of a folded word, with its postings per field. */
export interface Form {
  readonly text: string;
  docs: PostingList | null;
  suppliers: PostingList | null;
  sets: PostingList | null;
}

export class Vocabulary {
  /** Name lists keep bitsets from this length (posting-list.ts). */
  constructor(private readonly bitsetListMin = BITSET_LIST_MIN) {}

  private readonly idsByFolded = new Map<string, number>();
  /** Folded text per word id. */
  readonly words: string[] = [];
  /** Spellings per word id; almost always exactly one. */
  readonly forms: Form[][] = [];
  private sorted: string[] = [];
  private sortedIds: number[] = [];
  private pending: number[] = [];
  private readonly typo = new DeletionIndex();
  private keyScratch = new Float64Array(deletionKeysCapacity(TYPO_WORD_CHARS_MAX));
  /** Per word id: query serial when last visited, to report each word once per lookup. */
  private seen = new Uint32Array(1024);
  private serial = 0;
  /** Candidate word ids of one typo lookup (reused). */
  private readonly typoFound: number[] = [];

  get typoEntries(): number {
    return this.typo.entries;
  }

  get typoBytes(): number {
    return this.typo.bytes;
  }

  idOf(folded: string): number | undefined {
    return this.idsByFolded.get(folded);
  }

  /** Add a posting for a lower-case word (creating word and form on first use); returns the form. */
  add(word: string, field: Field, id: number, flag: number): Form {
    const form = this.formOf(word, true)!;
    let list = form[field];
    if (!list) {
      list = new PostingList(field === 'docs' ? this.bitsetListMin : Infinity);
      form[field] = list;
    }
    list.add(id, flag);
    return form;
  }

  /** Remove a posting; returns the form it was removed from, if any. */
  remove(word: string, field: Field, id: number): Form | undefined {
    const form = this.formOf(word, false);
    return form?.[field]?.remove(id) ? form : undefined;
  }

  /** The form of a lower-case word, if indexed. */
  find(word: string): Form | undefined {
    return this.formOf(word, false);
  }

  /** A word is live while any of its forms has a posting; dead words stay in the side indexes. */
  isLive(wordId: number): boolean {
    for (const f of this.forms[wordId]!) {
      if ((f.docs?.length ?? 0) + (f.suppliers?.length ?? 0) + (f.sets?.length ?? 0) > 0) return true;
    }
    return false;
  }

  /** Visit live words that start with prefix (folded) and are longer than it, in sorted order. */
  forEachPrefixed(prefix: string, visit: (wordId: number) => void): void {
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
      const id = this.sortedIds[i]!;
      if (sorted[i]!.length > prefix.length && this.isLive(id)) visit(id);
    }
    for (const id of this.pending) {
      const w = this.words[id]!;
      if (w.length > prefix.length && w.startsWith(prefix) && this.isLive(id)) visit(id);
    }
  }

  /** Visit live words within distance 1..maxDistance of folded (never the word itself). */
  forEachTypo(folded: string, maxDistance: number, visit: (wordId: number, distance: number) => void): void {
    if (maxDistance <= 0 || folded.length > TYPO_WORD_CHARS_MAX) return;
    const serial = this.nextSerial();
    const n = queryKeys(folded, maxDistance, this.keyScratch);
    const found = this.typoFound;
    found.length = 0;
    for (let k = 0; k < n; k++) this.typo.collect(Math.floor(this.keyScratch[k]! / 4), maxDistance, found);
    for (const id of found) {
      if (this.seen[id] === serial) continue;
      this.seen[id] = serial;
      const w = this.words[id]!;
      if (w === folded || Math.abs(w.length - folded.length) > maxDistance) continue;
      const d = boundedDistance(folded, w, maxDistance);
      if (d <= maxDistance && this.isLive(id)) visit(id, d);
    }
  }

  private formOf(word: string, create: boolean): Form | undefined {
    const folded = fold(word);
    let id = this.idsByFolded.get(folded);
    if (id === undefined) {
      if (!create) return undefined;
      id = this.createWord(folded);
    }
    const forms = this.forms[id]!;
    for (const f of forms) if (f.text === word) return f;
    if (!create) return undefined;
    const form: Form = { text: word, docs: null, suppliers: null, sets: null };
    forms.push(form);
    return form;
  }

  private createWord(folded: string): number {
    const id = this.words.length;
    this.idsByFolded.set(folded, id);
    this.words.push(folded);
    this.forms.push([]);
    if (id >= this.seen.length) {
      const seen = new Uint32Array(this.seen.length * 2);
      seen.set(this.seen);
      this.seen = seen;
    }
    this.pending.push(id);
    if (this.pending.length >= VOCAB_PENDING_MAX) this.mergePending();
    if (!hasDigit(folded) && folded.length <= TYPO_WORD_CHARS_MAX) {
      const n = deletionKeys(folded, TYPO_DISTANCE_MAX, this.keyScratch);
      for (let k = 0; k < n; k++) {
        const key = this.keyScratch[k]!;
        this.typo.insert(Math.floor(key / 4), key % 4, id);
      }
    }
    return id;
  }

  /** Merge the unsorted tail now (after a bulk load), so prefix look-ups need not scan it. */
  flush(): void {
    if (this.pending.length > 0) this.mergePending();
  }

  /** Merge the unsorted tail into the sorted prefix array: O(V) once per VOCAB_PENDING_MAX new words. */
  private mergePending(): void {
    const add = this.pending.sort((a, b) => cmp(this.words[a]!, this.words[b]!));
    const words: string[] = [];
    const ids: number[] = [];
    let i = 0;
    let j = 0;
    while (i < this.sorted.length || j < add.length) {
      const takeOld = j >= add.length || (i < this.sorted.length && this.sorted[i]! < this.words[add[j]!]!);
      const id = takeOld ? this.sortedIds[i++]! : add[j++]!;
      words.push(this.words[id]!);
      ids.push(id);
    }
    this.sorted = words;
    this.sortedIds = ids;
    this.pending = [];
  }

  private nextSerial(): number {
    if (this.serial === 0xffffffff) {
      this.seen.fill(0);
      this.serial = 0;
    }
    return ++this.serial;
  }
}

/** Code-unit order, identical to the `<` used by the binary search. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
