// @ts-check
// Orderflöde (HMC staff): every placement and status change as it happens — new orders appear at the top without a
// reload — with line counts per leveransstatus, filters by lager, status and förskrivare, and the next step on each order.
import { html, useState, useEffect, useMemo, useRef } from '../lib/html.js';
import { useTitle } from '../lib/use-title.js';
import { href } from '../lib/routes.js';
import { clock, date, isStaff, LINE_STATUSES, lineStatusLabel, warehouseLabel } from '../lib/format.js';
import { errorText } from '../lib/order-errors.js';
import { useLiveOrders } from '../lib/live-orders.js';
import { RecipientCell, StatusBadge, StatusCounts, linesSummary } from './order-status.js';
import { OrderStepButtons } from './fulfil-actions.js';
import { isOrderFlagged, useFlagFilter, workingDaysText } from '../lib/oversight.js';
import { AgeFlag, FlagSummary } from './oversight-flag.js';
import { PrintPickingListLink } from './print/print-links.js'; // Issue 15, print

/** @typedef {import('../lib/types.d.ts').User} User */
/** @typedef {import('../lib/types.d.ts').LiveRow} LiveRow */
/** @typedef {import('../lib/types.d.ts').LineStatus} LineStatus */
/** The filters: '' means all. @typedef {{ warehouse: string, status: LineStatus | '', prescriberId: string, openOnly: boolean }} Filters */
/** @typedef {Partial<import('../../schemas/orders.ts').OrderListArgs>} OrderListArgs */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const LIMIT = 100;

/**
 * @param {Filters} filters
 * @returns {OrderListArgs}
 */
function flowArgs(filters) {
  /** @type {OrderListArgs} */
  const args = {};
  if (filters.openOnly) args.open = true;
  if (filters.warehouse) args.warehouse = filters.warehouse;
  if (filters.status) args.status = filters.status;
  if (filters.prescriberId) args.prescriberId = filters.prescriberId;
  return args;
}

/**
 * @param {OrderListArgs} args
 * @returns {(row: LiveRow) => boolean}
 */
function flowMatcher(args) {
  return (row) =>
    (!args.open || row.open) &&
    (!args.warehouse || row.warehouse === args.warehouse) &&
    (!args.status || row.lines.some((l) => l.status === args.status)) &&
    (!args.prescriberId || row.prescriber.id === args.prescriberId);
}

/**
 * Warehouses and prescribers seen so far, so the filters can offer them (the selected one always stays).
 * @param {LiveRow[]} orders
 * @param {Filters} filters
 */
function useSeen(orders, filters) {
  const seen = useRef({ warehouses: new Set(['10']), prescribers: /** @type {Map<string, string>} */ (new Map()) });
  for (const o of orders) {
    seen.current.warehouses.add(o.warehouse);
    if (o.prescriber.name !== o.prescriber.id || !seen.current.prescribers.has(o.prescriber.id)) {
      seen.current.prescribers.set(o.prescriber.id, o.prescriber.name);
    }
  }
  if (filters.warehouse) seen.current.warehouses.add(filters.warehouse);
  const warehouses = [...seen.current.warehouses].sort((a, b) =>
    a === '10' ? -1 : b === '10' ? 1 : a.localeCompare(b),
  );
  const prescribers = [...seen.current.prescribers].sort((a, b) => a[1].localeCompare(b[1], 'sv'));
  return { warehouses, prescribers };
}

/** Whether a row shows the prescriber's name (order.get answered), not just the username a push carries. @param {LiveRow} row */
function hasName(row) {
  return row.detailed || row.prescriber.name !== row.prescriber.id;
}

/**
 * Says new orders out loud (politely, a burst as one sentence).
 * @param {LiveRow[]} orders
 * @param {boolean} loading
 */
function useArrivals(orders, loading) {
  const known = useRef(/** @type {Set<number> | null} */ (null));
  const [text, setText] = useState('');
  useEffect(() => {
    if (loading) {
      known.current = null;
      return;
    }
    const now = new Set(orders.map((o) => o.orderNo));
    const before = known.current;
    if (before !== null) {
      const fresh = orders.filter((o) => !before.has(o.orderNo) && o.fresh);
      // A row made from a push alone carries the prescriber's username until order.get answers: wait for the name.
      if (fresh.length === 1 && !hasName(fresh[0])) now.delete(fresh[0].orderNo);
      else if (fresh.length === 1) setText(`Ny order ${fresh[0].orderNo} från ${fresh[0].prescriber.name}.`);
      else if (fresh.length > 1) setText(`${fresh.length} nya order.`);
    }
    known.current = now;
  }, [orders, loading]);
  return text;
}

