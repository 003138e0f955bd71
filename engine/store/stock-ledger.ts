// The stock ledger of an article: its stock movements newest first, a page at a time, from the journal index alone:
// each ledger key carries its line (written with the entry, from stockMovements of it). Never a journal scan, and no
// entry read: a page reads `limit` keys.
import type { StockLedgerArgs } from '../../schemas/stock-admin.ts';
import type { MovementCause, StockMovement } from '../core/stock/movements.ts';
import type { StockReason } from '../../schemas/primitives.ts';
import {
  type IndexKey,
  type IndexValue,
  type JournalIndex,
  KEY_NUMBER_MAX,
  LEDGER,
  LEDGER_WAREHOUSE,
} from './journal-index.ts';

/** One movement as the ledger shows it, with the balance after. */
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

/** A ledger key's value (LEDGER_VALUE) as a line; field by field: this runs for every line of every page. */
function lineOf(seq: number, value: IndexValue): LedgerLine {
  return {
    seq,
    timeMs: value[3] as number,
    warehouse: value[0] as string,
    cause: value[4] as MovementCause,
    reason: value[5] as StockReason | null,
    note: value[6] as string,
    userId: value[7] as string,
    orderNo: value[8] as number | null,
    pickupNo: value[9] as number | null,
    onHandDelta: value[10] as number,
    reservedDelta: value[11] as number,
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
  let lastN = 0;
  for (const { key, value } of index.range({ start, end: prefix, reverse: true, limit: args.limit + 2 })) {
    const seq = key[key.length - 2] as number;
    const n = key[key.length - 1] as number;
    if (after !== null && seq === after[0] && n === after[1]) continue; // the cursor's own line
    if (lines.length === args.limit) {
      more = true;
      break;
    }
    lines.push(lineOf(seq, value));
    lastN = n;
  }
  // The cursor names the last line by its key: its seq is on the line, its n was kept.
  const last = lines[lines.length - 1];
  return { artNo: args.artNo, lines, next: more && last !== undefined ? `${last.seq}.${lastN}` : null };
}
