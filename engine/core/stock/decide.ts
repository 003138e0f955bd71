// stock.adjust: HMC receives, counts, writes off or takes back units. A unit received or returned serves the oldest
// waiting backorder, and a returned unit completes the pickup waiting for it, in the same command.
import type { Event } from '../../../schemas/events.ts';
import { STOCK_QUANTITY_MAX } from '../../../schemas/limits.ts';
import type { CommandContext, StockAdjust } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { stockKey } from '../keys.ts';
import { newServing, serveBackorders } from '../orders/serve-backorders.ts';
import { pickupReturns } from '../pickups/decide.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { isReturnOfUnits, rentalUnits } from './rental-units.ts';
// Issue 15, loans:
import { loanClosings } from '../loans/loan-lifecycle.ts';
import { swedishDate } from '../orders/working-days.ts';
// Issue 15, returns:
import { unitReturnRecords } from '../returns/unit-returns.ts';

export function decideStockAdjust(state: State, command: StockAdjust, context: CommandContext): Decision {
  const { warehouse, artNo, delta } = command;
  if (!state.warehouses.has(warehouse)) return reject('not_found', `Lager ${warehouse} finns inte.`);
  if (!state.articles.has(artNo)) return reject('not_found', `Artikel ${artNo} finns inte.`);
  const row = state.stock.get(stockKey(warehouse, artNo));
  const onHand = row?.onHand ?? 0;
  const reserved = row?.reserved ?? 0;
  const onHandAfter = onHand + delta;
  if (onHandAfter < reserved) {
    return reject(
      'insufficient_stock',
      `Saldot skulle bli ${onHandAfter}, men ${reserved} st är reserverade (artikel ${artNo}, lager ${warehouse}).`,
    );
  }
  if (onHandAfter > STOCK_QUANTITY_MAX) {
    return reject('stock_limit', `Saldot får vara högst ${STOCK_QUANTITY_MAX}.`);
  }
  const individuals = rentalUnits(state, command);
  if ('ok' in individuals) return individuals;
  const returned = isReturnOfUnits(command);
  const events: Event[] = [
    {
      type: 'stock.adjusted',
      userId: command.userId,
      warehouse,
      artNo,
      delta,
      reason: command.reason,
      note: command.note,
      onHandAfter,
      individuals,
      ...(returned ? { returned: true } : {}),
    },
  ];
  if (delta > 0) {
    // A unit received or returned goes to the oldest waiting backorder first (in the same command, so atomically).
    const serving = newServing(command.userId, context.timeMs);
    serveBackorders(state, warehouse, artNo, onHandAfter - reserved, serving);
    events.push(...serving.events);
  }
  // Issue 15, loans: a returned unit's loan closes (before its pickup completes: the closing says whether it was one).
  if (returned) events.push(...loanClosings(state, individuals, command.userId, swedishDate(context.timeMs)));
  // A returned unit that a pickup order was waiting for completes that pickup, in the same command.
  if (returned) events.push(...pickupReturns(state, individuals, command.userId, context.timeMs));
  // Issue 15, returns: who held each returned unit, for the patient's Återlämnade hjälpmedel.
  if (returned) events.push(...unitReturnRecords(state, individuals, warehouse, context.timeMs));
  return { ok: true, events };
}
