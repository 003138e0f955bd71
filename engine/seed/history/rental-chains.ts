// The life of every rental individual over the history window: it is issued to a patient with an order, held for a
// while, fetched back with a pickup and issued again to the next patient, so its card shows a chain of holders. The
// chain ends where the register says the unit is now (held by its patient, or back in its warehouse), so the history
// explains the current state instead of changing it.
import type { Individual } from '../../../schemas/entities.ts';
import type { Pickup } from '../../../schemas/pickups.ts';
import { addWorkingDays, dateToDayNo, dayNoToDate, swedishDate } from '../../core/orders/working-days.ts';
import { deliveredLine } from '../demo-orders.ts';
import { dayStartMs } from './history-calendar.ts';
import { addPatientOrder, drawPrescriber, type HistoryContext, saleLines } from './history-context.ts';
import { addDeviation } from './history-deviations.ts';
import { addLoan, drawLoanTerms } from './history-loans.ts';
import { addWorkOrder } from './history-work-orders.ts';

/** How long a patient keeps a unit before it is fetched back (days): skewed short, as most loans end within a year. */
const HOLD_DAYS_MIN = 30;
const HOLD_DAYS_MAX = 1_400;
/** From a unit's return to its next placement (days on the shelf, after cleaning and checks). */
const SHELF_DAYS_MIN = 2;
const SHELF_DAYS_MAX = 120;
/** Working days from a pickup order to HMC receiving the unit. */
const RETURN_AFTER_WORKING_DAYS = 3;
/** The last order is placed at least this many days before the end, so it is delivered inside the window. */
const LAST_PLACEMENT_MARGIN_DAYS = 7;
const PICKUP_REASONS = [
  'Behovet har upphört',
  'Patienten har avlidit',
  'Byte till annan modell',
  'Flytt till särskilt boende',
];
const SALE_LINES_WITH_RENTAL_MAX = 2;
/** Share of holdings that see a work order (repair, adaptation, advice) while the patient has the unit. */
const WORK_ORDER_SHARE = 0.15;
/** Share of holdings that see a deviation report about the unit. */
const DEVIATION_SHARE = 0.005;

function holdDays(ctx: HistoryContext): number {
  const u = ctx.prng.next();
  return HOLD_DAYS_MIN + Math.floor(u * u * (HOLD_DAYS_MAX - HOLD_DAYS_MIN));
}

interface Step {
  placeDay: number;
  /** The day the pickup was placed and the unit came back; absent while the holder keeps it. */
  pickupDay?: number;
  returnDay?: number;
}

/** Placement days and pickup days for one unit, alternating, from a random start to the end of the window. */
function chainSteps(ctx: HistoryContext, held: boolean): Step[] {
  const { prng, calendar } = ctx;
  const lastPlaceDay = calendar.endDay - LAST_PLACEMENT_MARGIN_DAYS;
  const steps: Step[] = [];
  let day = calendar.firstDay + prng.int(0, HOLD_DAYS_MAX);
  while (day < lastPlaceDay) {
    const placeDay = calendar.day(prng, day, day + 14);
    const deliveredDay = addWorkingDays(placeDay, 3);
    const pickupDay = calendar.day(prng, deliveredDay + holdDays(ctx), Number.MAX_SAFE_INTEGER);
    const returnDay = addWorkingDays(pickupDay, RETURN_AFTER_WORKING_DAYS);
    if (returnDay >= calendar.endDay || pickupDay <= deliveredDay) {
      steps.push({ placeDay });
      break;
    }
    steps.push({ placeDay, pickupDay, returnDay });
    day = returnDay + prng.int(SHELF_DAYS_MIN, SHELF_DAYS_MAX);
  }
  const last = steps.at(-1);
  if (held && last?.returnDay !== undefined) {
    const from = last.returnDay + SHELF_DAYS_MIN;
    if (from < lastPlaceDay) steps.push({ placeDay: calendar.day(prng, from, lastPlaceDay) });
    else steps[steps.length - 1] = { placeDay: last.placeDay };
  }
  if (held && steps.length === 0) steps.push({ placeDay: calendar.day(prng, calendar.firstDay, lastPlaceDay) });
  if (!held && steps.at(-1)?.returnDay === undefined) steps.pop();
  return steps;
}

function addPickup(ctx: HistoryContext, unit: Individual, pnr: string, step: Step): void {
  const { user, workplace } = drawPrescriber(ctx);
  const person = ctx.tables.persons.get(pnr)!;
  const placedMs = ctx.calendar.timeOn(ctx.prng, step.pickupDay!);
  const pickupNo = ctx.pickups.add(placedMs);
  const pickup: Pickup = {
    pickupNo,
    placedMs,
    prescriberId: user.id,
    workplaceId: workplace.id,
    pnr,
    units: [{ indNo: unit.indNo, artNo: unit.artNo, returnedMs: dayStartMs(step.returnDay!) + 10 * 3_600_000 }],
    address: person.address,
    contactName: '',
    contactPhone: '',
    reason: ctx.prng.pick(PICKUP_REASONS),
    status: 'collected',
  };
  ctx.tables.pickups.set(pickupNo, pickup);
}

/** What one unit's chain left behind; returns the day it is back on the shelf from (the window's first day when it
 * never left; meaningless for a held unit). */
export function addRentalChain(ctx: HistoryContext, unit: Individual, formerHolders: readonly string[]): number {
  const held = unit.location.kind === 'patient';
  const steps = chainSteps(ctx, held);
  steps.forEach((step, i) => {
    const isLast = i === steps.length - 1;
    const pnr = held && isLast && unit.location.kind === 'patient' ? unit.location.pnr : ctx.prng.pick(formerHolders);
    const placedMs = ctx.calendar.timeOn(ctx.prng, step.placeDay);
    const loan = drawLoanTerms(ctx, swedishDate(placedMs));
    const order = addPatientOrder(ctx, pnr, placedMs, (dates) => [
      deliveredLine(1, unit.artNo, dates, { individuals: [unit.indNo], ...(loan === undefined ? {} : { loan }) }),
      ...saleLines(ctx, ctx.prng.int(0, SALE_LINES_WITH_RENTAL_MAX), 2, dates),
    ]);
    if (step.pickupDay !== undefined && step.pickupDay <= dateToDayNo(order.plannedDeliveryDate!))
      throw new Error(`history seed: pickup of ${unit.indNo} before its delivery`);
    if (step.pickupDay !== undefined) addPickup(ctx, unit, pnr, step);
    addLoan(ctx, order, order.lines[0], step.returnDay === undefined ? null : dayNoToDate(step.returnDay));
    const deliveredDay = dateToDayNo(order.plannedDeliveryDate!);
    const heldUntil = step.pickupDay ?? ctx.calendar.endDay;
    if (heldUntil > deliveredDay + 1 && ctx.prng.chance(WORK_ORDER_SHARE))
      addWorkOrder(ctx, pnr, unit.indNo, ctx.calendar.day(ctx.prng, deliveredDay + 1, heldUntil));
    if (heldUntil > deliveredDay + 1 && ctx.prng.chance(DEVIATION_SHARE))
      addDeviation(ctx, pnr, unit.indNo, unit.artNo, ctx.calendar.day(ctx.prng, deliveredDay + 1, heldUntil));
  });
  return steps.at(-1)?.returnDay ?? ctx.calendar.firstDay;
}
