// A live list of orders: `order.list` once, then the pushes of an order topic (`orders` for staff, `orders/<userId>` for
// a prescriber) merged in by seq, batched so a burst of placements renders once; new orders are filled in by `order.get`.
import { useState, useEffect, useRef } from './html.js';
import * as api from './api.js';
import { isOpenOrder } from './format.js';

/** Pushes are applied together at most this often, so a flood of placements does not re-render per order. */
const FLUSH_MS = 60;
/** order.get calls in flight for new orders (names of prescriber, recipient and articles). */
const DETAIL_IN_FLIGHT_MAX = 6;

/** "2025-06-20" of an epoch ms in Swedish time (pushes carry placedMs only). */
function swedishDate(ms) {
  return new Date(ms).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/** A list row made from a push alone: names are filled in when order.get answers. */
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
    lines: event.lines.map((l) => ({ ...l, name: names.articles.get(l.artNo) ?? l.artNo })),
    seq: event.seq,
    fresh: true,
    detailed: false,
  };
}

/** A known row moved on: statuses and dates from the push, names kept. */
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
    lines: event.lines.map((l) => ({ ...l, name: names.get(l.lineNo) ?? l.artNo })),
    seq: event.seq,
  };
}

/** order.get's fuller view over a pushed row: names and recipient from it, statuses from whichever is newer. */
function mergeDetail(row, detail) {
  const names = new Map(detail.lines.map((l) => [l.lineNo, l.name]));
  return {
    ...row,
    prescriber: { id: detail.prescriber.id, name: detail.prescriber.name },
    recipient: detail.recipient,
    customerNo: detail.customerNo,
    workplaceId: detail.workplaceId,
    placedDate: detail.placedDate,
    lines: row.lines.map((l) => ({ ...l, name: names.get(l.lineNo) ?? l.name })),
    detailed: true,
  };
}

/**
 * { orders, counts, loading, error, reload }.
 * topic: the order topic to follow (null: no live updates). args: order.list criteria (also its deps, by value).
 * match(row): whether a row belongs in this list; rows that stop matching leave it. detailFirst: fetch order.get before
 * deciding about a new order (when match needs fields a push lacks, such as the patient's personnummer).
 */
