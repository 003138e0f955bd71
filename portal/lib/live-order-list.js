// @ts-check
// The live order list as a plain object (no Preact): an `order.list` snapshot, then order pushes merged in by seq
// (older pushes for an order never overwrite a newer state), batched so a burst of placements publishes once, new
// orders filled in by `order.get`, staff counts taken from whichever snapshot or push is newest. Tested in Node.
import { isOpenOrder } from './format.js';

/** Pushes are applied together at most this often, so a flood of placements does not re-render per order. */
export const FLUSH_MS = 60;
/** order.get calls in flight for new orders (names of prescriber, recipient and articles). */
export const DETAIL_IN_FLIGHT_MAX = 6;

/** @typedef {import('./types.d.ts').LiveRow} LiveRow */

/**
 * One order event of a push (see push-events.js), with the batch's counts on its last event.
 * @typedef {Record<string, any> & { type: 'order', orderNo: number, seq: number, counts?: Record<string, number> }} OrderPush
 */

/**
 * What a screen shows.
 * @typedef {object} LiveOrdersView
 * @property {LiveRow[]} orders  newest order first, at most `limit`
 * @property {Record<string, number> | null} counts  line counts per status (staff topic), newest by seq
 * @property {boolean} loading
 * @property {unknown} error
 * @property {number} withheld  other care providers' orders the last order.list left out
 * @property {{ thresholdWorkingDays: number, flagged: number } | null} oversight  the last order.list's flag threshold
 *   (HMC oversight); rows carry their age, and a screen flags them from it (see oversight.js)
 */

/**
 * @typedef {object} LiveOrderListOptions
 * @property {number} limit
 * @property {(row: LiveRow) => boolean} match  whether a row belongs in this list; rows that stop matching leave it
 * @property {boolean} detailFirst  fetch order.get before deciding about a new order (when match needs fields a push
 *   lacks, such as the patient's personnummer)
 * @property {(orderNo: number) => Promise<any>} fetchDetail  order.get
 * @property {(view: LiveOrdersView) => void} onChange  called with a new view after every change
 * @property {(run: () => void, ms: number) => unknown} [setTimer]
 * @property {(timer: any) => void} [clearTimer]
 */

