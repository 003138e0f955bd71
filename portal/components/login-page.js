// @ts-check
// Login page: Användarnamn, Lösenord, Logga in; shows bad credentials and the demo users.
import { html, useState, useEffect, useRef } from '../lib/html.js';
import { useAction } from '../lib/use-action.js';
import { useTitle } from '../lib/use-title.js';
import * as api from '../lib/api.js';

/** @typedef {import('../lib/types.d.ts').User} User */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const DEMO_USERS = ['ot1', 'pt1', 'slp1', 'nurse1', 'hmc1', 'admin'];

/** @param {unknown} error  an ApiError or what login threw */
function messageFor(error) {
  const { code, message } = /** @type {{ code?: string, message?: string }} */ (error ?? {});
  if (code === 'bad_credentials') return 'Fel användarnamn eller lösenord.';
  if (code === 'invalid_request') return 'Fyll i både användarnamn och lösenord.';
  if (code === 'connection_lost' || code === 'timeout') return 'Ingen kontakt med servern. Försök igen om en stund.';
  return message || 'Inloggningen misslyckades.';
}

/** @param {{ onLogin: (user: User) => void, notice: string }} props */
export function LoginPage({ onLogin, notice }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useAction();
  const userField = useRef(/** @type {HTMLInputElement | null} */ (null));
  useTitle('Logga in – Aidstock');
  useEffect(() => {
    userField.current?.focus();
  }, []);

  const submit = async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    if (busy) return;
    if (username.trim() === '' || password === '') {
      setError('Fyll i både användarnamn och lösenord.');
      return;
    }
    const user = await run(
      () => api.login(username.trim(), password),
      (failure) => setError(messageFor(failure)),
    );
    if (user !== undefined) onLogin(user);
  };

  return html`
    <section class="login card" aria-labelledby="login-title">
      <h1 id="login-title">Logga in</h1>
      <p class="lead">Förskrivning av hjälpmedel, Hjälpmedelscentrum Region Halland.</p>
      ${notice && html`<p class="notice" role="status">${notice}</p>`}
      <form onSubmit=${submit} noValidate>
        <div class="field">
          <label for="login-username">Användarnamn</label>
          <input id="login-username" name="username" ref=${userField} autocomplete="username" autocapitalize="none"
            spellcheck="false" value=${username} onInput=${(/** @type {FieldEvent} */ e) => setUsername(e.currentTarget.value)}
            aria-invalid=${error ? 'true' : undefined} aria-describedby=${error ? 'login-error' : undefined} />
        </div>
        <div class="field">
          <label for="login-password">Lösenord</label>
          <input id="login-password" name="password" type="password" autocomplete="current-password"
            value=${password} onInput=${(/** @type {FieldEvent} */ e) => setPassword(e.currentTarget.value)}
            aria-invalid=${error ? 'true' : undefined} aria-describedby=${error ? 'login-error' : undefined} />
        </div>
        <p id="login-error" class="error" role="alert">${error}</p>
        <button type="submit" class="button primary" disabled=${busy}>${busy ? 'Loggar in…' : 'Logga in'}</button>
      </form>
      <aside class="demo-hint" aria-label="Demoanvändare">
        <h2>Demoanvändare</h2>
        <p>Användarnamn: ${DEMO_USERS.map((name, i) => html`${i > 0 ? ', ' : ''}<code>${name}</code>`)}. Lösenord för alla: <code>demo</code>.</p>
      </aside>
    </section>`;
}
