// Reads of reference data: the supplier list with article counts (from the derived articlesBySupplier, no scan).
import type { Supplier } from '../../../schemas/entities.ts';
import { SUPPLIERS_LISTED_MAX } from '../../../schemas/limits.ts';
import { found, type QueryResult } from '../query-result.ts';
import type { State } from '../state.ts';

export interface SupplierRow extends Supplier {
  articleCount: number;
}

/** Suppliers by name (then id), at most SUPPLIERS_LISTED_MAX; `total` counts them all. */
export function listSuppliers(state: State): QueryResult<{ total: number; suppliers: SupplierRow[] }> {
  const all = [...state.suppliers.values()].sort((a, b) =>
    a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name.localeCompare(b.name, 'sv'),
  );
  const suppliers = all.slice(0, SUPPLIERS_LISTED_MAX).map((supplier) => ({
    ...supplier,
    articleCount: state.articlesBySupplier.get(supplier.id)?.size ?? 0,
  }));
  return found({ total: all.length, suppliers });
}
