// @ts-check
// Uppföljning › Lån (issue 15): loans with a due date — HMC staff see every overdue or due-soon loan, a prescriber
// their own (ticking "alla" shows every open one). Each row offers "Gör permanent" and "Förläng" (a later working day
// within the loan type's limit; the engine says why a date is refused). Patients shown here are access-logged. The list
// follows the `loans` topic, so a delivery, a return or another user's change shows without a reload.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { useAction } from '../../lib/use-action.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';
import { href } from '../../lib/routes.js';
import { isStaff } from '../../lib/format.js';
import { LOAN_TYPE_SV, todayIso } from '../../lib/loans.js';
import { errorText } from '../../lib/order-errors.js';
import { useLoanPushes } from '../../lib/use-loan-pushes.js';

/** @typedef {import('../../lib/types.d.ts').ListedLoan} ListedLoan */
/** @typedef {import('../../lib/types.d.ts').LoanListView} LoanListView */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */
/** @typedef {import('../follow-up/sections.js').SectionProps} SectionProps */

const DUE_SV = { overdue: 'Försenad', dueSoon: 'Snart', later: '' };

/** @param {{ loan: ListedLoan }} props */
function DueCell({ loan }) {
  const text = DUE_SV[loan.dueState];
  return html`<td class="date">${loan.dueDate}
    ${text && html` <span class=${`loan-state ${loan.dueState}`} data-testid="due-state">${text}</span>`}
    ${loan.dueState !== 'overdue' && html`<span class="hint"> (${loan.workingDaysLeft} arbetsdagar)</span>`}</td>`;
}

/**
 * Gör permanent, and Förläng with a date field that opens on demand.
 * @param {{ loan: ListedLoan, onDone: (text: string) => void }} props
 */
function LoanActions({ loan, onDone }) {
  const [extending, setExtending] = useState(false);
  const [due, setDue] = useState(loan.dueDate ?? '');
  const action = useAction();
  const what = `individ ${loan.indNo}`;
  const permanent = () =>
    action
      .run(() => api.call('loan.makePermanent', { loanNo: loan.loanNo }))
      .then((r) => r && onDone(`Lånet av ${what} gäller nu tills vidare.`));
  const extend = (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    action
      .run(() => api.call('loan.extend', { loanNo: loan.loanNo, dueDate: due }))
      .then((r) => r && onDone(`Lånet av ${what} är förlängt till ${due}.`));
  };
  const fieldId = `extend-${loan.loanNo}`;
  return html`<td class="loan-actions">
    <button type="button" class="button small" disabled=${action.busy} onClick=${permanent}
      aria-label=${`Gör lånet av ${what} permanent`}>Gör permanent</button>
    ${
      extending
        ? html`<form class="inline-form" onSubmit=${extend}>
            <label for=${fieldId} class="visually-hidden">Nytt återlämningsdatum för ${what}</label>
            <input id=${fieldId} type="date" min=${todayIso()} value=${due} required
              onInput=${(/** @type {FieldEvent} */ e) => setDue(e.currentTarget.value)} />
            <button type="submit" class="button small primary" disabled=${action.busy}>Spara</button>
          </form>`
        : html`<button type="button" class="button small" onClick=${() => setExtending(true)}
            aria-label=${`Förläng lånet av ${what}`}>Förläng</button>`
    }
    ${action.error && html`<p class="error" role="alert">${action.error}</p>`}
  </td>`;
}

/** @param {{ loans: ListedLoan[], staff: boolean, onDone: (text: string) => void }} props */
function LoanTable({ loans, staff, onDone }) {
  return html`<div class="table-wrap">
    <table class="data-table compact" data-testid="loan-list">
      <caption>Lån med återlämningsdatum (${loans.length})</caption>
      <thead><tr>
        <th scope="col">Individ</th><th scope="col">Artikel</th><th scope="col">Lånetyp</th><th scope="col">Återlämning</th>
        <th scope="col">Brukare</th>${staff && html`<th scope="col">Förskrivare</th>`}<th scope="col">Åtgärd</th>
      </tr></thead>
      <tbody>
        ${loans.map(
          (l) => html`<tr key=${l.loanNo} data-loanno=${l.loanNo} data-indno=${l.indNo}>
            <td><a class="mono" href=${href.individ(l.indNo)}>${l.indNo}</a></td>
            <td>${l.name} <span class="mono">(${l.artNo})</span></td>
            <td>${LOAN_TYPE_SV[l.type]}</td>
            <${DueCell} loan=${l} />
            <td><a href=${href.hjalpmedel(l.patient.pnrDisplay)}>${l.patient.name}</a> <span class="mono">${l.patient.pnrDisplay}</span></td>
            ${staff && html`<td>${l.prescriber.name}</td>`}
            <${LoanActions} loan=${l} onDone=${onDone} />
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** @param {SectionProps} props */
export function LoansSection({ user }) {
  useTitle('Lån – Uppföljning');
  const [all, setAll] = useState(false);
  const [notice, setNotice] = useState('');
  const query = useQuery('loan.list', { all }, { keepData: true, select: (/** @type {LoanListView} */ r) => r });
  useLoanPushes(() => query.reload());
  const staff = isStaff(user);
  const done = (/** @type {string} */ text) => {
    setNotice(text);
    query.reload();
  };
  const reply = query.data;
  return html`<section aria-labelledby="loans-title">
    <h1 id="loans-title" tabindex="-1">Lån med återlämningsdatum</h1>
    <p>${staff ? 'Alla försenade korttidslån och utprovningar, och de som ska lämnas tillbaka snart.' : 'Dina korttidslån och utprovningar som är försenade eller ska lämnas tillbaka snart.'}
      ${reply && ` Påminnelse ${reply.reminderWorkingDays} arbetsdagar före återlämningsdatumet.`}</p>
    <label class="check"><input type="checkbox" checked=${all} onChange=${(/** @type {FieldEvent} */ e) => setAll(e.currentTarget.checked)} />
      Visa alla öppna lån med återlämningsdatum</label>
    <p role="status" data-testid="loan-status">${notice}</p>
    ${query.error && html`<p class="error" role="alert">${errorText(query.error)}</p>`}
    ${reply === null && !query.error && html`<p class="loading" role="status">Hämtar lån…</p>`}
    ${reply && reply.loans.length === 0 && html`<p data-testid="no-loans">Inga lån att följa upp just nu.</p>`}
    ${reply && reply.loans.length > 0 && html`<${LoanTable} loans=${reply.loans} staff=${staff} onDone=${done} />`}
    ${reply && reply.withheld > 0 && html`<p class="hint">${reply.withheld} lån hos en annan vårdgivare visas inte.</p>`}
  </section>`;
}