export function useLiveOrders({ topic, args, match, limit = 100, detailFirst = false }) {
  const [data, setData] = useState({ orders: [], counts: null, loading: true, error: null });
  const matchRef = useRef(match);
  matchRef.current = match;
  const reloadRef = useRef(() => {});
  const argsKey = JSON.stringify(args);

  useEffect(() => {
    let alive = true;
    let loaded = false;
    let early = [];
    let queue = [];
    let timer = null;
    /** The list as shown; changed only here, then handed to Preact as a new snapshot. */
    const model = { orders: [], counts: null, countsSeq: -1, loading: true, error: null };
    const names = { prescribers: new Map(), articles: new Map() };
    /** orderNo → seq of the newest state shown, so an older push or reply never overwrites a newer one. */
    const seqOf = new Map();
    /** New orders waiting for order.get: orderNo → their newest push (detailFirst) or null (already shown). */
    const waiting = new Map();
    const detailQueue = [];
    let detailsInFlight = 0;

    const publish = () => {
      if (alive) setData({ orders: model.orders, counts: model.counts, loading: model.loading, error: model.error });
    };

    const remember = (rows) => {
      for (const row of rows) {
        names.prescribers.set(row.prescriber.id, row.prescriber.name);
        for (const line of row.lines)
          if (line.name && line.name !== line.artNo) names.articles.set(line.artNo, line.name);
      }
    };

    const finish = () => {
      if (model.orders.length > 1) model.orders = [...model.orders].sort((a, b) => b.orderNo - a.orderNo);
      if (model.orders.length > limit) model.orders = model.orders.slice(0, limit);
      publish();
    };

    const onDetail = (orderNo, detail) => {
      remember([detail]);
      const held = waiting.get(orderNo);
      waiting.delete(orderNo);
      if (held) {
        // A new order held back until its details came (detailFirst): decide on the full row now.
        const row = mergeDetail(rowFromPush(held, names), detail);
        if (matchRef.current(row) && !model.orders.some((r) => r.orderNo === orderNo))
          model.orders = [row, ...model.orders];
      } else {
        model.orders = model.orders.map((row) => (row.orderNo === orderNo ? mergeDetail(row, detail) : row));
      }
      finish();
    };

    const pumpDetails = () => {
      while (alive && detailsInFlight < DETAIL_IN_FLIGHT_MAX && detailQueue.length > 0) {
        const orderNo = detailQueue.shift();
        // Dropped off the list (limit) before its turn: nothing to fill in.
        if (!waiting.get(orderNo) && !model.orders.some((row) => row.orderNo === orderNo)) {
          waiting.delete(orderNo);
          continue;
        }
        detailsInFlight++;
        api
          .call('order.get', { orderNo })
          .then(
            (detail) => {
              if (alive) onDetail(orderNo, detail);
            },
            () => {
              waiting.delete(orderNo);
            },
          )
          .finally(() => {
            detailsInFlight--;
            pumpDetails();
          });
      }
    };

    const applyPush = (event) => {
      if (event.counts && event.seq > model.countsSeq) {
        model.counts = event.counts;
        model.countsSeq = event.seq;
      }
      const known = seqOf.get(event.orderNo);
      if (known !== undefined && known >= event.seq) return;
      seqOf.set(event.orderNo, event.seq);
      const at = model.orders.findIndex((row) => row.orderNo === event.orderNo);
      if (at >= 0) {
        const next = mergePush(model.orders[at], event);
        model.orders = matchRef.current(next)
          ? model.orders.map((row, i) => (i === at ? next : row))
          : model.orders.filter((_, i) => i !== at);
        return;
      }
      if (waiting.has(event.orderNo)) {
        if (waiting.get(event.orderNo)) waiting.set(event.orderNo, event);
        return;
      }
      if (detailFirst) {
        waiting.set(event.orderNo, event);
        detailQueue.push(event.orderNo);
        return;
      }
      const row = rowFromPush(event, names);
      if (!matchRef.current(row)) return;
      model.orders = [row, ...model.orders];
      waiting.set(event.orderNo, null);
      detailQueue.push(event.orderNo);
    };

    const flush = () => {
      timer = null;
      const batch = queue;
      queue = [];
      if (!alive || batch.length === 0) return;
      for (const event of batch) applyPush(event);
      finish();
      pumpDetails();
    };

    const onPush = (event) => {
      if (!alive || event?.type !== 'order') return;
      if (!loaded) {
        early.push(event);
        return;
      }
      queue.push(event);
      if (timer === null) timer = setTimeout(flush, FLUSH_MS);
    };
    const unsubscribe = topic ? api.subscribe(topic, onPush) : () => {};

    const load = () => {
      loaded = false;
      api.call('order.list', { ...args, limit }).then(
        (result) => {
          if (!alive) return;
          remember(result.orders);
          seqOf.clear();
          for (const row of result.orders) seqOf.set(row.orderNo, result.seq);
          model.orders = result.orders.map((row) => ({ ...row, seq: result.seq, fresh: false, detailed: true }));
          if (result.seq >= model.countsSeq) {
            model.counts = result.counts;
            model.countsSeq = result.seq;
          }
          model.loading = false;
          model.error = null;
          loaded = true;
          // Pushes that came while the list was on its way: applyPush keeps only those newer than the list.
          const held = early;
          early = [];
          for (const event of held) queue.push(event);
          if (queue.length > 0) flush();
          else publish();
        },
        (failure) => {
          if (!alive) return;
          model.loading = false;
          model.error = failure;
          loaded = true;
          early = [];
          publish();
        },
      );
    };
    reloadRef.current = load;
    setData({ orders: [], counts: null, loading: true, error: null });
    load();
    // Pushes sent while the connection was down are lost: read the list again after a reconnect.
    const offReconnect = api.on('reconnected', load);
    return () => {
      alive = false;
      clearTimeout(timer);
      unsubscribe();
      offReconnect();
    };
  }, [topic, argsKey, limit, detailFirst]);

  return { ...data, reload: () => reloadRef.current() };
}
