// Index contents and live maintenance: articles, vocabulary postings, supplier and ISO title groups.

import { ARTNO_DIGITS, FLAG_DERIVED, FLAG_WHOLE } from './constants.ts';
import { derivedWords } from './compounds.ts';
import { DocTable, KEY_CLASS_MASK, KEY_IN_STOCK, KEY_SHIFT, STATUS_CODE } from './doc-table.ts';
import { type Group, GroupTable } from './groups.ts';
import { digitsOnly, foldPhrase, tokenize } from './normalize.ts';
import { noteAdded, noteMoved, noteRemoved } from './list-pairs.ts';
import { PairTable } from './pair-counts.ts';
import type { SearchDoc } from './types.ts';
import { type Field, type Form, Vocabulary } from './vocabulary.ts';

const ARTNO_PATTERN = new RegExp(`^\\d{${ARTNO_DIGITS}}$`);
const KEY_SEPARATOR = '\u0000';
const TITLE_SEPARATOR = '\u0001';

export function isArtNo(artNo: string): boolean {
  return ARTNO_PATTERN.test(artNo);
}

export class IndexStore {
  readonly docs = new DocTable();
  readonly vocab: Vocabulary;
  readonly sets = new GroupTable();
  readonly suppliers = new GroupTable();
  readonly pairs = new PairTable();
  /** Told when setInStock moves an article between classes (kept term totals follow it). */
  onClassMoved: (doc: number, pair: number, from: number, to: number) => void = () => {};
  /** Raw supplier name, and raw ISO code + titles, → group (see supplierOf). */
  private readonly supplierByRaw = new Map<string, Group>();
  private readonly setByRaw = new Map<string, Group>();

  constructor(bitsetListMin?: number) {
    this.vocab = new Vocabulary(bitsetListMin);
  }

  upsert(doc: SearchDoc): void {
    if (!isArtNo(doc.artNo)) throw new RangeError(`artNo must be ${ARTNO_DIGITS} digits: ${JSON.stringify(doc.artNo)}`);
    if (!Object.hasOwn(STATUS_CODE, doc.status)) throw new RangeError(`unknown status: ${JSON.stringify(doc.status)}`);
    let id = this.docs.idOf(Number(doc.artNo));
    if (id >= 0) this.unlink(id);
    else id = this.docs.allocate(Number(doc.artNo));
    this.link(id, doc);
  }

  /**
   * Main-warehouse availability of an article crossed zero (or was set again): moves it between the
   * in-stock and out-of-stock classes of its pair and name lists. O(name words); a no-op when unchanged.
   */
  setInStock(artNo: string, inStock: boolean): void {
    if (!isArtNo(artNo)) return;
    const id = this.docs.idOf(Number(artNo));
    if (id < 0) return;
    const key = this.docs.key[id]!;
    const next = inStock ? key | KEY_IN_STOCK : key & ~KEY_IN_STOCK;
    if (next === key) return;
    const pair = key >> KEY_SHIFT;
    const from = key & KEY_CLASS_MASK;
    const to = next & KEY_CLASS_MASK;
    this.docs.key[id] = next;
    this.pairs.move(pair, from, to);
    for (const form of this.docs.forms[id]!) noteMoved(form.docs!, pair, from, to);
    this.onClassMoved(id, pair, from, to);
  }

  remove(artNo: string): void {
    if (!isArtNo(artNo)) return;
    const id = this.docs.idOf(Number(artNo));
    if (id < 0) return;
    this.unlink(id);
    this.docs.release(id);
  }

  /**
   * Bring doc ids back into article-number order (and drop holes) when inserts broke it; every
   * search calls this first. O(postings) when it runs, which is only after such changes.
   */
  prepare(): void {
    if (!this.docs.stale) return;
    const map = this.docs.renumber();
    for (const forms of this.vocab.forms) for (const f of forms) f.docs?.remap(map);
    for (const table of [this.sets, this.suppliers]) for (const g of table.groups) g?.docs.remap(map);
    for (const p of this.pairs.pairs) p?.docs.remap(map);
  }

  /** Sizes for benchmark reports. */
  stats(): { words: number; typoEntries: number; sets: number; suppliers: number } {
    const live = (t: GroupTable) => t.groups.filter((g) => g !== undefined).length;
    return {
      words: this.vocab.words.length,
      typoEntries: this.vocab.typoEntries,
      sets: live(this.sets),
      suppliers: live(this.suppliers),
    };
  }

