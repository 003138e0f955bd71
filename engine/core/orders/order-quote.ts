// order.quote: what the order wizard shows before "Verkställ" — per line availability, the replacement proposal,
// set parts, purpose codes to ask for — plus the most common accessories and the delivery defaults. Changes nothing.
import type { QuoteArgs } from '../../../schemas/orders.ts';
import type { ErrorCode } from '../../../schemas/protocol.ts';
import { formatPnr } from '../personnummer.ts';
import { found, type QueryResult } from '../query-result.ts';
import { personView } from '../register-queries.ts';
import type { Rejection } from '../rejections.ts';
import type { State } from '../state.ts';
import { summarize, type ArticleSummary } from '../views.ts';
import { checkLine, defaultDeliveryAddress, planLine, resolveContext, type OrderContext } from './plan-order.ts';
import { purposeRule } from './purpose.ts';
import { availableForNew, consume, type Consumed } from './replacement.ts';
// Issue 15, returns:
import { MAIN_WAREHOUSE } from '../keys.ts';
import { bufferShortage } from './buffer-shortage.ts';

export type QuoteOutcome = 'available' | 'proposal' | 'backorder' | 'discontinued' | 'problem';

export interface QuoteLine {
  artNo: string;
  quantity: number;
  component: string | null;
  article: ArticleSummary | null;
  outcome: QuoteOutcome;
  /** Units a new order can reserve in the source warehouse (0 while older backorders wait); also shown on a problem line. */
  available: number;
  proposal: (ArticleSummary & { hops: number }) | null;
  backorderReason: 'outgoing' | 'noStock' | null;
  problem: { code: ErrorCode; message: string } | null;
  purpose: { required: boolean; allowed: readonly string[] };
  setParts: Array<{ artNo: string; name: string; quantity: number; outcome: 'available' | 'backorder' }>;
}

function problemLine(
  line: QuoteArgs['lines'][number],
  problem: Rejection,
  article: ArticleSummary | null,
  available: number,
): QuoteLine {
  return {
    artNo: line.artNo,
    quantity: line.quantity,
    component: line.forIndividual === undefined ? null : `K-${line.forIndividual}`,
    article,
    outcome: 'problem',
    available,
    proposal: null,
    backorderReason: null,
    problem: { code: problem.code, message: problem.message },
    purpose: { required: false, allowed: [] },
    setParts: [],
  };
}

function quoteLine(
  state: State,
  context: OrderContext,
  line: QuoteArgs['lines'][number],
  seen: Set<string>,
  consumed: Consumed,
): QuoteLine {
  const buffer = context.workplace.bufferWarehouse;
  const checked = checkLine(state, context, line, seen);
  if ('ok' in checked) {
    const article = state.articles.get(line.artNo);
    if (article === undefined) return problemLine(line, checked, null, 0);
    // The true balance even when the line cannot be ordered (e.g. a profession may not prescribe it): never a false 0.
    const available = Math.max(0, availableForNew(state, context.warehouse, article.artNo, consumed));
    return problemLine(line, checked, summarize(state, article, buffer), available);
  }
  const availableNow = availableForNew(state, context.warehouse, checked.artNo, consumed);
  const plan = planLine(state, context, checked, line, consumed);
  // Issue 15, returns: a buffer withdrawal beyond the balance is refused when placed (buffer-shortage.ts); say so now.
  if (plan.kind === 'backorder' && context.warehouse !== MAIN_WAREHOUSE) {
    const short = bufferShortage(state, context.warehouse, checked.artNo, line.quantity);
    return problemLine(line, short, summarize(state, checked, buffer), Math.max(0, availableNow));
  }
  let ordered = checked.artNo;
  let proposal: QuoteLine['proposal'] = null;
  if (plan.kind === 'proposal') {
    ordered = plan.proposal.artNo;
    proposal = { ...summarize(state, state.articles.get(ordered)!, buffer), hops: plan.proposal.hops };
  }
  if (plan.kind === 'reserve' || plan.kind === 'proposal') consume(consumed, context.warehouse, ordered, line.quantity);
  const setParts = state.articles.get(ordered)!.setParts.map((part) => {
    const enough = availableForNew(state, context.warehouse, part, consumed) >= line.quantity;
    if (enough) consume(consumed, context.warehouse, part, line.quantity);
    return {
      artNo: part,
      name: state.articles.get(part)!.name,
      quantity: line.quantity,
      outcome: enough ? ('available' as const) : ('backorder' as const),
    };
  });
  const rule = purposeRule(checked.isoCode, context.patient);
  return {
    artNo: line.artNo,
    quantity: line.quantity,
    component: line.forIndividual === undefined ? null : `K-${line.forIndividual}`,
    article: summarize(state, checked, buffer),
    outcome: plan.kind === 'reserve' ? 'available' : plan.kind,
    available: Math.max(0, availableNow),
    proposal,
    backorderReason: plan.kind === 'backorder' && plan.reason !== 'refused' ? plan.reason : null,
    problem: null,
    purpose: { required: rule.required, allowed: rule.allowed },
    setParts,
  };
}

/** "Vanligaste tillbehören": accessories of the ordered articles that are not on the order already; offered, never forced. */
export function accessoryOffers(state: State, ordered: readonly string[], buffer: string | null): ArticleSummary[] {
  const offers: ArticleSummary[] = [];
  // Orders have a few lines and articles a few accessories: linear checks, no Sets (every receipt comes this way).
  const offered: string[] = [];
  for (const artNo of ordered) {
    for (const accessory of state.articles.get(artNo)?.accessories ?? []) {
      if (ordered.includes(accessory) || offered.includes(accessory)) continue;
      offered.push(accessory);
      offers.push(summarize(state, state.articles.get(accessory)!, buffer));
    }
  }
  return offers;
}

export function quoteOrder(state: State, userId: string, args: QuoteArgs, nowMs: number): QueryResult<unknown> {
  const context = resolveContext(state, userId, args, nowMs);
  if ('ok' in context) return context;
  const seen = new Set<string>();
  const consumed: Consumed = new Map();
  const lines = args.lines.map((line) => quoteLine(state, context, line, seen, consumed));
  const ordered: string[] = [];
  for (const line of lines) ordered.push(line.proposal?.artNo ?? line.artNo, ...line.setParts.map((p) => p.artNo));
  const buffer = context.workplace.bufferWarehouse;
  const person = context.patient === null ? null : personView(context.patient);
  return found({
    recipient:
      person === null
        ? { kind: 'careUnit', customerNo: context.workplace.customerNo, name: context.workplace.name }
        : {
            kind: 'patient',
            pnr: person.pnr,
            pnrDisplay: formatPnr(person.pnr),
            name: `${person.givenName} ${person.familyName}`,
            palliative: person.palliative,
          },
    workplace: { id: context.workplace.id, name: context.workplace.name, customerNo: context.workplace.customerNo },
    warehouse: context.warehouse,
    lines,
    accessories: accessoryOffers(state, ordered, buffer),
    delivery: {
      address: defaultDeliveryAddress(context),
      contactName: context.user.name,
      contactPhone: context.user.phone,
    },
  });
}
