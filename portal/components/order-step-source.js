// @ts-check
// Kundorder step 2, Källa och arbetsplats: huvudlager (lager 10) or uttag ur eget förråd (only when the workplace has
// one), and the workplace, which decides the customer number and the default delivery address.
import { html } from '../lib/html.js';
import { addressLine } from '../lib/format.js';

/** @typedef {import('../lib/types.d.ts').OrderDraft} OrderDraft */
/** @typedef {import('../lib/types.d.ts').Workplace} Workplace */
/** @typedef {import('../lib/types.d.ts').StepProps} StepProps */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

/**
 * Where the order goes unless the Leverans step says otherwise (the engine's rule, shown before it is asked).
 * @param {OrderDraft} state
 * @param {Workplace} place
 */
export function defaultAddressText(state, place) {
  const person = state.patient?.person;
  if (state.recipientKind === 'careUnit' || !person) return `${place.name}: ${addressLine(place.deliveryAddress)}`;
  if (state.source === 'buffer') return `${place.name} (uttag ur eget förråd): ${addressLine(place.deliveryAddress)}`;
  if (person.protectedIdentity) return `${place.name} (skyddad identitet): ${addressLine(place.deliveryAddress)}`;
  return `Brukarens folkbokföringsadress: ${addressLine(person.address)}`;
}

/** @param {StepProps} props */
export function SourceStep({ user, state, update }) {
  const place = user.workplaces.find((w) => w.id === state.workplaceId) ?? user.workplaces[0];
  const forUnit = state.recipientKind === 'careUnit';

  const chooseWorkplace = (/** @type {string} */ id) => {
    // The options are the user's workplaces: one always matches.
    const next = /** @type {Workplace} */ (user.workplaces.find((w) => w.id === id));
    // A workplace without a buffer cannot withdraw from one.
    update({ workplaceId: next.id, source: next.bufferWarehouse ? state.source : 'main' });
  };

  return html`
    <div class="field">
      <label for="order-workplace">Arbetsplats (kund/leveransadress)</label>
      ${
        forUnit
          ? html`<p id="order-workplace" class="fixed-value">${place.name} – kundnr ${place.customerNo}</p>
            <p class="hint">Vid beställning till vårdenhet är arbetsplatsen den valda vårdenheten.</p>`
          : html`<select id="order-workplace" value=${place.id} onChange=${(/** @type {FieldEvent} */ e) => chooseWorkplace(e.currentTarget.value)}
              aria-describedby="order-workplace-hint">
            ${user.workplaces.map((w) => html`<option value=${w.id}>${w.name} – kundnr ${w.customerNo}</option>`)}
          </select>
          <p id="order-workplace-hint" class="hint">Har du flera arbetsplatser: välj den som ska betala och ta emot hjälpmedlet.</p>`
      }
    </div>

    <fieldset class="choice">
      <legend>Beställning eller uttag</legend>
      <div class="radio">
        <input type="radio" id="source-main" name="source" checked=${state.source === 'main'} onChange=${() => update({ source: 'main' })} />
        <label for="source-main">Beställning från Hjälpmedelscentrum (huvudlager 10)</label>
      </div>
      ${
        place.bufferWarehouse
          ? html`<div class="radio">
            <input type="radio" id="source-buffer" name="source" checked=${state.source === 'buffer'}
              onChange=${() => update({ source: 'buffer' })} aria-describedby="source-buffer-hint" />
            <label for="source-buffer">Uttag ur eget förråd (${place.bufferWarehouse})</label>
            <span id="source-buffer-hint" class="hint">Leverans sker till det buffertlager du är knuten till.</span>
          </div>`
          : html`<p class="hint">${place.name} har inget eget förråd, så uttag ur eget förråd går inte härifrån.</p>`
      }
    </fieldset>

    <dl class="facts compact-facts">
      <div><dt>Kundnummer</dt><dd>${place.customerNo}</dd></div>
      <div><dt>Lager</dt><dd>${state.source === 'buffer' ? `Eget förråd ${place.bufferWarehouse}` : 'Lager 10 (huvudlager)'}</dd></div>
      <div><dt>Leveransadress (förvald)</dt><dd data-testid="default-address">${defaultAddressText(state, place)}</dd></div>
    </dl>`;
}
