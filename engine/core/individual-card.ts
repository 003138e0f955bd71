// The individual card (individkort): who or which warehouse holds a rental unit, who prescribed it, and the holder's
// orders that concern it. The legacy portal's use: "I found a device, whose is it?" Units in an investigation
// warehouse (999/999A) tell the caller to contact HMC; a protected identity is never shown.
import type { IndividualLocation, Person } from '../../schemas/entities.ts';
import { INDIVIDUAL_ORDERS_MAX } from '../../schemas/limits.ts';
import type { OpArgs } from '../../schemas/ops.ts';
import type { Order } from '../../schemas/orders.ts';
import { orderStatus } from './orders/queries.ts';
import { formatPnr } from './personnummer.ts';
import { found, type QueryResult } from './query-result.ts';
import { reject } from './rejections.ts';
import type { State } from './state.ts';
import type { Acting } from './patient-access/care-provider.ts';
import { canReadEntry } from './patient-access/boundary.ts';
// Issue 15, loans:
import { deviceLoan } from './loans/queries.ts';

export type HolderView =
  | { kind: 'warehouse'; warehouse: string; name: string; contactHmc: boolean }
  | { kind: 'patient'; protectedIdentity: false; pnr: string; pnrDisplay: string; name: string; municipality: string }
  | { kind: 'patient'; protectedIdentity: true }
  | { kind: 'careUnit'; customerNo: string; name: string }
  | { kind: 'transit'; orderNo: number }
  | { kind: 'writtenOff'; warehouse: string; name: string };

export interface IndividualOrderView {
  orderNo: number;
  placedDate: string;
  status: string;
  /** 'unit': a line delivered (or picked) this unit; 'component': a part ordered to it (K-<indNo>). */
  role: 'unit' | 'component';
  artNos: string[];
  prescriber: { id: string; name: string; phone: string; email: string };
}

export interface IndividualCard {
  individual: { indNo: number; artNo: string; name: string; isoCode: string; kind: string };
  holder: HolderView;
  /** Who prescribed the unit to its present holder (the newest order that gave it), when Aidstock knows. */
  prescriber: (IndividualOrderView['prescriber'] & { orderNo: number }) | null;
  orders: IndividualOrderView[];
  /** The patient whose identity the card shows (the caller logs the look-up), or null. */
  revealedPnr: string | null;
}

/** With `acting`, a patient's orders of another care provider are left out (the unit itself is shared). */
export function individualCard(
  state: State,
  args: OpArgs<'individual.get'>,
  acting?: Acting,
): QueryResult<IndividualCard> {
  const ind = state.individuals.get(args.indNo);
  if (ind === undefined) return reject('not_found', `Individ ${args.indNo} finns inte.`);
  const article = state.articles.get(ind.artNo)!;
  const orders = ordersOfUnit(state, ind.location, ind.indNo, acting);
  const giver = orders.find((o) => o.role === 'unit') ?? null;
  const person = ind.location.kind === 'patient' ? state.persons.get(ind.location.pnr)! : null;
  return found({
    individual: {
      indNo: ind.indNo,
      artNo: ind.artNo,
      name: article.name,
      isoCode: article.isoCode,
      kind: article.kind,
    },
    holder: holderView(state, ind.location, person),
    prescriber: giver === null ? null : { ...giver.prescriber, orderNo: giver.orderNo },
    orders,
    revealedPnr: person !== null && !person.protectedIdentity ? person.pnr : null,
    loan: deviceLoan(state, ind.indNo), // Issue 15, loans: the unit's open loan (type, due date) or null
  });
}

function holderView(state: State, location: IndividualLocation, person: Person | null): HolderView {
  switch (location.kind) {
    case 'warehouse': {
      const warehouse = state.warehouses.get(location.warehouse)!;
      return {
        kind: 'warehouse',
        warehouse: warehouse.id,
        name: warehouse.name,
        contactHmc: warehouse.kind === 'investigation',
      };
    }
    case 'patient':
      if (person!.protectedIdentity) return { kind: 'patient', protectedIdentity: true };
      return {
        kind: 'patient',
        protectedIdentity: false,
        pnr: person!.pnr,
        pnrDisplay: formatPnr(person!.pnr),
        name: `${person!.givenName} ${person!.familyName}`,
        municipality: person!.municipality,
      };
    case 'careUnit':
      return { kind: 'careUnit', customerNo: location.customerNo, name: careUnitName(state, location.customerNo) };
    case 'transit':
      return { kind: 'transit', orderNo: location.orderNo };
    case 'writtenOff':
      return {
        kind: 'writtenOff',
        warehouse: location.warehouse,
        name: state.warehouses.get(location.warehouse)?.name ?? location.warehouse,
      };
  }
}

function careUnitName(state: State, customerNo: string): string {
  for (const user of state.users.values()) {
    for (const place of user.workplaces) if (place.customerNo === customerNo) return place.name;
  }
  return customerNo;
}

/** The holder's orders (or the order carrying the unit) that gave or completed this unit, newest first. */
function ordersOfUnit(
  state: State,
  location: IndividualLocation,
  indNo: number,
  acting: Acting | undefined,
): IndividualOrderView[] {
  const pnr = location.kind === 'patient' ? location.pnr : null;
  const candidates =
    location.kind === 'patient'
      ? state.orderIndex.byPnr.get(location.pnr)
      : location.kind === 'careUnit'
        ? state.orderIndex.byCustomer.get(location.customerNo)
        : location.kind === 'transit'
          ? [location.orderNo]
          : undefined;
  const out: IndividualOrderView[] = [];
  if (candidates === undefined) return out;
  for (let i = candidates.length - 1; i >= 0 && out.length < INDIVIDUAL_ORDERS_MAX; i--) {
    const order = state.orders.get(candidates[i]!)!;
    if (acting !== undefined && !canReadEntry(state, acting, { ...order, pnr })) continue;
    const role = roleOf(order, indNo);
    if (role !== null) out.push(orderView(state, order, role));
  }
  return out;
}

function roleOf(order: Order, indNo: number): IndividualOrderView['role'] | null {
  let component = false;
  for (const line of order.lines) {
    if (line.individuals.includes(indNo)) return 'unit';
    if (line.forIndividual === indNo) component = true;
  }
  return component ? 'component' : null;
}

function orderView(state: State, order: Order, role: IndividualOrderView['role']): IndividualOrderView {
  const user = state.users.get(order.prescriberId);
  const artNos = order.lines.filter((l) => role === 'unit' || l.forIndividual !== null).map((l) => l.artNo);
  return {
    orderNo: order.orderNo,
    placedDate: order.placedDate,
    status: orderStatus(order),
    role,
    artNos,
    prescriber: {
      id: order.prescriberId,
      name: user?.name ?? order.prescriberId,
      phone: user?.phone ?? '',
      email: user?.email ?? '',
    },
  };
}
