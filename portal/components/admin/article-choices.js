// @ts-check
// The Artiklar form's pickers: the ISO code from the ISO 9999 tree (product groups, level 3, grouped under their
// subclass) and the supplier from the suppliers HMC keeps (supplier.list; until that op answers, the supplier id).
import { html } from '../../lib/html.js';
import { useQuery } from '../../lib/use-query.js';

/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */
/** @typedef {{ code: string, level: number, titleSv: string, parent: string | null }} IsoNodeView */
/** @typedef {{ label: string, options: IsoNodeView[] }} IsoGroup */
/** @typedef {{ id: string, value: string, error: string | undefined, disabled: boolean, onChange: (value: string) => void }} ChoiceProps */

/**
 * The tree's product groups under their subclass, in tree order.
 * @param {{ nodes: IsoNodeView[] }} reply
 * @returns {IsoGroup[]}
 */
function isoGroups(reply) {
  /** @type {IsoGroup[]} */
  const groups = [];
  for (const node of reply.nodes) {
    if (node.level === 2) groups.push({ label: `${node.code} ${node.titleSv}`, options: [] });
    else if (node.level === 3 && groups.length > 0) groups[groups.length - 1].options.push(node);
  }
  return groups.filter((group) => group.options.length > 0);
}

/** @param {ChoiceProps} props */
export function IsoSelect({ id, value, error, disabled, onChange }) {
  const tree = useQuery('catalog.isoTree', { depth: 3 }, { select: isoGroups });
  const groups = tree.data ?? [];
  return html`
    <div class="field">
      <label for=${id}>ISO-kod (produktgrupp)</label>
      <select id=${id} value=${value} disabled=${disabled || tree.data === null} aria-invalid=${error ? 'true' : undefined}
        aria-describedby=${`${id}-error`} onChange=${(/** @type {FieldEvent} */ e) => onChange(e.currentTarget.value)}>
        <option value="">${tree.loading ? 'Hämtar ISO-trädet…' : 'Välj produktgrupp'}</option>
        ${groups.map(
          (group) => html`<optgroup key=${group.label} label=${group.label}>
            ${group.options.map((node) => html`<option key=${node.code} value=${node.code}>${node.code} ${node.titleSv}</option>`)}
          </optgroup>`,
        )}
      </select>
      <p id=${`${id}-error`} class="error" role="alert">${error ?? (tree.error ? 'ISO-trädet kunde inte hämtas.' : '')}</p>
    </div>`;
}

/** @param {ChoiceProps & { currentName: string }} props */
export function SupplierSelect({ id, value, error, disabled, onChange, currentName }) {
  const list = useQuery(
    'supplier.list',
    {},
    { select: (/** @type {{ suppliers: Array<{ id: string, name: string }> }} */ r) => r.suppliers },
  );
  const suppliers = list.data ?? [];
  const missing = value !== '' && !suppliers.some((s) => s.id === value);
  const field = list.error
    ? html`<input id=${id} value=${value} maxLength="40" disabled=${disabled} aria-invalid=${error ? 'true' : undefined}
        aria-describedby=${`${id}-hint ${id}-error`} onInput=${(/** @type {FieldEvent} */ e) => onChange(e.currentTarget.value.trim())} />
      <p id=${`${id}-hint`} class="hint">Leverantörens id, t.ex. etac (listan över leverantörer kunde inte hämtas).</p>`
    : html`<select id=${id} value=${value} disabled=${disabled || list.data === null} aria-invalid=${error ? 'true' : undefined}
        aria-describedby=${`${id}-error`} onChange=${(/** @type {FieldEvent} */ e) => onChange(e.currentTarget.value)}>
        <option value="">${list.loading ? 'Hämtar leverantörer…' : 'Välj leverantör'}</option>
        ${missing && html`<option value=${value}>${currentName || value}</option>`}
        ${suppliers.map((s) => html`<option key=${s.id} value=${s.id}>${s.name}</option>`)}
      </select>`;
  return html`
    <div class="field">
      <label for=${id}>Leverantör</label>
      ${field}
      <p id=${`${id}-error`} class="error" role="alert">${error ?? ''}</p>
    </div>`;
}
