// @ts-check
// Lager (Administration): pick an article by number; then its balances and minimum levels per warehouse, a stock
// adjustment with a reason code (admins), and its stock ledger; without an article, the rows under their minimum.
// HMC staff see it read-only: no adjustment form, no minimum editing (the server refuses both to them anyway).
import { html, useState } from '../../lib/html.js';
import { href } from '../../lib/routes.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';
import { BelowMinList } from './below-min-list.js';
import { MinLevels } from './min-levels.js';
import { StockAdjustForm } from './stock-adjust-form.js';
import { StockLedgerTable } from './stock-ledger-table.js';

/** @typedef {import('../../lib/types.d.ts').StockLevelsView} StockLevelsView */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */

/** @param {{ current?: string }} props */
function ArticlePicker({ current = '' }) {
  const [artNo, setArtNo] = useState(current);
  const valid = /^\d{6}$/.test(artNo.trim());
  const open = (/** @type {Event} */ e) => {
    e.preventDefault();
    if (valid) location.hash = href.admin('lager', artNo.trim());
  };
  return html`<form class="inline-form" onSubmit=${open}>
    <label for="lager-artno">Artikelnummer</label>
    <input id="lager-artno" inputmode="numeric" maxlength="6" value=${artNo} onInput=${(/** @type {FieldEvent} */ e) => setArtNo(e.currentTarget.value)} />
    <button type="submit" class="button" disabled=${!valid}>Visa</button>
  </form>`;
}

/** @param {{ artNo: string, readOnly: boolean }} props */
function ArticleStock({ artNo, readOnly }) {
  const [notice, setNotice] = useState('');
  const levels = useQuery('stock.levels', { artNo });
  /** @type {StockLevelsView | null} */
  const data = levels.data;
  if (levels.error) return html`<p class="error" role="alert">${levels.error.message}</p>`;
  if (data === null) return html`<p class="loading" role="status">Hämtar artikel…</p>`;
  const warehouses = data.rows.map((r) => ({ id: r.warehouse, name: r.warehouseName }));
  return html`
    <h2><span class="mono">${artNo}</span> ${data.name}</h2>
    <h3>Saldo och miniminivå per lager</h3>
    <${MinLevels} artNo=${artNo} readOnly=${readOnly} />
    ${!readOnly && html`<${StockAdjustForm} artNo=${artNo} warehouses=${warehouses} onDone=${setNotice} />`}
    <p role="status" data-testid="lager-status">${notice}</p>
    <h3>Lagerhistorik</h3>
    <${StockLedgerTable} artNo=${artNo} warehouses=${warehouses} />`;
}

/** @param {{ param: string | null, readOnly: boolean }} props */
export function LagerScreen({ param, readOnly }) {
  useTitle(param ? `Lager ${param} – Administration` : 'Lager – Administration');
  return html`<section class="admin-lager">
    <h1 tabindex="-1">Lager</h1>
    ${readOnly && html`<p class="hint">Du ser lagret utan att kunna ändra (bara administratörer justerar saldon och miniminivåer).</p>`}
    <${ArticlePicker} key=${param ?? ''} current=${param ?? ''} />
    ${
      param
        ? html`<${ArticleStock} key=${param} artNo=${param} readOnly=${readOnly} />`
        : html`<h2>Under miniminivå</h2><${BelowMinList} />`
    }
  </section>`;
}