/** "2025-06-20" of an epoch ms in Swedish time (pushes carry placedMs only). @param {number} ms */
function swedishDate(ms) {
  return new Date(ms).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/**
 * A list row made from a push alone: names are filled in when order.get answers.
 * @param {OrderPush} event
 * @param {{ prescribers: Map<string, string>, articles: Map<string, string> }} names
 * @returns {LiveRow}
 */
function rowFromPush(event, names) {
  return {
    orderNo: event.orderNo,
    placedMs: event.placedMs,
    placedDate: swedishDate(event.placedMs),
    prescriber: { id: event.prescriberId, name: names.prescribers.get(event.prescriberId) ?? event.prescriberId },
    recipient: { kind: event.recipientKind, name: '', pnrDisplay: '', customerNo: event.customerNo },
    customerNo: event.customerNo,
    workplaceId: null,
    warehouse: event.warehouse,
    partialDelivery: event.partialDelivery,
    status: event.status,
    open: isOpenOrder(event.lines),
    plannedPickDate: event.plannedPickDate,
    plannedDeliveryDate: event.plannedDeliveryDate,
    lines: event.lines.map((/** @type {any} */ l) => ({ ...l, name: names.articles.get(l.artNo) ?? l.artNo })),
    seq: event.seq,
    fresh: true,
    detailed: false,
    // Placed just now: age 0. An older order new to this list gets its age from order.get (mergeDetail).
    ageWorkingDays: event.change === 'placed' ? 0 : null,
  };
}

/**
 * A known row moved on: statuses and dates from the push, names kept.
 * @param {LiveRow} row
 * @param {OrderPush} event
 * @returns {LiveRow}
 */
function mergePush(row, event) {
  const names = new Map(row.lines.map((l) => [l.lineNo, l.name]));
  return {
    ...row,
    status: event.status,
    open: isOpenOrder(event.lines),
    warehouse: event.warehouse,
    partialDelivery: event.partialDelivery,
    plannedPickDate: event.plannedPickDate,
    plannedDeliveryDate: event.plannedDeliveryDate,
    lines: event.lines.map((/** @type {any} */ l) => ({ ...l, name: names.get(l.lineNo) ?? l.artNo })),
    seq: event.seq,
  };
}

/**
 * order.get's fuller view over a pushed row: names and recipient from it, statuses from whichever is newer.
 * @param {LiveRow} row
 * @param {any} detail
 * @returns {LiveRow}
 */
function mergeDetail(row, detail) {
  const names = new Map(detail.lines.map((/** @type {any} */ l) => [l.lineNo, l.name]));
  return {
    ...row,
    prescriber: { id: detail.prescriber.id, name: detail.prescriber.name },
    recipient: detail.recipient,
    customerNo: detail.customerNo,
    workplaceId: detail.workplaceId,
    placedDate: detail.placedDate,
    lines: row.lines.map((l) => ({ ...l, name: names.get(l.lineNo) ?? l.name })),
    detailed: true,
    ageWorkingDays: detail.ageWorkingDays ?? row.ageWorkingDays ?? null,
  };
}

export class LiveOrderList {
  /** @param {LiveOrderListOptions} options */
  constructor(options) {
    this.options = options;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer));
    /** @type {LiveRow[]} the list as shown; replaced (never mutated), so each view is a new snapshot */
    this.orders = [];
    /** @type {Record<string, number> | null} */
    this.counts = null;
    this.withheld = 0;
    /** @type {LiveOrdersView['oversight']} */
    this.oversight = null;
    this.countsSeq = -1;
    this.loading = true;
    /** @type {unknown} */
    this.error = null;
    this.closed = false;
    /** False from a (re)load until its snapshot: pushes meanwhile wait in `early`. */
    this.loaded = false;
    /** @type {OrderPush[]} */
    this.early = [];
    /** @type {OrderPush[]} */
    this.queue = [];
    /** @type {unknown} */
    this.timer = null;
    this.names = { prescribers: new Map(), articles: new Map() };
    /** @type {Map<number, number>} orderNo → seq of the newest state shown */
    this.seqOf = new Map();
    /** @type {Map<number, OrderPush | null>} new orders waiting for order.get: their newest push (detailFirst) or null (shown) */
    this.waiting = new Map();
    /** @type {number[]} */
    this.detailQueue = [];
    this.detailsInFlight = 0;
  }

  /** @returns {LiveOrdersView} */
  view() {
    return {
      orders: this.orders,
      counts: this.counts,
      loading: this.loading,
      error: this.error,
      withheld: this.withheld,
      oversight: this.oversight,
    };
  }

  /** A (re)load is on its way: pushes wait for its snapshot. */
  reloading() {
    this.loaded = false;
  }

  /** order.list's reply. @param {{ orders: any[], seq: number, counts?: Record<string, number> | null, withheld?: number, oversight?: LiveOrdersView['oversight'] }} result */
  snapshot(result) {
    if (this.closed) return;
    this.withheld = result.withheld ?? 0;
    this.oversight = result.oversight ?? null;
    this.remember(result.orders);
    this.seqOf.clear();
    for (const row of result.orders) this.seqOf.set(row.orderNo, result.seq);
    this.orders = result.orders.map((row) => ({ ...row, seq: result.seq, fresh: false, detailed: true }));
    if (result.seq >= this.countsSeq) {
      this.counts = result.counts ?? null;
      this.countsSeq = result.seq;
    }
    this.loading = false;
    this.error = null;
    this.loaded = true;
    // Pushes that came while the list was on its way: applyPush keeps only those newer than the list.
    this.queue.push(...this.early.splice(0));
    if (this.queue.length > 0) this.flush();
    else this.publish();
  }

  /** order.list failed. @param {unknown} failure */
  fail(failure) {
    if (this.closed) return;
    this.loading = false;
    this.error = failure;
    this.loaded = true;
    this.early = [];
    this.publish();
  }

  /** One event of the topic; order events are applied in the next flush. @param {any} event */
  push(event) {
    if (this.closed || event?.type !== 'order') return;
    if (!this.loaded) {
      this.early.push(event);
      return;
    }
    this.queue.push(event);
    if (this.timer === null) this.timer = this.setTimer(() => this.flush(), FLUSH_MS);
  }

  /** Apply the waiting pushes now. */
  flush() {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    const batch = this.queue.splice(0);
    if (this.closed || batch.length === 0) return;
    for (const event of batch) this.applyPush(event);
    this.finish();
    this.pumpDetails();
  }

  /** The screen is gone: nothing more is published or fetched. */
  close() {
    this.closed = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  publish() {
    if (!this.closed) this.options.onChange(this.view());
  }

  /** @param {Array<{ prescriber: { id: string, name: string }, lines: Array<{ artNo: string, name: string }> }>} rows */
  remember(rows) {
    for (const row of rows) {
      this.names.prescribers.set(row.prescriber.id, row.prescriber.name);
      for (const line of row.lines)
        if (line.name && line.name !== line.artNo) this.names.articles.set(line.artNo, line.name);
    }
  }

  finish() {
    if (this.orders.length > 1) this.orders = [...this.orders].sort((a, b) => b.orderNo - a.orderNo);
    if (this.orders.length > this.options.limit) this.orders = this.orders.slice(0, this.options.limit);
    this.publish();
  }

  /** @param {number} orderNo */
  has(orderNo) {
    return this.orders.some((row) => row.orderNo === orderNo);
  }

  /** @param {OrderPush} event */
  applyPush(event) {
    if (event.counts && event.seq > this.countsSeq) {
      this.counts = event.counts;
      this.countsSeq = event.seq;
    }
    const known = this.seqOf.get(event.orderNo);
    if (known !== undefined && known >= event.seq) return;
    this.seqOf.set(event.orderNo, event.seq);
    const at = this.orders.findIndex((row) => row.orderNo === event.orderNo);
    if (at >= 0) {
      const next = mergePush(this.orders[at], event);
      this.orders = this.options.match(next)
        ? this.orders.map((row, i) => (i === at ? next : row))
        : this.orders.filter((_, i) => i !== at);
      return;
    }
    if (this.waiting.has(event.orderNo)) {
      if (this.waiting.get(event.orderNo)) this.waiting.set(event.orderNo, event);
      return;
    }
    if (this.options.detailFirst) {
      this.waiting.set(event.orderNo, event);
      this.detailQueue.push(event.orderNo);
      return;
    }
    const row = rowFromPush(event, this.names);
    if (!this.options.match(row)) return;
    this.orders = [row, ...this.orders];
    this.waiting.set(event.orderNo, null);
    this.detailQueue.push(event.orderNo);
  }

  pumpDetails() {
    while (!this.closed && this.detailsInFlight < DETAIL_IN_FLIGHT_MAX && this.detailQueue.length > 0) {
      const orderNo = /** @type {number} */ (this.detailQueue.shift());
      // Dropped off the list (limit) before its turn: nothing to fill in.
      if (!this.waiting.get(orderNo) && !this.has(orderNo)) {
        this.waiting.delete(orderNo);
        continue;
      }
      this.detailsInFlight++;
      this.options
        .fetchDetail(orderNo)
        .then(
          (detail) => {
            if (!this.closed) this.onDetail(orderNo, detail);
          },
          () => {
            this.waiting.delete(orderNo);
          },
        )
        .finally(() => {
          this.detailsInFlight--;
          this.pumpDetails();
        });
    }
  }

  /** @param {number} orderNo @param {any} detail */
  onDetail(orderNo, detail) {
    this.remember([detail]);
    const held = this.waiting.get(orderNo);
    this.waiting.delete(orderNo);
    if (held) {
      // A new order held back until its details came (detailFirst): decide on the full row now.
      const row = mergeDetail(rowFromPush(held, this.names), detail);
      if (this.options.match(row) && !this.has(orderNo)) this.orders = [row, ...this.orders];
    } else {
      this.orders = this.orders.map((row) => (row.orderNo === orderNo ? mergeDetail(row, detail) : row));
    }
    this.finish();
  }
}
