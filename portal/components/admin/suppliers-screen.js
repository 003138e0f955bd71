// @ts-check
// Leverantörer (admin): every supplier with its number of articles; create a new one or edit one. Errors come back
// per field (the reply's `issues`, or `supplier_exists` on the id). HMC staff see the list without change controls.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { count } from '../../lib/format.js';
import { errorText } from '../../lib/order-errors.js';
import { useAction } from '../../lib/use-action.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';
import { fieldErrors } from './field-issues.js';

/** @typedef {import('../../lib/types.d.ts').SupplierRowView} SupplierRowView */
/** @typedef {{ id: string, name: string, url: string, country: string }} Draft */
/** @typedef {{ currentTarget: HTMLInputElement }} FieldEvent */

const SENTENCES = {
  id: 'Id: 1–40 tecken, bara små bokstäver a–z, siffror och bindestreck.',
  name: 'Namn: 1–80 tecken.',
  url: 'Webbplatsen ska börja med http://, https:// eller /.',
  country: 'Land: högst 120 tecken.',
};
const FIELDS = /** @type {const} */ ([
  ['id', 'Id (kort kod, går inte att ändra senare)'],
  ['name', 'Namn'],
  ['url', 'Webbplats'],
  ['country', 'Land'],
]);

/** @param {{ draft: Draft, isNew: boolean, onSaved: (text: string) => void, onCancel: () => void }} props */
function SupplierForm({ draft, isNew, onSaved, onCancel }) {
  const [values, setValues] = useState(draft);
  const [errors, setErrors] = useState(/** @type {Record<string, string>} */ ({}));
  const { busy, error, setError, run } = useAction();
  const save = (/** @type {Event} */ e) => {
    e.preventDefault();
    setErrors({});
    const supplier = { ...values, url: values.url.trim() === '' ? null : values.url.trim() };
    run(
      async () => {
        await api.call('admin.supplierUpsert', { supplier, expectNew: isNew });
        onSaved(isNew ? `Leverantören ${supplier.name} är skapad.` : `Leverantören ${supplier.name} är sparad.`);
      },
      (failure) => {
        const byField = fieldErrors(failure, SENTENCES);
        const code = /** @type {{ code?: string }} */ (failure).code;
        if (code === 'supplier_exists') byField.id = errorText(failure);
        setErrors(byField);
        setError(Object.keys(byField).length > 0 ? 'Rätta de markerade fälten.' : errorText(failure));
      },
    );
  };
  const input = (/** @type {keyof Draft} */ field, /** @type {string} */ label) => html`
    <div class="field">
      <label for=${`supplier-${field}`}>${label}</label>
      <input id=${`supplier-${field}`} value=${values[field]} disabled=${field === 'id' && !isNew}
        aria-invalid=${errors[field] ? 'true' : undefined} aria-describedby=${errors[field] ? `supplier-${field}-error` : undefined}
        onInput=${(/** @type {FieldEvent} */ e) => setValues({ ...values, [field]: e.currentTarget.value })} />
      ${errors[field] && html`<p class="error" id=${`supplier-${field}-error`}>${errors[field]}</p>`}
    </div>`;
  return html`<form class="card admin-form" onSubmit=${save} data-testid="supplier-form">
    <h2>${isNew ? 'Ny leverantör' : `Ändra ${draft.name}`}</h2>
    ${FIELDS.map(([field, label]) => input(field, label))}
    <div class="admin-actions">
      <button type="submit" class="button primary" disabled=${busy}>${busy ? 'Sparar…' : 'Spara'}</button>
      <button type="button" class="button" onClick=${onCancel}>Avbryt</button>
    </div>
    <p class="error" role="alert" data-testid="supplier-error">${error}</p>
  </form>`;
}

/** @param {{ suppliers: SupplierRowView[], readOnly: boolean, onEdit: (s: SupplierRowView) => void }} props */
function SupplierTable({ suppliers, readOnly, onEdit }) {
  return html`<div class="table-wrap"><table class="data-table" data-testid="suppliers">
    <thead><tr><th>Namn</th><th>Id</th><th>Land</th><th>Webbplats</th><th class="num">Artiklar</th>${!readOnly && html`<th><span class="visually-hidden">Ändra</span></th>`}</tr></thead>
    <tbody>
      ${suppliers.map(
        (s) => html`<tr key=${s.id} data-id=${s.id}>
          <td class="name">${s.name}</td><td class="mono">${s.id}</td><td>${s.country}</td>
          <td>${s.url ? html`<a href=${s.url} rel="noopener noreferrer" target="_blank">${s.url}</a>` : '–'}</td>
          <td class="num">${count(s.articleCount)}</td>
          ${!readOnly && html`<td><button type="button" class="button small" onClick=${() => onEdit(s)} aria-label=${`Ändra ${s.name}`}>Ändra</button></td>`}
        </tr>`,
      )}
    </tbody>
  </table></div>`;
}

/** @param {{ readOnly: boolean }} props */
export function SuppliersScreen({ readOnly }) {
  useTitle('Leverantörer – Administration – Aidstock');
  const query = useQuery('supplier.list', {});
  const [editing, setEditing] = useState(/** @type {{ draft: Draft, isNew: boolean } | null} */ (null));
  const [notice, setNotice] = useState('');
  /** @type {{ total: number, suppliers: SupplierRowView[] } | null} */
  const data = query.data;
  const saved = (/** @type {string} */ text) => {
    setEditing(null);
    setNotice(text);
    query.reload();
  };
  const edit = (/** @type {SupplierRowView} */ s) =>
    setEditing({ draft: { id: s.id, name: s.name, url: s.url ?? '', country: s.country }, isNew: false });
  return html`<section class="admin-screen">
    <h1 tabindex="-1">Leverantörer</h1>
    <p>Leverantörerna i sortimentet och hur många artiklar var och en har.${readOnly ? ' Du kan läsa men inte ändra.' : ''}</p>
    ${!readOnly && editing === null && html`<button type="button" class="button" onClick=${() => setEditing({ draft: { id: '', name: '', url: '', country: 'Sverige' }, isNew: true })}>Ny leverantör</button>`}
    ${editing && html`<${SupplierForm} key=${editing.draft.id || 'new'} draft=${editing.draft} isNew=${editing.isNew} onSaved=${saved} onCancel=${() => setEditing(null)} />`}
    <p role="status" data-testid="suppliers-status">${notice}</p>
    ${query.error && html`<p class="error" role="alert">${errorText(query.error)}</p>`}
    ${data === null ? html`<p class="loading" role="status">Hämtar leverantörer…</p>` : html`<p class="hint">${count(data.total)} leverantörer</p><${SupplierTable} suppliers=${data.suppliers} readOnly=${readOnly} onEdit=${edit} />`}
  </section>`;
}
