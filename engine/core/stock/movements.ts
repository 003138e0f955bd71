// Stock movements: every change of a stock row's onHand or reserved that one journal entry makes, with its cause and
// reference, read from the entry alone. A pure function of the entry, so the journal index (written with the entry)
// and the stock ledger (reading the entry back by seq) list the same movements in the same order.
import type { JournalEntry } from '../../../schemas/events.ts';
import type { StockReason } from '../../../schemas/primitives.ts';

/** Why a balance changed: an adjustment (with its reason code), or an order's reservation, serving, dispatch or release. */
export type MovementCause = 'adjusted' | 'reserved' | 'served' | 'dispatched' | 'released';

export interface StockMovement {
  /** The event's position in the entry. */
  event: number;
  warehouse: string;
  artNo: string;
  cause: MovementCause;
  onHandDelta: number;
  reservedDelta: number;
  userId: string;
  reason: StockReason | null;
  note: string;
  orderNo: number | null;
  pickupNo: number | null;
}

function movement(
  event: number,
  fields: Partial<StockMovement> & Pick<StockMovement, 'warehouse' | 'artNo' | 'cause' | 'userId'>,
): StockMovement {
  // Field by field, not a spread over defaults: the ledger builds one per line of every page it reads.
  return {
    event,
    warehouse: fields.warehouse,
    artNo: fields.artNo,
    cause: fields.cause,
    onHandDelta: fields.onHandDelta ?? 0,
    reservedDelta: fields.reservedDelta ?? 0,
    userId: fields.userId,
    reason: fields.reason ?? null,
    note: fields.note ?? '',
    orderNo: fields.orderNo ?? null,
    pickupNo: fields.pickupNo ?? null,
  };
}

/** The pickup a returned unit completed, from the entry's own `pickup.unitReturned` events (the return's command). */
function pickupOf(entry: JournalEntry, individuals: readonly number[]): number | null {
  for (const event of entry.events) {
    if (event.type === 'pickup.unitReturned' && individuals.includes(event.indNo)) return event.pickupNo;
  }
  return null;
}

/** The entry's stock movements in event order (an order's lines in line order). */
export function stockMovements(entry: JournalEntry): StockMovement[] {
  const moves: StockMovement[] = [];
  entry.events.forEach((event, i) => {
    switch (event.type) {
      case 'stock.adjusted': {
        const pickupNo = event.returned === true ? pickupOf(entry, event.individuals) : null;
        const { warehouse, artNo, userId, reason, note } = event;
        moves.push(
          movement(i, {
            warehouse,
            artNo,
            userId,
            cause: 'adjusted',
            onHandDelta: event.delta,
            reason,
            note,
            pickupNo,
          }),
        );
        return;
      }
      case 'order.placed':
        for (const line of event.order.lines) {
          if (line.status !== 'registered') continue; // a backorder line reserves nothing until it is served
          const { warehouse, orderNo } = event.order;
          moves.push(
            movement(i, {
              warehouse,
              artNo: line.artNo,
              userId: event.userId,
              cause: 'reserved',
              reservedDelta: line.quantity,
              orderNo,
            }),
          );
        }
        return;
      case 'order.lineServed':
      case 'order.lineDispatched': {
        const served = event.type === 'order.lineServed';
        const { warehouse, artNo, userId, orderNo, quantity } = event;
        const deltas = served ? { reservedDelta: quantity } : { onHandDelta: -quantity, reservedDelta: -quantity };
        moves.push(
          movement(i, { warehouse, artNo, userId, orderNo, cause: served ? 'served' : 'dispatched', ...deltas }),
        );
        return;
      }
      case 'order.lineCancelled':
        if (event.released === 0) return; // a backorder line gave nothing back
        moves.push(
          movement(i, {
            warehouse: event.warehouse,
            artNo: event.artNo,
            userId: event.userId,
            cause: 'released',
            reservedDelta: -event.released,
            orderNo: event.orderNo,
          }),
        );
        return;
      default:
        return;
    }
  });
  return moves;
}
