// @ts-check
// Kundorder step 4, Leverans: the default address or a temporary one, contact name and phone for the driver,
// samleverans or delleverans, and övrig information (printed on the packing slip, length-limited with a counter).
import { html } from '../lib/html.js';
import { addressLine } from '../lib/format.js';

/** @typedef {import('../lib/types.d.ts').OrderDraft} OrderDraft */
/** @typedef {import('../lib/types.d.ts').StepProps} StepProps */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const OTHER_INFO_MAX = 255;
const CONTACT_NAME_MAX = 60;
const CONTACT_PHONE_MAX = 30;
const STREET_MAX = 100;
const CITY_MAX = 60;
const PHONE = /^[0-9 +()-]*$/;

/**
 * "30233" or "302 33" → "302 33"; anything else is returned trimmed (and refused by deliveryProblem).
 * @param {string | null | undefined} value
 */
export function normalizePostalCode(value) {
  const digits = String(value ?? '').replace(/\s+/g, '');
  return /^\d{5}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3)}` : String(value ?? '').trim();
}

/**
 * Why the delivery cannot be used, or ''.
 * @param {OrderDraft["delivery"]} delivery
 * @param {string} otherInfo
 */
export function deliveryProblem(delivery, otherInfo) {
  if (delivery.temporary) {
    if (delivery.street.trim() === '') return 'Fyll i gatuadress för den tillfälliga adressen.';
    if (delivery.street.trim().length > STREET_MAX) return `Gatuadressen får vara högst ${STREET_MAX} tecken.`;
    if (!/^\d{3} \d{2}$/.test(normalizePostalCode(delivery.postalCode)))
      return 'Postnumret är fem siffror, t.ex. 302 33.';
    if (delivery.city.trim() === '') return 'Fyll i ort för den tillfälliga adressen.';
    if (delivery.city.trim().length > CITY_MAX) return `Orten får vara högst ${CITY_MAX} tecken.`;
  }
  if ((delivery.contactPhone ?? '') !== '' && !PHONE.test(delivery.contactPhone ?? ''))
    return 'Telefonnumret får bara innehålla siffror, mellanslag, +, ( ) och -.';
  if (otherInfo.length > OTHER_INFO_MAX) return `Övrig information får vara högst ${OTHER_INFO_MAX} tecken.`;
  return '';
}

/**
 * @param {{ id: string, label: string, value: string, max: number, onInput: (value: string) => void, hint?: string,
 *   type?: string, autocomplete?: string, invalid?: boolean }} props
 */
function Text({ id, label, value, max, onInput, hint, type = 'text', autocomplete, invalid }) {
  return html`
    <div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} type=${type} value=${value} maxLength=${max} autocomplete=${autocomplete ?? 'off'}
        aria-describedby=${hint ? `${id}-hint` : undefined} aria-invalid=${invalid ? 'true' : undefined}
        onInput=${(/** @type {FieldEvent} */ e) => onInput(e.currentTarget.value)} />
      ${hint && html`<p id=${`${id}-hint`} class="hint">${hint}</p>`}
    </div>`;
}

/** @param {StepProps} props */
export function DeliveryStep({ state, update, quote }) {
  const d = state.delivery;
  const defaults = quote.result?.delivery ?? null;
  const set = (/** @type {Partial<OrderDraft['delivery']>} */ patch) =>
    update((current) => ({ delivery: { ...current.delivery, ...patch } }));
  const left = OTHER_INFO_MAX - state.otherInfo.length;
  const buffer = state.source === 'buffer';

  return html`
    <fieldset class="choice">
      <legend>Leveransadress</legend>
      <div class="radio">
        <input type="radio" id="address-default" name="address" checked=${!d.temporary} onChange=${() => set({ temporary: false })} />
        <label for="address-default">Förvald adress: <span data-testid="delivery-default">${defaults ? addressLine(defaults.address) : 'hämtas…'}</span></label>
      </div>
      <div class="radio">
        <input type="radio" id="address-temporary" name="address" checked=${d.temporary} onChange=${() => set({ temporary: true })}
          aria-describedby="address-temporary-hint" />
        <label for="address-temporary">Tillfällig adress</label>
        <span id="address-temporary-hint" class="hint">Om brukaren vistas på annan adress än folkbokföringsadressen.</span>
      </div>
      ${buffer && html`<p class="note">Uttag ur eget förråd: leverans sker till det buffertlager du är knuten till.</p>`}
    </fieldset>
    ${
      d.temporary &&
      html`
      <div class="address-fields">
        <${Text} id="delivery-street" label="Gatuadress" value=${d.street} max=${STREET_MAX} autocomplete="street-address"
          onInput=${(/** @type {string} */ street) => set({ street })} />
        <${Text} id="delivery-postal" label="Postnummer" value=${d.postalCode} max="6" autocomplete="postal-code"
          onInput=${(/** @type {string} */ postalCode) => set({ postalCode })} />
        <${Text} id="delivery-city" label="Ort" value=${d.city} max=${CITY_MAX} autocomplete="address-level2"
          onInput=${(/** @type {string} */ city) => set({ city })} />
      </div>`
    }

    <fieldset class="choice">
      <legend>Kontakt för chauffören</legend>
      <p class="hint">Var noga med kontaktuppgifterna: chaufförerna ringer och bokar tid för leverans.</p>
      <div class="contact-fields">
        <${Text} id="delivery-contact" label="Kontaktperson" value=${d.contactName ?? defaults?.contactName ?? ''} max=${CONTACT_NAME_MAX}
          autocomplete="name" onInput=${(/** @type {string} */ contactName) => set({ contactName })} />
        <${Text} id="delivery-phone" label="Telefon" type="tel" value=${d.contactPhone ?? defaults?.contactPhone ?? ''} max=${CONTACT_PHONE_MAX}
          autocomplete="tel" invalid=${d.contactPhone && !PHONE.test(d.contactPhone)} onInput=${(/** @type {string} */ contactPhone) => set({ contactPhone })} />
      </div>
    </fieldset>

    <div class="check joint">
      <input type="checkbox" id="delivery-joint" checked=${d.joint} onChange=${(/** @type {FieldEvent} */ e) => set({ joint: e.currentTarget.checked })}
        aria-describedby="delivery-joint-hint" />
      <label for="delivery-joint">Samleverans</label>
      <span id="delivery-joint-hint" class="hint">Förinställt: allt levereras tillsammans. Ta bort bocken för delleverans, så går det som finns i lager först.</span>
    </div>

    <div class="field other-info">
      <label for="other-info">Övrig information</label>
      <textarea id="other-info" rows="3" maxLength=${OTHER_INFO_MAX} value=${state.otherInfo}
        aria-describedby="other-info-hint other-info-count" onInput=${(/** @type {FieldEvent} */ e) => update({ otherInfo: e.currentTarget.value })}></textarea>
      <p id="other-info-hint" class="hint">OBS! All information här syns på följesedeln som följer med transporten.</p>
      <p id="other-info-count" class=${left < 20 ? 'counter low' : 'counter'} aria-live=${left < 20 ? 'polite' : 'off'} data-testid="other-info-count">
        ${state.otherInfo.length}/${OTHER_INFO_MAX} tecken${left < 20 ? ` – ${left} kvar` : ''}</p>
    </div>`;
}
