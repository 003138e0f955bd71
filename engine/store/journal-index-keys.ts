// The journal index keys of journal entries: a pure function of the entries and the stock balances after them (the
// stock rows the commit writes, or, when the index is built from an old journal, the stock table walked backwards).
// Both stores call it from `append`, so an entry and its keys are written in one transaction.
import type { JournalEntry } from '../../schemas/events.ts';
import { describeChange } from '../core/change-log/describe.ts';
import { stockKey } from '../core/keys.ts';
import { stockMovements } from '../core/stock/movements.ts';
import type { RowWrite } from './store.ts';
import { CHANGE_ENTITY, CHANGE_TIME, CHANGE_USER, type IndexWrite, LEDGER, LEDGER_WAREHOUSE } from './journal-index.ts';

/** A stock row's balance; null when not known (a caller that wrote no stock row for it: tests of the store alone). */
export interface Balance {
  onHand: number | null;
  reserved: number | null;
}

/** The balances after the append, from the stock rows it writes. */
export function balancesOf(rows: readonly RowWrite[]): Map<string, Balance> {
  const balances = new Map<string, Balance>();
  for (const row of rows) {
    if (row.table !== 'stock') continue;
    const { onHand, reserved } = row.value as { onHand: number; reserved: number };
    balances.set(String(row.key), { onHand, reserved });
  }
  return balances;
}

/**
 * The index writes of `entries`, given the balances after the last of them. Walks backwards: a movement's balance
 * after is the current one, and taking its change off gives the balance before it (after the previous movement).
 * `balances` is changed (to the balances before the first entry), so a caller can walk on through earlier entries.
 */
export function journalIndexWrites(entries: readonly JournalEntry[], balances: Map<string, Balance>): IndexWrite[] {
  const writes: IndexWrite[] = [];
  for (let e = entries.length - 1; e >= 0; e--) {
    const entry = entries[e]!;
    ledgerWrites(entry, balances, writes);
    changeWrites(entry, writes);
  }
  return writes;
}

function ledgerWrites(entry: JournalEntry, balances: Map<string, Balance>, writes: IndexWrite[]): void {
  const moves = stockMovements(entry);
  for (let n = moves.length - 1; n >= 0; n--) {
    const move = moves[n]!;
    const key = stockKey(move.warehouse, move.artNo);
    const event = entry.events[move.event]!;
    const known = balances.get(key) ?? {
      // Without the row, an adjustment still knows its onHand after; reserved stays unknown.
      onHand: event.type === 'stock.adjusted' ? event.onHandAfter : null,
      reserved: null,
    };
    // The whole line (a covering index): a ledger page reads keys only, no journal entry per line. Written from the
    // entry in its own transaction, so it cannot disagree with it; the order of fields is LEDGER_VALUE's.
    const value = [
      move.warehouse,
      known.onHand,
      known.reserved,
      entry.timeMs,
      move.cause,
      move.reason,
      move.note,
      move.userId,
      move.orderNo,
      move.pickupNo,
      move.onHandDelta,
      move.reservedDelta,
    ];
    writes.push({ key: [LEDGER, move.artNo, entry.seq, n], value });
    writes.push({ key: [LEDGER_WAREHOUSE, move.artNo, move.warehouse, entry.seq, n], value });
    balances.set(key, {
      onHand: known.onHand === null ? null : known.onHand - move.onHandDelta,
      reserved: known.reserved === null ? null : known.reserved - move.reservedDelta,
    });
  }
}

function changeWrites(entry: JournalEntry, writes: IndexWrite[]): void {
  entry.events.forEach((event, n) => {
    const change = describeChange(event);
    if (change === null) return;
    const { entityKind: kind, entityId: id, userId } = change;
    const at = [entry.timeMs, entry.seq, n];
    writes.push({ key: [CHANGE_ENTITY, kind, id, ...at], value: [userId] });
    writes.push({ key: [CHANGE_USER, userId, ...at], value: [kind, id] });
    writes.push({ key: [CHANGE_TIME, ...at], value: [kind, id, userId] });
  });
}
