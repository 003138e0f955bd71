// @ts-check
// Plocklista (HMC staff): open order lines in three columns — att plocka (Registrerad), för plock, utlevererade — each
// moved to the next with one button (fulfil.pick / dispatch / deliver); a new planned delivery date messages the prescriber.
import { html, useMemo } from '../lib/html.js';
import { useTitle } from '../lib/use-title.js';
import { href } from '../lib/routes.js';
import { countOf, date, isStaff } from '../lib/format.js';
import { errorText } from '../lib/order-errors.js';
import { useLiveOrders } from '../lib/live-orders.js';
import { recipientText } from './order-status.js';
import { DeliveryDateForm, Feedback, STEPS, useFulfil } from './fulfil-actions.js';
import { isOrderFlagged, useFlagFilter, workingDaysText } from '../lib/oversight.js';
import { AgeFlag, FlagSummary } from './oversight-flag.js';
import { BackorderList } from './backorder-list.js';
import { PrintPickingListLink, PrintSlipLink } from './print/print-links.js'; // Issue 15, print

/** @typedef {import('../lib/types.d.ts').LiveRow} LiveRow */
/** @typedef {import('../lib/types.d.ts').User} User */

const LIMIT = 200;
const COLUMNS = [
  { status: 'registered', title: 'Att plocka', hint: 'Registrerad, med förmodat plockdatum' },
  { status: 'picking', title: 'För plock', hint: 'Under plockning, fastställt plockdatum' },
  { status: 'dispatched', title: 'Utlevererade', hint: 'På väg med turbil' },
];
const ARGS = { open: true };
const isOpen = (/** @type {LiveRow} */ row) => row.open;

/** @param {{ order: LiveRow, status: string, flagged: boolean }} props */
function QueueCard({ order, status, flagged }) {
  // Every column's status has a next step.
  const spec = /** @type {typeof STEPS[number]} */ (STEPS.find((s) => s.from === status));
  const { busy, status: feedback, run } = useFulfil();
  const lines = order.lines.filter((l) => l.status === status);
  const waiting =
    status === 'registered' && !order.partialDelivery && order.lines.some((l) => l.status === 'backorder');
  const lineNos = lines.map((l) => l.lineNo);
  return html`
    <li class=${flagged ? 'queue-card flagged' : 'queue-card'} data-testid="queue-card" data-orderno=${order.orderNo} data-status=${status} data-flagged=${flagged ? 'true' : 'false'}>
      <div class="queue-card-head">
        <a href=${href.order(order.orderNo)} class="mono">Order ${order.orderNo}</a>
        <span class="hint">${status === 'registered' ? `Plock ${date(order.plannedPickDate)}` : `Leverans ${date(order.plannedDeliveryDate)}`}</span>
      </div>
      <p class="queue-age"><${AgeFlag} days=${order.ageWorkingDays} flagged=${flagged} flagText="Ej plockad" prefix="Registrerad för " /></p>
      <p class="queue-recipient">${recipientText(order.recipient)} <span class="hint">· ${order.warehouse} · ${order.prescriber.name}</span></p>
      <ul class="plain queue-lines">
        ${lines.map((l) => html`<li><span class="mono">${l.artNo}</span> ${l.name} × ${l.quantity}</li>`)}
      </ul>
      <div class="queue-actions">
        <button type="button" class=${status === 'registered' ? 'button primary small' : 'button small'} disabled=${busy !== '' || waiting}
          data-testid=${`queue-${spec.step}`} aria-label=${`${spec.label}: order ${order.orderNo}, ${countOf(lines.length, 'rad', 'rader')}`}
          onClick=${() => run(spec, order.orderNo, lineNos)}>${busy ? 'Sparar…' : spec.label}</button>
        ${waiting && html`<span class="hint">Samleverans: väntar på restorder</span>`}
        <${Feedback} status=${feedback} />
        <${PrintSlipLink} orderNo=${order.orderNo} inline=${true} />
      </div>
      <details class="queue-date">
        <summary>Ändra leveransdatum</summary>
        <${DeliveryDateForm} order=${order} />
      </details>
    </li>`;
}

/** @param {{ user: User }} props */
export function PickingQueuePage({ user }) {
  useTitle('Plocklista – Aidstock');
  const { orders, loading, error, reload, oversight } = useLiveOrders({
    topic: 'orders',
    args: ARGS,
    match: isOpen,
    limit: LIMIT,
  });
  const threshold = oversight?.thresholdWorkingDays ?? null;
  const isFlagged = useMemo(() => (/** @type {LiveRow} */ row) => isOrderFlagged(row, threshold), [threshold]);
  const flags = useFlagFilter(orders, isFlagged);
  // Oldest first in a queue: the order that has waited longest is worked first (so flagged orders come first).
  const columns = useMemo(
    () =>
      COLUMNS.map((c) => ({
        ...c,
        orders: flags.shown
          .filter((o) => o.lines.some((l) => l.status === c.status))
          .sort((a, b) => a.orderNo - b.orderNo),
      })),
    [flags.shown],
  );

  if (!isStaff(user)) {
    return html`<h1 tabindex="-1">Plocklista</h1><p class="error" role="alert">Plocklistan är för Hjälpmedelscentrums personal.</p>`;
  }
  return html`
    <div class="page-head">
      <div>
        <h1 tabindex="-1">Plocklista</h1>
        <p class="lead">Öppna orderrader, äldst först. Flytta raderna vidare: lägg för plock, utleverera, leverera. Listan uppdateras direkt.</p>
      </div>
      <a class="button" href=${href.orderflode()}>Till orderflödet</a>
    </div>
    <${PrintPickingListLink} />
    ${error && html`<p class="error" role="alert">${errorText(error)} <button type="button" class="link-button" onClick=${reload}>Försök igen</button></p>`}
    ${loading && html`<p class="loading" role="status">Hämtar order…</p>`}
    ${
      threshold !== null &&
      html`<${FlagSummary} id="queue-flagged" count=${flags.count} onlyFlagged=${flags.onlyFlagged} setOnlyFlagged=${flags.setOnlyFlagged}
      note="order" rule=${`rader ej plockade efter mer än ${workingDaysText(threshold)}, restorder medräknade`} />`
    }
    <${BackorderList} onlyFlagged=${flags.onlyFlagged} />
    <div class="queue" aria-busy=${loading ? 'true' : 'false'}>
      ${columns.map(
        (c) => html`
        <section class="card queue-column" aria-labelledby=${`queue-${c.status}`} data-testid=${`queue-${c.status}-column`}>
          <h2 id=${`queue-${c.status}`}>${c.title} <span class="count-badge">${c.orders.length}</span></h2>
          <p class="hint">${c.hint}</p>
          ${
            c.orders.length === 0
              ? html`<p class="empty">Inga order.</p>`
              : html`<ol class="queue-cards">${c.orders.map((o) => html`<${QueueCard} key=${`${o.orderNo}-${c.status}`} order=${o} status=${c.status} flagged=${c.status === 'registered' && isFlagged(o)} />`)}</ol>`
          }
        </section>`,
      )}
    </div>`;
}
