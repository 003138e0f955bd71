// Query filters resolved to masks: statuses, suppliers (folded prefix), ISO subtree, and per pair.

import { CLASS_SPAN, KEY_IN_STOCK, KEY_STATUS_MASK, STATUS_FREE } from './doc-table.ts';
import type { IndexStore } from './index-store.ts';
import type { Filter } from './plan-types.ts';
import { digitsOnly, foldPhrase } from './normalize.ts';
import type { SearchQuery } from './types.ts';

/** Highest status code shown by default (active, outgoing) and with includeDiscontinued. */
const STATUS_MAX_DEFAULT = 1;
const STATUS_MAX_ALL = 2;

/** Builds a Filter per query into reused masks (group and pair counts are small). */
export class FilterBuilder {
  private supplierMask: Uint8Array = new Uint8Array(0);
  private setMask: Uint8Array = new Uint8Array(0);
  private pairMask: Uint8Array = new Uint8Array(0);
  private readonly classMask = new Uint8Array(CLASS_SPAN);
  private readonly classList = new Int32Array(CLASS_SPAN);

  constructor(private readonly store: IndexStore) {}

  /**
   * supplier: case- and diacritic-insensitive, matching the whole name or a prefix of it
   * ('sunrise', 'Sunrise Med'); isoPrefix: '12', '12 06' or '12 06 06' (digits compared, so
   * '120606' works too). Empty values do not filter. stockOnly admits only articles whose
   * index-held main-warehouse stock bit is set.
   */
  of(q: SearchQuery, stockOnly: boolean): Filter {
    const statusMax = q.includeDiscontinued ? STATUS_MAX_ALL : STATUS_MAX_DEFAULT;
    const classOk = this.classMask;
    let admitted = 0;
    for (let c = 0; c < CLASS_SPAN; c++) {
      const status = c & KEY_STATUS_MASK;
      classOk[c] = status !== STATUS_FREE && status <= statusMax && (!stockOnly || (c & KEY_IN_STOCK) !== 0) ? 1 : 0;
      if (classOk[c] === 1) this.classList[admitted++] = c;
    }
    const classes = this.classList.subarray(0, admitted);
    const supplierKey = q.supplier === undefined ? '' : foldPhrase(q.supplier);
    const isoKey = q.isoPrefix === undefined ? '' : digitsOnly(q.isoPrefix);
    let supplierAllowed: Uint8Array | null = null;
    if (supplierKey) {
      this.supplierMask = groupMask(this.supplierMask, this.store.suppliers.groups, supplierKey);
      supplierAllowed = this.supplierMask;
    }
    let setAllowed: Uint8Array | null = null;
    if (isoKey) {
      this.setMask = groupMask(this.setMask, this.store.sets.groups, isoKey);
      setAllowed = this.setMask;
    }
    return {
      statusMax,
      classOk,
      classes,
      supplierAllowed,
      setAllowed,
      pairOk: supplierAllowed || setAllowed ? this.pairs(supplierAllowed, setAllowed) : null,
    };
  }

  /** Per pair, so hot loops check one small array per article. */
  private pairs(supplierAllowed: Uint8Array | null, setAllowed: Uint8Array | null): Uint8Array {
    const pairs = this.store.pairs.pairs;
    if (this.pairMask.length < pairs.length) this.pairMask = new Uint8Array(pairs.length * 2);
    const m = this.pairMask;
    m.fill(0);
    for (const p of pairs) {
      if (p && (!supplierAllowed || supplierAllowed[p.supplier] === 1) && (!setAllowed || setAllowed[p.set] === 1))
        m[p.id] = 1;
    }
    return m;
  }
}

/** Reusable 0/1 mask over group ids: 1 where the group's filter key starts with prefix. */
function groupMask(
  buf: Uint8Array,
  groups: ReadonlyArray<{ id: number; filterKey: string } | undefined>,
  prefix: string,
): Uint8Array {
  const m = buf.length >= groups.length ? buf : new Uint8Array(Math.max(groups.length, buf.length * 2));
  m.fill(0);
  for (const g of groups) if (g?.filterKey.startsWith(prefix)) m[g.id] = 1;
  return m;
}
