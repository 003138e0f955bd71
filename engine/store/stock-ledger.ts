// The stock ledger of an article: its stock movements newest first, a page at a time, from the journal index (the
// order and the balances after) and the journal (each movement's entry, read by seq). Never a journal scan: a page
// reads `limit` keys and at most that many entries.
import type { StockLedgerArgs } from '../../schemas/stock-admin.ts';
import { type StockMovement, stockMovements } from '../core/stock/movements.ts';
import { type IndexKey, type JournalIndex, KEY_NUMBER_MAX, LEDGER, LEDGER_WAREHOUSE } from './journal-index.ts';

/** One movement as the ledger shows it: the journal's facts, and the balance after from the index. */
export interface LedgerLine extends Omit<StockMovement, 'event' | 'artNo'> {
  seq: number;
  timeMs: number;
  /** The balance after the movement (null: not known, an entry written without its stock row). */
  onHandAfter: number | null;
  reservedAfter: number | null;
}

export interface LedgerPage {
  artNo: string;
  lines: LedgerLine[];
  /** The cursor of the next (older) page; null on the last. */
  next: string | null;
}

function parseCursor(cursor: string): [number, number] {
  const [seq, n] = cursor.split('.').map(Number);
  return [seq ?? 0, n ?? 0];
}

function lineOf(seq: number, timeMs: number, move: StockMovement, value: readonly unknown[]): LedgerLine {
  // Field by field, not a spread: this runs for every line of every page.
  return {
    seq,
    timeMs,
    warehouse: move.warehouse,
    cause: move.cause,
    reason: move.reason,
    note: move.note,
    userId: move.userId,
    orderNo: move.orderNo,
    pickupNo: move.pickupNo,
    onHandDelta: move.onHandDelta,
    reservedDelta: move.reservedDelta,
    onHandAfter: value[1] as number | null,
    reservedAfter: value[2] as number | null,
  };
}

export function ledgerPage(index: JournalIndex, args: StockLedgerArgs): LedgerPage {
  const prefix: IndexKey =
    args.warehouse === undefined ? [LEDGER, args.artNo] : [LEDGER_WAREHOUSE, args.artNo, args.warehouse];
  const after = args.cursor === undefined ? null : parseCursor(args.cursor);
  const start = after === null ? [...prefix, KEY_NUMBER_MAX] : [...prefix, ...after];
  const lines: LedgerLine[] = [];
  let more = false;
  // One movement list per entry read: an order's lines share one entry.
  let cachedSeq = -1;
  let cachedTimeMs = 0;
  let moves: StockMovement[] = [];
  let lastN = 0;
  for (const { key, value } of index.range({ start, end: prefix, reverse: true, limit: args.limit + 2 })) {
    const seq = key[key.length - 2] as number;
    const n = key[key.length - 1] as number;
    if (after !== null && seq === after[0] && n === after[1]) continue; // the cursor's own line
    if (lines.length === args.limit) {
      more = true;
      break;
    }
    if (seq !== cachedSeq) {
      const entry = index.entry(seq);
      if (entry === undefined) throw new Error(`journal index names entry ${seq}, which the journal lacks`);
      cachedSeq = seq;
      cachedTimeMs = entry.timeMs;
      moves = stockMovements(entry);
    }
    lines.push(lineOf(seq, cachedTimeMs, moves[n]!, value));
    lastN = n;
  }
  // The cursor names the last line by its key: its seq is on the line, its n was kept.
  const last = lines[lines.length - 1];
  return { artNo: args.artNo, lines, next: more && last !== undefined ? `${last.seq}.${lastN}` : null };
}
