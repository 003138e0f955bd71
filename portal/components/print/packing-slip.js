// @ts-check
// Följesedel (packing slip) of one order, for HMC: order number, recipient, delivery address and contact, the lines
// to deliver (article, quantity, individual numbers, the K-number a component goes to, line notes), the order's
// "övrig information" and the planned delivery date. Read by order.get, which logs the access to a patient's order;
// a protected identity prints as "Skyddad identitet" (its orders are delivered to the workplace, never the home).
import { html } from '../../lib/html.js';
import { useQuery } from '../../lib/use-query.js';
import { href } from '../../lib/routes.js';
import { addressLine, isStaff, warehouseLabel } from '../../lib/format.js';
import { errorText } from '../../lib/order-errors.js';
import { PrintFrame, TickBox, WriteField } from './print-frame.js';

/** @typedef {import('../../lib/types.d.ts').User} User */
/** @typedef {import('../../lib/types.d.ts').OrderView} OrderView */
/** @typedef {import('../../lib/types.d.ts').OrderViewLine} OrderViewLine */
/** @typedef {import('../../lib/types.d.ts').RecipientView} RecipientView */

/** The recipient as the slip names it: no personnummer for a protected identity. @param {RecipientView} r */
export function slipRecipient(r) {
  if (r.kind === 'careUnit') return `${r.name} (kundnr ${r.customerNo})`;
  if (r.protectedIdentity) return 'Skyddad identitet';
  return `${r.name}, ${r.pnrDisplay}`;
}

/** What the driver and the recipient must know about a line (the K-number kept on one line). @param {{ l: OrderViewLine }} props */
function LineNotes({ l }) {
  const notes = [];
  if (l.status === 'backorder') notes.push('Restnoterad, levereras senare');
  if (l.component) notes.push(html`Komponent till <span class="nowrap">${l.component}</span>`);
  if (l.setPartOf !== null) notes.push(`Tillbehör till rad ${l.setPartOf}`);
  if (l.replacedFrom) notes.push(`Ersätter ${l.replacedFrom.artNo} ${l.replacedFrom.name}`);
  if (l.note) notes.push(l.note);
  return notes.map((n, i) => html`${i > 0 ? '. ' : ''}${n}`);
}

/** @param {{ order: OrderView }} props */
function SlipFacts({ order }) {
  return html`<dl class="print-facts" data-testid="slip-facts">
    <div><dt>Mottagare</dt><dd data-testid="slip-recipient">${slipRecipient(order.recipient)}</dd></div>
    <div><dt>Leveransadress</dt><dd>${addressLine(order.deliveryAddress)}${order.temporaryAddress ? ' (tillfällig adress)' : ''}</dd></div>
    <div><dt>Kontakt</dt><dd>${order.contactName || '–'}${order.contactPhone ? `, ${order.contactPhone}` : ''}</dd></div>
    <div><dt>Planerat leveransdatum</dt><dd data-testid="slip-delivery-date">${order.plannedDeliveryDate ?? 'När restorder finns i lager'}</dd></div>
    <div><dt>Orderdatum</dt><dd>${order.placedDate}</dd></div>
    <div><dt>Lager</dt><dd>${warehouseLabel(order.warehouse)}</dd></div>
    <div><dt>Förskrivare</dt><dd>${order.prescriber.name}${order.prescriber.phone ? `, ${order.prescriber.phone}` : ''}</dd></div>
    <div><dt>Arbetsplats</dt><dd>${order.workplace.name} (kundnr ${order.customerNo})</dd></div>
    <div><dt>Leveranssätt</dt><dd>${order.partialDelivery ? 'Delleverans' : 'Samleverans'}</dd></div>
  </dl>`;
}

/** @param {{ lines: OrderViewLine[] }} props */
function SlipLines({ lines }) {
  return html`<h2 class="print-table-title" id="slip-lines-title">Rader (${lines.length})</h2>
  <div class="table-wrap"><table class="print-table" data-testid="slip-lines" aria-labelledby="slip-lines-title">
    <thead><tr><th scope="col" class="tick-col">Kontroll</th><th scope="col">Rad</th><th scope="col">Artikel</th>
      <th scope="col" class="num">Antal</th><th scope="col">Individnr</th><th scope="col">Anmärkning</th></tr></thead>
    <tbody>${lines.map(
      (l) => html`<tr key=${l.lineNo} data-lineno=${l.lineNo}>
        <td class="tick-col"><${TickBox} label=${`Kontrollerad: rad ${l.lineNo}, ${l.name}`} /></td>
        <td>${l.lineNo}</td><td><span class="mono">${l.artNo}</span> ${l.name}</td><td class="num">${l.quantity}</td>
        <td class="mono">${l.individuals.length > 0 ? l.individuals.join(', ') : '–'}</td><td><${LineNotes} l=${l} /></td>
      </tr>`,
    )}</tbody>
  </table></div>`;
}

/** @param {{ order: OrderView }} props */
function Slip({ order }) {
  const lines = order.lines.filter((l) => l.status !== 'cancelled');
  const cancelled = order.lines.length - lines.length;
  return html`
    <section class="print-section" aria-label="Uppgifter om leveransen"><${SlipFacts} order=${order} /></section>
    <section class="print-section">
      <${SlipLines} lines=${lines} />
      ${cancelled > 0 && html`<p class="print-note">${cancelled === 1 ? 'En makulerad rad' : `${cancelled} makulerade rader`} visas inte.</p>`}
    </section>
    <section class="print-box" aria-labelledby="slip-info-title" data-testid="slip-other-info">
      <h2 id="slip-info-title">Övrig information</h2>
      <p>${order.otherInfo || 'Ingen övrig information.'}</p>
    </section>
    <section class="print-section print-signature" aria-label="Kvittens">
      <${WriteField} label="Mottaget datum" /><${WriteField} label="Mottagarens underskrift" /><${WriteField} label="Namnförtydligande" />
    </section>`;
}

/** @param {{ user: User, orderNo: number }} props */
export function PackingSlip({ user, orderNo }) {
  const staff = isStaff(user);
  const query = useQuery(staff ? 'order.get' : null, { orderNo }, { select: (/** @type {OrderView} */ o) => o });
  const frame = {
    title: `Följesedel order ${orderNo}`,
    back: href.order(orderNo),
    backText: 'till ordinationsöversikten',
    testId: 'packing-slip',
  };
  let body = null;
  if (!staff) body = html`<p class="error" role="alert">Följesedeln är för Hjälpmedelscentrums personal.</p>`;
  else if (query.error)
    body = html`<p class="error" role="alert">${query.error.code === 'not_found' ? `Order ${orderNo} finns inte.` : errorText(query.error)}</p>`;
  else if (query.data === null) body = html`<p class="loading" role="status">Hämtar order ${orderNo}…</p>`;
  if (body !== null) return html`<${PrintFrame} ...${frame} ready=${false}>${body}<//>`;
  const order = /** @type {OrderView} */ (query.data);
  return html`<${PrintFrame} ...${frame}><${Slip} order=${order} /><//>`;
}
