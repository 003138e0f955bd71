// @ts-check
// Eget förråd (issue 15, returns): the acting workplace's buffer, article by article: what can be prescribed (available)
// and, apart, the units kept after de-registrations ("Sparade, ej förskrivningsbara"), which never count as balance.
import { html } from '../../lib/html.js';
import { href } from '../../lib/routes.js';

/** @typedef {import('../../lib/types.d.ts').BufferRow} BufferRow */

/** @param {{ warehouse: string, rows: BufferRow[] }} props */
export function BufferStock({ warehouse, rows }) {
  if (rows.length === 0) return html`<p>Förrådet ${warehouse} är tomt.</p>`;
  return html`<div class="table-wrap">
    <table class="data-table compact" data-testid="buffer-stock">
      <caption>Förråd ${warehouse}</caption>
      <thead><tr><th scope="col">Artikel</th><th scope="col">Benämning</th>
        <th scope="col" class="num">Förskrivningsbart</th><th scope="col" class="num">Sparade, ej förskrivningsbara</th></tr></thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr key=${r.artNo} data-artno=${r.artNo}>
            <td><a class="mono" href=${href.artikel(r.artNo)}>${r.artNo}</a></td>
            <td>${r.name}</td>
            <td class="num" data-testid="buffer-available">${r.available}</td>
            <td class="num" data-testid="buffer-kept">${r.kept}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
