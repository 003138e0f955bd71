// @ts-check
// The workplaces of an account in the user editor: each with its name, customer number, delivery address, buffer
// warehouse link (only warehouses of kind buffer are offered) and care provider; added and removed in the draft.
import { html } from '../../lib/html.js';

/** @typedef {import('../../lib/types.d.ts').Workplace} Workplace */
/** @typedef {import('../../lib/types.d.ts').WorkplaceOptionsView} WorkplaceOptionsView */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */

/** A new, empty workplace; its id is unique within the account. @param {Workplace[]} existing */
export function emptyWorkplace(existing) {
  let n = existing.length + 1;
  while (existing.some((w) => w.id === `arb${n}`)) n++;
  return {
    id: `arb${n}`,
    name: '',
    customerNo: '',
    deliveryAddress: { street: '', postalCode: '', city: '' },
    bufferWarehouse: null,
  };
}

/**
 * @param {{ index: number, place: Workplace, options: WorkplaceOptionsView, readOnly: boolean,
 *   onChange: (place: Workplace) => void, onRemove: () => void }} props
 */
function WorkplaceCard({ index, place, options, readOnly, onChange, onRemove }) {
  const id = (/** @type {string} */ field) => `wp${index}-${field}`;
  const set = (/** @type {Partial<Workplace>} */ patch) => onChange({ ...place, ...patch });
  const address = (/** @type {string} */ key, /** @type {string} */ value) =>
    set({ deliveryAddress: { ...place.deliveryAddress, [key]: value } });
  const provider = (/** @type {string} */ providerId) =>
    set({ careProvider: options.careProviders.find((c) => c.id === providerId) });
  const input = (
    /** @type {string} */ field,
    /** @type {string} */ label,
    /** @type {string} */ value,
    /** @type {(v: string) => void} */ onInput,
    /** @type {number} */ max,
  ) => html`
    <div class="field"><label for=${id(field)}>${label}</label>
      <input id=${id(field)} maxLength=${max} value=${value} disabled=${readOnly}
        onInput=${(/** @type {FieldEvent} */ e) => onInput(e.currentTarget.value)} /></div>`;
  return html`<fieldset class="card workplace" data-workplace=${index}>
    <legend>Arbetsplats ${index + 1}${place.name ? `: ${place.name}` : ''}</legend>
    <div class="form-grid">
      ${input('name', 'Namn', place.name, (v) => set({ name: v }), 100)}
      ${input('customer', 'Kundnummer', place.customerNo, (v) => set({ customerNo: v.trim() }), 8)}
      ${input('street', 'Leveransadress', place.deliveryAddress.street, (v) => address('street', v), 100)}
      ${input('postal', 'Postnummer', place.deliveryAddress.postalCode, (v) => address('postalCode', v), 6)}
      ${input('city', 'Ort', place.deliveryAddress.city, (v) => address('city', v), 60)}
      <div class="field"><label for=${id('buffer')}>Buffertlager (eget förråd)</label>
        <select id=${id('buffer')} disabled=${readOnly} value=${place.bufferWarehouse ?? ''}
          onChange=${(/** @type {FieldEvent} */ e) => set({ bufferWarehouse: e.currentTarget.value || null })}>
          <option value="">Inget</option>
          ${options.bufferWarehouses.map((w) => html`<option value=${w.id}>${w.id} – ${w.name}</option>`)}
        </select></div>
      <div class="field"><label for=${id('provider')}>Vårdgivare</label>
        <select id=${id('provider')} disabled=${readOnly} value=${place.careProvider?.id ?? 'region-halland'}
          onChange=${(/** @type {FieldEvent} */ e) => provider(e.currentTarget.value)}>
          ${options.careProviders.map((c) => html`<option value=${c.id}>${c.name}</option>`)}
        </select></div>
    </div>
    ${!readOnly && html`<button type="button" class="button small" onClick=${onRemove}>Ta bort arbetsplatsen</button>`}
  </fieldset>`;
}

/**
 * @param {{ workplaces: Workplace[], options: WorkplaceOptionsView, readOnly: boolean,
 *   onChange: (workplaces: Workplace[]) => void }} props
 */
export function WorkplaceFields({ workplaces, options, readOnly, onChange }) {
  const replace = (/** @type {number} */ i, /** @type {Workplace | null} */ place) =>
    onChange(place === null ? workplaces.filter((_, j) => j !== i) : workplaces.map((w, j) => (j === i ? place : w)));
  return html`<section aria-labelledby="workplaces-title">
    <h2 id="workplaces-title">Arbetsplatser</h2>
    ${workplaces.length === 0 && html`<p class="hint">Inga arbetsplatser.</p>`}
    ${workplaces.map(
      (place, i) => html`<${WorkplaceCard} key=${place.id} index=${i} place=${place} options=${options}
        readOnly=${readOnly} onChange=${(/** @type {Workplace} */ p) => replace(i, p)} onRemove=${() => replace(i, null)} />`,
    )}
    ${!readOnly && html`<button type="button" class="button small" onClick=${() => onChange([...workplaces, emptyWorkplace(workplaces)])}>Lägg till arbetsplats</button>`}
  </section>`;
}
