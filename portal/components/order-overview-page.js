// @ts-check
// Ordinationsöversikt: one order — who prescribed, planned pick and delivery dates, each line's leveransstatus, replacement
// taken, individuals and K-components — live by push; "Makulera" while nothing is picked; HMC staff move lines along here too.
import { html, useState } from '../lib/html.js';
import { loanTermsText } from '../lib/loans.js'; // Issue 15, loans
import * as api from '../lib/api.js';
import { useAction } from '../lib/use-action.js';
import { useQuery } from '../lib/use-query.js';
import { useTitle } from '../lib/use-title.js';
import { href } from '../lib/routes.js';
import { addressLine, date, dateTime, isStaff, professionLabel, warehouseLabel } from '../lib/format.js';
import { errorText } from '../lib/order-errors.js';
import { StatusBadge, recipientText } from './order-status.js';
import { CancelLinesButton, DeliveryDateForm, LineStepButton, OrderStepButtons } from './fulfil-actions.js';
import { PrintSlipLink } from './print/print-links.js'; // Issue 15, print
import { OrderNoteLink } from './desk-links.js';

/** @typedef {import('../lib/types.d.ts').OrderView} OrderView */
/** @typedef {import('../lib/types.d.ts').OrderViewLine} OrderViewLine */
/** @typedef {import('../lib/types.d.ts').User} User */

/**
 * The prescriber may cancel while no line is picked (and something is left to cancel).
 * @param {OrderView} order
 */
function cancellable(order) {
  return (
    order.lines.every((l) => ['backorder', 'registered', 'cancelled'].includes(l.status)) &&
    order.lines.some((l) => l.status !== 'cancelled')
  );
}

/** @param {{ order: OrderView, onDone: () => void }} props */
function CancelOrder({ order, onDone }) {
  const [asking, setAsking] = useState(false);
  const { busy, error, run } = useAction();
  const cancel = () =>
    run(async () => {
      await api.call('order.cancel', { orderNo: order.orderNo });
      setAsking(false);
      onDone();
    });
  return html`
    <div class="confirm-inline">
      ${
        asking
          ? html`<span id="cancel-question">Vill du makulera order ${order.orderNo}? Reserverat saldo lämnas tillbaka.</span>
            <button type="button" class="button danger" disabled=${busy} data-testid="confirm-cancel" aria-describedby="cancel-question"
              onClick=${cancel}>${busy ? 'Makulerar…' : 'Ja, makulera'}</button>
            <button type="button" class="button" disabled=${busy} onClick=${() => setAsking(false)}>Nej, behåll ordern</button>`
          : html`<button type="button" class="button" data-testid="cancel-order" onClick=${() => setAsking(true)}>Makulera</button>
            <span class="hint">Går bara så länge inget är plockat.</span>`
      }
      <span class="error" role="alert">${error}</span>
    </div>`;
}

/** @param {{ line: OrderViewLine }} props */
function LineNotes({ line }) {
  const notes = [];
  if (line.replacedFrom)
    notes.push(
      html`<span data-testid="replaced-from">Ersättning för ${line.replacedFrom.artNo} ${line.replacedFrom.name}</span>`,
    );
  if (line.setPartOf !== null)
    notes.push(html`<span class="set-part-text">Tilläggsartikel till rad ${line.setPartOf}</span>`);
  if (line.purpose) notes.push(html`<span>Förskrivningssyfte ${line.purpose}</span>`);
  if (line.loan) notes.push(html`<span data-testid="line-loan-type">${loanTermsText(line.loan)}</span>`); // Issue 15, loans
  if (line.note) notes.push(html`<span>${line.note}</span>`);
  return notes.map((n, i) => html`${i > 0 ? '. ' : ''}${n}`);
}

