// @ts-check
// The lines of open orders still to pick (Registrerad and För plock), grouped by warehouse and planned pick date and
// sorted by article number within a group, so one article is fetched from its shelf once for every order that wants it.
// Pure, so a unit test can check the grouping.

/** @typedef {import('../../lib/types.d.ts').OrderRow} OrderRow */

/** The statuses of a line still to pick: registered (to be laid out for picking) and picking (being picked). */
const TO_PICK = new Set(['registered', 'picking']);
/** @type {Record<string, string>} */
export const STATUS_TEXT = { registered: 'Att plocka', picking: 'För plock' };

/**
 * One line to pick, with what the picker needs of its order.
 * @typedef {{ orderNo: number, lineNo: number, artNo: string, name: string, quantity: number, status: string,
 *   deliveryDate: string | null, waiting: boolean }} PickRow
 * @typedef {{ key: string, warehouse: string, pickDate: string | null, rows: PickRow[] }} PickGroup
 */

/**
 * Lines to pick grouped by warehouse (main first) and pick date (earliest first; none last).
 * @param {OrderRow[]} orders
 * @returns {PickGroup[]}
 */
export function pickGroups(orders) {
  /** @type {Map<string, PickGroup>} */
  const groups = new Map();
  for (const o of orders) {
    // A joint delivery waiting for a backorder cannot be picked yet: the line is listed, marked.
    const waiting = !o.partialDelivery && o.lines.some((l) => l.status === 'backorder');
    for (const l of o.lines) {
      if (!TO_PICK.has(l.status)) continue;
      const key = `${o.warehouse}|${o.plannedPickDate ?? ''}`;
      let group = groups.get(key);
      if (group === undefined) {
        group = { key, warehouse: o.warehouse, pickDate: o.plannedPickDate, rows: [] };
        groups.set(key, group);
      }
      const { lineNo, artNo, name, quantity, status } = l;
      const rowWaiting = waiting && status === 'registered';
      group.rows.push({
        orderNo: o.orderNo,
        lineNo,
        artNo,
        name,
        quantity,
        status,
        deliveryDate: o.plannedDeliveryDate,
        waiting: rowWaiting,
      });
    }
  }
  const rank = (/** @type {string} */ w) => (w === '10' ? '' : w);
  for (const g of groups.values())
    g.rows.sort((a, b) => a.artNo.localeCompare(b.artNo) || a.orderNo - b.orderNo || a.lineNo - b.lineNo);
  return [...groups.values()].sort(
    (a, b) =>
      rank(a.warehouse).localeCompare(rank(b.warehouse)) || (a.pickDate ?? '9999').localeCompare(b.pickDate ?? '9999'),
  );
}
