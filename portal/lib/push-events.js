// @ts-check
// Order topics push one batch per group commit: { type: 'orders', seq, orders: [order events in seq order], counts? }.
// Screens handle one order event at a time, so a batch is unfolded here; the staff counts (as of the batch's last
// order) ride on its last event, whose seq is the batch's.

/**
 * The single events a push carries, in order.
 * @param {any} event  a push frame's event, as the engine sent it (validated by shape here)
 * @returns {any[]}
 */
export function pushEvents(event) {
  if (event === null || typeof event !== 'object' || event.type !== 'orders' || !Array.isArray(event.orders))
    return [event];
  if (event.counts === undefined || event.orders.length === 0) return event.orders;
  const last = event.orders.length - 1;
  return event.orders.map((/** @type {object} */ order, /** @type {number} */ i) =>
    i === last ? { ...order, counts: event.counts } : order,
  );
}
