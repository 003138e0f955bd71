// @ts-check
// The schema's field errors of a refused admin.userUpsert (`invalid_request` issues), each named in Swedish by the
// field it is about, so the admin sees which field to fix.
import { html } from '../../lib/html.js';

/** @type {Record<string, string>} */
const FIELD_NAMES = {
  id: 'Id',
  username: 'Användarnamn',
  name: 'Namn',
  profession: 'Yrke',
  roles: 'Roller',
  email: 'E-post',
  phone: 'Telefon',
  hsaId: 'HSA-id',
  workplaces: 'Arbetsplatser',
  customerNo: 'Kundnummer',
  street: 'Leveransadress',
  postalCode: 'Postnummer',
  city: 'Ort',
  bufferWarehouse: 'Buffertlager',
};

/** @type {Record<string, string>} */
const HINTS = {
  username: 'små bokstäver, siffror och . _ @ -',
  customerNo: '4–8 siffror',
  postalCode: 'som 302 45',
  email: 'en giltig e-postadress eller tomt',
  name: 'får inte vara tomt',
};

/**
 * "Arbetsplats 1: Postnummer" for ['user', 'workplaces', 0, 'deliveryAddress', 'postalCode'].
 * @param {Array<string | number>} path
 */
export function fieldName(path) {
  const parts = path.filter((part) => part !== 'user' && part !== 'deliveryAddress');
  const index = parts.findIndex((part) => typeof part === 'number');
  const last = String(parts.at(-1) ?? '');
  const name = FIELD_NAMES[last] ?? last;
  return index === -1 || parts[0] !== 'workplaces' ? name : `Arbetsplats ${Number(parts[index]) + 1}: ${name}`;
}

/** @param {{ issues: unknown }} props */
export function IssueList({ issues }) {
  if (!Array.isArray(issues) || issues.length === 0) return null;
  const list = /** @type {Array<{ path: Array<string | number>, message: string }>} */ (issues);
  return html`<ul class="error issue-list" data-testid="user-issues">
    ${list.map((issue) => {
      const last = String(issue.path.at(-1) ?? '');
      return html`<li>${fieldName(issue.path)}: ${HINTS[last] ?? 'ogiltigt värde'}</li>`;
    })}
  </ul>`;
}
