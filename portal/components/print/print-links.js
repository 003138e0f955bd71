// @ts-check
// "Skriv ut" links into the printable documents, one small component per screen that offers one (the patient page,
// the Ordinationsöversikt, the Orderflöde and the Plocklista insert them with one line each).
import { html } from '../../lib/html.js';
import { href } from '../../lib/routes.js';

/** On the patient page: the return document of the patient's devices. @param {{ pnr: string }} props */
export function PrintReturnLink({ pnr }) {
  return html`<p class="print-link"><a class="button" href=${href.utskriftRetur(pnr)} data-testid="print-return-link">Skriv ut returdokument</a>
    <span class="hint">Bifogas med vita returlappen.</span></p>`;
}

/**
 * For HMC staff: the packing slip of an order; `inline` in a row of actions, else a paragraph of its own.
 * @param {{ orderNo: number, inline?: boolean }} props
 */
export function PrintSlipLink({ orderNo, inline = false }) {
  const link = html`<a class=${inline ? 'button small' : 'button'} href=${href.utskriftFoljesedel(orderNo)} data-testid="print-slip-link"
    aria-label=${`Skriv ut följesedel för order ${orderNo}`}>Skriv ut följesedel</a>`;
  return inline ? link : html`<p class="print-link">${link}</p>`;
}

/** For HMC staff: the picking list to print. */
export function PrintPickingListLink() {
  return html`<p class="print-link"><a class="button" href=${href.utskriftPlocklista()} data-testid="print-picking-link">Skriv ut plocklista</a>
    <span class="hint">Raderna att plocka per lager och plockdatum, med kryssrutor.</span></p>`;
}
