// Fulfilment at HMC: lines move registered → picking → dispatched → delivered, or are cancelled; the prescriber's own cancel.
import type { Event } from '../../../schemas/events.ts';
import type { IndividualLocation } from '../../../schemas/entities.ts';
import type { Order, OrderLine } from '../../../schemas/orders.ts';
import type { CommandContext, FulfilStep, OrderCancel } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { reject, type Rejection } from '../rejections.ts';
import { available, stockKey } from '../keys.ts';
import type { State } from '../state.ts';
import { newServing, refKey, serveBackorders } from './serve-backorders.ts';
import { swedishDate } from './working-days.ts';
// Issue 15, loans:
import { loanOpenings } from '../loans/loan-lifecycle.ts';
// Issue 15, recalls:
import { articleRecall, unitRecalled } from '../recalls/blocks.ts';

type Step = FulfilStep['step'];

const FROM: Readonly<Record<Step, readonly OrderLine['status'][]>> = {
  pick: ['registered'],
  dispatch: ['picking'],
  deliver: ['dispatched'],
  cancel: ['backorder', 'registered', 'picking'],
};

const STEP_SV: Readonly<Record<Step, string>> = {
  pick: 'läggas för plock',
  dispatch: 'utlevereras',
  deliver: 'levereras',
  cancel: 'makuleras',
};

/** The lines a step moves: the named ones (each must be able to), or every line that can. */
function linesFor(order: Order, step: Step, lineNos: number[] | null): OrderLine[] | Rejection {
  const from = FROM[step];
  if (lineNos === null) {
    const lines = order.lines.filter((l) => from.includes(l.status));
    if (lines.length === 0)
      return reject('invalid_transition', `Ingen rad på order ${order.orderNo} kan ${STEP_SV[step]}.`);
    return lines;
  }
  const lines: OrderLine[] = [];
  for (const lineNo of new Set(lineNos)) {
    const line = order.lines[lineNo - 1];
    if (line === undefined) return reject('not_found', `Order ${order.orderNo} har ingen rad ${lineNo}.`);
    if (!from.includes(line.status)) {
      return reject(
        'invalid_transition',
        `Rad ${lineNo} på order ${order.orderNo} har status ${line.status} och kan inte ${STEP_SV[step]}.`,
      );
    }
    lines.push(line);
  }
  return lines;
}

/** Rental units of the line's article in the order's warehouse that no other line has taken, lowest number first. */
function pickIndividuals(state: State, order: Order, line: OrderLine, takenNow: Set<number>): number[] | Rejection {
  const chosen: number[] = [];
  let recalled = 0;
  const candidates = state.individualsByArticle.get(line.artNo) ?? [];
  for (const indNo of candidates) {
    const ind = state.individuals.get(indNo)!;
    if (ind.location.kind !== 'warehouse' || ind.location.warehouse !== order.warehouse) continue;
    if (state.orderIndex.taken.has(indNo) || takenNow.has(indNo)) continue;
    // Issue 15, recalls: a recalled unit is never picked.
    if (unitRecalled(state, ind)) {
      recalled++;
      continue;
    }
    chosen.push(indNo);
  }
  if (chosen.length < line.quantity && recalled > 0) {
    return reject(
      'article_recalled',
      `${recalled} av de lediga individerna av ${line.artNo} i lager ${order.warehouse} är återkallade; raden behöver ${line.quantity} och ${chosen.length} får plockas.`,
    );
  }
  if (chosen.length < line.quantity) {
    return reject(
      'no_individual',
      `Det finns ${chosen.length} lediga individer av ${line.artNo} i lager ${order.warehouse}; raden behöver ${line.quantity}.`,
    );
  }
  chosen.sort((a, b) => a - b);
  chosen.length = line.quantity;
  for (const indNo of chosen) takenNow.add(indNo);
  return chosen;
}

function pickEvents(
  state: State,
  order: Order,
  lines: OrderLine[],
  command: FulfilStep,
  date: string,
): Event[] | Rejection {
  if (!order.partialDelivery && order.lines.some((l) => l.status === 'backorder')) {
    return reject(
      'invalid_transition',
      `Order ${order.orderNo} har samleverans och väntar på restorder; inget plockas förrän allt finns.`,
    );
  }
  const events: Event[] = [];
  const takenNow = new Set<number>();
  for (const line of lines) {
    // Issue 15, recalls: a recalled article's stock is blocked from picking until the recall closes.
    const recall = articleRecall(state, line.artNo);
    if (recall !== null) {
      return reject(
        'article_recalled',
        `Artikel ${line.artNo} är återkallad (återkallelse ${recall.recallNo}); rad ${line.lineNo} plockas inte förrän återkallelsen är avslutad.`,
      );
    }
    let individuals: number[] = [];
    if (state.articles.get(line.artNo)!.kind === 'rental') {
      const picked = pickIndividuals(state, order, line, takenNow);
      if ('ok' in picked) return picked;
      individuals = picked;
    }
    events.push({
      type: 'order.linePicking',
      userId: command.userId,
      orderNo: order.orderNo,
      lineNo: line.lineNo,
      pickDate: date,
      individuals,
    });
  }
  return events;
}

