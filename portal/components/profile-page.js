// @ts-check
// Dina uppgifter: the signed-in user's details as HMC has them. E-mail and phone are the user's to keep current (saved
// with profile.update); workplaces, customer numbers and buffer warehouses change through HMC, as in the legacy portal.
import { html, useState } from '../lib/html.js';
import { useAction } from '../lib/use-action.js';
import { useTitle } from '../lib/use-title.js';
import * as api from '../lib/api.js';
import { ApiError } from '../lib/api.js';
import { addressLine, professionLabel } from '../lib/format.js';
import { errorText } from '../lib/order-errors.js';

/** @typedef {import('../lib/types.d.ts').Workplace} Workplace */
/** @typedef {import('../lib/types.d.ts').User} User */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const EMAIL_CHARS_MAX = 100;
const PHONE_CHARS_MAX = 30;

/** @param {{ workplaces: Workplace[] }} props */
function Workplaces({ workplaces }) {
  return html`
    <div class="table-wrap">
      <table class="data-table compact" data-testid="profile-workplaces">
        <caption>Arbetsplatser</caption>
        <thead><tr><th scope="col">Arbetsplats</th><th scope="col">Kundnummer</th><th scope="col">Leveransadress</th><th scope="col">Eget förråd</th></tr></thead>
        <tbody>
          ${workplaces.map(
            (w) => html`
            <tr key=${w.id}>
              <td>${w.name}</td>
              <td class="mono">${w.customerNo}</td>
              <td>${addressLine(w.deliveryAddress)}</td>
              <td>${w.bufferWarehouse ?? '–'}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

/** Logga ut överallt: ends every session of the user (other browsers, lost phones), then this one. */
/** @param {{ onLogoutAll: () => Promise<void> }} props */
function LogoutEverywhere({ onLogoutAll }) {
  const { busy, error, run } = useAction();
  return html`
    <section class="card" aria-labelledby="logout-all-title">
      <h2 id="logout-all-title">Inloggningar</h2>
      <p>Är du inloggad på en annan dator eller i en telefon du inte längre har? Logga ut överallt avslutar alla dina
        inloggningar, också den här. Du får logga in igen.</p>
      <button type="button" class="button danger" disabled=${busy} onClick=${() => run(onLogoutAll)}>
        ${busy ? 'Loggar ut…' : 'Logga ut överallt'}</button>
      ${error && html`<p class="error" role="alert">${error}</p>`}
    </section>`;
}

/** @param {{ user: User, onUser: (user: User) => void, onLogoutAll: () => Promise<void> }} props */
export function ProfilePage({ user, onUser, onLogoutAll }) {
  const [email, setEmail] = useState(user.email);
  const [phone, setPhone] = useState(user.phone);
  const { busy, run } = useAction();
  const [message, setMessage] = useState({ text: '', error: false });
  useTitle('Dina uppgifter – Aidstock');

  const save = async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    setMessage({ text: '', error: false });
    await run(
      async () => {
        const result = await api.call('profile.update', { email: email.trim(), phone: phone.trim() });
        onUser(result.user);
        setMessage({ text: 'Dina kontaktuppgifter är sparade.', error: false });
      },
      (failure) => {
        const text =
          failure instanceof ApiError && failure.code === 'invalid_request'
            ? 'Kontrollera uppgifterna: en giltig e-postadress och ett telefonnummer med siffror (minst fem).'
            : errorText(failure);
        setMessage({ text, error: true });
      },
    );
  };

  return html`
    <h1 tabindex="-1">Dina uppgifter</h1>
    <p>För att hålla HMC uppdaterade är det viktigt att dina kontaktuppgifter stämmer. Byter du arbetsplats eller
      avslutar din anställning måste du kontakta HMC.</p>
    <section class="card">
      <h2>${user.name}</h2>
      <p>${professionLabel(user.profession)} · användarnamn <span class="mono">${user.username}</span></p>
      <form onSubmit=${save} data-testid="profile-form">
        <div class="field">
          <label for="profile-email">E-post</label>
          <input id="profile-email" type="email" autocomplete="email" maxLength=${EMAIL_CHARS_MAX} value=${email}
            onInput=${(/** @type {FieldEvent} */ e) => setEmail(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="profile-phone">Telefon</label>
          <input id="profile-phone" type="tel" autocomplete="tel" maxLength=${PHONE_CHARS_MAX} value=${phone}
            onInput=${(/** @type {FieldEvent} */ e) => setPhone(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button" disabled=${busy}>${busy ? 'Sparar…' : 'Spara'}</button>
        <p class=${message.error ? 'error' : 'hint'} role=${message.error ? 'alert' : 'status'} data-testid="profile-status">${message.text}</p>
      </form>
    </section>
    <${Workplaces} workplaces=${user.workplaces} />
    <${LogoutEverywhere} onLogoutAll=${onLogoutAll} />`;
}
