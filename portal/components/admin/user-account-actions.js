// @ts-check
// What an admin does to an existing account besides editing it: deactivate (its sessions end at once, sign-in is
// refused) or activate it, reactivate one unused for 12 months, and set its password (demo auth): typed, or generated
// and shown once.
import * as api from '../../lib/api.js';
import { html, useState } from '../../lib/html.js';
import { useAction } from '../../lib/use-action.js';

/** @typedef {import('../../lib/types.d.ts').User} User */
/** @typedef {import('../../lib/types.d.ts').UserRowView} UserRowView */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */

const PASSWORD_MIN = 8;

/** @param {{ row: UserRowView, onDone: (text: string) => void }} props */
function PasswordReset({ row, onDone }) {
  const { busy, error, run } = useAction();
  const [password, setPassword] = useState('');
  const [generated, setGenerated] = useState('');
  const reset = (/** @type {boolean} */ generate) =>
    run(async () => {
      const reply = await api.call('admin.passwordReset', generate ? { userId: row.id } : { userId: row.id, password });
      setPassword('');
      setGenerated(generate ? reply.password : '');
      onDone(generate ? `Nytt lösenord för ${row.name} är genererat.` : `Lösenordet för ${row.name} är ändrat.`);
    });
  return html`<section class="card" aria-labelledby="password-title">
    <h2 id="password-title">Lösenord</h2>
    <p class="hint">${row.hasPassword ? 'Kontot har ett lösenord.' : 'Kontot har inget lösenord ännu.'} Demoinloggning; i drift loggar man in med SITHS.</p>
    <div class="field"><label for="new-password">Nytt lösenord (minst ${PASSWORD_MIN} tecken)</label>
      <input id="new-password" type="password" autocomplete="new-password" minLength=${PASSWORD_MIN} maxLength="256"
        value=${password} onInput=${(/** @type {FieldEvent} */ e) => setPassword(e.currentTarget.value)} /></div>
    <div class="actions">
      <button type="button" class="button" disabled=${busy || password.length < PASSWORD_MIN} onClick=${() => reset(false)}>Sätt lösenord</button>
      <button type="button" class="button" disabled=${busy} onClick=${() => reset(true)}>Generera lösenord</button>
    </div>
    ${generated && html`<p class="notice" data-testid="generated-password">Nytt lösenord (visas bara nu): <strong class="mono">${generated}</strong></p>`}
    <p class="error" role="alert">${error}</p>
  </section>`;
}

/** @param {{ row: UserRowView, me: User, onDone: (text: string) => void }} props */
export function AccountActions({ row, me, onDone }) {
  const { busy, error, run } = useAction();
  const act = (/** @type {string} */ op, /** @type {string} */ text) =>
    run(async () => {
      await api.call(op, { userId: row.id });
      onDone(text);
    });
  const off = row.deactivatedMs !== null;
  return html`<section class="card account-actions" aria-labelledby="account-title">
      <h2 id="account-title">Konto</h2>
      ${
        row.dormant &&
        html`<p>Kontot har inte använts på 12 månader och inloggning är spärrad.
        <button type="button" class="button small" disabled=${busy} onClick=${() => act('admin.userReactivate', `${row.name} är återaktiverad.`)}>Återaktivera</button></p>`
      }
      ${
        off
          ? html`<p>Kontot är inaktiverat och kan inte logga in.
              <button type="button" class="button" disabled=${busy} onClick=${() => act('admin.userActivate', `${row.name} kan logga in igen.`)}>Aktivera kontot</button></p>`
          : row.id === me.id
            ? html`<p class="hint">Du kan inte inaktivera ditt eget konto.</p>`
            : html`<p>Ett inaktiverat konto kan inte logga in, och dess öppna sessioner avslutas direkt.
              <button type="button" class="button danger" disabled=${busy} onClick=${() => act('admin.userDeactivate', `${row.name} är inaktiverad; sessionerna är avslutade.`)}>Inaktivera kontot</button></p>`
      }
      <p class="error" role="alert">${error}</p>
    </section>
    <${PasswordReset} row=${row} onDone=${onDone} />`;
}
