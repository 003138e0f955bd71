// Komponenter på väg of the patient view: order lines still open (restorder, registrerad, för plock, utlevererad)
// that complete an individual (`forIndividual`, shown as K-<indNo>) on the patient's orders, with the article, the
// quantity, the line's status and the order's planned delivery date. An order of another care provider is left out
// and counted, as order.list does.
import { PATIENT_COMPONENTS_SHOWN_MAX } from '../../../schemas/limits.ts';
import type { LineStatus } from '../../../schemas/orders.ts';
import { assert } from '../assert.ts';
import { canReadEntry } from '../patient-access/boundary.ts';
import type { Acting } from '../patient-access/care-provider.ts';
import type { State } from '../state.ts';

export interface ComponentOnTheWay {
  orderNo: number;
  lineNo: number;
  /** The individual the component goes to (K-<indNo>). */
  forIndividual: number;
  /** The article of that individual, when the unit is known. */
  forArticleName: string | null;
  artNo: string;
  name: string;
  quantity: number;
  status: LineStatus;
  placedDate: string;
  plannedDeliveryDate: string | null;
}

export interface ComponentsOnTheWay {
  /** Oldest order first (the order they arrive in), at most PATIENT_COMPONENTS_SHOWN_MAX. */
  rows: ComponentOnTheWay[];
  total: number;
  /** Orders of another care provider left out. */
  withheld: number;
}

const ON_THE_WAY: ReadonlySet<LineStatus> = new Set(['backorder', 'registered', 'picking', 'dispatched']);

export function componentsOnTheWay(state: State, pnr: string, acting: Acting | undefined): ComponentsOnTheWay {
  const rows: ComponentOnTheWay[] = [];
  let total = 0;
  let withheld = 0;
  for (const orderNo of state.orderIndex.byPnr.get(pnr) ?? []) {
    if (!state.orderIndex.open.has(orderNo)) continue; // a line on the way keeps its order open: no need to decode
    const order = state.orders.get(orderNo)!;
    assert(order.recipient.kind === 'patient' && order.recipient.pnr === pnr, `order ${orderNo} is the patient's`);
    const lines = order.lines.filter((l) => l.forIndividual !== null && ON_THE_WAY.has(l.status));
    if (lines.length === 0) continue;
    if (acting !== undefined && !canReadEntry(state, acting, { ...order, pnr })) {
      withheld++;
      continue;
    }
    for (const line of lines) {
      total++;
      if (rows.length >= PATIENT_COMPONENTS_SHOWN_MAX) continue;
      const target = state.individuals.get(line.forIndividual!);
      rows.push({
        orderNo,
        lineNo: line.lineNo,
        forIndividual: line.forIndividual!,
        forArticleName: target === undefined ? null : (state.articles.get(target.artNo)?.name ?? null),
        artNo: line.artNo,
        name: state.articles.get(line.artNo)?.name ?? line.artNo,
        quantity: line.quantity,
        status: line.status,
        placedDate: order.placedDate,
        plannedDeliveryDate: order.plannedDeliveryDate,
      });
    }
  }
  return { rows, total, withheld };
}
