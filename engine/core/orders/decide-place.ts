// order.place: one `order.placed` event whose registered lines reserve stock; rejections in the order the checks run.
import { CONTACT_NAME_CHARS_MAX, CONTACT_PHONE_CHARS_MAX } from '../../../schemas/limits.ts';
import type { Order, OrderLine } from '../../../schemas/orders.ts';
import type { CommandContext, OrderPlace } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import {
  backorderNote,
  checkLine,
  defaultDeliveryAddress,
  planLine,
  resolveContext,
  type OrderContext,
} from './plan-order.ts';
import { checkPurpose } from './purpose.ts';
import { availableForNew, consume, type Consumed } from './replacement.ts';
import { plannedDates, swedishDate } from './working-days.ts';
// Issue 15, loans:
import { checkPlaceLoans, loanTermsOf } from '../loans/place-loans.ts';
// Issue 15, returns:
import { refuseBufferShortage } from './buffer-shortage.ts';

/** A line as placed: registered, nothing picked yet (also the history seed's open lines). */
export function newLine(lineNo: number, artNo: string, quantity: number): OrderLine {
  return {
    lineNo,
    artNo,
    quantity,
    status: 'registered',
    setPartOf: null,
    forIndividual: null,
    replacedFrom: null,
    purpose: null,
    note: '',
    individuals: [],
    pickDate: null,
    dispatchedDate: null,
    deliveredDate: null,
  };
}

/** A set part reserves when its stock is there, else waits as a backorder (set parts never get proposals). */
function stockedLine(state: State, context: OrderContext, line: OrderLine, consumed: Consumed): OrderLine {
  if (availableForNew(state, context.warehouse, line.artNo, consumed) >= line.quantity) {
    consume(consumed, context.warehouse, line.artNo, line.quantity);
    return line;
  }
  return { ...line, status: 'backorder', note: backorderNote('noStock') };
}

/** The requested lines with their set parts, or the first rejection. */
function planLines(state: State, command: OrderPlace, context: OrderContext): OrderLine[] | ReturnType<typeof reject> {
  const lines: OrderLine[] = [];
  const seen = new Set<string>();
  const consumed: Consumed = new Map();
  for (const request of command.lines) {
    const article = checkLine(state, context, request, seen);
    if ('ok' in article) return article;
    const purpose = checkPurpose(article.artNo, article.isoCode, context.patient, request.purpose);
    if (purpose !== null) return purpose;
    const plan = planLine(state, context, article, request, consumed);
    if (plan.kind === 'proposal') {
      const proposed = state.articles.get(plan.proposal.artNo)!;
      return reject(
        'replacement_required',
        `${article.name} (${article.artNo}) finns inte i lager; ersättningen ${proposed.name} (${proposed.artNo}) föreslås. Svara accept eller refuse.`,
      );
    }
    if (plan.kind === 'discontinued') {
      return reject(
        'article_discontinued',
        `${article.name} (${article.artNo}) har utgått ur sortimentet och ingen ersättning finns i lager.`,
      );
    }
    const line = newLine(lines.length + 1, plan.kind === 'reserve' ? plan.artNo : article.artNo, request.quantity);
    line.forIndividual = request.forIndividual ?? null;
    line.purpose = request.purpose ?? null;
    if (request.loan !== undefined) line.loan = loanTermsOf(request.loan); // Issue 15, loans
    if (plan.kind === 'reserve') {
      line.replacedFrom = plan.replacedFrom;
      consume(consumed, context.warehouse, line.artNo, line.quantity);
    } else {
      line.status = 'backorder';
      line.note = backorderNote(plan.reason);
    }
    lines.push(line);
    const parent = line.lineNo;
    for (const part of state.articles.get(line.artNo)!.setParts) {
      const partLine = newLine(lines.length + 1, part, request.quantity);
      partLine.setPartOf = parent;
      partLine.forIndividual = line.forIndividual;
      lines.push(stockedLine(state, context, partLine, consumed));
    }
  }
  return lines;
}

export function decidePlace(state: State, command: OrderPlace, context: CommandContext): Decision {
  const existing = state.orderIndex.byKey.find(state.orders, command.userId, command.idempotencyKey);
  if (existing !== undefined) {
    return reject(
      'duplicate_request',
      `Ordern med nyckeln ${command.idempotencyKey} är redan lagd (order ${existing}).`,
    );
  }
  const target = resolveContext(state, command.userId, command, context.timeMs);
  if ('ok' in target) return target;
  const lines = planLines(state, command, target);
  if ('ok' in lines) return lines;
  const loans = checkPlaceLoans(state, command, target, context); // Issue 15, loans
  if (loans !== null) return loans;
  // Issue 15, returns: a buffer withdrawal beyond the buffer's balance is refused, never a backorder.
  const short = refuseBufferShortage(state, target.warehouse, lines);
  if (short !== null) return short;
  const partial = command.delivery.partial;
  const ready = partial ? lines.some((l) => l.status === 'registered') : lines.every((l) => l.status === 'registered');
  const dates = ready ? plannedDates(context.timeMs) : null;
  const delivery = command.delivery;
  const order: Order = {
    orderNo: state.orderIndex.nextOrderNo,
    placedMs: context.timeMs,
    placedDate: swedishDate(context.timeMs),
    prescriberId: target.user.id,
    workplaceId: target.workplace.id,
    customerNo: target.workplace.customerNo,
    recipient: target.recipient,
    warehouse: target.warehouse,
    partialDelivery: partial,
    deliveryAddress: delivery.address ?? defaultDeliveryAddress(target),
    temporaryAddress: delivery.address !== undefined,
    contactName: delivery.contactName ?? target.user.name.slice(0, CONTACT_NAME_CHARS_MAX),
    contactPhone: delivery.contactPhone ?? target.user.phone.slice(0, CONTACT_PHONE_CHARS_MAX),
    otherInfo: command.otherInfo,
    plannedPickDate: dates?.plannedPickDate ?? null,
    plannedDeliveryDate: dates?.plannedDeliveryDate ?? null,
    idempotencyKey: command.idempotencyKey,
    lines,
  };
  return { ok: true, events: [{ type: 'order.placed', userId: command.userId, order }] };
}
