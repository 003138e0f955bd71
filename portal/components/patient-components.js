// @ts-check
// Komponenter på väg on the patient page: articles on their way to a specific individual the patient holds (K-number),
// with the order (to Ordinationsöversikt), quantity, leveransstatus and planned delivery date.
import { html } from '../lib/html.js';
import { href } from '../lib/routes.js';
import { date } from '../lib/format.js';
import { StatusBadge } from './order-status.js';
import { PATIENT_SECTIONS } from './patient-links.js';

/** @typedef {import('../lib/types.d.ts').PatientView} PatientView */

/** @param {{ components: PatientView['componentsOnTheWay'] }} props */
export function PatientComponents({ components }) {
  const { rows, total, withheld } = components;
  return html`
    <section class="patient-section" aria-labelledby=${PATIENT_SECTIONS.components} data-testid="patient-components">
      <h2 id=${PATIENT_SECTIONS.components} tabindex="-1">Komponenter på väg</h2>
      ${withheld > 0 && html`<p class="hint">${withheld} order från andra vårdgivare visas inte (se ovan).</p>`}
      ${
        rows.length === 0
          ? html`<p>Inga komponenter är på väg till brukarens hjälpmedel.</p>`
          : html`<div class="table-wrap"><table class="data-table compact stack-narrow">
          <caption class="visually-hidden">Komponenter på väg (${total})</caption>
          <thead><tr><th scope="col">Till individ</th><th scope="col">Artikel</th><th scope="col">Antal</th>
            <th scope="col">Status</th><th scope="col">Planerad leverans</th><th scope="col">Order</th></tr></thead>
          <tbody>${rows.map(
            (c) => html`<tr key=${`${c.orderNo}:${c.lineNo}`} data-orderno=${c.orderNo} data-for=${c.forIndividual}>
              <td data-label="Till individ"><a class="mono" href=${href.individ(c.forIndividual)}>K-${c.forIndividual}</a>${c.forArticleName ? ` ${c.forArticleName}` : ''}</td>
              <td data-label="Artikel"><a class="mono" href=${href.artikel(c.artNo)}>${c.artNo}</a> ${c.name}</td>
              <td data-label="Antal">${c.quantity}</td>
              <td data-label="Status"><${StatusBadge} status=${c.status} /></td>
              <td data-label="Planerad leverans" class="date">${date(c.plannedDeliveryDate)}</td>
              <td data-label="Order"><a href=${href.order(c.orderNo)}>${c.orderNo}</a> <span class="date">${c.placedDate}</span></td>
            </tr>`,
          )}</tbody></table></div>`
      }
      ${total > rows.length && html`<p class="hint">Visar ${rows.length} av ${total}.</p>`}
    </section>`;
}
