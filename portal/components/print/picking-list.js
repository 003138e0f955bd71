// @ts-check
// Plocklista to print, for HMC: the open order lines still to pick (Registrerad and För plock), grouped by warehouse
// and planned pick date, each line with a tick box, sorted by article number so one article is picked in one go.
// Read once by order.list (logged like every order list), the oldest open orders first; the live Plocklista screen
// stays the place to work.
import { html, useMemo } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { useQuery } from '../../lib/use-query.js';
import { href } from '../../lib/routes.js';
import { date, isStaff, warehouseLabel } from '../../lib/format.js';
import { errorText } from '../../lib/order-errors.js';
import { PrintFrame, TickBox } from './print-frame.js';
import { pickGroups, STATUS_TEXT } from './pick-groups.js';

/** @typedef {import('../../lib/types.d.ts').User} User */
/** @typedef {import('../../lib/types.d.ts').OrderRow} OrderRow */
/** @typedef {import('./pick-groups.js').PickGroup} PickGroup */

/** order.list's page size at most (schemas/limits.ts PAGE_LIMIT_MAX). */
const LIST_MAX = 200;

/**
 * The oldest open orders (order.list answers newest first): the total first, then the last page, since the orders
 * that have waited longest are picked first.
 * @returns {Promise<{ orders: OrderRow[], total: number }>}
 */
async function oldestOpenOrders() {
  const first = await api.call('order.list', { open: true, limit: 1 });
  const offset = Math.max(0, first.total - LIST_MAX);
  const page = await api.call('order.list', { open: true, limit: LIST_MAX, offset });
  return { orders: page.orders, total: page.total };
}
/** @param {{ group: PickGroup, id: string }} props */
function GroupTable({ group, id }) {
  const title = `${warehouseLabel(group.warehouse)}, plockdatum ${group.pickDate ?? 'ej satt'}`;
  return html`<h2 class="print-table-title" id=${id}>${title} (${group.rows.length} rader)</h2>
  <div class="table-wrap"><table class="print-table" data-testid="pick-group" data-warehouse=${group.warehouse} aria-labelledby=${id}>
    <thead><tr><th scope="col" class="tick-col">Plockad</th><th scope="col">Artikelnr</th><th scope="col">Benämning</th>
      <th scope="col" class="num">Antal</th><th scope="col">Order / rad</th><th scope="col">Status</th><th scope="col">Leverans</th></tr></thead>
    <tbody>${group.rows.map(
      (r) => html`<tr key=${`${r.orderNo}-${r.lineNo}`}>
        <td class="tick-col"><${TickBox} label=${`Plockad: order ${r.orderNo} rad ${r.lineNo}, ${r.name}`} /></td>
        <td class="mono">${r.artNo}</td><td>${r.name}</td><td class="num">${r.quantity}</td>
        <td class="mono nowrap">${r.orderNo} / ${r.lineNo}</td>
        <td><span class="nowrap">${STATUS_TEXT[r.status] ?? r.status}</span>${r.waiting ? '. Väntar på restorder (samleverans)' : ''}</td>
        <td class="date">${date(r.deliveryDate)}</td>
      </tr>`,
    )}</tbody>
  </table></div>`;
}

/** @param {{ user: User }} props */
export function PickingListDocument({ user }) {
  const staff = isStaff(user);
  const query = useQuery(staff ? oldestOpenOrders : null);
  const groups = useMemo(() => pickGroups(query.data?.orders ?? []), [query.data]);
  const frame = { title: 'Plocklista', back: href.plock(), backText: 'till plocklistan', testId: 'picking-list' };
  let body = null;
  if (!staff) body = html`<p class="error" role="alert">Plocklistan är för Hjälpmedelscentrums personal.</p>`;
  else if (query.error) body = html`<p class="error" role="alert">${errorText(query.error)}</p>`;
  else if (query.data === null) body = html`<p class="loading" role="status">Hämtar orderrader…</p>`;
  if (body !== null) return html`<${PrintFrame} ...${frame} ready=${false}>${body}<//>`;
  const rows = groups.reduce((n, g) => n + g.rows.length, 0);
  const total = query.data?.total ?? 0;
  return html`<${PrintFrame} ...${frame} subtitle=${`${rows} rader att plocka, sorterade per lager, plockdatum och artikelnummer`}>
    ${total > LIST_MAX && html`<p class="print-note">Listan tar med de ${LIST_MAX} äldsta av ${total} öppna order. Skriv ut igen när de är plockade.</p>`}
    ${groups.length === 0 ? html`<p>Inga orderrader väntar på plock.</p>` : groups.map((g, i) => html`<section class="print-section" key=${g.key}><${GroupTable} group=${g} id=${`pick-group-${i}`} /></section>`)}
  <//>`;
}
