// @ts-check
// Returdokument (the legacy manual's "Skriv ut: Kan användas som returdokument och bifogas med vita returlappen"): the
// devices and sale articles a patient holds, each with a tick box for what goes back, the patient (read by patient.get,
// so the access is logged), the prescriber and workplace, date and signature lines, and HMC's return address.
// A protected identity prints as "Skyddad identitet", with no personnummer or address.
import { html } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { useQuery } from '../../lib/use-query.js';
import { href } from '../../lib/routes.js';
import { addressLine, date, kindShort, professionLabel } from '../../lib/format.js';
import { errorText } from '../../lib/order-errors.js';
import { PrintFrame, TickBox, WriteField } from './print-frame.js';
import { HMC_RETURN_ADDRESS } from './hmc-address.js';

/** @typedef {import('../../lib/types.d.ts').User} User */
/** @typedef {import('../../lib/types.d.ts').PersonView} PersonView */
/** @typedef {import('../../lib/types.d.ts').DeviceView} DeviceView */
/** @typedef {import('../../lib/types.d.ts').PrintSaleArticle} PrintSaleArticle */
/** @typedef {import('../../lib/types.d.ts').PrintPatientView} PrintPatientView */

/** @param {{ person: PersonView }} props */
function PatientFacts({ person }) {
  if (person.protectedIdentity) {
    return html`<dl class="print-facts" data-testid="return-patient">
      <div><dt>Brukare</dt><dd>Skyddad identitet</dd></div>
      <div class="wide"><dt>Observera</dt><dd>Personnummer och adress skrivs inte ut för en person med skyddad identitet.</dd></div>
    </dl>`;
  }
  return html`<dl class="print-facts" data-testid="return-patient">
    <div><dt>Brukare</dt><dd>${person.givenName} ${person.familyName}</dd></div>
    <div><dt>Personnummer</dt><dd class="mono">${person.pnrDisplay}</dd></div>
    <div class="wide"><dt>Adress</dt><dd>${addressLine(person.address)}</dd></div>
  </dl>`;
}

/** @param {{ devices: DeviceView[] }} props */
function DeviceTable({ devices }) {
  if (devices.length === 0) return html`<p>Brukaren har inga registrerade individmärkta hjälpmedel.</p>`;
  return html`<h2 class="print-table-title" id="return-devices-title">Hjälpmedel (${devices.length}). Kryssa i det som returneras.</h2>
  <div class="table-wrap"><table class="print-table" data-testid="return-devices" aria-labelledby="return-devices-title">
    <thead><tr><th scope="col" class="tick-col">Returneras</th><th scope="col">Individnr</th><th scope="col">Artikelnr</th>
      <th scope="col">Benämning</th><th scope="col">Hyra/köp</th><th scope="col">Levererad</th></tr></thead>
    <tbody>${devices.map(
      (d) => html`<tr key=${d.indNo}>
        <td class="tick-col"><${TickBox} label=${`Returneras: ${d.name} (individ ${d.indNo})`} /></td>
        <td class="mono">${d.indNo}</td><td class="mono">${d.artNo}</td><td>${d.name}</td><td>${kindShort(d.kind)}</td>
        <td class="date">${d.delivery ? date(d.delivery.deliveredDate) : '–'}</td>
      </tr>`,
    )}</tbody>
  </table></div>`;
}

