// Stock events into state: the balance changes in place (stock rows are copied when written), rental individuals are
// registered, written off or back on the shelf, and the search index's in-stock bit follows the main warehouse.
import type { StockAdjusted } from '../../../schemas/events.ts';
import type { StockMinLevelSet } from '../../../schemas/stock-admin.ts';
import { assert, unreachable } from '../assert.ts';
import type { StockEvent } from '../event-groups.ts';
import { stockKey } from '../keys.ts';
import { noteStockChange } from '../search-docs.ts';
import type { State } from '../state.ts';
import { noteBelowMin } from './min-level-index.ts';
import { addStockRow, indexIndividual } from './stock-index.ts';

export function applyStockEvent(state: State, event: StockEvent): void {
  switch (event.type) {
    case 'stock.adjusted':
      applyAdjusted(state, event);
      return;
    case 'stock.minLevelSet':
      applyMinLevelSet(state, event);
      return;
    default:
      unreachable(event, 'stock event');
  }
}

/**
 * A minimum level set: the row replaced, never changed in place; the below-min set follows. A cleared level stays a
 * row with level 0 (the store writes the rows an event touched, it deletes none), which counts as no minimum.
 */
function applyMinLevelSet(state: State, event: StockMinLevelSet): void {
  const key = stockKey(event.warehouse, event.artNo);
  assert((state.minLevels.get(key)?.minLevel ?? 0) === event.before, `minimum of ${key} was ${event.before}`);
  state.minLevels.set(key, { warehouse: event.warehouse, artNo: event.artNo, minLevel: event.minLevel });
  noteBelowMin(state, event.warehouse, event.artNo);
}

function applyAdjusted(state: State, event: StockAdjusted): void {
  const key = stockKey(event.warehouse, event.artNo);
  let row = state.stock.get(key);
  if (row === undefined) {
    row = { warehouse: event.warehouse, artNo: event.artNo, onHand: 0, reserved: 0 };
    addStockRow(state, row);
  }
  row.onHand += event.delta;
  assert(row.onHand === event.onHandAfter, `onHand ${row.onHand} matches event ${event.onHandAfter}`);
  assert(row.onHand >= row.reserved && row.reserved >= 0, `stock ${key} stays covered`);
  noteStockChange(state, row);
  for (const indNo of event.individuals) {
    if (event.returned === true) {
      returnUnit(state, indNo, event.artNo, event.warehouse);
      continue;
    }
    if (event.delta > 0) {
      assert(!state.individuals.has(indNo), `individual ${indNo} is new`);
      const ind = { indNo, artNo: event.artNo, location: { kind: 'warehouse', warehouse: event.warehouse } } as const;
      state.individuals.set(indNo, ind);
      indexIndividual(state, ind);
      continue;
    }
    const ind = state.individuals.get(indNo);
    assert(
      ind !== undefined && ind.location.kind === 'warehouse' && ind.location.warehouse === event.warehouse,
      `individual ${indNo} is in ${event.warehouse}`,
    );
    assert(!state.orderIndex.taken.has(indNo), `written-off individual ${indNo} is not picked`);
    state.individuals.set(indNo, { ...ind, location: { kind: 'writtenOff', warehouse: event.warehouse } });
  }
}

/** A held unit back on the shelf: out of its patient's list, into the warehouse. */
function returnUnit(state: State, indNo: number, artNo: string, warehouse: string): void {
  const ind = state.individuals.get(indNo);
  assert(ind !== undefined && ind.artNo === artNo, `returned individual ${indNo} is a ${artNo}`);
  const from = ind.location;
  assert(from.kind === 'patient' || from.kind === 'careUnit', `returned individual ${indNo} was held`);
  if (from.kind === 'patient') {
    const held = state.individualsByPnr.get(from.pnr)!;
    const at = held.indexOf(indNo);
    assert(at >= 0, `individual ${indNo} listed under its patient`);
    held.splice(at, 1);
    if (held.length === 0) state.individualsByPnr.delete(from.pnr);
  }
  state.individuals.set(indNo, { ...ind, location: { kind: 'warehouse', warehouse } });
}
