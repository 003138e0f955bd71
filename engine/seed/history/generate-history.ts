// The `history` seed stage: years of orders, pickups, loans and work orders written as rows on top of the register, so that
// they explain where every rental unit is now (see rental-chains.ts) and every device user has a growing order list.
// Rows are made directly, not through decide/apply: ten years at Halland's size is millions of orders, and a row each
// is what the core would have stored for a delivered order. The tests check the result with the core's invariants.
import type { Tables } from '../../core/state.ts';
import { swedishDayNo } from '../../core/orders/working-days.ts';
import type { Holders } from '../persons.ts';
import type { Prng } from '../prng.ts';
import { HistoryCalendar } from './history-calendar.ts';
import { historyContext, numberByTime } from './history-context.ts';
import { addSaleOrders } from './history-sale-orders.ts';
import type { TimeOrder } from './time-order.ts';
import { addRentalChain } from './rental-chains.ts';
import type { Individual } from '../../../schemas/entities.ts';
import { MAIN_WAREHOUSE } from '../../core/keys.ts';
import { addCareUnitOrders } from './history-care-unit-orders.ts';
import { addHistoryMessages } from './history-messages.ts';
import { addOpenOrders, openOrderCount, openWindowStart } from './history-open-orders.ts';

/** The history ends here (Swedish day of this time, excluded): before the demo reference date of the register. */
export const HISTORY_END_MS = Date.UTC(2025, 10, 24, 12);
export const HISTORY_YEARS_DEFAULT = 10;
/** Share of residents who use devices at all; old residents are three times as likely. */
export const DEVICE_USER_SHARE = 0.1;
const OLD_USER_FACTOR = 3;
const PROGRESS_EVERY = 10_000;
/** Main-shelf units kept as candidates for the open orders' picking lines: a few per open order, drawn by chance. */
const PICKING_CANDIDATES_PER_ORDER = 2;
const PICKING_CANDIDATE_CHANCE = 0.05;

/** The numbers the history's rows of a table took: first, first + 1, … (the seed's own rows come before). */
export interface NumberRange {
  first: number;
  count: number;
}

export interface HistorySummary {
  /** Where the history's rows are, for the stages that read them back in time order (the access log). */
  ranges: Record<'orders' | 'pickups' | 'workOrders' | 'deviations', NumberRange>;
  deviceUsers: number;
  orders: number;
  lines: number;
  pickups: number;
  workOrders: number;
  loans: number;
  deviations: number;
  careUnitOrders: number;
  openOrders: number;
  messages: number;
}

/** About DEVICE_USER_SHARE of the residents (the old favoured): the only ones who hold units in the history scale. */
export function sampleDeviceUsers(prng: Prng, holders: Holders): Holders {
  const old = new Set(holders.residentsOld);
  const oldShare = holders.residents.length === 0 ? 0 : old.size / holders.residents.length;
  const base = DEVICE_USER_SHARE / (1 + (OLD_USER_FACTOR - 1) * oldShare);
  const residents = holders.residents.filter((pnr) => prng.chance(old.has(pnr) ? base * OLD_USER_FACTOR : base));
  return { residents, residentsOld: residents.filter((pnr) => old.has(pnr)) };
}

/** Writes the history of `years` into `tables`; individuals, stock and persons are left as they are. */
export function generateHistory(
  tables: Tables,
  prng: Prng,
  users: Holders,
  years: number,
  progress: (done: number, total: number) => void,
): HistorySummary {
  const calendar = new HistoryCalendar(swedishDayNo(HISTORY_END_MS), years);
  const ctx = historyContext(tables, prng, calendar);
  const inSeedOrders = new Set<number>();
  for (const order of tables.orders.values())
    for (const line of order.lines) for (const n of line.individuals) inSeedOrders.add(n);
  const formerHolders = users.residents.length > 0 ? users.residents : [...tables.persons.keys()];
  const total = tables.individuals.size + users.residents.length;
  let done = 0;
  const openCount = openOrderCount(users.residents.length);
  const candidates: Individual[] = [];
  const openFrom = openWindowStart(ctx);
  for (const unit of tables.individuals.values()) {
    if (!inSeedOrders.has(unit.indNo) && unit.location.kind !== 'careUnit') {
      const freeFromDay = addRentalChain(ctx, unit, formerHolders);
      const onMainShelf = unit.location.kind === 'warehouse' && unit.location.warehouse === MAIN_WAREHOUSE;
      if (onMainShelf && freeFromDay < openFrom && candidates.length < openCount * PICKING_CANDIDATES_PER_ORDER)
        if (ctx.prng.chance(PICKING_CANDIDATE_CHANCE)) candidates.push(unit);
    }
    if (++done % PROGRESS_EVERY === 0) progress(done, total);
  }
  let careUnitOrders = 0;
  let openOrders = 0;
  if (ctx.saleArticles.length > 0) {
    for (const pnr of users.residents) {
      addSaleOrders(ctx, pnr);
      if (++done % PROGRESS_EVERY === 0) progress(done, total);
    }
    careUnitOrders = addCareUnitOrders(ctx);
    openOrders = addOpenOrders(ctx, users.residents, candidates, openCount);
  }
  addHistoryMessages(ctx, numberByTime(ctx));
  progress(total, total);
  const range = (order: TimeOrder): NumberRange => ({ first: order.first, count: order.count });
  return {
    ranges: {
      orders: range(ctx.orders),
      pickups: range(ctx.pickups),
      workOrders: range(ctx.workOrders),
      deviations: range(ctx.deviations),
    },
    deviceUsers: users.residents.length,
    orders: ctx.orders.count,
    lines: ctx.lines,
    pickups: ctx.pickups.count,
    workOrders: ctx.workOrders.count,
    loans: ctx.loans.count,
    deviations: ctx.deviations.count,
    careUnitOrders,
    openOrders,
    messages: ctx.messages.count,
  };
}
