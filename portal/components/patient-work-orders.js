// @ts-check
// Registrerade AO on the patient page: the work orders about the patient or a device they hold, newest first, with
// the type of errand (destination and heading), the status and the device (K-number). As in the legacy portal, the AO
// number opens HMC's comments from the technician or consultant ("väntar på delar", …).
import { html } from '../lib/html.js';
import { href } from '../lib/routes.js';
import { dateTime } from '../lib/format.js';
import { DESTINATIONS } from './work-orders-page.js';
import { PATIENT_SECTIONS } from './patient-links.js';

/** @typedef {import('../lib/types.d.ts').PatientView} PatientView */
/** @typedef {import('../lib/types.d.ts').PatientWorkOrderView} PatientWorkOrderView */

/** @type {Record<string, string>} */
const STATUS = {
  registered: 'Mottagen',
  inProgress: 'Pågår',
  waitingForParts: 'Väntar på delar',
  done: 'Klar',
  cancelled: 'Makulerad',
};

/** @param {{ workOrder: PatientWorkOrderView }} props */
function Details({ workOrder }) {
  const comments = workOrder.comments;
  return html`<details class="wo-details">
    <summary>AO ${workOrder.woNo}<span class="visually-hidden">: visa beskrivning och kommentarer</span></summary>
    ${workOrder.text !== '' && html`<p>${workOrder.text}</p>`}
    ${
      comments.length === 0
        ? html`<p class="hint">Inga kommentarer från HMC ännu.</p>`
        : html`<ul class="plain">${comments.map(
            (c) =>
              html`<li key=${c.timeMs}><span class="date">${dateTime(c.timeMs)}</span> ${c.author}: ${c.text}</li>`,
          )}</ul>`
    }
  </details>`;
}

/** @param {{ workOrders: PatientView['workOrders'] }} props */
export function PatientWorkOrders({ workOrders }) {
  const { rows, total, withheld } = workOrders;
  return html`
    <section class="patient-section" aria-labelledby=${PATIENT_SECTIONS.workOrders} data-testid="patient-work-orders">
      <h2 id=${PATIENT_SECTIONS.workOrders} tabindex="-1">Registrerade AO</h2>
      ${withheld > 0 && html`<p class="hint">${withheld} arbetsorder från andra vårdgivare visas inte (se ovan).</p>`}
      ${
        rows.length === 0
          ? html`<p>Inga arbetsorder är registrerade för brukaren.</p>`
          : html`<div class="table-wrap"><table class="data-table compact stack-narrow">
          <caption class="visually-hidden">Registrerade arbetsorder (${total})</caption>
          <thead><tr><th scope="col">AO</th><th scope="col">Registrerad</th><th scope="col">Typ av åtgärd</th>
            <th scope="col">Hjälpmedel</th><th scope="col">Status</th><th scope="col">Förskrivare</th></tr></thead>
          <tbody>${rows.map(
            (w) => html`<tr key=${w.woNo} data-wono=${w.woNo} data-status=${w.status}>
              <td><${Details} workOrder=${w} /></td>
              <td data-label="Registrerad" class="date">${w.createdDate}</td>
              <td data-label="Typ av åtgärd">${DESTINATIONS[w.destination] ?? w.destination}: ${w.title}</td>
              <td data-label="Hjälpmedel">${w.device ? html`<a href=${href.individ(w.device.indNo)}>K-${w.device.indNo}</a> ${w.device.name}` : '–'}</td>
              <td data-label="Status"><span class=${`tag wo-status-${w.status}`}>${STATUS[w.status] ?? w.status}</span></td>
              <td data-label="Förskrivare">${w.prescriberName}</td>
            </tr>`,
          )}</tbody></table></div>`
      }
      ${total > rows.length && html`<p class="hint">Visar de ${rows.length} senaste av ${total}.</p>`}
    </section>`;
}
