// @ts-check
// Kundorder step 5: the order to check once more and "Verkställ"; then the receipt with the order number (ordernummer
// som kvittens) and the planned pick and delivery dates.
import { html } from '../lib/html.js';
import { href } from '../lib/routes.js';
import { addressLine, date, warehouseLabel } from '../lib/format.js';
import { errorText, isLineProblem } from '../lib/order-errors.js';
import { quotedLine } from './order-quote-lines.js';
import { StatusBadge } from './order-status.js';

/** @typedef {import('../lib/types.d.ts').OrderDraft} OrderDraft */
/** @typedef {import('../lib/types.d.ts').PatientView} PatientView */
/** @typedef {import('../lib/api.js').ApiError} ApiError */
/** @typedef {import('../lib/types.d.ts').Workplace} Workplace */
/** @typedef {import('../lib/types.d.ts').DraftLine} DraftLine */
/** @typedef {import('../lib/types.d.ts').QuoteLine} QuoteLine */
/** @typedef {import('../lib/types.d.ts').StepProps} StepProps */
/** @typedef {import('../lib/types.d.ts').PlaceReceipt} PlaceReceipt */

/**
 * @param {OrderDraft} state
 * @param {Workplace} place
 */
function recipientSummary(state, place) {
  if (state.recipientKind === 'careUnit') return `Vårdenhet ${place.name} (kundnr ${place.customerNo})`;
  // The Mottagare step is not left without a patient (or a care unit).
  const p = /** @type {PatientView} */ (state.patient).person;
  return `${p.givenName} ${p.familyName}, ${p.pnrDisplay}`;
}

/**
 * @param {DraftLine} line
 * @param {QuoteLine | null} q
 */
function lineText(line, q) {
  const name = q?.article?.name ?? '';
  if (q?.outcome === 'proposal' && line.replacement === 'accept') {
    // A proposal outcome always carries its proposal.
    const proposal = /** @type {NonNullable<QuoteLine['proposal']>} */ (q.proposal);
    return `${proposal.artNo} ${proposal.name} (ersätter ${line.artNo} ${name})`;
  }
  if (q?.outcome === 'proposal' && line.replacement === 'refuse')
    return `${line.artNo} ${name} – restorder, alternativ får inte levereras`;
  if (q?.outcome === 'backorder') return `${line.artNo} ${name} – restorder`;
  return `${line.artNo} ${name}`;
}

/** @param {StepProps & { placing: boolean, placeError: ApiError | null, onPlace: () => void, onFix: () => void }} props */
export function ConfirmStep({ user, state, quote, placing, placeError, onPlace, onFix }) {
  const place = user.workplaces.find((w) => w.id === state.workplaceId) ?? user.workplaces[0];
  const d = state.delivery;
  const defaults = quote.result?.delivery;
  const address = d.temporary
    ? `${d.street}, ${d.postalCode} ${d.city} (tillfällig adress)`
    : addressLine(defaults?.address);
  const lost = placeError?.code === 'connection_lost' || placeError?.code === 'timeout';
  return html`
    <dl class="facts summary" data-testid="order-summary">
      <div><dt>Mottagare</dt><dd>${recipientSummary(state, place)}</dd></div>
      <div><dt>Arbetsplats</dt><dd>${place.name} (kundnr ${place.customerNo})</dd></div>
      <div><dt>Lager</dt><dd>${warehouseLabel(state.source === 'buffer' ? place.bufferWarehouse : '10')}</dd></div>
      <div><dt>Leveransadress</dt><dd>${address}</dd></div>
      <div><dt>Kontakt</dt><dd>${d.contactName ?? defaults?.contactName ?? ''}, <span class="nowrap">${d.contactPhone ?? defaults?.contactPhone ?? ''}</span></dd></div>
      <div><dt>Leveranssätt</dt><dd>${d.joint ? 'Samleverans' : 'Delleverans'}</dd></div>
      ${state.otherInfo.trim() !== '' && html`<div class="wide"><dt>Övrig information (på följesedeln)</dt><dd>${state.otherInfo}</dd></div>`}
    </dl>
    <h3>Rader</h3>
    <ul class="summary-lines">
      ${state.lines.map((line) => {
        const q = quotedLine(quote.result, line);
        return html`
          <li>${line.quantity} × ${lineText(line, q)}${line.forIndividual !== null ? ` → K-${line.forIndividual}` : ''}${line.purpose ? `, syfte ${line.purpose}` : ''}
            ${(q?.setParts.length ?? 0) > 0 && html`<span class="set-part-text"> + tilläggsartiklar: ${q?.setParts.map((p) => `${p.artNo} ${p.name}`).join(', ')}</span>`}</li>`;
      })}
    </ul>
    <div class="verkstall">
      <button type="button" class="button primary big" data-testid="verkstall" disabled=${placing} onClick=${onPlace}>
        ${placing ? 'Registrerar…' : lost ? 'Verkställ igen' : 'Verkställ'}</button>
      <p class="hint">Du får ett ordernummer som kvittens när ordern är registrerad och lagersaldot reserverat.</p>
    </div>
    <div role="alert" class="place-error" data-testid="place-error">
      ${
        placeError &&
        html`
        <p class="error">${errorText(placeError)}${lost ? ' Tryck Verkställ igen när anslutningen är tillbaka – ordern registreras bara en gång.' : ''}</p>
        ${isLineProblem(placeError.code) && html`<button type="button" class="button" onClick=${onFix}>Till Rader</button>`}`
      }
    </div>`;
}

