// @ts-check
// Two date fields, Från and Till (both days included), for the log reviewer's forms.
import { html } from '../lib/html.js';

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

/** @param {{ id: string, from: string, to: string, onChange: (period: { from: string, to: string }) => void }} props */
export function PeriodFields({ id, from, to, onChange }) {
  return html`
    <div class="field narrow"><label for=${`${id}-from`}>Från och med</label>
      <input id=${`${id}-from`} type="date" value=${from} onInput=${(/** @type {FieldEvent} */ e) => onChange({ from: e.currentTarget.value, to })} /></div>
    <div class="field narrow"><label for=${`${id}-to`}>Till och med</label>
      <input id=${`${id}-to`} type="date" value=${to} onInput=${(/** @type {FieldEvent} */ e) => onChange({ from, to: e.currentTarget.value })} /></div>`;
}
