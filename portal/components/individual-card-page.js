// @ts-check
// Individkort: who or which warehouse holds a device, by individual number (56314 or K-56314). As in the legacy portal:
// a unit in HMC's investigation warehouse (999/999A) says "contact HMC"; the prescriber is shown for a unit Aidstock
// delivered; protected identities are never shown. The look-up of a patient is logged by the engine. HMC staff receive
// a held unit back here (retur).
import { html, useState } from '../lib/html.js';
import { useAction } from '../lib/use-action.js';
import { useQuery } from '../lib/use-query.js';
import { useTitle } from '../lib/use-title.js';
import { href } from '../lib/routes.js';
import { date, isoCode, isPrescriber, isStaff, kindLabel, lineStatusLabel, parseIndNo } from '../lib/format.js';
import { errorText } from '../lib/order-errors.js';
import { receiveReturn, RETURN_WAREHOUSE } from '../lib/returns.js';
import { DeviationLink } from './desk-links.js';
import { LoanSection } from './loan-cell.js'; // Issue 15, loans
// Issue 15, recalls:
import { RecallNotice } from './recall-notice.js';

/** @typedef {import('../lib/types.d.ts').IndividualCardView} IndividualCardView */
/** @typedef {import('../lib/types.d.ts').User} User */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

/** @param {{ holder: IndividualCardView["holder"] }} props */
function Holder({ holder }) {
  switch (holder.kind) {
    case 'warehouse':
      return html`
        <p data-testid="holder">I lager <strong>${holder.warehouse}</strong> (${holder.name}).</p>
        ${holder.contactHmc && html`<p class="notice" role="note" data-testid="contact-hmc">Individen finns på HMC:s utredningslager. Var god kontakta HMC.</p>`}`;
    case 'patient':
      if (holder.protectedIdentity)
        return html`<p data-testid="holder">Registrerad på en brukare med skyddad identitet. Kontakta HMC vid frågor.</p>`;
      return html`<p data-testid="holder">Registrerad på <a href=${href.hjalpmedel(holder.pnrDisplay)}><strong>${holder.name}</strong></a>, ${holder.pnrDisplay}${holder.municipality ? `, ${holder.municipality}` : ''}.</p>`;
    case 'careUnit':
      return html`<p data-testid="holder">Registrerad på vårdenheten <strong>${holder.name}</strong> (kundnummer ${holder.customerNo}).</p>`;
    case 'transit':
      return html`<p data-testid="holder">Utlevererad, på väg med order <a href=${href.order(holder.orderNo)}>${holder.orderNo}</a>.</p>`;
    case 'writtenOff':
      return html`<p data-testid="holder">Avskriven ur lager ${holder.warehouse} (${holder.name}).</p>`;
    default:
      return null;
  }
}

/** @param {{ prescriber: IndividualCardView["prescriber"] }} props */
function Prescriber({ prescriber }) {
  if (prescriber === null)
    return html`<p data-testid="prescriber">Förskrivare: okänd i Aidstock (levererad före övergången, eller ännu inte förskriven).</p>`;
  return html`
    <p data-testid="prescriber">Förskrivare: <strong>${prescriber.name}</strong>, order <a href=${href.order(prescriber.orderNo)}>${prescriber.orderNo}</a>
      ${prescriber.phone && html`, tel. <a href=${`tel:${prescriber.phone.replace(/\s+/g, '')}`}>${prescriber.phone}</a>`}
      ${prescriber.email && html`, <a href=${`mailto:${prescriber.email}`}>${prescriber.email}</a>`}</p>`;
}

