// @ts-check
// Återlämnade hjälpmedel on the patient view (issue 15, the legacy manual's screen of that name): everything the patient
// held and returned, newest first, with the date and how it went back — a collected pickup (hämtorder), a rental unit
// received at HMC (retur) or sale articles de-registered into a buffer (with what became of them). The look-up is logged.
import { html } from '../lib/html.js';
import { useQuery } from '../lib/use-query.js';
import { href } from '../lib/routes.js';
import { date } from '../lib/format.js';
import { errorText } from '../lib/order-errors.js';

/** @typedef {import('../lib/types.d.ts').ReturnedView} ReturnedView */

/** @type {Record<string, string>} */
const DISPOSITION = { discard: 'kasserad', sendBack: 'skickad till HMC', keep: 'sparad i förrådet' };

/** @param {ReturnedView} r */
function howText(r) {
  if (r.how === 'pickup') return `Hämtorder ${r.pickupNo}`;
  if (r.how === 'return') return 'Retur till HMC';
  return `Avregistrerad (retur ${r.returnNo}), ${DISPOSITION[r.disposition ?? ''] ?? ''}`;
}

/** @param {{ pnr: string }} props */
export function PatientReturned({ pnr }) {
  const query = useQuery(
    'patient.returned',
    { pnr },
    { select: (/** @type {{ returned: ReturnedView[] }} */ r) => r.returned },
  );
  const rows = query.data;
  let body;
  if (query.error) body = html`<p class="error" role="alert">${errorText(query.error)}</p>`;
  else if (rows === null) body = html`<p class="loading" role="status">Hämtar återlämnade hjälpmedel…</p>`;
  else if (rows.length === 0) body = html`<p>Inga återlämnade hjälpmedel.</p>`;
  else
    body = html`<div class="table-wrap">
      <table class="data-table compact">
        <caption class="visually-hidden">Återlämnade hjälpmedel (${rows.length})</caption>
        <thead><tr><th scope="col">Datum</th><th scope="col">Artikel</th><th scope="col">Benämning</th>
          <th scope="col" class="num">Antal</th><th scope="col">Individ</th><th scope="col">Hur</th></tr></thead>
        <tbody>
          ${rows.map(
            (r, i) => html`<tr key=${i} data-how=${r.how}>
              <td class="date">${date(r.date)}</td>
              <td><a class="mono" href=${href.artikel(r.artNo)}>${r.artNo}</a></td>
              <td>${r.name}</td>
              <td class="num">${r.quantity}</td>
              <td>${r.indNo === null ? '–' : html`<a class="mono" href=${href.individ(r.indNo)}>${r.indNo}</a>`}</td>
              <td>${howText(r)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  return html`<section class="returns-section" aria-labelledby="returned-title" data-testid="patient-returned">
    <h2 id="returned-title">Återlämnade hjälpmedel</h2>
    ${body}
  </section>`;
}
