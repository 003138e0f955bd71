// @ts-check
// Utskrift: the printable documents by route — '#/utskrift/retur/<pnr>' (returdokument), '#/utskrift/foljesedel/<orderNo>'
// (följesedel) and '#/utskrift/plocklista'. Each is a clean document view; the print stylesheet (styles.css, part
// "print") leaves out the portal's menus, buttons and live regions and prints it on A4.
import { html } from '../../lib/html.js';
import { ReturnDocument } from './return-document.js';
import { PackingSlip } from './packing-slip.js';
import { PickingListDocument } from './picking-list.js';

/** @typedef {import('../../lib/types.d.ts').User} User */

/** @param {{ user: User, doc: 'retur' | 'foljesedel' | 'plocklista', param: string | null }} props */
export function PrintPage({ user, doc, param }) {
  switch (doc) {
    case 'retur':
      return html`<${ReturnDocument} user=${user} pnr=${param ?? ''} />`;
    case 'foljesedel':
      return html`<${PackingSlip} user=${user} orderNo=${Number(param)} />`;
    case 'plocklista':
      return html`<${PickingListDocument} user=${user} />`;
    default:
      throw new Error(`unknown document ${/** @type {never} */ (doc)}`);
  }
}
