// @ts-check
// Login page: "Logga in med SITHS" (the region's identity provider) when the engine has OIDC configured, and the
// password form with the demo users only when password sign-in is on (demo data). The engine says which
// (GET /auth/config); the page waits for it, so it never offers a method the engine would refuse.
import { html, useState, useEffect, useRef } from '../lib/html.js';
import { useAction } from '../lib/use-action.js';
import { useTitle } from '../lib/use-title.js';
import * as api from '../lib/api.js';
import { fetchAuthConfig } from '../lib/sign-in-return.js';

/** @typedef {import('../lib/types.d.ts').User} User */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

/** @typedef {import('../lib/sign-in-return.js').AuthConfig} AuthConfig */

const DEMO_USERS = ['ot1', 'pt1', 'slp1', 'nurse1', 'hmc1', 'admin', 'log1'];

/** When /auth/config cannot be read: the password form, which answers for itself if it is off. */
const FALLBACK_CONFIG = { password: true, oidc: false, idpName: null };

/** @param {unknown} error  an ApiError or what login threw */
function messageFor(error) {
  const { code, message } = /** @type {{ code?: string, message?: string }} */ (error ?? {});
  if (code === 'bad_credentials') return 'Fel användarnamn eller lösenord.';
  if (code === 'invalid_request') return 'Fyll i både användarnamn och lösenord.';
  if (code === 'connection_lost' || code === 'timeout') return 'Ingen kontakt med servern. Försök igen om en stund.';
  return message || 'Inloggningen misslyckades.';
}

/** @param {{ onLogin: (user: User) => void, primary: boolean }} props */
function PasswordForm({ onLogin, primary }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useAction();
  const userField = useRef(/** @type {HTMLInputElement | null} */ (null));
  useEffect(() => {
    if (primary) userField.current?.focus();
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
  const invalid = error ? 'true' : undefined;
  const describedBy = error ? 'login-error' : undefined;

  return html`
    <form onSubmit=${submit} noValidate>
      <div class="field">
        <label for="login-username">Användarnamn</label>
        <input id="login-username" name="username" ref=${userField} autocomplete="username" autocapitalize="none"
          spellcheck="false" value=${username} onInput=${(/** @type {FieldEvent} */ e) => setUsername(e.currentTarget.value)}
          aria-invalid=${invalid} aria-describedby=${describedBy} />
      </div>
      <div class="field">
        <label for="login-password">Lösenord</label>
        <input id="login-password" name="password" type="password" autocomplete="current-password"
          value=${password} onInput=${(/** @type {FieldEvent} */ e) => setPassword(e.currentTarget.value)}
          aria-invalid=${invalid} aria-describedby=${describedBy} />
      </div>
      <p id="login-error" class="error" role="alert">${error}</p>
      <button type="submit" class=${primary ? 'button primary' : 'button'} disabled=${busy}>${busy ? 'Loggar in…' : 'Logga in'}</button>
    </form>
    <aside class="demo-hint" aria-label="Demoanvändare">
      <h2>Demoanvändare</h2>
      <p>Användarnamn: ${DEMO_USERS.map((name, i) => html`${i > 0 ? ', ' : ''}<code>${name}</code>`)}. Lösenord för alla: <code>demo</code>.</p>
    </aside>`;
}

/** @param {{ onLogin: (user: User) => void, notice: string }} props */
export function LoginPage({ onLogin, notice }) {
  const [config, setConfig] = useState(/** @type {AuthConfig | null} */ (null));
  useTitle('Logga in – Aidstock');
  useEffect(() => {
    fetchAuthConfig().then(setConfig, () => setConfig(FALLBACK_CONFIG));
  }, []);
  if (config === null) return html`<section class="login card" aria-busy="true"></section>`;
  const idp = config.oidc ? (config.idpName ?? 'SITHS') : null;

  return html`
    <section class="login card" aria-labelledby="login-title">
      <h1 id="login-title">Logga in</h1>
      <p class="lead">Förskrivning av hjälpmedel, Hjälpmedelscentrum Region Halland.</p>
      ${notice && html`<p class="notice" role="status">${notice}</p>`}
      ${idp && html`<p class="idp-sign-in"><a class="button primary" href="/auth/login">Logga in med ${idp}</a></p>`}
      ${idp && config.password && html`<p class="login-or">eller med demolösenord</p>`}
      ${config.password && html`<${PasswordForm} onLogin=${onLogin} primary=${idp === null} />`}
      ${!idp && !config.password && html`<p class="error" role="alert">Ingen inloggningsmetod är aktiverad. Kontakta Hjälpmedelscentrum.</p>`}
    </section>`;
}
