// @ts-check
// Lånetyp on a rental line of the order wizard (issue 15): tills vidare (the default), korttidslån or utprovning, and
// for the latter two the due date (återlämningsdatum) — a working day after today, within the type's limit.
import { html } from '../lib/html.js';
import { LOAN_MONTHS_MAX, LOAN_TYPE_SV, monthsLater, todayIso } from '../lib/loans.js';

/** @typedef {import('../lib/types.d.ts').DraftLine} DraftLine */
/** @typedef {import('../lib/types.d.ts').QuoteLine} QuoteLine */
/** @typedef {import('../lib/types.d.ts').LoanType} LoanType */
/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

/**
 * Shown only for a rental article.
 * @param {{ line: DraftLine, q: QuoteLine, onChange: (patch: Partial<DraftLine>) => void }} props
 */
export function LineLoan({ line, q, onChange }) {
  if (q.article?.kind !== 'rental') return null;
  const id = `loan-${line.artNo}-${line.forIndividual ?? 'ny'}`;
  const type = line.loanType ?? 'permanent';
  const today = todayIso();
  const latest = type === 'permanent' ? '' : monthsLater(today, LOAN_MONTHS_MAX[type]);
  return html`
    <div class="line-loan" data-testid="line-loan">
      <div class="field">
        <label for=${`${id}-type`}>Lånetyp</label>
        <select id=${`${id}-type`} value=${type}
          onChange=${(/** @type {FieldEvent} */ e) => onChange({ loanType: /** @type {LoanType} */ (e.currentTarget.value) })}>
          ${['permanent', 'shortTerm', 'trial'].map((t) => html`<option value=${t}>${LOAN_TYPE_SV[/** @type {LoanType} */ (t)]}</option>`)}
        </select>
      </div>
      ${
        type !== 'permanent' &&
        html`
        <div class="field">
          <label for=${`${id}-due`}>Återlämningsdatum</label>
          <input id=${`${id}-due`} type="date" min=${today} max=${latest} value=${line.dueDate ?? ''} required
            aria-describedby=${`${id}-hint`} aria-invalid=${line.dueDate ? undefined : 'true'}
            onInput=${(/** @type {FieldEvent} */ e) => onChange({ dueDate: e.currentTarget.value })} />
          <p id=${`${id}-hint`} class="hint">En arbetsdag, senast ${latest} (${LOAN_MONTHS_MAX[type]} månader). Förskrivaren får ett meddelande före datumet.</p>
        </div>`
      }
    </div>`;
}
