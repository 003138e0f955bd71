// @ts-check
// Lagerhistorik: an article's stock movements newest first (every warehouse, or one), each with time, user, cause and
// reason, order or pickup number, the change and the balance after; "Visa äldre" pages back by cursor. Live: a push on
// stock/<artNo> reads the first page again.
import { html, useState } from '../../lib/html.js';
import { dateTime } from '../../lib/format.js';
import { href } from '../../lib/routes.js';
import { causeLabel, reasonLabel, signed } from '../../lib/stock-admin.js';
import { usePagedQuery } from '../../lib/use-paged-query.js';

/** @typedef {import('../../lib/types.d.ts').LedgerPageView} LedgerPageView */
/** @typedef {LedgerPageView['lines'][number]} LedgerLine */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */

const PAGE = 50;

/** @param {{ line: LedgerLine }} props */
function Reference({ line }) {
  if (line.orderNo !== null) return html`<a href=${href.order(line.orderNo)}>Order ${line.orderNo}</a>`;
  if (line.pickupNo !== null) return html`Hämtorder ${line.pickupNo}`;
  return '–';
}

/** @param {{ line: LedgerLine }} props */
function Row({ line }) {
  const change = [
    line.onHandDelta !== 0 ? `saldo ${signed(line.onHandDelta)}` : '',
    line.reservedDelta !== 0 ? `res. ${signed(line.reservedDelta)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return html`<tr>
    <td>${dateTime(line.timeMs)}</td><td class="mono">${line.warehouse}</td>
    <td>${causeLabel(line.cause)}${line.reason !== null ? html`: ${reasonLabel(line.reason)}` : ''}${line.note ? html`<br /><span class="hint">${line.note}</span>` : ''}</td>
    <td><${Reference} line=${line} /></td><td>${change}</td>
    <td class="num">${line.onHandAfter ?? '?'}</td><td class="num">${line.reservedAfter ?? '?'}</td><td class="mono">${line.userId}</td>
  </tr>`;
}

/** @param {{ artNo: string, warehouses: Array<{ id: string }> }} props */
export function StockLedgerTable({ artNo, warehouses }) {
  const [warehouse, setWarehouse] = useState('');
  const args = warehouse === '' ? { artNo, limit: PAGE } : { artNo, warehouse, limit: PAGE };
  const ledger = usePagedQuery(
    'stock.ledger',
    args,
    (/** @type {LedgerPageView} */ page) => page.lines,
    `stock/${artNo}`,
  );
  return html`<section class="stock-ledger" data-testid="stock-ledger">
    <div class="field narrow"><label for="ledger-warehouse">Visa lager</label>
      <select id="ledger-warehouse" value=${warehouse} onChange=${(/** @type {FieldEvent} */ e) => setWarehouse(e.currentTarget.value)}>
        <option value="">Alla lager</option>
        ${warehouses.map((w) => html`<option key=${w.id} value=${w.id}>${w.id}</option>`)}
      </select></div>
    ${ledger.error && html`<p class="error" role="alert">${ledger.error}</p>`}
    ${
      ledger.loading
        ? html`<p class="loading" role="status">Hämtar lagerhistorik…</p>`
        : ledger.items.length === 0
          ? html`<p>Inga saldoändringar ännu.</p>`
          : html`<div class="table-scroll"><table class="data-table">
            <thead><tr><th>Tid</th><th>Lager</th><th>Händelse</th><th>Referens</th><th>Ändring</th><th class="num">Saldo efter</th><th class="num">Res. efter</th><th>Användare</th></tr></thead>
            <tbody>${ledger.items.map((line) => html`<${Row} key=${`${line.seq}:${line.warehouse}:${line.cause}:${line.orderNo}`} line=${line} />`)}</tbody>
          </table></div>`
    }
    ${ledger.next !== null && html`<button type="button" class="button" disabled=${ledger.busy} onClick=${ledger.loadMore}>${ledger.busy ? 'Hämtar…' : 'Visa äldre'}</button>`}
  </section>`;
}
