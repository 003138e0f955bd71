// @ts-check
// Loggranskning (log reviewers only): Logguttag per brukare, Användares åtkomster and Stickprov, one tab each.
import { html } from '../lib/html.js';
import { useTitle } from '../lib/use-title.js';
import { href } from '../lib/routes.js';
import { isLogReviewer } from '../lib/access-log.js';
import { AccessQueryPanel } from './access-query-panel.js';
import { AccessSamplePanel } from './access-sample-panel.js';

/** @typedef {import('../lib/types.d.ts').User} User */
/** @typedef {'brukare' | 'anvandare' | 'stickprov'} LogView */

/** @type {Record<LogView, string>} */
const TITLES = { brukare: 'Logguttag per brukare', anvandare: 'Användares åtkomster', stickprov: 'Stickprov' };

/** @param {{ user: User, view: LogView }} props */
export function LogReviewPage({ user, view }) {
  useTitle(`${TITLES[view]} – Loggranskning – Aidstock`);
  if (!isLogReviewer(user))
    return html`<h1 tabindex="-1">Loggranskning</h1><p class="error" role="alert">Bara loggranskare kan granska åtkomstloggen.</p>`;
  return html`
    <h1 tabindex="-1">Loggranskning</h1>
    <nav class="tabs" aria-label="Loggranskning">
      ${
        /** @type {LogView[]} */ (['brukare', 'anvandare', 'stickprov']).map(
          (v) =>
            html`<a key=${v} href=${href.loggranskning(v)} aria-current=${v === view ? 'page' : undefined}>${TITLES[v]}</a>`,
        )
      }
    </nav>
    <h2>${TITLES[view]}</h2>
    ${view === 'brukare' && html`<${AccessQueryPanel} key="patient" kind="patient" />`}
    ${view === 'anvandare' && html`<${AccessQueryPanel} key="user" kind="user" />`}
    ${view === 'stickprov' && html`<${AccessSamplePanel} />`}`;
}
