// @ts-check
// Kundorder for prescribers: Öppna kundorder (not yet delivered, per workplace) and Rekvirerat per förskrivare (my own
// orders), searchable by patient, leveransstatus and date range; statuses follow live on `orders/<userId>`.
import { html, useState, useMemo } from '../lib/html.js';
import { useTitle } from '../lib/use-title.js';
import { href } from '../lib/routes.js';
import { date, LINE_STATUSES, lineStatusLabel } from '../lib/format.js';
import { errorText } from '../lib/order-errors.js';
import { useLiveOrders } from '../lib/live-orders.js';
import { WithheldNotice } from './withheld-notice.js';
import { RecipientCell, StatusBadge, linesSummary } from './order-status.js';

/** @typedef {import('../lib/types.d.ts').User} User */
/** @typedef {import('../lib/types.d.ts').LiveRow} LiveRow */
/** @typedef {import('../lib/types.d.ts').LineStatus} LineStatus */
/** @typedef {'open' | 'mine'} View */
/** The search form: '' means no criterion. @typedef {{ workplaceId: string, pnr: string, status: LineStatus | '', fromDate: string, toDate: string, openOnly: boolean }} Criteria */
/** order.list's criteria (the zod schema's input, as the engine reads them). @typedef {Partial<import('../../schemas/orders.ts').OrderListArgs>} OrderListArgs */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const LIMIT = 100;
const PNR_PATTERN = /^(\d{6}|\d{8})[-+]?\d{4}$/;

/**
 * @param {User} user
 * @returns {Criteria}
 */
function emptyCriteria(user) {
  return { workplaceId: user.workplaces[0]?.id ?? '', pnr: '', status: '', fromDate: '', toDate: '', openOnly: false };
}

/**
 * order.list arguments of a view and its criteria.
 * @param {View} view
 * @param {Criteria} criteria
 * @returns {OrderListArgs}
 */
function listArgs(view, criteria) {
  /** @type {OrderListArgs} */
  const args = view === 'mine' ? { mine: true } : { open: true };
  if (view === 'open' && criteria.workplaceId) args.workplaceId = criteria.workplaceId;
  if (view === 'mine' && criteria.openOnly) args.open = true;
  if (criteria.pnr) args.pnr = criteria.pnr;
  if (criteria.status) args.status = criteria.status;
  if (criteria.fromDate) args.fromDate = criteria.fromDate;
  if (criteria.toDate) args.toDate = criteria.toDate;
  return args;
}

/**
 * The same criteria on a row (for orders that arrive or change by push).
 * @param {OrderListArgs} args
 * @param {string} userId
 * @returns {(row: LiveRow) => boolean}
 */
function matcher(args, userId) {
  const digits = (args.pnr ?? '').replace(/\D/g, '').slice(-10);
  return (row) => {
    if (args.open && !row.open) return false;
    if (args.mine && row.prescriber.id !== userId) return false;
    if (args.workplaceId && row.workplaceId !== args.workplaceId) return false;
    if (args.status && !row.lines.some((l) => l.status === args.status)) return false;
    if (digits && (row.recipient.kind !== 'patient' || !String(row.recipient.pnr ?? '').endsWith(digits))) return false;
    if (args.fromDate && row.placedDate < args.fromDate) return false;
    if (args.toDate && row.placedDate > args.toDate) return false;
    return true;
  };
}

