// @ts-check
// The links under the brukarinformation (the legacy portal's "Länkar under brukarinformation"): each moves to its
// section of the patient page and focuses its heading. Routing uses the hash, so a plain #anchor would change the route;
// the links keep the patient's own address as href (open in a new tab = the same patient) and scroll on click.
import { html } from '../lib/html.js';
import { href } from '../lib/routes.js';
import { isPrescriber } from '../lib/format.js';

/** @typedef {import('../lib/types.d.ts').User} User */

/** Section ids on the patient page; the sections' headings carry them. */
export const PATIENT_SECTIONS = {
  devices: 'patient-devices-heading',
  workOrders: 'patient-ao-heading',
  components: 'patient-components-heading',
};

/** @param {string} id */
function jumpTo(id) {
  const target = document.getElementById(id);
  if (target === null) return;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

/** @param {{ pnr: string, user: User, workOrders: number, components: number }} props */
export function PatientLinks({ pnr, user, workOrders, components }) {
  const self = href.hjalpmedel(pnr);
  const link = (/** @type {string} */ id, /** @type {string} */ text) =>
    html`<li><a href=${self} onClick=${(/** @type {MouseEvent} */ e) => {
      e.preventDefault();
      jumpTo(id);
    }}>${text}</a></li>`;
  return html`
    <nav class="patient-links" aria-label="Brukarinformation" data-testid="patient-links">
      <ul>
        ${link(PATIENT_SECTIONS.devices, 'Hjälpmedel')}
        ${link(PATIENT_SECTIONS.workOrders, `Registrerade AO (${workOrders})`)}
        ${link(PATIENT_SECTIONS.components, `Komponenter på väg (${components})`)}
        ${isPrescriber(user) && html`<li><a href=${href.arbetsorder()}>Ny arbetsorder</a></li>`}
      </ul>
    </nav>`;
}
