// @ts-check
// The plain fields of the Artiklar form: text inputs with their error beside them, kind, price and status, links.
import { html } from '../../lib/html.js';
import { IsoSelect, SupplierSelect } from './article-choices.js';
import { NAME_CHARS_MAX, URL_CHARS_MAX } from './article-form-state.js';

/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */
/** @typedef {import('./article-form-state.js').ArticleForm} ArticleForm */
/** @typedef {import('./article-form-state.js').FieldErrors} FieldErrors */
/** @typedef {{ form: ArticleForm, errors: FieldErrors, readOnly: boolean, set: (changes: Partial<ArticleForm>) => void }} FieldsProps */

/**
 * @param {{ id: string, label: string, value: string, error: string | undefined, hint?: string, maxLength: number,
 *   readOnly: boolean, inputMode?: string, onInput: (value: string) => void }} props
 */
export function TextField({ id, label, value, error, hint, maxLength, readOnly, inputMode, onInput }) {
  return html`
    <div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} value=${value} maxLength=${maxLength} readOnly=${readOnly} inputmode=${inputMode}
        aria-invalid=${error ? 'true' : undefined} aria-describedby=${hint ? `${id}-hint ${id}-error` : `${id}-error`}
        onInput=${(/** @type {FieldEvent} */ e) => onInput(e.currentTarget.value)} />
      ${hint && html`<p id=${`${id}-hint`} class="hint">${hint}</p>`}
      <p id=${`${id}-error`} class="error" role="alert">${error ?? ''}</p>
    </div>`;
}

/**
 * @param {{ id: string, label: string, value: string, error: string | undefined, disabled: boolean,
 *   options: Array<[string, string]>, onChange: (value: string) => void }} props
 */
function SelectField({ id, label, value, error, disabled, options, onChange }) {
  return html`
    <div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} value=${value} disabled=${disabled} aria-invalid=${error ? 'true' : undefined}
        aria-describedby=${`${id}-error`} onChange=${(/** @type {FieldEvent} */ e) => onChange(e.currentTarget.value)}>
        ${options.map(([key, text]) => html`<option key=${key} value=${key}>${text}</option>`)}
      </select>
      <p id=${`${id}-error`} class="error" role="alert">${error ?? ''}</p>
    </div>`;
}

/** @param {FieldsProps & { isNew: boolean, supplierName: string }} props */
export function BasicFields({ form, errors, readOnly, set, isNew, supplierName }) {
  return html`
    <div class="article-form-grid">
      <${TextField} id="art-artNo" label="Artikelnummer" value=${form.artNo} error=${errors.artNo} maxLength=${6}
        inputMode="numeric" readOnly=${readOnly || !isNew} hint=${isNew ? 'Sex siffror; kan inte ändras efteråt.' : undefined}
        onInput=${(/** @type {string} */ artNo) => set({ artNo })} />
      <${TextField} id="art-name" label="Benämning" value=${form.name} error=${errors.name} maxLength=${NAME_CHARS_MAX}
        readOnly=${readOnly} onInput=${(/** @type {string} */ name) => set({ name })} />
      <${IsoSelect} id="art-iso" value=${form.isoCode} error=${errors.isoCode} disabled=${readOnly}
        onChange=${(/** @type {string} */ isoCode) => set({ isoCode })} />
      <${SupplierSelect} id="art-supplier" value=${form.supplierId} error=${errors.supplierId} disabled=${readOnly}
        currentName=${supplierName} onChange=${(/** @type {string} */ supplierId) => set({ supplierId })} />
      <${SelectField} id="art-kind" label="Hyra eller köp" value=${form.kind} error=${errors.kind} disabled=${readOnly}
        options=${[['rental', 'Hyresartikel'], ['sale', 'Försäljningsartikel']]}
        onChange=${(/** @type {any} */ kind) => set({ kind })} />
      <${TextField} id="art-price" label="Pris (kr)" value=${form.price} error=${errors.price} maxLength=${16}
        inputMode="decimal" readOnly=${readOnly} hint="I kronor, t.ex. 1 234,50."
        onInput=${(/** @type {string} */ price) => set({ price })} />
      <${SelectField} id="art-status" label="Status" value=${form.status} error=${errors.status} disabled=${readOnly}
        options=${[['active', 'Aktiv'], ['outgoing', 'Utgående'], ['discontinued', 'Utgått']]}
        onChange=${(/** @type {any} */ status) => set({ status })} />
    </div>`;
}

/** @param {FieldsProps} props */
export function LinkFields({ form, errors, readOnly, set }) {
  /** @type {Array<['supplierUrl' | 'manualUrl' | 'imageUrl', string]>} */
  const links = [
    ['supplierUrl', 'Länk till leverantörens sida'],
    ['manualUrl', 'Länk till bruksanvisning'],
    ['imageUrl', 'Bildadress'],
  ];
  return html`
    <div class="article-form-grid">
      ${links.map(
        ([field, label]) => html`<${TextField} key=${field} id=${`art-${field}`} label=${label} value=${form[field]}
          error=${errors[field]} maxLength=${URL_CHARS_MAX} readOnly=${readOnly} hint="https://…, http://… eller /…; tomt: ingen."
          onInput=${(/** @type {string} */ value) => set({ [field]: value })} />`,
      )}
    </div>`;
}
