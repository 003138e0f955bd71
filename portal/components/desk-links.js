// @ts-check
// The desk's entry points from other screens (issue 15, desk): "Ny anteckning" (Mina anteckningar) and "Rapportera
// avvikelse", each a link into Uppföljning with what it is about filled in. Each screen inserts one of these with one
// line; each renders its own paragraph, or nothing for a user who may not use it.
import { html } from '../lib/html.js';
import { href } from '../lib/routes.js';
import { isPrescriber, isStaff } from '../lib/format.js';

/** @typedef {import('../lib/types.d.ts').User} User */

/** @param {Record<string, string>} query */
function noteAnchor(query) {
  return html`<a class="desk-link" data-testid="new-note-link" href=${href.uppfoljning('anteckningar', 'ny', query)}>Ny anteckning</a>`;
}

/** @param {Record<string, string | number>} context individ, artikel, pnr, ao (work order), hamtorder (pickup) */
function deviationAnchor(context) {
  /** @type {Record<string, string>} */
  const query = {};
  for (const [key, value] of Object.entries(context)) query[key] = String(value);
  return html`<a class="desk-link" data-testid="deviation-link" href=${href.uppfoljning('avvikelser', 'ny', query)}>Rapportera avvikelse</a>`;
}

/**
 * The filing form, opened from where the deviation was met (prescribers and HMC staff; without `user`, the screen
 * is one only they open).
 * @param {{ user?: User, context: Record<string, string | number> }} props
 */
export function DeviationLink({ user, context }) {
  if (user !== undefined && !isPrescriber(user) && !isStaff(user)) return null;
  return html`<p class="desk-links">${deviationAnchor(context)}</p>`;
}

/**
 * A prescriber's new note about an order.
 * @param {{ user: User, orderNo: number }} props
 */
export function OrderNoteLink({ user, orderNo }) {
  if (!isPrescriber(user)) return null;
  return html`<p class="desk-links">${noteAnchor({ order: String(orderNo) })}</p>`;
}

/**
 * The patient page's desk links: a note about the patient (prescribers) and a deviation report about them.
 * @param {{ user: User, pnr: string }} props
 */
export function PatientDeskLinks({ user, pnr }) {
  const note = isPrescriber(user);
  const deviation = note || isStaff(user);
  if (!note && !deviation) return null;
  return html`<p class="desk-links">${note && noteAnchor({ pnr })} ${deviation && deviationAnchor({ pnr })}</p>`;
}