  private link(id: number, doc: SearchDoc): void {
    const docs = this.docs;
    const cls = STATUS_CODE[doc.status] | (doc.inStock === true ? KEY_IN_STOCK : 0);
    docs.names[id] = doc.name;
    docs.artNoTexts[id] = doc.artNo;
    const supplier = this.supplierOf(doc.supplierName);
    supplier.docs.add(id, 0);
    const set = this.setOf(doc.isoCode, doc.isoTitles);
    set.docs.add(id, 0);
    const pair = this.pairs.add(set.id, supplier.id, cls, id);
    docs.set(id, pair, cls);
    // Name words last: long lists' per-pair counts read the article's pair and class.
    const forms: Form[] = [];
    for (const [word, flag] of nameWords(doc.name)) {
      const form = this.vocab.add(word, 'docs', id, flag);
      noteAdded(form.docs!, docs.key, pair, cls);
      forms.push(form);
    }
    docs.forms[id] = forms;
  }

  /**
   * The supplier group of a raw name. Why the raw-text memo: tokenising every article's supplier
   * and ISO titles just to find its group dominated the build; a memo hit is checked to be live.
   */
  private supplierOf(name: string): Group {
    const known = this.supplierByRaw.get(name);
    if (known && this.suppliers.groups[known.id] === known) return known;
    const words = tokenize(name);
    const group = this.join(this.suppliers, words.join(' '), foldPhrase(name), 'suppliers', () =>
      [...new Set(words)].map((w) => [w, FLAG_WHOLE] as const),
    );
    this.supplierByRaw.set(name, group);
    return group;
  }

  /** The ISO title-set group of an ISO code and its raw titles (memoised like suppliers). */
  private setOf(isoCode: string, isoTitles: readonly string[]): Group {
    const raw = isoCode + KEY_SEPARATOR + isoTitles.join(TITLE_SEPARATOR);
    const known = this.setByRaw.get(raw);
    if (known && this.sets.groups[known.id] === known) return known;
    const iso = digitsOnly(isoCode);
    const titles = isoTitles.map((t) => tokenize(t).join(' '));
    const group = this.join(this.sets, iso + KEY_SEPARATOR + titles.join(TITLE_SEPARATOR), iso, 'sets', () =>
      titleWords(titles),
    );
    this.setByRaw.set(raw, group);
    return group;
  }

  private unlink(id: number): void {
    const docs = this.docs;
    const pair = docs.pair(id);
    const cls = docs.cls(id);
    const { set, supplier } = this.pairs.pairs[pair]!;
    for (const form of docs.forms[id]!) {
      form.docs!.remove(id);
      noteRemoved(form.docs!, pair, cls);
    }
    this.pairs.remove(pair, cls, id);
    this.leave(this.suppliers, supplier, id, 'suppliers');
    this.leave(this.sets, set, id, 'sets');
  }

  /** The group for key, created with its words indexed on first use. */
  private join(
    table: GroupTable,
    key: string,
    filterKey: string,
    field: Field,
    words: () => ReadonlyArray<readonly [string, number]>,
  ): Group {
    const existing = table.get(key);
    if (existing) return existing;
    const group = table.create(key, filterKey, words());
    for (const [word, flag] of group.words) group.forms.push(this.vocab.add(word, field, group.id, flag));
    return group;
  }

  /** Remove an article from its group; the last one out removes the group's words. */
  private leave(table: GroupTable, groupId: number, id: number, field: Field): void {
    const group = table.groups[groupId]!;
    group.docs.remove(id);
    if (group.docs.length > 0) return;
    for (const [word] of group.words) this.vocab.remove(word, field, group.id);
    table.delete(group);
  }
}

/** Name words (whole) and their compound heads (derived), each word once with its OR-ed flags. */
export function nameWords(name: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const word of tokenize(name)) {
    out.set(word, (out.get(word) ?? 0) | FLAG_WHOLE);
    for (const part of derivedWords(word, false)) out.set(part, (out.get(part) ?? 0) | FLAG_DERIVED);
  }
  return out;
}

/** ISO title words (whole) plus plural stems and compound heads (derived), each once. */
export function titleWords(titles: readonly string[]): Array<readonly [string, number]> {
  const out = new Map<string, number>();
  for (const title of titles) {
    for (const word of tokenize(title)) {
      out.set(word, (out.get(word) ?? 0) | FLAG_WHOLE);
      for (const d of derivedWords(word, true)) out.set(d, (out.get(d) ?? 0) | FLAG_DERIVED);
    }
  }
  return [...out];
}