/** @param {{ orders: IndividualCardView["orders"] }} props */
function Orders({ orders }) {
  if (orders.length === 0) return null;
  return html`
    <h2>Order som gäller individen</h2>
    <div class="table-wrap">
      <table class="data-table compact" data-testid="individual-orders">
        <thead><tr><th scope="col">Order</th><th scope="col">Datum</th><th scope="col">Avser</th><th scope="col">Artiklar</th><th scope="col">Status</th><th scope="col">Förskrivare</th></tr></thead>
        <tbody>
          ${orders.map(
            (o) => html`
            <tr key=${o.orderNo}>
              <td><a href=${href.order(o.orderNo)}>${o.orderNo}</a></td>
              <td>${date(o.placedDate)}</td>
              <td>${o.role === 'unit' ? 'Individen' : 'Komplettering (K-)'}</td>
              <td class="mono">${o.artNos.join(', ')}</td>
              <td>${lineStatusLabel(o.status)}</td>
              <td>${o.prescriber.name}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

const MAIN = RETURN_WAREHOUSE;

/**
 * HMC staff: a held unit comes back (retur, hämtorder) to warehouse 10; waiting backorders of it are served at once.
 * @param {{ card: IndividualCardView, onDone: (text: string) => void }} props
 */
function ReceiveReturn({ card, onDone }) {
  const { busy, run } = useAction();
  const receive = () =>
    run(
      async () => {
        const result = await receiveReturn(card.individual.artNo, card.individual.indNo);
        const served = result.backordersServed > 0 ? ` ${result.backordersServed} restorder fick enheten.` : '';
        onDone(`Individ ${card.individual.indNo} är tillbaka i lager ${MAIN}.${served}`);
      },
      (failure) => onDone(errorText(failure)),
    );
  if (card.holder.kind !== 'patient' && card.holder.kind !== 'careUnit') return null;
  return html`<p><button type="button" class="button" disabled=${busy} onClick=${receive}>${busy ? 'Tar emot…' : `Ta emot retur till lager ${MAIN}`}</button></p>`;
}

/** @param {{ indNo: number, user: User }} props */
function Card({ indNo, user }) {
  // After a change made here (a return) the card is read again without blanking it.
  const {
    data: card,
    error,
    reload,
  } = useQuery('individual.get', { indNo }, { select: (/** @type {IndividualCardView} */ card) => card });
  const [notice, setNotice] = useState('');
  if (error) {
    return html`<p class="error" role="alert">${error.code === 'not_found' ? `Individ ${indNo} finns inte.` : `Kunde inte hämta individen: ${error.message}`}</p>`;
  }
  if (card === null) return html`<p class="loading" role="status">Hämtar individ ${indNo}…</p>`;
  const ind = card.individual;
  return html`
    <section class="card individual-card" data-testid="individual-card">
      <h2>Individ ${ind.indNo}</h2>
      <p><a href=${href.artikel(ind.artNo)}>${ind.name}</a> <span class="mono">(${ind.artNo})</span>, ISO ${isoCode(ind.isoCode)}, ${kindLabel(ind.kind)}</p>
      <${RecallNotice} artNo=${ind.artNo} indNo=${ind.indNo} />
      <${Holder} holder=${card.holder} />
      <${Prescriber} prescriber=${card.prescriber} />
      <${LoanSection} loan=${card.loan} />
      <${Orders} orders=${card.orders} />
      ${isPrescriber(user) && card.holder.kind === 'patient' && html`<p><a href=${href.arbetsorder(ind.indNo)}>Ny arbetsorder för individen</a></p>`}
      <${DeviationLink} user=${user} context=${{ individ: ind.indNo }} />
      ${
        isStaff(user) &&
        html`<${ReceiveReturn} card=${card} onDone=${(/** @type {string} */ text) => {
          setNotice(text);
          reload();
        }} />`
      }
      <p role="status" data-testid="return-status">${notice}</p>
    </section>`;
}

/**
 * Keyed by indNo in the router: a new number is a new page, so the field starts from the route, never reset under typing.
 * @param {{ indNo: number | null, user: User }} props
 */
export function IndividualCardPage({ indNo, user }) {
  const [text, setText] = useState(indNo === null ? '' : String(indNo));
  const [invalid, setInvalid] = useState(false);
  useTitle(indNo === null ? 'Individkort – Aidstock' : `Individ ${indNo} – Aidstock`);
  const submit = (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    const parsed = parseIndNo(text);
    setInvalid(parsed === null);
    if (parsed !== null) location.hash = href.individ(parsed);
  };
  return html`
    <h1 tabindex="-1">Individkort</h1>
    <p>Vem är registrerad på ett hjälpmedel? Skriv individnumret, t.ex. 56314 eller K-56314.</p>
    <form class="inline-form" onSubmit=${submit} role="search">
      <div class="field narrow">
        <label for="individual-no">Individnummer</label>
        <input id="individual-no" inputmode="numeric" autocomplete="off" value=${text} maxlength="12"
          aria-invalid=${invalid ? 'true' : undefined} onInput=${(/** @type {FieldEvent} */ e) => setText(e.currentTarget.value)} />
      </div>
      <button type="submit" class="button">Visa</button>
    </form>
    ${invalid && html`<p class="error" role="alert">Ett individnummer är 1–8 siffror, t.ex. 56314.</p>`}
    ${indNo !== null && html`<${Card} indNo=${indNo} user=${user} />`}`;
}
