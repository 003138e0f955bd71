// @ts-check
// Saldojustering: change an article's onHand in any warehouse (buffers included) with a reason code and a note, through
// admin.stockAdjust. Rental articles get or lose individuals as the server decides; the reply names them.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { STOCK_REASONS } from '../../lib/stock-admin.js';
import { useAction } from '../../lib/use-action.js';

/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */
/** @typedef {{ id: string, name: string }} WarehouseOption */

const NOTE_CHARS_MAX = 200;

/** @param {{ artNo: string, warehouses: WarehouseOption[], onDone: (text: string) => void }} props */
export function StockAdjustForm({ artNo, warehouses, onDone }) {
  const [warehouse, setWarehouse] = useState(warehouses[0]?.id ?? '10');
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('inventory');
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const amount = Number(delta);
  const valid = delta.trim() !== '' && Number.isInteger(amount) && amount !== 0;
  const submit = (/** @type {Event} */ e) => {
    e.preventDefault();
    if (!valid) return;
    run(async () => {
      const result = await api.call('admin.stockAdjust', {
        warehouse,
        artNo,
        delta: amount,
        reason,
        note: note.trim(),
      });
      const served = result.backordersServed > 0 ? ` ${result.backordersServed} restorder tilldelades.` : '';
      onDone(`Saldot i lager ${warehouse} är nu ${result.onHand}.${served}`);
      setDelta('');
      setNote('');
    });
  };
  const on = (/** @type {(v: string) => void} */ set) => (/** @type {FieldEvent} */ e) => set(e.currentTarget.value);
  return html`<form class="stock-adjust card" onSubmit=${submit} data-testid="stock-adjust">
    <h3>Justera saldo</h3>
    <div class="field-row">
      <div class="field narrow"><label for="adj-warehouse">Lager</label>
        <select id="adj-warehouse" value=${warehouse} onChange=${on(setWarehouse)}>
          ${warehouses.map((w) => html`<option key=${w.id} value=${w.id}>${w.id} ${w.name}</option>`)}
        </select></div>
      <div class="field narrow"><label for="adj-delta">Ändring (st, + eller −)</label>
        <input id="adj-delta" type="number" step="1" value=${delta} onInput=${on(setDelta)} aria-invalid=${delta !== '' && !valid} /></div>
      <div class="field narrow"><label for="adj-reason">Orsak</label>
        <select id="adj-reason" value=${reason} onChange=${on(setReason)}>
          ${STOCK_REASONS.map(([code, label]) => html`<option key=${code} value=${code}>${label}</option>`)}
        </select></div>
      <div class="field"><label for="adj-note">Kommentar</label>
        <input id="adj-note" type="text" maxlength=${NOTE_CHARS_MAX} value=${note} onInput=${on(setNote)} /></div>
    </div>
    <button type="submit" class="button" disabled=${busy || !valid}>${busy ? 'Sparar…' : 'Spara justering'}</button>
    ${error && html`<p class="error" role="alert">${error}</p>`}
  </form>`;
}
