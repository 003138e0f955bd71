// The rows a journal entry's events wrote, read from the state after apply: what the store materialises beside the
// journal entry and what commit listeners (pushes) see. Shared by the writer (engine.ts) and by replicas, which apply
// the writer's entries and write or publish the same rows (issue 17).
import type { Event } from '../schemas/events.ts';
import { assert } from './core/assert.ts';
import { rowsTouched } from './core/projection.ts';
import type { State, TableName } from './core/state.ts';
import type { RowWrite } from './store/store.ts';

/**
 * Tables whose rows apply replaces and never changes in place (engine/core/<unit>/apply.ts): the row object as
 * written stays as it was, so it is handed on without a copy. Other rows (stock balances) change in place.
 */
const COPY_ON_WRITE_TABLES: ReadonlySet<string> = new Set([
  'orders',
  'individuals',
  'messages',
  'pickups',
  'news',
  'workOrders',
  // Issue 15, desk:
  'notes',
  'deviations',
  // Issue 15, loans:
  'loans',
]);

/**
 * The current values of every row the events touched: encoded by the store synchronously, and copies (or rows never
 * changed in place), so later commands cannot change what the commit listeners see.
 */
export function rowsWritten(state: State, events: readonly Event[]): RowWrite[] {
  const rows: RowWrite[] = [];
  // Several events of one command often touch the same row (an order's lines): write and publish it once.
  const seen = events.length > 1 ? new Set<string>() : null;
  for (const event of events) {
    for (const [table, key] of rowsTouched(event)) {
      if (seen !== null) {
        const id = `${table}/${key}`;
        if (seen.has(id)) continue;
        seen.add(id);
      }
      const value = (state[table] as Map<string | number, unknown>).get(key);
      assert(value !== undefined, `row ${table}/${key} exists after ${event.type}`);
      rows.push({ table: table as TableName, key, value: COPY_ON_WRITE_TABLES.has(table) ? value : { ...value } });
    }
  }
  return rows;
}
