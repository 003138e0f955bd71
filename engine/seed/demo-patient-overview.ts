// Demo rows for the patient view's Registrerade AO and Komponenter på väg (issue 15, patient): Erik Lindqvist's lift has
// a work order with Teknisk Service waiting for parts, a consultant errand is registered about him, and a basket for his
// rollator (K-<indNo>) has left HMC. A handful of rows at every scale; skipped when the tables lack the demo rows.
import type { Order, OrderLine } from '../../schemas/orders.ts';
import type { WorkOrder } from '../../schemas/work-orders.ts';
import { MAIN_WAREHOUSE } from '../core/keys.ts';
import { ORDER_NO_FIRST } from '../core/orders/order-index.ts';
import { plannedDates } from '../core/orders/working-days.ts';
import type { Tables } from '../core/state.ts';
import { seededPatientOrder } from './demo-orders.ts';
import { DEMO_PNR } from './demo-persons.ts';
import { DEMO_HOLDINGS, FIRST_IND_NO } from './individuals.ts';

const PRESCRIBER = 'ot1';
const STAFF = 'hmc1';
/** After the last historic demo order (demo-orders.ts), so the numbers and dates follow on. */
const COMPONENT_PLACED_MS = Date.UTC(2025, 8, 1, 9, 15);
const WORK_ORDER_CREATED_MS = Date.UTC(2025, 8, 3, 10, 0);
const HOUR_MS = 3_600_000;
const COMPONENT_ARTNO = '100105';

/** Erik's unit of `artNo` (the demo holdings get consecutive individual numbers from FIRST_IND_NO). */
function eriksUnit(tables: Tables, artNo: string): number | null {
  const i = DEMO_HOLDINGS.findIndex(([pnr, a]) => pnr === DEMO_PNR.erik && a === artNo);
  const indNo = FIRST_IND_NO + i;
  const unit = tables.individuals.get(indNo);
  const held = unit?.location.kind === 'patient' && unit.location.pnr === DEMO_PNR.erik;
  return i >= 0 && unit?.artNo === artNo && held ? indNo : null;
}

export function demoWorkOrders(tables: Tables): WorkOrder[] {
  const user = tables.users.get(PRESCRIBER);
  const lift = eriksUnit(tables, '100115');
  if (user === undefined || lift === null || !tables.users.has(STAFF)) return [];
  const base = { prescriberId: user.id, workplaceId: user.workplaces[0]!.id, pnr: DEMO_PNR.erik, attachments: [] };
  return [
    {
      ...base,
      woNo: 1,
      createdMs: WORK_ORDER_CREATED_MS,
      destination: 'technicalService',
      indNo: lift,
      title: 'Lyften laddar inte',
      text: 'Laddaren lyser inte när lyften står i laddning. Brukaren använder lyften dagligen.',
      status: 'waitingForParts',
      statusChangedMs: WORK_ORDER_CREATED_MS + 26 * HOUR_MS,
      comments: [
        { timeMs: WORK_ORDER_CREATED_MS + 26 * HOUR_MS, userId: STAFF, text: 'Ny laddare beställd från leverantören.' },
      ],
    },
    {
      ...base,
      woNo: 2,
      createdMs: WORK_ORDER_CREATED_MS + 2 * HOUR_MS,
      destination: 'consultant',
      indNo: null,
      title: 'Utprovning av duschstol i hemmet',
      text: '',
      status: 'registered',
      comments: [],
    },
  ];
}

function componentLine(forIndividual: number, dates: ReturnType<typeof plannedDates>): OrderLine {
  return {
    lineNo: 1,
    artNo: COMPONENT_ARTNO,
    quantity: 1,
    // Utlevererad: it has left warehouse 10 (the seeded stock is what stayed), so it holds no reservation.
    status: 'dispatched',
    setPartOf: null,
    forIndividual,
    replacedFrom: null,
    purpose: null,
    note: '',
    individuals: [],
    pickDate: dates.plannedPickDate,
    dispatchedDate: dates.plannedPickDate,
    deliveredDate: null,
  };
}

/** One open order: a rollator basket on its way to Erik's rollator. */
export function demoComponentOrders(tables: Tables): Order[] {
  const user = tables.users.get(PRESCRIBER);
  const person = tables.persons.get(DEMO_PNR.erik);
  const rollator = eriksUnit(tables, '100101');
  if (user === undefined || person === undefined || rollator === null || !tables.articles.has(COMPONENT_ARTNO))
    return [];
  const workplace = user.workplaces[0]!;
  const dates = plannedDates(COMPONENT_PLACED_MS);
  // The next free number: the historic demo orders and the buffer's sale orders (demo-sale-orders.ts) come first.
  const orderNo = Math.max(ORDER_NO_FIRST + DEMO_HOLDINGS.length - 1, ...tables.orders.keys()) + 1;
  return [
    seededPatientOrder({
      orderNo,
      placedMs: COMPONENT_PLACED_MS,
      dates,
      user,
      workplace,
      pnr: person.pnr,
      warehouse: MAIN_WAREHOUSE,
      deliveryAddress: person.address,
      idempotencyKey: `seed-${orderNo}`,
      lines: [componentLine(rollator, dates)],
    }),
  ];
}
