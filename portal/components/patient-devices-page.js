// @ts-check
// Hjälpmedel: the devices a patient holds (the legacy portal's "Visar vilka hjälpmedel en brukare har"), found by
// personnummer or in CFR by name: each unit with its article, the order that delivered it and the prescriber, links to
// the individual card; a pickup order (hämtorder) for ticked devices; the patient's orders still on their way; a new
// order for the patient. Look-ups are logged.
import { html, useState } from '../lib/html.js';
import { useQuery } from '../lib/use-query.js';
import { WithheldNotice } from './withheld-notice.js';
import { useTitle } from '../lib/use-title.js';
import * as api from '../lib/api.js';
import { href } from '../lib/routes.js';
import { addressLine, date, isPrescriber, kindShort } from '../lib/format.js';
import { errorText } from '../lib/order-errors.js';
import { StatusBadge, linesSummary } from './order-status.js';
import { RegisterSearch } from './order-step-recipient.js';
import { PickupForm } from './pickup-form.js';
// Issue 15, patient: the brukarinformation's links, Registrerade AO and Komponenter på väg.
import { PATIENT_SECTIONS, PatientLinks } from './patient-links.js';
import { PatientWorkOrders } from './patient-work-orders.js';
import { PatientComponents } from './patient-components.js';
import { PrintReturnLink } from './print/print-links.js'; // Issue 15, print
import { PatientDeskLinks } from './desk-links.js';
import { LoanCell } from './loan-cell.js'; // Issue 15, loans
// Issue 15, returns:
import { PatientSaleArticles } from './patient-sale-articles.js';
import { PatientReturned } from './patient-returned.js';

/** @typedef {import('../lib/types.d.ts').PersonView} PersonView */
/** @typedef {import('../lib/types.d.ts').User} User */
/** @typedef {import('../lib/types.d.ts').DeviceView} DeviceView */
/** @typedef {import('../lib/types.d.ts').OrderRow} OrderRow */
/** @typedef {import('../lib/types.d.ts').PickupView} PickupView */
/** @typedef {import('../lib/types.d.ts').PatientView} PatientView */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const PNR_PATTERN = /^(\d{6}|\d{8})[-+]?\d{4}$/;
const OPEN_ORDERS_MAX = 50;
const PICKUPS_MAX = 20;

/** @param {{ person: PersonView, user: User }} props */
function Person({ person, user }) {
  return html`
    <section class="card patient-card" data-testid="patient-person">
      <h2>${person.givenName} ${person.familyName} <span class="mono">${person.pnrDisplay}</span></h2>
      ${
        person.protectedIdentity
          ? html`<p>Skyddad identitet: adress visas inte.</p>`
          : html`<p>${addressLine(person.address)}</p>`
      }
      ${!person.prescribable && html`<p class="notice" role="note">Folkbokförd i en annan region: kan inte förskrivas hjälpmedel här.</p>`}
      ${person.palliative && html`<p class="notice" role="note">Palliativ vård (förskrivningssyfte PV).</p>`}
      ${isPrescriber(user) && person.prescribable && html`<p><a class="button" href=${href.bestall(person.pnrDisplay)}>Ny kundorder för brukaren</a></p>`}
    </section>`;
}

/** @type {Record<string, string>} */
const PICKUP_STATUS = { requested: 'Beställd', collected: 'Hämtad', cancelled: 'Makulerad' };

/**
 * @param {{ devices: DeviceView[], pickable: boolean, chosen: number[], setChosen: (chosen: number[]) => void,
 *   waiting: Map<number, number> }} props
 */
