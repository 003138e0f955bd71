// Loading: the state from its tables, with every derived index built (on start-up, after seeding, in tests). Kept
// apart from state.ts so the State type stays a leaf that the index builders can import.
import { assert } from './assert.ts';
import { buildArticleIndexes } from './articles/article-index.ts';
import { buildOrderIndex } from './orders/order-index.ts';
import { buildPickupIndex } from './pickups/pickup-index.ts';
import { buildSearchIndex } from './search-docs.ts';
import type { Derived, State, Tables } from './state.ts';
import { buildStockIndexes } from './stock/stock-index.ts';
import { buildUsersByUsername } from './users/user-index.ts';
import { buildWorkOrderIndex } from './work-orders/work-order-index.ts';
import { buildAccessIndex } from './patient-access/access-index.ts';
// Issue 14, Lager:
import { buildBelowMin } from './stock/min-level-index.ts';
// Issue 15, desk:
import { buildNoteIndex } from './notes/note-index.ts';
import { buildDeviationIndex } from './deviations/deviation-index.ts';
// Issue 15, loans:
import { buildLoanIndex } from './loans/loan-index.ts';
// Issue 15, recalls:
import { buildRecallIndex, noteDeliveredUnits } from './recalls/recall-index.ts';
// Issue 15, returns:
import { buildReturnIndex } from './returns/return-index.ts';

/** Builds the derived indexes from the tables (on load and after seeding). */
export function stateFromTables(tables: Tables, seq: number): State {
  // Issue 16: one pass over the orders feeds every index over them.
  const deliveredBy = new Map<number, number>();
  const orderIndex = buildOrderIndex(tables.orders, tables.messages, (order) => noteDeliveredUnits(deliveredBy, order));
  const derived: Derived = {
    search: buildSearchIndex(tables),
    orderIndex,
    pickupIndex: buildPickupIndex(tables.pickups),
    workOrderIndex: buildWorkOrderIndex(tables.workOrders),
    accessIndex: buildAccessIndex(tables.patientAccess),
    ...buildArticleIndexes(tables),
    ...buildStockIndexes(tables),
    usersByUsername: buildUsersByUsername(tables.users),
    // Issue 14, Lager:
    belowMin: buildBelowMin(tables),
    // Issue 15, desk:
    noteIndex: buildNoteIndex(tables.notes),
    deviationIndex: buildDeviationIndex(tables.deviations),
    // Issue 15, loans:
    loanIndex: buildLoanIndex(tables.loans),
    // Issue 15, recalls:
    recallIndex: buildRecallIndex(tables, deliveredBy),
    // Issue 15, returns:
    returnIndex: buildReturnIndex(tables),
  };
  const state: State = { ...tables, ...derived, seq };
  assert(state.iso.size === 0 || state.isoRoots.length > 0, 'ISO tree has roots');
  return state;
}
