// @ts-check
// A unit's loan where the unit is shown (issue 15): the loan type and due date in the patient view's device table, and a
// short "Lån" section on the individual card. Overdue (the due date has passed) is said in words, not only in colour.
import { html } from '../lib/html.js';
import { href } from '../lib/routes.js';
import { loanText, todayIso } from '../lib/loans.js';

/** @typedef {import('../lib/types.d.ts').DeviceLoan} DeviceLoan */

/** @param {{ loan: DeviceLoan | null | undefined }} props */
export function LoanCell({ loan }) {
  if (!loan) return null;
  const overdue = loan.dueDate !== null && loan.dueDate < todayIso();
  return html`<span class=${overdue ? 'loan-tag overdue' : 'loan-tag'} data-testid="device-loan" data-loanno=${loan.loanNo}>
    ${loanText(loan)}${overdue ? ' – försenad' : ''}</span>`;
}

/** @param {{ loan: DeviceLoan | null | undefined }} props */
export function LoanSection({ loan }) {
  if (!loan) return null;
  return html`
    <div class="loan-block" data-testid="card-loan">
      <h3>Lån</h3>
      <p><${LoanCell} loan=${loan} /> (lån ${loan.loanNo}, order <a href=${href.order(loan.orderNo)}>${loan.orderNo}</a>, sedan ${loan.openedDate})</p>
      ${loan.dueDate !== null && html`<p><a href=${href.uppfoljning('lan')}>Förläng eller gör permanent under Uppföljning</a></p>`}
    </div>`;
}
