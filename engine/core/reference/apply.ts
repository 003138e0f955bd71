// Reference events into state: the ISO node or supplier row, and the search documents that show its text (ISO
// titles and supplier names are words of every article under the node or of the supplier), so search finds the new
// text at once. Rows are replaced, never changed in place.
import { unreachable } from '../assert.ts';
import { divisionsUnder } from '../articles/queries.ts';
import type { ReferenceEvent } from '../event-groups.ts';
import { searchDocOf } from '../search-docs.ts';
import type { State } from '../state.ts';

export function applyReferenceEvent(state: State, event: ReferenceEvent): void {
  switch (event.type) {
    case 'iso.titleSet':
      state.iso.set(event.node.code, event.node);
      reindex(state, articlesUnder(state, event.node.code));
      return;
    case 'supplier.upserted':
      state.suppliers.set(event.supplier.id, event.supplier);
      if (event.before !== null && event.before.name !== event.supplier.name) {
        reindex(state, state.articlesBySupplier.get(event.supplier.id) ?? []);
      }
      return;
    default:
      unreachable(event, 'reference event');
  }
}

function* articlesUnder(state: State, code: string): Iterable<string> {
  for (const division of divisionsUnder(state, code)) yield* state.articlesByIso.get(division) ?? [];
}

/** Rebuilds the search documents of these articles (their ISO titles or supplier name changed). */
function reindex(state: State, artNos: Iterable<string>): void {
  for (const artNo of artNos) state.search.upsert(searchDocOf(state, state.articles.get(artNo)!));
}
