// The orders still under way when the history ends: placed in the last working days, so the order-flow screens have
// work. They hold what the core would hold for them: a registered line reserves its stock, a line in picking has its
// rental unit taken (still on the shelf) and reserved, a backorder line waits for stock that is not there (so the head
// of its queue needs more than is free) and keeps the joint-delivery order undated.
import type { Individual, StockRow } from '../../../schemas/entities.ts';
import type { OrderLine } from '../../../schemas/orders.ts';
import { MAIN_WAREHOUSE, stockKey } from '../../core/keys.ts';
import { NOTE_NO_STOCK } from '../../core/orders/plan-order.ts';
import { newLine } from '../../core/orders/decide-place.ts';
import { type PlannedDates, plannedDates } from '../../core/orders/working-days.ts';
import { workingDaysBefore } from '../../core/loans/loan-calendar.ts';
import { addPatientOrder, type HistoryContext } from './history-context.ts';

/** Open orders per device user (about a hundred at Halland's size), and at least this many. */
const OPEN_ORDERS_PER_USER = 0.003;
const OPEN_ORDERS_MIN = 8;
/** Placed within this many working days before the end. */
export const OPEN_WINDOW_WORKING_DAYS = 5;
/** The open orders take turns, so even a small history has every kind: a unit in picking, a backorder, and (the other
 * turns) registered sale lines. */
const KIND_TURNS = 4;
const REGISTERED_LINES_MAX = 3;
const QUANTITY_MAX = 3;
/** Draws of an article before a line is given up (most sale articles have stock, some do not). */
const ARTICLE_DRAWS_MAX = 20;

/** The first day an open order may be placed on. */
export function openWindowStart(ctx: HistoryContext): number {
  return workingDaysBefore(ctx.calendar.endDay, OPEN_WINDOW_WORKING_DAYS);
}

export function openOrderCount(deviceUsers: number): number {
  return Math.max(OPEN_ORDERS_MIN, Math.round(deviceUsers * OPEN_ORDERS_PER_USER));
}

interface OpenState {
  /** Stock keys with a waiting backorder: nothing new may reserve there (the core serves the queue first). */
  queued: Set<string>;
  /** Rental units on the main shelf since before the window, not yet taken. */
  units: Individual[];
}

function mainRow(ctx: HistoryContext, artNo: string): StockRow | undefined {
  return ctx.tables.stock.get(stockKey(MAIN_WAREHOUSE, artNo));
}

function reserve(ctx: HistoryContext, row: StockRow, quantity: number): void {
  if (row.onHand - row.reserved < quantity) throw new Error(`history seed: ${row.artNo} cannot reserve ${quantity}`);
  ctx.tables.stock.set(stockKey(row.warehouse, row.artNo), { ...row, reserved: row.reserved + quantity });
}

function openLine(lineNo: number, artNo: string, quantity: number, extra: Partial<OrderLine> = {}): OrderLine {
  return { ...newLine(lineNo, artNo, quantity), ...extra };
}

/** Registered sale lines on articles with free stock and no queue; reserves them. */
function registeredLines(ctx: HistoryContext, open: OpenState): OrderLine[] {
  const lines: OrderLine[] = [];
  const wanted = ctx.prng.int(1, REGISTERED_LINES_MAX);
  for (let draw = 0; draw < ARTICLE_DRAWS_MAX && lines.length < wanted; draw++) {
    const artNo = ctx.prng.pick(ctx.saleArticles);
    const row = mainRow(ctx, artNo);
    const quantity = ctx.prng.int(1, QUANTITY_MAX);
    if (row === undefined || open.queued.has(stockKey(MAIN_WAREHOUSE, artNo))) continue;
    if (row.onHand - row.reserved < quantity || lines.some((l) => l.artNo === artNo)) continue;
    reserve(ctx, row, quantity);
    lines.push(openLine(lines.length + 1, artNo, quantity));
  }
  return lines;
}

/** One backorder line on a sale article the main warehouse cannot cover; its key joins the queued set. */
function backorderLine(ctx: HistoryContext, open: OpenState): OrderLine | undefined {
  for (let draw = 0; draw < ARTICLE_DRAWS_MAX; draw++) {
    const artNo = ctx.prng.pick(ctx.saleArticles);
    const row = mainRow(ctx, artNo);
    if (row === undefined || ctx.tables.articles.get(artNo)?.status !== 'active') continue;
    const free = row.onHand - row.reserved;
    if (free >= QUANTITY_MAX) continue;
    open.queued.add(stockKey(MAIN_WAREHOUSE, artNo));
    return openLine(1, artNo, ctx.prng.int(free + 1, QUANTITY_MAX), { status: 'backorder', note: NOTE_NO_STOCK });
  }
  return undefined;
}

/** A rental unit from the main shelf in picking: taken and reserved. */
function pickingLine(ctx: HistoryContext, open: OpenState, dates: PlannedDates): OrderLine | undefined {
  while (open.units.length > 0) {
    const unit = open.units.pop()!;
    const row = mainRow(ctx, unit.artNo);
    if (row === undefined || row.onHand - row.reserved < 1 || open.queued.has(stockKey(MAIN_WAREHOUSE, unit.artNo)))
      continue;
    reserve(ctx, row, 1);
    return openLine(1, unit.artNo, 1, {
      status: 'picking',
      individuals: [unit.indNo],
      pickDate: dates.plannedPickDate,
    });
  }
  return undefined;
}

/** The lines of one open order: a unit in picking, a backorder, or registered sale lines (none when nothing fits). */
function openLines(ctx: HistoryContext, open: OpenState, dates: PlannedDates, turn: number): OrderLine[] {
  const kind = turn % KIND_TURNS;
  const special = kind === 0 ? pickingLine(ctx, open, dates) : kind === 1 ? backorderLine(ctx, open) : undefined;
  return special !== undefined ? [special] : registeredLines(ctx, open);
}

/** `count` open orders to device users, placed in the last working days; `units` are candidates for picking. */
export function addOpenOrders(
  ctx: HistoryContext,
  users: readonly string[],
  units: Individual[],
  count: number,
): number {
  if (users.length === 0 || ctx.saleArticles.length === 0) return 0;
  const open: OpenState = { queued: new Set(), units };
  const from = openWindowStart(ctx);
  let made = 0;
  for (let i = 0; i < count; i++) {
    const placedMs = ctx.calendar.timeOn(ctx.prng, ctx.calendar.day(ctx.prng, from, ctx.calendar.endDay));
    const dates = plannedDates(placedMs);
    const lines = openLines(ctx, open, dates, i);
    if (lines.length === 0) continue;
    const order = addPatientOrder(ctx, ctx.prng.pick(users), placedMs, () => lines, { dates });
    // Joint delivery: an order with a line waiting for stock has no planned dates until the line is served.
    if (lines.some((l) => l.status === 'backorder'))
      ctx.tables.orders.set(order.orderNo, { ...order, plannedPickDate: null, plannedDeliveryDate: null });
    made++;
  }
  return made;
}