/** @param {{ articles: PrintSaleArticle[] | undefined }} props */
function SaleArticleTable({ articles }) {
  if (articles === undefined || articles.length === 0) return null;
  return html`<h2 class="print-table-title" id="return-sale-title">Förbrukning och försäljningsartiklar (${articles.length}). Kryssa i och skriv antal som returneras.</h2>
  <div class="table-wrap"><table class="print-table" data-testid="return-sale-articles" aria-labelledby="return-sale-title">
    <thead><tr><th scope="col" class="tick-col">Returneras</th><th scope="col">Artikelnr</th><th scope="col">Benämning</th>
      <th scope="col" class="num">Antal hos brukaren</th><th scope="col">Antal retur</th><th scope="col">Senaste order</th>
      <th scope="col">Levererad</th></tr></thead>
    <tbody>${articles.map(
      (a) => html`<tr key=${a.artNo}>
        <td class="tick-col"><${TickBox} label=${`Returneras: ${a.name} (artikel ${a.artNo})`} /></td>
        <td class="mono">${a.artNo}</td><td>${a.name}</td><td class="num">${a.quantity}</td>
        <td><span class="write-box" aria-hidden="true"></span></td>
        <td class="mono">${a.lastOrderNo ?? '–'}</td><td class="date">${date(a.lastDeliveredDate)}</td>
      </tr>`,
    )}</tbody>
  </table></div>`;
}

/** The workplace the session acts for (the top bar's choice, else the first). @param {User} user */
function actingWorkplace(user) {
  const chosen = api.getWorkplace();
  return user.workplaces.find((w) => w.id === chosen) ?? user.workplaces[0] ?? null;
}

/** @param {{ user: User }} props */
function Sender({ user }) {
  const workplace = actingWorkplace(user);
  const contact = [user.phone, user.email].filter((s) => s !== '');
  return html`<dl class="print-facts print-facts-wide" data-testid="return-sender">
    <div><dt>Förskrivare</dt><dd>${user.name}${user.profession ? `, ${professionLabel(user.profession).toLowerCase()}` : ''}</dd></div>
    <div><dt>Kontakt</dt><dd>${contact.length === 0 ? '–' : contact.map((c, i) => html`${i > 0 && html`<br />`}${c}`)}</dd></div>
    <div><dt>Arbetsplats</dt><dd>${workplace ? `${workplace.name} (kundnr ${workplace.customerNo})` : '–'}</dd></div>
    ${workplace && html`<div><dt>Arbetsplatsens adress</dt><dd>${addressLine(workplace.deliveryAddress)}</dd></div>`}
  </dl>`;
}

function ReturnAddress() {
  const a = HMC_RETURN_ADDRESS;
  return html`<section class="print-box" aria-labelledby="return-address-title" data-testid="return-address">
    <h2 id="return-address-title">Returneras till</h2>
    <p>${a.name}<br />${a.street}<br />${a.postalCode} ${a.city}</p>
    <p>Bifoga detta dokument med den vita returlappen. Till reparation används rosa returlapp.</p>
  </section>`;
}

/** @param {{ user: User, pnr: string }} props */
export function ReturnDocument({ user, pnr }) {
  const query = useQuery('patient.get', { pnr }, { select: (/** @type {PrintPatientView} */ p) => p });
  const patient = query.data;
  const frame = { title: 'Returdokument', back: href.hjalpmedel(pnr), backText: 'till brukarens hjälpmedel' };
  if (query.error) {
    const text = query.error.code === 'not_found' ? 'Ingen person med det personnumret finns.' : errorText(query.error);
    return html`<${PrintFrame} ...${frame} testId="return-document" ready=${false}><p class="error" role="alert">${text}</p><//>`;
  }
  if (patient === null) {
    return html`<${PrintFrame} ...${frame} testId="return-document" ready=${false}><p class="loading" role="status">Hämtar brukarens hjälpmedel…</p><//>`;
  }
  return html`<${PrintFrame} ...${frame} subtitle="Retur av hjälpmedel till Hjälpmedelscentrum" testId="return-document">
    <section class="print-section" aria-label="Brukare"><${PatientFacts} person=${patient.person} /></section>
    <section class="print-section"><${DeviceTable} devices=${patient.devices} /><${SaleArticleTable} articles=${patient.saleArticles} /></section>
    <section class="print-section" aria-label="Förskrivare"><${Sender} user=${user} /></section>
    <section class="print-section print-signature" aria-label="Underskrift">
      <${WriteField} label="Datum" /><${WriteField} label="Underskrift" /><${WriteField} label="Namnförtydligande" />
    </section>
    <${ReturnAddress} />
  <//>`;
}