/** @param {{ filters: Filters, set: (patch: Partial<Filters>) => void, warehouses: string[], prescribers: Array<[string, string]> }} props */
function FlowFilters({ filters, set, warehouses, prescribers }) {
  return html`
    <form class="card filters" aria-label="Filter" onSubmit=${(/** @type {Event} */ e) => e.preventDefault()}>
      <div class="field">
        <label for="flow-warehouse">Lager</label>
        <select id="flow-warehouse" value=${filters.warehouse} onChange=${(/** @type {FieldEvent} */ e) => set({ warehouse: e.currentTarget.value })}>
          <option value="">Alla lager</option>
          ${warehouses.map((w) => html`<option value=${w}>${warehouseLabel(w)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="flow-status">Leveransstatus</label>
        <select id="flow-status" value=${filters.status} onChange=${(/** @type {FieldEvent} */ e) => set({ status: /** @type {LineStatus | ''} */ (e.currentTarget.value) })}>
          <option value="">Alla</option>
          ${LINE_STATUSES.map((s) => html`<option value=${s}>${lineStatusLabel(s)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="flow-prescriber">Förskrivare</label>
        <select id="flow-prescriber" value=${filters.prescriberId} onChange=${(/** @type {FieldEvent} */ e) => set({ prescriberId: e.currentTarget.value })}>
          <option value="">Alla förskrivare</option>
          ${prescribers.map(([id, name]) => html`<option value=${id}>${name}</option>`)}
        </select>
      </div>
      <div class="check filter-check">
        <input type="checkbox" id="flow-open" checked=${filters.openOnly} onChange=${(/** @type {FieldEvent} */ e) => set({ openOnly: e.currentTarget.checked })} />
        <label for="flow-open">Bara öppna order</label>
      </div>
    </form>`;
}

/** @param {{ order: LiveRow, flagged: boolean }} props */
function FlowRow({ order: o, flagged }) {
  const classes = [o.fresh ? 'fresh' : '', flagged ? 'flagged' : ''].join(' ').trim();
  return html`
    <tr class=${classes || undefined} data-testid="flow-row" data-orderno=${o.orderNo} data-status=${o.status} data-flagged=${flagged ? 'true' : 'false'}>
      <td class="nowrap">${o.fresh ? clock(o.placedMs) : date(o.placedDate)}${o.fresh && html` <span class="tag new">Ny</span>`}</td>
      <td class="nowrap"><${AgeFlag} days=${o.ageWorkingDays} flagged=${flagged} flagText="Ej plockad" /></td>
      <td><a href=${href.order(o.orderNo)} class="mono">${o.orderNo}</a></td>
      <td>${o.prescriber.name}</td>
      <td>${o.detailed === false && !o.recipient.name ? html`<span class="hint">Hämtas…</span>` : html`<${RecipientCell} recipient=${o.recipient} />`}</td>
      <td>${o.warehouse}</td>
      <td>${linesSummary(o.lines)}</td>
      <td><${StatusBadge} status=${o.status} testId="flow-status" /></td>
      <td>${date(o.plannedDeliveryDate)}</td>
      <td><${OrderStepButtons} order=${o} compact=${true} /></td>
    </tr>`;
}

/** @param {{ orders: LiveRow[], isFlagged: (row: LiveRow) => boolean }} props */
function FlowTable({ orders, isFlagged }) {
  return html`
    <div class="table-wrap">
      <table class="data-table flow" data-testid="flow-table">
        <caption class="visually-hidden">Order, nyast först</caption>
        <thead>
          <tr>
            <th scope="col">Tid</th><th scope="col">Ålder</th><th scope="col">Ordernr</th><th scope="col">Förskrivare</th><th scope="col">Mottagare</th>
            <th scope="col">Lager</th><th scope="col">Artiklar</th><th scope="col">Status</th><th scope="col">Planerad leverans</th>
            <th scope="col">Nästa steg</th>
          </tr>
        </thead>
        <tbody>
          ${orders.map((o) => html`<${FlowRow} key=${o.orderNo} order=${o} flagged=${isFlagged(o)} />`)}
        </tbody>
      </table>
    </div>`;
}

/** @param {{ user: User }} props */
export function OrderFlowPage({ user }) {
  const [filters, setFilters] = useState(
    /** @type {Filters} */ ({ warehouse: '', status: '', prescriberId: '', openOnly: true }),
  );
  useTitle('Orderflöde – Aidstock');
  const args = useMemo(() => flowArgs(filters), [filters]);
  const match = useMemo(() => flowMatcher(args), [args]);
  const { orders, counts, loading, error, reload, oversight } = useLiveOrders({
    topic: 'orders',
    args,
    match,
    limit: LIMIT,
  });
  const threshold = oversight?.thresholdWorkingDays ?? null;
  const isFlagged = useMemo(() => (/** @type {LiveRow} */ row) => isOrderFlagged(row, threshold), [threshold]);
  const flags = useFlagFilter(orders, isFlagged);
  const { warehouses, prescribers } = useSeen(orders, filters);
  const arrivals = useArrivals(orders, loading);
  const set = (/** @type {Partial<Filters>} */ patch) => setFilters((current) => ({ ...current, ...patch }));
  // Delivered and cancelled lines are never on open orders: picking either count shows every order.
  const pickStatus = (/** @type {Filters['status']} */ status) =>
    set({ status, openOnly: status === 'delivered' || status === 'cancelled' ? false : filters.openOnly });

  if (!isStaff(user)) {
    return html`
      <h1 tabindex="-1">Orderflöde</h1>
      <p class="error" role="alert">Orderflödet är för Hjälpmedelscentrums personal. Dina egna order finns under <a href=${href.orders('mine')}>Mina order</a>.</p>`;
  }

  return html`
    <div class="page-head">
      <div>
        <h1 tabindex="-1">Orderflöde</h1>
        <p class="lead">Nya order och ändrad leveransstatus visas direkt, nyast överst, utan att sidan laddas om.</p>
      </div>
      <a class="button" href=${href.plock()}>Till plocklistan</a>
    </div>
    <${PrintPickingListLink} />

    <section class="card" aria-labelledby="counts-title">
      <div class="section-head">
        <h2 id="counts-title">Orderrader per leveransstatus</h2>
        <p class="hint live-hint"><span class="live-dot" aria-hidden="true"></span>Alla lager, uppdateras direkt. Välj en siffra för att filtrera.</p>
      </div>
      <${StatusCounts} counts=${counts} caption="Orderrader per leveransstatus" active=${filters.status} onPick=${pickStatus} />
    </section>

    <${FlowFilters} filters=${filters} set=${set} warehouses=${warehouses} prescribers=${prescribers} />
    ${
      threshold !== null &&
      html`<${FlagSummary} id="flow-flagged" count=${flags.count} onlyFlagged=${flags.onlyFlagged} setOnlyFlagged=${flags.setOnlyFlagged}
      note=${orders.length >= LIMIT ? 'order bland de visade' : 'order'} rule=${`ej plockade efter mer än ${workingDaysText(threshold)}`} />`
    }

    <section class="card" aria-labelledby="flow-title" aria-busy=${loading ? 'true' : 'false'}>
      <div class="section-head">
        <h2 id="flow-title">Order</h2>
        <p class="hint">${loading ? 'Hämtar order…' : `${orders.length} order${orders.length >= LIMIT ? ` (de ${LIMIT} senaste)` : ''}`}</p>
      </div>
      <p class="visually-hidden" role="status" data-testid="flow-announce">${arrivals}</p>
      ${error && html`<p class="error" role="alert">${errorText(error)} <button type="button" class="link-button" onClick=${reload}>Försök igen</button></p>`}
      ${!loading && !error && flags.shown.length === 0 && html`<p class="empty">Inga order matchar filtret. Nya order dyker upp här direkt.</p>`}
      ${flags.shown.length > 0 && html`<${FlowTable} orders=${flags.shown} isFlagged=${isFlagged} />`}
    </section>`;
}
