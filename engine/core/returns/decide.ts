// return.register and return.receive (Retur av hjälpmedel). A prescriber whose workplace has a buffer warehouse
// de-registers sale articles a patient holds: they leave the patient, and are discarded, kept in the buffer (never
// prescribable: kept units are not stock) or sent back to HMC, who receives them into warehouse 10 (serving
// backorders, as any receipt) or discards them. Checks run in the order the rejections are listed in ops.ts.
import type { Event } from '../../../schemas/events.ts';
import { STOCK_QUANTITY_MAX } from '../../../schemas/limits.ts';
import type { ReturnRecord } from '../../../schemas/returns.ts';
import type { CommandContext, ReturnReceive, ReturnRegister } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { MAIN_WAREHOUSE, stockKey } from '../keys.ts';
import { newServing, serveBackorders } from '../orders/serve-backorders.ts';
import { swedishDate } from '../orders/working-days.ts';
import { formatPnr, parsePnr } from '../personnummer.ts';
import { reject, type Rejection } from '../rejections.ts';
import type { State } from '../state.ts';
import { saleHoldingsOf } from './sale-holdings.ts';

export const NO_BUFFER_MESSAGE =
  'Din arbetsplats har inget förråd (buffertlager) att avregistrera till. Skicka hjälpmedlet till HMC och bifoga den vita returlappen.';

/** Each line names a sale article the patient holds, at most as many as held, and no article twice. */
function checkLines(state: State, command: ReturnRegister, pnr: string): Rejection | null {
  const held = saleHoldingsOf(state, pnr);
  const seen = new Set<string>();
  for (const line of command.lines) {
    if (seen.has(line.artNo)) return reject('duplicate_line', `Artikel ${line.artNo} finns redan på returen.`);
    seen.add(line.artNo);
    const article = state.articles.get(line.artNo);
    if (article === undefined) return reject('unknown_article', `Artikel ${line.artNo} finns inte.`);
    const quantity = held.get(line.artNo)?.quantity ?? 0;
    if (line.quantity > quantity) {
      return reject(
        'not_held',
        `Brukaren har ${quantity} st ${article.name} (${article.artNo}) registrerade; du kan avregistrera högst så många.`,
      );
    }
  }
  return null;
}

export function decideReturnRegister(state: State, command: ReturnRegister, context: CommandContext): Decision {
  const user = state.users.get(command.userId);
  if (user === undefined) return reject('forbidden', `Okänd användare ${command.userId}.`);
  const workplace = user.workplaces.find((w) => w.id === command.workplaceId);
  if (workplace === undefined) return reject('forbidden', `Arbetsplatsen ${command.workplaceId} hör inte till dig.`);
  if (workplace.bufferWarehouse === null) return reject('no_buffer_warehouse', NO_BUFFER_MESSAGE);
  const parsed = parsePnr(command.pnr, context.timeMs);
  if (!parsed.ok) return reject('invalid_pnr', `Ogiltigt personnummer: ${parsed.reason}.`);
  if (!state.persons.has(parsed.pnr12))
    return reject('not_found', `Ingen person med personnummer ${formatPnr(parsed.pnr12)}.`);
  const refused = checkLines(state, command, parsed.pnr12);
  if (refused !== null) return refused;
  const record: ReturnRecord = {
    returnNo: state.returnIndex.nextReturnNo,
    timeMs: context.timeMs,
    date: swedishDate(context.timeMs),
    userId: user.id,
    workplaceId: workplace.id,
    warehouse: workplace.bufferWarehouse,
    pnr: parsed.pnr12,
    lines: command.lines.map((l) => ({ artNo: l.artNo, quantity: l.quantity })),
    disposition: command.disposition,
    status: command.disposition === 'sendBack' ? 'onTheWay' : 'done',
    handledBy: null,
    handledMs: null,
  };
  return { ok: true, events: [{ type: 'return.registered', record }] };
}

/**
 * HMC receives a sent-back return. Into stock: one `stock.adjusted` (reason `returned`) per line in warehouse 10 and
 * the backorders it can serve, with one serving for the whole return, so an order waiting for two of its articles is
 * dated once (as decideStockAdjust does for one article).
 */
export function decideReturnReceive(state: State, command: ReturnReceive, context: CommandContext): Decision {
  const record = state.returns.get(command.returnNo);
  if (record === undefined || record.disposition !== 'sendBack') {
    return reject('not_found', `Retur ${command.returnNo} finns inte bland returerna till HMC.`);
  }
  if (record.status !== 'onTheWay') {
    return reject('return_not_pending', `Retur ${record.returnNo} är redan mottagen.`);
  }
  const events: Event[] = [
    {
      type: 'return.received',
      returnNo: record.returnNo,
      userId: command.userId,
      timeMs: context.timeMs,
      outcome: command.outcome,
    },
  ];
  if (command.outcome === 'discard') return { ok: true, events };
  const serving = newServing(command.userId, context.timeMs);
  for (const line of record.lines) {
    const row = state.stock.get(stockKey(MAIN_WAREHOUSE, line.artNo));
    const onHandAfter = (row?.onHand ?? 0) + line.quantity;
    if (onHandAfter > STOCK_QUANTITY_MAX) return reject('stock_limit', `Saldot får vara högst ${STOCK_QUANTITY_MAX}.`);
    if (state.articles.get(line.artNo)?.kind !== 'sale') {
      // The article became a rental article after the de-registration: units without individual numbers cannot be
      // taken into a rental stock, so HMC discards them (or registers them as units by hand).
      return reject(
        'invalid_transition',
        `Artikel ${line.artNo} är inte längre en förbrukningsartikel; kassera returen.`,
      );
    }
    events.push({
      type: 'stock.adjusted',
      userId: command.userId,
      warehouse: MAIN_WAREHOUSE,
      artNo: line.artNo,
      delta: line.quantity,
      reason: 'returned',
      note: `Retur ${record.returnNo} från förråd ${record.warehouse}`,
      onHandAfter,
      individuals: [],
    });
    serveBackorders(state, MAIN_WAREHOUSE, line.artNo, onHandAfter - (row?.reserved ?? 0), serving);
  }
  events.push(...serving.events);
  return { ok: true, events };
}
