// @ts-check
// Hämtorder from the Hjälpmedel page: the devices ticked in the list are fetched from the patient, at the registered
// address or another one, with a contact for the driver and a reason (required, length-limited with a counter).
import { html, useState } from '../lib/html.js';
import * as api from '../lib/api.js';
import { addressLine } from '../lib/format.js';
import { useAction } from '../lib/use-action.js';

/** @typedef {import('../lib/types.d.ts').PersonView} PersonView */
/** @typedef {import('../lib/types.d.ts').PickupView} PickupView */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const REASON_CHARS_MAX = 255;
const POSTAL_CODE = /^\d{3} ?\d{2}$/;

/**
 * @param {string} street
 * @param {string} postalCode
 * @param {string} city
 */
function otherAddress(street, postalCode, city) {
  const code = postalCode.replace(/\s+/g, '');
  return { street: street.trim(), postalCode: `${code.slice(0, 3)} ${code.slice(3)}`, city: city.trim() };
}

/** @param {{ person: PersonView, chosen: number[], onCreated: (pickup: PickupView) => void }} props */
export function PickupForm({ person, chosen, onCreated }) {
  const [reason, setReason] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [elsewhere, setElsewhere] = useState(false);
  const [street, setStreet] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [city, setCity] = useState('');
  const { busy, error, setError, run } = useAction();

  const submit = async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    if (chosen.length === 0) return setError('Markera de hjälpmedel som ska hämtas.');
    if (reason.trim() === '') return setError('Skriv en orsak till hämtningen.');
    if (elsewhere && (street.trim() === '' || !POSTAL_CODE.test(postalCode.trim()) || city.trim() === '')) {
      return setError('Skriv gatuadress, postnummer (NNN NN) och ort för hämtadressen.');
    }
    const created = await run(() =>
      api.call('pickup.create', {
        pnr: person.pnr,
        indNos: chosen,
        reason: reason.trim(),
        contactName: contactName.trim(),
        contactPhone: contactPhone.trim(),
        ...(elsewhere ? { address: otherAddress(street, postalCode, city) } : {}),
      }),
    );
    if (created === undefined) return undefined;
    setReason('');
    return onCreated(created.pickup);
  };

  const left = REASON_CHARS_MAX - reason.length;
  return html`
    <form class="card" onSubmit=${submit} data-testid="pickup-form" aria-labelledby="pickup-title">
      <h2 id="pickup-title">Beställ hämtning (hämtorder)</h2>
      <p class="hint">${chosen.length === 0 ? 'Markera hjälpmedlen i listan ovan.' : `${chosen.length} hjälpmedel markerade.`}</p>
      <p>Hämtas på: ${elsewhere ? 'annan adress' : person.address ? addressLine(person.address) : 'folkbokföringsadressen'}
        <label class="inline"><input type="checkbox" checked=${elsewhere} onChange=${(/** @type {FieldEvent} */ e) => setElsewhere(e.currentTarget.checked)} /> Annan adress</label></p>
      ${
        elsewhere &&
        html`
        <div class="inline-form">
          <div class="field grow"><label for="pickup-street">Gatuadress</label><input id="pickup-street" maxLength="100" value=${street} onInput=${(/** @type {FieldEvent} */ e) => setStreet(e.currentTarget.value)} /></div>
          <div class="field narrow"><label for="pickup-postal">Postnummer</label><input id="pickup-postal" maxLength="6" value=${postalCode} onInput=${(/** @type {FieldEvent} */ e) => setPostalCode(e.currentTarget.value)} /></div>
          <div class="field"><label for="pickup-city">Ort</label><input id="pickup-city" maxLength="60" value=${city} onInput=${(/** @type {FieldEvent} */ e) => setCity(e.currentTarget.value)} /></div>
        </div>`
      }
      <div class="inline-form">
        <div class="field"><label for="pickup-contact">Kontaktperson</label><input id="pickup-contact" maxLength="60" value=${contactName} onInput=${(/** @type {FieldEvent} */ e) => setContactName(e.currentTarget.value)} /></div>
        <div class="field"><label for="pickup-phone">Telefon</label><input id="pickup-phone" type="tel" maxLength="30" value=${contactPhone} onInput=${(/** @type {FieldEvent} */ e) => setContactPhone(e.currentTarget.value)} /></div>
      </div>
      <div class="field">
        <label for="pickup-reason">Orsak (till chauffören)</label>
        <textarea id="pickup-reason" rows="2" maxLength=${REASON_CHARS_MAX} value=${reason} onInput=${(/** @type {FieldEvent} */ e) => setReason(e.currentTarget.value)}
          aria-describedby="pickup-reason-count"></textarea>
        <p id="pickup-reason-count" class=${left < 20 ? 'counter low' : 'counter'}>${left} tecken kvar</p>
      </div>
      <button type="submit" class="button" disabled=${busy}>${busy ? 'Beställer…' : 'Beställ hämtning'}</button>
      <p class="error" role="alert">${error}</p>
    </form>`;
}