/** @param {{ receipt: PlaceReceipt, headingRef: import('preact').RefObject<HTMLHeadingElement>, onRestart: () => void }} props */
export function OrderReceipt({ receipt, headingRef, onRestart }) {
  return html`
    <section class="card receipt" aria-labelledby="receipt-title" data-testid="receipt">
      <h2 id="receipt-title" tabindex="-1" ref=${headingRef}>Ordern är registrerad</h2>
      ${receipt.replayed && html`<p class="note info">Ordern var redan registrerad – svaret på första försöket kom inte fram. Kontrollera raderna nedan.</p>`}
      <p class="receipt-number">Ordernummer <strong data-testid="receipt-order-no">${receipt.orderNo}</strong></p>
      <dl class="facts">
        <div><dt>Registrerad</dt><dd>${date(receipt.placedDate)}</dd></div>
        <div><dt>Planerat plockdatum</dt><dd data-testid="receipt-pick-date">${receipt.plannedPickDate ?? 'när restorder finns i lager'}</dd></div>
        <div><dt>Planerat leveransdatum</dt><dd data-testid="receipt-delivery-date">${receipt.plannedDeliveryDate ?? 'när restorder finns i lager'}</dd></div>
        <div><dt>Lager</dt><dd>${warehouseLabel(receipt.warehouse)}</dd></div>
      </dl>
      <div class="table-wrap">
        <table class="data-table compact">
          <caption class="visually-hidden">Rader på order ${receipt.orderNo}</caption>
          <thead><tr><th scope="col">Rad</th><th scope="col">Artikel</th><th scope="col" class="num">Antal</th><th scope="col">Status</th><th scope="col">Anmärkning</th></tr></thead>
          <tbody>
            ${receipt.lines.map(
              (l) => html`
              <tr class=${l.setPartOf !== null ? 'set-part-row' : undefined}>
                <td>${l.lineNo}</td>
                <td><span class="mono">${l.artNo}</span> ${l.name}${l.component ? html` <span class="tag">${l.component}</span>` : ''}</td>
                <td class="num">${l.quantity}</td>
                <td><${StatusBadge} status=${l.status} /></td>
                <td>${[
                  l.replacedFrom ? `Ersätter ${l.replacedFrom}` : '',
                  l.setPartOf !== null ? `Tilläggsartikel till rad ${l.setPartOf}` : '',
                  l.note,
                ]
                  .filter(Boolean)
                  .join('. ')}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="receipt-links">
        <a class="button primary" href=${href.order(receipt.orderNo)} data-testid="receipt-overview">Visa ordinationsöversikt</a>
        <button type="button" class="button" onClick=${onRestart}>Ny beställning</button>
        <a href=${href.orders('mine')}>Mina order</a>
      </p>
    </section>`;
}