function Devices({ devices, pickable, chosen, setChosen, waiting }) {
  if (devices.length === 0) return html`<p data-testid="no-devices">Brukaren har inga registrerade hjälpmedel.</p>`;
  return html`
    <div class="table-wrap">
      <table class="data-table compact" data-testid="patient-devices">
        <caption>Registrerade hjälpmedel (${devices.length})</caption>
        <thead><tr>
          ${pickable && html`<th scope="col"><span class="visually-hidden">Hämta</span></th>`}
          <th scope="col">Individ</th><th scope="col">Artikel</th><th scope="col">Benämning</th><th scope="col">Hyra/köp</th>
          <th scope="col">Betalare</th>
          <th scope="col">Order</th><th scope="col">Orderdatum</th><th scope="col">Levererad</th><th scope="col">Förskrivare</th>
        </tr></thead>
        <tbody>
          ${devices.map(
            (d) => html`
            <tr key=${d.indNo} data-indno=${d.indNo}>
              ${
                pickable &&
                html`<td>${
                  waiting.has(d.indNo)
                    ? html`<span class="tag" title="Väntar på hämtning">Hämtorder ${waiting.get(d.indNo)}</span>`
                    : html`<input type="checkbox" aria-label=${`Hämta ${d.name} (${d.indNo})`} checked=${chosen.includes(d.indNo)}
                    onChange=${(/** @type {FieldEvent} */ e) => setChosen(e.currentTarget.checked ? [...chosen, d.indNo] : chosen.filter((n) => n !== d.indNo))} />`
                }</td>`
              }
              <td><a class="mono" href=${href.individ(d.indNo)}>${d.indNo}</a></td>
              <td><a class="mono" href=${href.artikel(d.artNo)}>${d.artNo}</a></td>
              <td>${d.name}</td>
              <td>${kindShort(d.kind)} <${LoanCell} loan=${d.loan} /></td>
              <td data-payer=${d.payer.kind}>${d.payer.name}</td>
              <td>${d.delivery ? html`<a href=${href.order(d.delivery.orderNo)}>${d.delivery.orderNo}</a>` : '–'}</td>
              <td class="date">${d.delivery ? date(d.delivery.placedDate) : '–'}</td>
              <td class="date">${d.delivery ? date(d.delivery.deliveredDate) : '–'}</td>
              <td>${d.delivery ? d.delivery.prescriberName : 'Före Aidstock'}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

/** @param {{ orders: OrderRow[] | null }} props */
function OpenOrders({ orders }) {
  if (orders === null || orders.length === 0) return null;
  return html`
    <h2>Order på väg</h2>
    <ul class="plain" data-testid="patient-open-orders">
      ${orders.map(
        (o) => html`
        <li key=${o.orderNo}><a href=${href.order(o.orderNo)}>Order ${o.orderNo}</a>, lagd ${date(o.placedDate)}:${' '}
          ${linesSummary(o.lines)} <${StatusBadge} status=${o.status} /></li>`,
      )}
    </ul>`;
}

/**
 * Makulera with a confirmation step, as an order's cancel has: one stray click must not cancel a pickup.
 * @param {{ pickupNo: number, onCancel: (pickupNo: number) => void }} props
 */
function CancelPickup({ pickupNo, onCancel }) {
  const [asking, setAsking] = useState(false);
  const questionId = `cancel-pickup-${pickupNo}`;
  if (!asking) {
    return html`<button type="button" class="link-button inline-action" onClick=${() => setAsking(true)}
      aria-label=${`Makulera hämtorder ${pickupNo}`}>Makulera</button>`;
  }
  return html`<span class="confirm-inline">
    <span id=${questionId}>Vill du makulera hämtorder ${pickupNo}?</span>
    <button type="button" class="button danger" aria-describedby=${questionId} onClick=${() => {
      setAsking(false);
      onCancel(pickupNo);
    }}>Ja, makulera</button>
    <button type="button" class="button" onClick=${() => setAsking(false)}>Nej, behåll hämtordern</button>
  </span>`;
}

/** @param {{ pickups: PickupView[], onCancel: (pickupNo: number) => void }} props */
function Pickups({ pickups, onCancel }) {
  if (pickups.length === 0) return null;
  return html`
    <h2>Hämtorder</h2>
    <ul class="plain" data-testid="patient-pickups">
      ${pickups.map(
        (p) => html`
        <li key=${p.pickupNo} data-pickupno=${p.pickupNo} data-status=${p.status}>
          <strong>Hämtorder ${p.pickupNo}</strong>${`, ${date(p.placedDate)}, ${PICKUP_STATUS[p.status] ?? p.status}: `}
          ${p.units.map((u) => `${u.name} (${u.indNo})${u.returnedMs !== null ? ' – mottagen' : ''}`).join(', ')}
          ${
            p.status === 'requested' &&
            p.units.every((u) => u.returnedMs === null) &&
            html`<${CancelPickup} pickupNo=${p.pickupNo} onCancel=${onCancel} />`
          }
        </li>`,
      )}
    </ul>`;
}

/** @param {{ pnr: string, user: User }} props */
function Patient({ pnr, user }) {
  const patientQuery = useQuery('patient.get', { pnr }, { select: (/** @type {PatientView} */ patient) => patient });
  const ordersQuery = useQuery(
    'order.list',
    { pnr, open: true, limit: OPEN_ORDERS_MAX },
    { select: (/** @type {{ orders: OrderRow[], withheld?: number }} */ r) => r },
  );
  const pickupsQuery = useQuery(
    'pickup.list',
    { pnr, limit: PICKUPS_MAX },
    { select: (/** @type {{ pickups: PickupView[], withheld?: number }} */ r) => r },
  );
  const [chosen, setChosen] = useState(/** @type {number[]} */ ([]));
  const [notice, setNotice] = useState('');
  const { data: patient, error } = patientQuery;
  const orders = ordersQuery.data?.orders ?? (ordersQuery.error ? [] : null);
  const pickups = pickupsQuery.data?.pickups ?? [];
  const withheld =
    (ordersQuery.data?.withheld ?? 0) + (pickupsQuery.data?.withheld ?? 0) + (patient?.workOrders.withheld ?? 0);
  const reload = (/** @type {string} */ text) => {
    setNotice(text);
    setChosen([]);
    patientQuery.reload();
    ordersQuery.reload();
    pickupsQuery.reload();
  };
  const cancel = (/** @type {number} */ pickupNo) =>
    api.call('pickup.cancel', { pickupNo }).then(
      () => reload(`Hämtorder ${pickupNo} är makulerad.`),
      (failure) => setNotice(errorText(failure)),
    );
  if (error) {
    return html`<p class="error" role="alert">${error.code === 'not_found' ? 'Ingen person med det personnumret finns i folkbokföringen.' : errorText(error)}</p>`;
  }
  if (patient === null) return html`<p class="loading" role="status">Hämtar brukarens hjälpmedel…</p>`;
  const pickable = isPrescriber(user) && patient.devices.length > 0;
  const waiting = new Map();
  for (const p of pickups)
    if (p.status === 'requested') for (const u of p.units) if (u.returnedMs === null) waiting.set(u.indNo, p.pickupNo);
  return html`
    <${Person} person=${patient.person} user=${user} />
    <${PatientLinks} pnr=${pnr} user=${user} workOrders=${patient.workOrders.total} components=${patient.componentsOnTheWay.total} />
    <${PatientDeskLinks} user=${user} pnr=${patient.person.pnrDisplay} />
    <${WithheldNotice} count=${withheld} pnr=${pnr} onGranted=${() => reload('Uppgifterna från andra vårdgivare visas nu.')} />
    <h2 id=${PATIENT_SECTIONS.devices} tabindex="-1">Brukarens hjälpmedel</h2>
    <${Devices} devices=${patient.devices} pickable=${pickable} chosen=${chosen} setChosen=${setChosen} waiting=${waiting} />
    <${PrintReturnLink} pnr=${patient.person.pnrDisplay} />
    <p role="status" data-testid="pickup-status">${notice}</p>
    ${
      pickable &&
      html`<${PickupForm} person=${patient.person} chosen=${chosen}
      onCreated=${(/** @type {PickupView} */ pickup) => reload(`Hämtorder ${pickup.pickupNo} är registrerad.`)} />`
    }
    <${PatientWorkOrders} workOrders=${patient.workOrders} />
    <${PatientComponents} components=${patient.componentsOnTheWay} />
    <${Pickups} pickups=${pickups} onCancel=${cancel} />
    <${OpenOrders} orders=${orders} />
    <${PatientSaleArticles} patient=${patient} user=${user} />
    <${PatientReturned} pnr=${pnr} />`;
}

/**
 * Keyed by pnr in the router, like the individual card: the field starts from the route.
 * @param {{ user: User, pnr: string | null }} props
 */
export function PatientDevicesPage({ user, pnr }) {
  const [text, setText] = useState(pnr ?? '');
  const [invalid, setInvalid] = useState(false);
  useTitle('Hjälpmedel – Aidstock');
  const submit = (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    const value = text.trim();
    setInvalid(!PNR_PATTERN.test(value));
    if (PNR_PATTERN.test(value)) location.hash = href.hjalpmedel(value);
  };
  return html`
    <h1 tabindex="-1">Hjälpmedel</h1>
    <p>Vilka hjälpmedel har en brukare? Sök på personnummer.</p>
    <form class="inline-form" onSubmit=${submit} role="search">
      <div class="field">
        <label for="devices-pnr">Personnummer</label>
        <input id="devices-pnr" type="text" inputmode="numeric" autocomplete="off" maxLength="15" value=${text}
          placeholder="ÅÅÅÅMMDD-NNNN" aria-invalid=${invalid ? 'true' : undefined} onInput=${(/** @type {FieldEvent} */ e) => setText(e.currentTarget.value)} />
      </div>
      <button type="submit" class="button">Visa</button>
    </form>
    ${invalid && html`<p class="error" role="alert">Skriv personnumret som ÅÅÅÅMMDD-NNNN (eller ÅÅMMDD-NNNN).</p>`}
    ${
      pnr === null &&
      html`<${RegisterSearch} onChoose=${(/** @type {string} */ chosen) => {
        location.hash = href.hjalpmedel(chosen);
      }} />`
    }
    ${pnr && html`<${Patient} pnr=${pnr} user=${user} />`}`;
}
