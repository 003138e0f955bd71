// stock.ledger's reply in msgpack, written by hand (as row-reply.ts does for article pages): a page is 50 lines of
// 13 fields, and the generic encoder spent a third of the op's time writing the same keys again and again (profiled
// with bench/profile.ts stock.ledger). Keys are encoded once; values written field by field.
// The bytes decode to exactly what msgpackr gives for the same reply (test/ledger-reply.test.ts).
// Buffer ownership: `encode` returns a view into the encoder's own buffer, valid until its next call.
import type { RequestIdT } from '../../schemas/protocol.ts';
import type { LedgerLine, LedgerPage } from '../store/stock-ledger.ts';
import { MsgpackWriter } from './msgpack-writer.ts';

/** A line's fields in the order the core builds them (stock-ledger.ts lineOf); a field missing here fails the test. */
const LINE_KEYS = [
  'seq',
  'timeMs',
  'warehouse',
  'cause',
  'reason',
  'note',
  'userId',
  'orderNo',
  'pickupNo',
  'onHandDelta',
  'reservedDelta',
  'onHandAfter',
  'reservedAfter',
] as const satisfies ReadonlyArray<keyof LedgerLine>;

const NIL = Uint8Array.of(0xc0);

function strBytes(text: string): Uint8Array {
  const w = new MsgpackWriter(64);
  w.str(text);
  return w.copy();
}

const KEY = Object.fromEntries(
  ['id', 'ok', 'result', 'artNo', 'lines', 'next', ...LINE_KEYS].map((name) => [name, strBytes(name)]),
) as Record<string, Uint8Array>;

function value(w: MsgpackWriter, v: string | number | null): void {
  if (v === null) w.raw(NIL);
  else if (typeof v === 'number') w.num(v);
  else w.str(v);
}

/** The line's keys as msgpack, in LINE_KEYS order (an array: no lookup by name per field). */
const LINE_KEY_BYTES = LINE_KEYS.map((key) => KEY[key]!);

/** Fragments of the few-valued pairs kept at most; past it the cache starts over (it refills). */
const FRAGMENTS_MAX = 10_000;
const fragments = new Map<string, Uint8Array>();
const scratch = new MsgpackWriter(256);

/**
 * The pairs `warehouse`, `cause`, `reason` and `userId` as one encoded fragment: they take few values (a handful of
 * warehouses, causes, reasons and HMC users), so a page copies one cached fragment per line instead of eight pieces.
 */
function fewValued(line: LedgerLine): Uint8Array {
  const id = `${line.warehouse}\u0000${line.cause}\u0000${line.reason}\u0000${line.userId}`;
  let bytes = fragments.get(id);
  if (bytes !== undefined) return bytes;
  const k = LINE_KEY_BYTES;
  const w = scratch.reset();
  w.raw(k[2]!);
  w.str(line.warehouse);
  w.raw(k[3]!);
  w.str(line.cause);
  w.raw(k[4]!);
  value(w, line.reason);
  w.raw(k[6]!);
  w.str(line.userId);
  bytes = w.copy();
  if (fragments.size >= FRAGMENTS_MAX) fragments.clear();
  fragments.set(id, bytes);
  return bytes;
}

/** One line: every field of LINE_KEYS once (a map's order is free; the cached pairs come as one fragment). */
function writeLine(w: MsgpackWriter, line: LedgerLine): void {
  const k = LINE_KEY_BYTES;
  w.mapHeader(LINE_KEYS.length);
  w.raw(k[0]!);
  w.num(line.seq);
  w.raw(k[1]!);
  w.num(line.timeMs);
  w.raw(fewValued(line));
  w.raw(k[5]!);
  w.str(line.note);
  w.raw(k[7]!);
  value(w, line.orderNo);
  w.raw(k[8]!);
  value(w, line.pickupNo);
  w.raw(k[9]!);
  w.num(line.onHandDelta);
  w.raw(k[10]!);
  w.num(line.reservedDelta);
  w.raw(k[11]!);
  value(w, line.onHandAfter);
  w.raw(k[12]!);
  value(w, line.reservedAfter);
}

export class LedgerReplyEncoder {
  private readonly writer = new MsgpackWriter();

  /** `{ id, ok: true, result: { artNo, lines, next } }` as msgpack: a view into a reused buffer. */
  encode(id: RequestIdT, page: LedgerPage): Uint8Array {
    const w = this.writer.reset();
    w.mapHeader(3);
    w.raw(KEY.id!);
    if (typeof id === 'number') w.num(id);
    else w.str(id);
    w.raw(KEY.ok!);
    w.bool(true);
    w.raw(KEY.result!);
    w.mapHeader(3);
    w.raw(KEY.artNo!);
    w.str(page.artNo);
    w.raw(KEY.lines!);
    w.arrayHeader(page.lines.length);
    for (const line of page.lines) writeLine(w, line);
    w.raw(KEY.next!);
    value(w, page.next);
    return w.view();
  }
}
