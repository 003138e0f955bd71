// @ts-check
// HMC oversight marks shared by Orderflöde, Plocklista, Hämtorder and Arbetsorder: an entry's age in working days with
// its flag (text and colour, never colour alone), and the count of flagged entries with a "Bara flaggade" filter.
import { html } from '../lib/html.js';
import { workingDaysText } from '../lib/oversight.js';

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

/** @param {{ days: number | null | undefined, flagged: boolean, flagText: string, prefix?: string }} props */
export function AgeFlag({ days, flagged, flagText, prefix = '' }) {
  return html`<span class="age" data-testid="age">${prefix}${workingDaysText(days)}</span>${
    flagged && html` <span class="tag flag" data-testid="flag"><span aria-hidden="true">⚑ </span>${flagText}</span>`
  }`;
}

/**
 * @param {{ id: string, count: number, rule: string, onlyFlagged: boolean, setOnlyFlagged: (on: boolean) => void,
 *   note?: string }} props
 */
export function FlagSummary({ id, count, rule, onlyFlagged, setOnlyFlagged, note = '' }) {
  return html`
    <div class=${count > 0 ? 'flag-summary has-flags' : 'flag-summary'} data-testid="flag-summary">
      <p role="status"><strong data-testid="flag-count">${count}</strong> flaggade ${note} <span class="hint">(${rule})</span></p>
      <label class="inline" for=${id}>
        <input type="checkbox" id=${id} checked=${onlyFlagged}
          onChange=${(/** @type {FieldEvent} */ e) => setOnlyFlagged(e.currentTarget.checked)} /> Bara flaggade
      </label>
    </div>`;
}
