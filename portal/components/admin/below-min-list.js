// @ts-check
// Under miniminivå: the stock rows whose available quantity is below their minimum level, by article and warehouse,
// each linked to its article in Lager.
import { html } from '../../lib/html.js';
import { href } from '../../lib/routes.js';
import { usePagedQuery } from '../../lib/use-paged-query.js';

/** @typedef {import('../../lib/types.d.ts').BelowMinView} BelowMinView */

const PAGE = 50;

export function BelowMinList() {
  const list = usePagedQuery('stock.belowMin', { limit: PAGE }, (/** @type {BelowMinView} */ page) => page.rows);
  if (list.error) return html`<p class="error" role="alert">${list.error}</p>`;
  if (list.loading) return html`<p class="loading" role="status">Hämtar…</p>`;
  if (list.items.length === 0) return html`<p data-testid="below-min">Inga artiklar är under sin miniminivå.</p>`;
  return html`<div class="table-scroll" data-testid="below-min"><table class="data-table">
      <thead><tr><th>Artikel</th><th>Lager</th><th class="num">Tillgängligt</th><th class="num">Miniminivå</th></tr></thead>
      <tbody>
        ${list.items.map(
          (row) => html`<tr key=${`${row.artNo}:${row.warehouse}`}>
            <td><a href=${href.admin('lager', row.artNo)}><span class="mono">${row.artNo}</span> ${row.name}</a></td>
            <td class="mono">${row.warehouse}</td><td class="num">${row.available}</td><td class="num">${row.minLevel}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>
    ${list.next !== null && html`<button type="button" class="button" disabled=${list.busy} onClick=${list.loadMore}>Visa fler</button>`}`;
}
