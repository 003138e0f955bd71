// @ts-check
// Miniminivåer: an article's balance and minimum level in every warehouse (buffers included), the minimum editable by
// admins (0 clears it). Self-contained: Lager shows it, and the article form embeds it with the article number.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { useAction } from '../../lib/use-action.js';
import { useQuery } from '../../lib/use-query.js';

/** @typedef {import('../../lib/types.d.ts').StockLevelsView} StockLevelsView */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */
/** @typedef {StockLevelsView['rows'][number]} LevelRow */

/** @param {{ artNo: string, row: LevelRow, onSaved: (text: string) => void }} props */
function MinLevelEditor({ artNo, row, onSaved }) {
  const [value, setValue] = useState(String(row.minLevel));
  const { busy, error, run } = useAction();
  const id = `min-${artNo}-${row.warehouse}`;
  const level = Number(value);
  const valid = value.trim() !== '' && Number.isInteger(level) && level >= 0 && level <= 1_000_000;
  const save = (/** @type {Event} */ e) => {
    e.preventDefault();
    if (!valid) return;
    run(async () => {
      await api.call('admin.stockMinSet', { warehouse: row.warehouse, artNo, minLevel: level });
      onSaved(
        level === 0 ? `Miniminivån i ${row.warehouse} är borttagen.` : `Miniminivån i ${row.warehouse} är ${level}.`,
      );
    });
  };
  return html`<form class="inline-form" onSubmit=${save}>
    <label class="visually-hidden" for=${id}>Miniminivå i lager ${row.warehouse}</label>
    <input id=${id} class="narrow-number" type="number" min="0" step="1" value=${value}
      onInput=${(/** @type {FieldEvent} */ e) => setValue(e.currentTarget.value)} aria-invalid=${!valid} />
    <button type="submit" class="button small" disabled=${busy || !valid || level === row.minLevel}>Spara</button>
    ${error && html`<span class="error" role="alert">${error}</span>`}
  </form>`;
}

/** A warehouse worth listing by default: not a buffer, or a buffer that holds the article or has a level for it. */
function isRelevant(/** @type {LevelRow} */ row) {
  return row.warehouseKind !== 'buffer' || row.onHand > 0 || row.reserved > 0 || row.minLevel > 0;
}

/** @param {{ artNo: string, readOnly: boolean }} props */
export function MinLevels({ artNo, readOnly }) {
  const [status, setStatus] = useState('');
  // A region has a buffer store per care unit (over a hundred): by default only the warehouses that matter for this
  // article are listed — not buffers, or buffers that hold it or have a level — and the rest behind a button.
  const [allShown, setAllShown] = useState(false);
  const query = useQuery('stock.levels', { artNo }, { topic: `stock/${artNo}`, keepData: true });
  const saved = (/** @type {string} */ text) => {
    setStatus(text);
    query.reload();
  };
  /** @type {StockLevelsView | null} */
  const data = query.data;
  if (query.error) return html`<p class="error" role="alert">Kunde inte hämta saldon: ${query.error.message}</p>`;
  if (data === null) return html`<p class="loading" role="status">Hämtar saldon…</p>`;
  const shown = allShown ? data.rows : data.rows.filter(isRelevant);
  const hidden = data.rows.length - shown.length;
  return html`<div class="min-levels" data-testid="min-levels">
    <div class="table-scroll"><table class="data-table">
      <thead><tr><th>Lager</th><th class="num">Saldo</th><th class="num">Reserverat</th><th class="num">Tillgängligt</th><th>Miniminivå</th></tr></thead>
      <tbody>
        ${shown.map(
          (
            row,
          ) => html`<tr key=${row.warehouse} class=${row.minLevel > 0 && row.available < row.minLevel ? 'below-min' : ''}>
            <td><span class="mono">${row.warehouse}</span> ${row.warehouseName}</td>
            <td class="num">${row.onHand}</td><td class="num">${row.reserved}</td><td class="num">${row.available}</td>
            <td>${readOnly ? (row.minLevel > 0 ? row.minLevel : '–') : html`<${MinLevelEditor} key=${`${row.warehouse}:${row.minLevel}`} artNo=${artNo} row=${row} onSaved=${saved} />`}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>
    ${
      hidden > 0 &&
      html`<p><button type="button" class="button" onClick=${() => setAllShown(true)} data-testid="min-levels-all">
        Visa alla lager (${hidden} buffertförråd utan saldo eller miniminivå till)</button></p>`
    }
    <p role="status" class="hint">${status}</p>
  </div>`;
}