/** @param {{ user: User, view: View, initial: Criteria, onSearch: (criteria: Criteria) => void }} props */
function Criteria({ user, view, initial, onSearch }) {
  const [form, setForm] = useState(initial);
  const [error, setError] = useState('');
  const set = (/** @type {Partial<Criteria>} */ patch) => setForm((current) => ({ ...current, ...patch }));
  const submit = (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    const pnr = form.pnr.replace(/\s+/g, '');
    if (pnr !== '' && !PNR_PATTERN.test(pnr)) {
      setError('Skriv personnumret som ÅÅÅÅMMDD-NNNN.');
      return;
    }
    if (form.fromDate && form.toDate && form.fromDate > form.toDate) {
      setError('Från-datum är efter till-datum.');
      return;
    }
    setError('');
    onSearch({ ...form, pnr });
  };
  const clear = () => {
    const empty = { ...emptyCriteria(user), workplaceId: form.workplaceId };
    setForm(empty);
    setError('');
    onSearch(empty);
  };
  return html`
    <form class="card criteria" onSubmit=${submit} aria-label="Sökkriterier">
      ${
        view === 'open' &&
        html`
        <div class="field">
          <label for="crit-workplace">Arbetsplats</label>
          <select id="crit-workplace" value=${form.workplaceId} onChange=${(/** @type {FieldEvent} */ e) => set({ workplaceId: e.currentTarget.value })}>
            ${user.workplaces.map((w) => html`<option value=${w.id}>${w.name} (${w.customerNo})</option>`)}
          </select>
        </div>`
      }
      <div class="field">
        <label for="crit-pnr">Brukare (personnummer)</label>
        <input id="crit-pnr" type="text" inputmode="numeric" maxLength="15" value=${form.pnr} placeholder="ÅÅÅÅMMDD-NNNN"
          onInput=${(/** @type {FieldEvent} */ e) => set({ pnr: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="crit-status">Leveransstatus</label>
        <select id="crit-status" value=${form.status} onChange=${(/** @type {FieldEvent} */ e) => set({ status: /** @type {LineStatus | ''} */ (e.currentTarget.value) })}>
          <option value="">Alla</option>
          ${LINE_STATUSES.map((s) => html`<option value=${s}>${lineStatusLabel(s)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="crit-from">Registrerad från</label>
        <input id="crit-from" type="date" value=${form.fromDate} onInput=${(/** @type {FieldEvent} */ e) => set({ fromDate: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="crit-to">till och med</label>
        <input id="crit-to" type="date" value=${form.toDate} onInput=${(/** @type {FieldEvent} */ e) => set({ toDate: e.currentTarget.value })} />
      </div>
      ${
        view === 'mine' &&
        html`
        <div class="check criteria-check">
          <input type="checkbox" id="crit-open" checked=${form.openOnly} onChange=${(/** @type {FieldEvent} */ e) => set({ openOnly: e.currentTarget.checked })} />
          <label for="crit-open">Bara ej levererade</label>
        </div>`
      }
      <div class="criteria-buttons">
        <button type="submit" class="button primary">Sök</button>
        <button type="button" class="button" onClick=${clear}>Rensa</button>
      </div>
      <p class="error criteria-error" role="alert">${error}</p>
    </form>`;
}

/** @param {{ orders: LiveRow[], caption: string, showPrescriber?: boolean, testId?: string }} props */
export function OrdersTable({ orders, caption, showPrescriber = true, testId = 'orders-table' }) {
  return html`
    <div class="table-wrap">
      <table class="data-table orders" data-testid=${testId}>
        <caption class="visually-hidden">${caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ordernr</th><th scope="col">Registrerad</th><th scope="col">Mottagare</th>
            ${showPrescriber && html`<th scope="col">Förskrivare</th>`}
            <th scope="col">Artiklar</th><th scope="col">Leveransstatus</th><th scope="col">Planerad leverans</th>
          </tr>
        </thead>
        <tbody>
          ${orders.map(
            (o) => html`
            <tr key=${o.orderNo} data-testid="order-row" data-orderno=${o.orderNo} data-status=${o.status}>
              <td><a href=${href.order(o.orderNo)} class="mono">${o.orderNo}</a></td>
              <td>${date(o.placedDate)}</td>
              <td><${RecipientCell} recipient=${o.recipient} /></td>
              ${showPrescriber && html`<td>${o.prescriber.name}</td>`}
              <td>${linesSummary(o.lines)}</td>
              <td><${StatusBadge} status=${o.status} testId="order-row-status" /></td>
              <td>${date(o.plannedDeliveryDate)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

/** @param {{ user: User, view: View }} props */
export function OpenOrdersPage({ user, view }) {
  const [criteria, setCriteria] = useState(() => emptyCriteria(user));
  useTitle(`${view === 'mine' ? 'Rekvirerat per förskrivare' : 'Öppna kundorder'} – Aidstock`);
  const args = useMemo(() => listArgs(view, criteria), [view, criteria]);
  const match = useMemo(() => matcher(args, user.id), [args, user.id]);
  const { orders, loading, error, withheld, reload } = useLiveOrders({
    topic: `orders/${user.id}`,
    args,
    match,
    limit: LIMIT,
    detailFirst: true,
  });
  const title = view === 'mine' ? 'Rekvirerat per förskrivare' : 'Öppna kundorder';

  return html`
    <div class="page-head">
      <div>
        <h1 tabindex="-1">Kundorder</h1>
        <p class="lead">${
          view === 'mine'
            ? 'Order du har förskrivit, nyast först. Sök på brukare, leveransstatus eller datum.'
            : 'Order till din arbetsplats som inte är levererade, nyast först.'
        }</p>
      </div>
      <a class="button primary" href=${href.bestall()}>Ny beställning</a>
    </div>
    <nav class="tabs" aria-label="Visa">
      <a href=${href.orders('open')} aria-current=${view === 'open' ? 'page' : undefined}>Öppna kundorder</a>
      <a href=${href.orders('mine')} aria-current=${view === 'mine' ? 'page' : undefined}>Rekvirerat per förskrivare</a>
    </nav>
    <${Criteria} key=${view} user=${user} view=${view} initial=${criteria} onSearch=${setCriteria} />
    <section class="card" aria-labelledby="orders-title" aria-busy=${loading ? 'true' : 'false'}>
      <div class="section-head">
        <h2 id="orders-title">${title}</h2>
        <p class="hint" role="status">${loading ? 'Hämtar order…' : orders.length === 0 ? '' : `${orders.length} order${orders.length >= LIMIT ? ` (de ${LIMIT} senaste)` : ''}`}</p>
      </div>
      ${error && html`<p class="error" role="alert">${errorText(error)}</p>`}
      <${WithheldNotice} count=${withheld} pnr=${args.pnr ?? null} onGranted=${reload} />
      ${!loading && !error && orders.length === 0 && html`<p class="empty">Inga order matchar.</p>`}
      ${orders.length > 0 && html`<${OrdersTable} orders=${orders} caption=${title} showPrescriber=${view !== 'mine'} />`}
      <p class="hint live-hint"><span class="live-dot" aria-hidden="true"></span>Leveransstatus för dina egna order uppdateras direkt.</p>
    </section>`;
}