/** @param {{ order: OrderView, staff: boolean, onChanged: () => void }} props */
function LinesTable({ order, staff, onChanged }) {
  return html`
    <div class="table-wrap">
      <table class="data-table order-lines-table" data-testid="overview-lines">
        <caption class="visually-hidden">Rader på order ${order.orderNo}</caption>
        <thead>
          <tr>
            <th scope="col">Rad</th><th scope="col">Artikel</th><th scope="col" class="num">Antal</th>
            <th scope="col">Leveransstatus</th><th scope="col">Individ</th><th scope="col">Plockad</th>
            <th scope="col">Utlevererad</th><th scope="col">Levererad</th><th scope="col">Anmärkning</th>
            ${staff && html`<th scope="col"><span class="visually-hidden">Åtgärd</span></th>`}
          </tr>
        </thead>
        <tbody>
          ${order.lines.map(
            (l) => html`
            <tr key=${l.lineNo} data-testid="overview-line" data-lineno=${l.lineNo} data-status=${l.status}
              class=${l.setPartOf !== null ? 'set-part-row' : undefined}>
              <td>${l.lineNo}</td>
              <td><a href=${href.artikel(l.artNo)} class="mono">${l.artNo}</a> ${l.name}
                ${l.component && html` <span class="tag" title="Komponent till levererad individ">${l.component}</span>`}</td>
              <td class="num">${l.quantity}</td>
              <td><${StatusBadge} status=${l.status} testId="line-status" /></td>
              <td>${l.individuals.length > 0 ? l.individuals.map((n, i) => html`${i > 0 ? ', ' : ''}<a href=${href.individ(n)} class="mono">${n}</a>`) : '–'}</td>
              <td class="date">${date(l.pickDate)}</td>
              <td class="date">${date(l.dispatchedDate)}</td>
              <td class="date">${date(l.deliveredDate)}</td>
              <td><${LineNotes} line=${l} /></td>
              ${staff && html`<td><${LineStepButton} orderNo=${order.orderNo} line=${l} onDone=${onChanged} /></td>`}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

/**
 * Who prescribed, where it goes, planned dates, delivery way and the packing-slip text.
 * @param {{ order: OrderView }} props
 */
function OrderFacts({ order }) {
  return html`
    <section class="card" aria-labelledby="order-facts-title">
      <h2 id="order-facts-title" class="visually-hidden">Uppgifter om ordern</h2>
      <dl class="facts">
        <div><dt>Förskriven av</dt><dd data-testid="overview-prescriber">${order.prescriber.name}${order.prescriber.profession ? `, ${professionLabel(order.prescriber.profession).toLowerCase()}` : ''}
          ${order.prescriber.phone && html`<br /><span class="hint">${order.prescriber.phone}</span>`}</dd></div>
        <div><dt>Arbetsplats / kundnr</dt><dd>${order.workplace.name} (${order.customerNo})</dd></div>
        <div><dt>Registrerad</dt><dd>${dateTime(order.placedMs)}</dd></div>
        <div><dt>Planerat plockdatum</dt><dd data-testid="overview-pick-date">${order.plannedPickDate ?? 'när restorder finns i lager'}</dd></div>
        <div><dt>Planerat leveransdatum</dt><dd data-testid="overview-delivery-date">${order.plannedDeliveryDate ?? 'när restorder finns i lager'}</dd></div>
        <div><dt>Lager</dt><dd>${warehouseLabel(order.warehouse)}</dd></div>
        <div><dt>Leveransadress</dt><dd>${addressLine(order.deliveryAddress)}${order.temporaryAddress ? ' (tillfällig adress)' : ''}</dd></div>
        <div><dt>Kontakt för chauffören</dt><dd>${order.contactName}${order.contactPhone ? html`, <span class="nowrap">${order.contactPhone}</span>` : ''}</dd></div>
        <div><dt>Leveranssätt</dt><dd>${order.partialDelivery ? 'Delleverans' : 'Samleverans'}</dd></div>
        ${order.otherInfo && html`<div class="wide"><dt>Övrig information (följesedel)</dt><dd>${order.otherInfo}</dd></div>`}
      </dl>
    </section>`;
}

/**
 * The order, read again on each push about it (and after a reconnect). A change of leveransstatus that came by push
 * is said out loud and pulses the badge; a reload after the user's own action stays quiet.
 * @param {number} orderNo
 * @param {string} topic
 */
function useLiveOrder(orderNo, topic) {
  const [pulse, setPulse] = useState(0);
  const [announce, setAnnounce] = useState('');
  const query = useQuery(
    'order.get',
    { orderNo },
    {
      topic,
      select: (/** @type {OrderView} */ order) => order,
      replayEarly: true,
      onPush: (event, control) => {
        if (event?.type === 'order' && event.orderNo === orderNo) control.reload('push');
      },
      onData: (next, before, why) => {
        if (why === 'reload' || before === null || before.status === next.status) return;
        setAnnounce(`Leveransstatus ändrad: ${next.lines.map((l) => `rad ${l.lineNo} ${l.statusSv}`).join(', ')}.`);
        setPulse((n) => n + 1);
      },
    },
  );
  return { ...query, pulse, announce };
}

/** @param {{ user: User, orderNo: number }} props */
export function OrderOverviewPage({ user, orderNo }) {
  const staff = isStaff(user);
  const { data: order, error, reload, pulse, announce } = useLiveOrder(orderNo, staff ? 'orders' : `orders/${user.id}`);
  useTitle(`Ordinationsöversikt order ${orderNo} – Aidstock`);

  if (error) {
    return html`
      <h1 tabindex="-1">Ordinationsöversikt</h1>
      <p class="error" role="alert">${error.code === 'not_found' ? `Order ${orderNo} finns inte.` : errorText(error)}</p>
      ${error.code === 'care_provider_boundary' && html`<p class="notice" data-testid="boundary-notice">Ordern gäller en brukare hos en annan vårdgivare. Öppna brukarens sida under Hjälpmedel och registrera samtycke eller nödåtkomst där, så visas ordern.</p>`}
      <p><a href=${href.orders()}>Till Öppna kundorder</a></p>`;
  }
  if (order === null) return html`<p class="loading" role="status">Hämtar order ${orderNo}…</p>`;

  const own = order.prescriber.id === user.id;
  const live = staff || own;
  return html`
    <nav class="breadcrumbs" aria-label="Du är här">
      <ol>
        <li><a href=${staff ? href.orderflode() : href.orders(own ? 'mine' : 'open')}>${staff ? 'Orderflöde' : 'Kundorder'}</a></li>
        <li><span aria-current="page">Order ${order.orderNo}</span></li>
      </ol>
    </nav>
    <div class="page-head">
      <div>
        <p class="eyebrow">Ordinationsöversikt</p>
        <h1 tabindex="-1">Order <span data-testid="overview-order-no">${order.orderNo}</span></h1>
        <p class="subtitle">${recipientText(order.recipient)}</p>
      </div>
      <div class="overview-status">
        <span class="hint">Leveransstatus</span>
        <span key=${pulse} class=${pulse ? 'pulse-box pulse' : 'pulse-box'}><${StatusBadge} status=${order.status} testId="overview-status" /></span>
        ${live && html`<p class="hint live-hint"><span class="live-dot" aria-hidden="true"></span>Uppdateras direkt när ordern ändras.</p>`}
      </div>
    </div>
    <p class="visually-hidden" role="status">${announce}</p>

    <${OrderFacts} order=${order} />
    ${staff && html`<${PrintSlipLink} orderNo=${order.orderNo} />`}
    <${OrderNoteLink} user=${user} orderNo=${order.orderNo} />

    <section class="card" aria-labelledby="order-lines-title">
      <h2 id="order-lines-title">Rader</h2>
      <${LinesTable} order=${order} staff=${staff} onChanged=${reload} />
      <p class="hint">Registrerad: mottagen med ett förmodat plockdatum. För plock: under hantering med fastställt plockdatum.
        Utlevererad: plockad och står för utleverans med turbil. Levererad: hos mottagaren.</p>
      ${own && !staff && cancellable(order) && html`<${CancelOrder} order=${order} onDone=${reload} />`}
    </section>

    ${
      staff &&
      order.open &&
      html`
      <section class="card" aria-labelledby="staff-title">
        <h2 id="staff-title">Hantera order (HMC)</h2>
        <${OrderStepButtons} order=${order} onDone=${reload} />
        <${CancelLinesButton} order=${order} onDone=${reload} />
        <${DeliveryDateForm} order=${order} onDone=${reload} />
      </section>`
    }`;
}
