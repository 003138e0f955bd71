// @ts-check
// An account's status as the user screens show it (Aktiv, Oanvänt 12 mån, Inaktiverat) and the Swedish role names.
import { html } from '../../lib/html.js';

/** @typedef {import('../../lib/types.d.ts').UserRowView} UserRowView */

/** @type {Record<string, string>} */
export const ROLE_LABELS = {
  prescriber: 'Förskrivare',
  staff: 'HMC-personal',
  admin: 'Administratör',
  logReviewer: 'Loggranskare',
};

/** @param {{ row: UserRowView }} props */
export function StatusBadge({ row }) {
  if (row.deactivatedMs !== null)
    return html`<span class="badge badge-off" data-status="deactivated">Inaktiverat</span>`;
  if (row.dormant)
    return html`<span class="badge badge-flag" data-status="dormant" title="Inte använt på 12 månader; inloggning spärrad">Oanvänt 12 mån</span>`;
  return html`<span class="badge badge-ok" data-status="active">Aktivt</span>`;
}
