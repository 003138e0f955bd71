// @ts-check
// The return from OIDC sign-in: the engine's callback redirects to /#inloggning-kod=<one-time code> or
// /#inloggning-fel=<reason>. Read once at start, before the router sees it, and removed from the address bar and the
// history, so the code is never bookmarked or shared.

import * as api from './api.js';

/** @typedef {import('./types.d.ts').User} User */

const CODE = 'inloggning-kod=';
const FAILURE = 'inloggning-fel=';

/** Why the IdP sign-in was refused, in Swedish, per reason the engine names. */
const FAILURE_TEXT = /** @type {Record<string, string>} */ ({
  unknown_user:
    'Ditt HSA-id är inte kopplat till någon användare i Aidstock. Kontakta Hjälpmedelscentrum för att få behörighet.',
  account_inactive:
    'Kontot har inte använts på 12 månader och är spärrat. Be Hjälpmedelscentrums administratör att återaktivera det.',
  // Issue 14: an admin deactivated the account.
  account_deactivated: 'Kontot är avstängt. Kontakta Hjälpmedelscentrums administratör.',
  state: 'Inloggningen hade gått ut eller startades inte härifrån. Försök igen.',
  rejected: 'Inloggningen kunde inte verifieras. Försök igen.',
  no_claim: 'Inloggningstjänsten angav inget HSA-id. Kontakta Hjälpmedelscentrum.',
  idp_unavailable: 'Ingen kontakt med inloggningstjänsten. Försök igen om en stund.',
});

/**
 * The code or the failure text of a sign-in return in the current URL, or null; clears it from the URL.
 * @returns {{ code: string } | { failure: string } | null}
 */
export function takeSignInReturn() {
  const hash = location.hash.slice(1);
  const isCode = hash.startsWith(CODE);
  if (!isCode && !hash.startsWith(FAILURE)) return null;
  history.replaceState(null, '', `${location.pathname}#/`);
  if (isCode) return { code: hash.slice(CODE.length) };
  const reason = hash.slice(FAILURE.length);
  return { failure: FAILURE_TEXT[reason] ?? 'Inloggningen misslyckades. Försök igen.' };
}

/**
 * Which sign-in methods the engine offers (GET /auth/config).
 * @typedef {{ password: boolean, oidc: boolean, idpName: string | null }} AuthConfig
 * @returns {Promise<AuthConfig>}
 */
export async function fetchAuthConfig() {
  const response = await fetch('/auth/config', { cache: 'no-store' });
  if (!response.ok) throw new Error(`auth config: ${response.status}`);
  return /** @type {AuthConfig} */ (await response.json());
}

/**
 * The tab's first session: the OIDC return's (exchanging its code), else the stored one resumed; with the notice the
 * login page shows when there is none.
 * @param {{ code: string } | { failure: string } | null} signInReturn
 * @returns {Promise<{ user: User | null, notice: string }>}
 */
export async function firstSession(signInReturn) {
  if (signInReturn === null) return { user: await api.resume(), notice: '' };
  if ('failure' in signInReturn) return { user: null, notice: signInReturn.failure };
  try {
    return { user: await api.exchange(signInReturn.code), notice: '' };
  } catch {
    return { user: null, notice: 'Inloggningen hade gått ut. Logga in igen.' };
  }
}
