// decide: (state, command, context) → events plus a result, or a typed rejection. Pure; reads state, never changes it.
import type { Event } from '../../schemas/events.ts';
import { REPLACEMENT_HOPS_MAX, STOCK_QUANTITY_MAX } from '../../schemas/limits.ts';
import { assert, unreachable } from './assert.ts';
import type { ArticleUpsert, Command, CommandContext, StockAdjust } from './commands.ts';
import { isReturnOfUnits, rentalUnits } from './rental-units.ts';
import { decidePlace } from './orders/decide-place.ts';
import { decidePrescribingRuleSet } from './orders/decide-rules.ts';
import { decideMessageDelete, decideSetDeliveryDate } from './orders/delivery-date.ts';
import { decideFulfil, decideOrderCancel } from './orders/fulfil.ts';
import { decidePickupCancel, decidePickupCreate, pickupReturns } from './pickups/decide-pickups.ts';
import { decideNewsDelete, decideNewsPublish } from './news.ts';
import { decideWorkOrderCreate, decideWorkOrderUpdate } from './work-orders/work-orders.ts';
import { newServing, serveBackorders } from './orders/serve-backorders.ts';
import type { Decision } from './decision.ts';
import { reject, type Rejection } from './rejections.ts';
import { stockKey } from './keys.ts';
import type { State } from './state.ts';

export function decide(state: State, command: Command, context: CommandContext): Decision {
  assert(context.seq === state.seq + 1, `command seq ${context.seq} follows state seq ${state.seq}`);
  switch (command.type) {
    case 'stock.adjust':
      return decideStockAdjust(state, command, context);
    case 'article.upsert':
      return decideArticleUpsert(state, command);
    case 'profile.update': {
      assert(state.users.has(command.userId), `user ${command.userId} exists`);
      return {
        ok: true,
        events: [{ type: 'user.contactChanged', userId: command.userId, email: command.email, phone: command.phone }],
      };
    }
    case 'order.place':
      return decidePlace(state, command, context);
    case 'order.cancel':
      return decideOrderCancel(state, command, context);
    case 'fulfil.step':
      return decideFulfil(state, command, context);
    case 'order.setDeliveryDate':
      return decideSetDeliveryDate(state, command, context);
    case 'message.delete':
      return decideMessageDelete(state, command, context);
    case 'prescribingRule.set':
      return decidePrescribingRuleSet(state, command);
    case 'pickup.create':
      return decidePickupCreate(state, command, context);
    case 'pickup.cancel':
      return decidePickupCancel(state, command);
    case 'news.publish':
      return decideNewsPublish(state, command, context);
    case 'news.delete':
      return decideNewsDelete(state, command, context);
    case 'workOrder.create':
      return decideWorkOrderCreate(state, command, context);
    case 'workOrder.update':
      return decideWorkOrderUpdate(state, command, context);
    default:
      return unreachable(command, 'command');
  }
}

function decideStockAdjust(state: State, command: StockAdjust, context: CommandContext): Decision {
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
  // A returned unit that a pickup order was waiting for completes that pickup, in the same command.
  if (returned) events.push(...pickupReturns(state, individuals, command.userId, context.timeMs));
  return { ok: true, events };
}

function decideArticleUpsert(state: State, command: ArticleUpsert): Decision {
  const { article } = command;
  if (!state.suppliers.has(article.supplierId)) {
    return reject('unknown_supplier', `Leverantören ${article.supplierId} finns inte.`);
  }
  const node = state.iso.get(article.isoCode);
  if (node === undefined || node.level !== 3) {
    return reject('unknown_iso_code', `ISO-koden ${article.isoCode} är ingen produktgrupp (tre nivåer) i trädet.`);
  }
  const refs = [...article.setParts, ...article.accessories];
  if (article.replacedBy !== null) refs.push(article.replacedBy);
  for (const ref of refs) {
    if (ref === article.artNo) return reject('unknown_article', `Artikel ${ref} kan inte hänvisa till sig själv.`);
    if (!state.articles.has(ref)) return reject('unknown_article', `Artikel ${ref} finns inte.`);
  }
  const chain = checkReplacementChain(state, article.artNo, article.replacedBy);
  if (chain !== null) return chain;
  return { ok: true, events: [{ type: 'article.upserted', userId: command.userId, article }] };
}

/** Walks the chain that would start at `artNo` (a loop, not recursion): no cycles, at most REPLACEMENT_HOPS_MAX hops. */
function checkReplacementChain(state: State, artNo: string, replacedBy: string | null): Rejection | null {
  let next = replacedBy;
  for (let hops = 1; next !== null; hops++) {
    if (next === artNo) return reject('replacement_cycle', `Ersättningskedjan från ${artNo} går i cirkel.`);
    if (hops > REPLACEMENT_HOPS_MAX) {
      return reject(
        'replacement_too_long',
        `Ersättningskedjan från ${artNo} är längre än ${REPLACEMENT_HOPS_MAX} steg.`,
      );
    }
    next = state.articles.get(next)?.replacedBy ?? null;
  }
  return null;
}
