// @ts-check
// Restorder in the Plocklista (issue 14, HMC oversight): every backorder line with what it waits for — article,
// quantity, warehouse, its place in the article's queue (served strictly oldest first), how many units are missing,
// units on their way back in open pickups — and its age with the flag. Read again after every order push.
import { html } from '../lib/html.js';
import { useQuery } from '../lib/use-query.js';
import { href } from '../lib/routes.js';
import { errorText } from '../lib/order-errors.js';
import { AgeFlag } from './oversight-flag.js';

/** @typedef {import('../lib/types.d.ts').BackorderView} BackorderView */

/** @param {{ line: BackorderView, onlyFlagged: boolean }} props */
function BackorderRow({ line: b, onlyFlagged }) {
  if (onlyFlagged && !b.flagged) return null;
  return html`
    <tr class=${b.flagged ? 'flagged' : undefined} data-testid="backorder-row" data-orderno=${b.orderNo} data-flagged=${b.flagged ? 'true' : 'false'}>
      <td><a href=${href.order(b.orderNo)} class="mono">${b.orderNo}</a><span class="hint"> rad ${b.lineNo}</span></td>
      <td><span class="mono">${b.artNo}</span> ${b.name}</td>
      <td class="num">${b.quantity}</td>
      <td>${b.warehouse}</td>
      <td data-testid="backorder-position">${b.position} av ${b.queueLength}${b.aheadQuantity > 0 ? html`<span class="hint"> (${b.aheadQuantity} st före)</span>` : ''}</td>
      <td class="num" data-testid="backorder-short">${b.short}</td>
      <td class="num">${b.available}</td>
      <td>${b.inboundReturns === null ? '–' : b.inboundReturns === 0 ? 'Inga' : `${b.inboundReturns} st i hämtorder`}</td>
      <td class="nowrap"><${AgeFlag} days=${b.ageWorkingDays} flagged=${b.flagged} flagText="Ej plockad" /></td>
    </tr>`;
}

/** @param {{ onlyFlagged: boolean }} props */
export function BackorderList({ onlyFlagged }) {
  const query = useQuery('fulfil.backorders', {}, { topic: 'orders', keepData: true });
  const data = /** @type {{ total: number, backorders: BackorderView[] } | null} */ (query.data);
  return html`
    <section class="card" aria-labelledby="backorders-title" data-testid="backorders">
      <div class="section-head">
        <h2 id="backorders-title">Restorder <span class="count-badge">${data?.total ?? 0}</span></h2>
        <p class="hint">Rader som väntar på lager, i den ordning de betjänas (äldsta order först).</p>
      </div>
      ${query.error && html`<p class="error" role="alert">${errorText(query.error)}</p>`}
      ${data === null && !query.error && html`<p class="loading" role="status">Hämtar restorder…</p>`}
      ${data !== null && data.backorders.length === 0 && html`<p class="empty">Inga restorder.</p>`}
      ${
        data !== null &&
        data.backorders.length > 0 &&
        html`
        <div class="table-wrap">
          <table class="data-table backorders">
            <caption class="visually-hidden">Restorder och vad de väntar på</caption>
            <thead><tr>
              <th scope="col">Order</th><th scope="col">Artikel</th><th scope="col">Antal</th><th scope="col">Lager</th>
              <th scope="col">Plats i kön</th><th scope="col">Saknas</th><th scope="col">Ledigt i lager</th>
              <th scope="col">På väg tillbaka</th><th scope="col">Ålder</th>
            </tr></thead>
            <tbody>${data.backorders.map((b) => html`<${BackorderRow} key=${`${b.orderNo}-${b.lineNo}`} line=${b} onlyFlagged=${onlyFlagged} />`)}</tbody>
          </table>
        </div>`
      }
    </section>`;
}