/**
 * Cancels lines, gives their reservations back and lets waiting backorders of the same stock have them. A cancelled
 * backorder frees nothing, but it may have been the head of its queue, blocking smaller lines behind it: those queues
 * are served again too.
 */
export function cancelEvents(state: State, order: Order, lines: OrderLine[], userId: string, timeMs: number): Event[] {
  const events: Event[] = [];
  const released = new Map<string, number>();
  const serving = newServing(userId, timeMs);
  for (const line of lines) {
    const from = line.status as 'backorder' | 'registered' | 'picking';
    const quantity = from === 'backorder' ? 0 : line.quantity;
    released.set(line.artNo, (released.get(line.artNo) ?? 0) + quantity);
    serving.cancelled.add(refKey(order.orderNo, line.lineNo));
    events.push({
      type: 'order.lineCancelled',
      userId,
      orderNo: order.orderNo,
      lineNo: line.lineNo,
      from,
      warehouse: order.warehouse,
      artNo: line.artNo,
      released: quantity,
      individuals: line.individuals,
    });
  }
  for (const [artNo, quantity] of released) {
    const now = available(state.stock.get(stockKey(order.warehouse, artNo))) + quantity;
    serveBackorders(state, order.warehouse, artNo, now, serving);
  }
  return [...events, ...serving.events];
}

export function decideFulfil(state: State, command: FulfilStep, context: CommandContext): Decision {
  const order = state.orders.get(command.orderNo);
  if (order === undefined) return reject('not_found', `Order ${command.orderNo} finns inte.`);
  const lines = linesFor(order, command.step, command.lineNos);
  if ('ok' in lines) return lines;
  const date = swedishDate(context.timeMs);
  const base = { userId: command.userId, orderNo: order.orderNo };
  switch (command.step) {
    case 'pick': {
      const events = pickEvents(state, order, lines, command, date);
      return 'ok' in events ? events : { ok: true, events };
    }
    case 'dispatch': {
      // Issue 15, recalls: a unit picked before the recall does not leave HMC.
      const held = recalledInLines(state, lines);
      if (held !== null) return held;
      return {
        ok: true,
        events: lines.map((l) => ({
          type: 'order.lineDispatched' as const,
          ...base,
          lineNo: l.lineNo,
          warehouse: order.warehouse,
          artNo: l.artNo,
          quantity: l.quantity,
          date,
          individuals: l.individuals,
        })),
      };
    }
    case 'deliver': {
      const holder: IndividualLocation =
        order.recipient.kind === 'patient'
          ? { kind: 'patient', pnr: order.recipient.pnr }
          : { kind: 'careUnit', customerNo: order.recipient.customerNo };
      const delivered: Event[] = lines.map((l) => ({
        type: 'order.lineDelivered' as const,
        ...base,
        lineNo: l.lineNo,
        date,
        individuals: l.individuals,
        holder,
      }));
      // Issue 15, loans: each delivered rental unit goes on loan to the patient under its line's loan type.
      return { ok: true, events: [...delivered, ...loanOpenings(state, order, lines, date, command.userId)] };
    }
    case 'cancel':
      return { ok: true, events: cancelEvents(state, order, lines, command.userId, context.timeMs) };
  }
}

export function decideOrderCancel(state: State, command: OrderCancel, context: CommandContext): Decision {
  const order = state.orders.get(command.orderNo);
  if (order === undefined) return reject('not_found', `Order ${command.orderNo} finns inte.`);
  if (order.prescriberId !== command.userId)
    return reject('forbidden', `Order ${order.orderNo} är inte din; kontakta HMC.`);
  const started = order.lines.find(
    (l) => l.status === 'picking' || l.status === 'dispatched' || l.status === 'delivered',
  );
  if (started !== undefined) {
    return reject(
      'order_not_cancellable',
      `Order ${order.orderNo} kan inte makuleras: rad ${started.lineNo} är redan ${started.status === 'picking' ? 'för plock' : 'utlevererad'}. Kontakta HMC.`,
    );
  }
  const lines = order.lines.filter((l) => l.status === 'backorder' || l.status === 'registered');
  if (lines.length === 0) return reject('order_not_cancellable', `Order ${order.orderNo} är redan makulerad.`);
  return { ok: true, events: cancelEvents(state, order, lines, command.userId, context.timeMs) };
}

// Issue 15, recalls:
/** A rejection when a line to dispatch is of a recalled article or carries a recalled unit. */
function recalledInLines(state: State, lines: readonly OrderLine[]): Rejection | null {
  for (const line of lines) {
    const recall = articleRecall(state, line.artNo);
    const unit = line.individuals.find((indNo) => unitRecalled(state, state.individuals.get(indNo)!));
    if (recall !== null || unit !== undefined) {
      return reject(
        'article_recalled',
        `Rad ${line.lineNo} (${line.artNo}${unit === undefined ? '' : `, individ ${unit}`}) är återkallad och utlevereras inte; makulera raden eller vänta tills återkallelsen är avslutad.`,
      );
    }
  }
  return null;
}
