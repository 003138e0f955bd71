// @ts-check
// Loans in the portal (issue 15): the Swedish words for the loan types, the limits the engine checks (so the date field
// can offer the right range), and what the wizard sends and asks for a rental line's loan. The engine decides: it
// refuses a holiday or a date past the limit with its own message; these checks only catch the obvious early.

/** @typedef {import('./types.d.ts').LoanType} LoanType */
/** @typedef {import('./types.d.ts').DraftLine} DraftLine */
/** @typedef {import('./types.d.ts').QuoteLine} QuoteLine */
/** @typedef {import('./types.d.ts').DeviceLoan} DeviceLoan */

/** @type {Record<LoanType, string>} */
export const LOAN_TYPE_SV = { permanent: 'Tills vidare', shortTerm: 'Korttidslån', trial: 'Utprovning' };
/** Months after the order date a due date may be (schemas/limits.ts LOAN_SHORT_TERM_MONTHS_MAX, LOAN_TRIAL_MONTHS_MAX). */
export const LOAN_MONTHS_MAX = { shortTerm: 6, trial: 3 };

/** Today's date where the browser is (Sweden), YYYY-MM-DD. */
export function todayIso() {
  return new Date().toLocaleDateString('sv-SE');
}

/**
 * The same day `months` later, or the month's last day (as the engine counts).
 * @param {string} date
 * @param {number} months
 */
export function monthsLater(date, months) {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** @param {string} date YYYY-MM-DD */
export function isWeekend(date) {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * The loan order.place gets for a wizard line: only for a rental article with a type chosen.
 * @param {DraftLine} line
 * @param {QuoteLine | null} q
 * @returns {{ loan?: { type: LoanType, dueDate?: string } }}
 */
export function loanArgs(line, q) {
  if (q?.article?.kind !== 'rental' || !line.loanType) return {};
  if (line.loanType === 'permanent') return { loan: { type: 'permanent' } };
  return { loan: { type: line.loanType, dueDate: line.dueDate ?? '' } };
}

/**
 * Why a rental line's loan cannot be placed, or ''.
 * @param {DraftLine} line
 * @param {QuoteLine | null} q
 * @param {string} name  the line as the message names it
 * @param {'patient' | 'careUnit'} recipientKind
 */
export function loanProblem(line, q, name, recipientKind) {
  if (q?.article?.kind !== 'rental' || !line.loanType || line.loanType === 'permanent') return '';
  if (recipientKind !== 'patient') return `${name}: korttidslån och utprovning förskrivs bara till en brukare.`;
  const due = line.dueDate ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(due)) return `Ange återlämningsdatum för ${name}.`;
  const today = todayIso();
  if (due <= today) return `${name}: återlämningsdatumet måste vara efter i dag.`;
  if (isWeekend(due)) return `${name}: återlämningsdatumet ${due} är en lördag eller söndag; välj en arbetsdag.`;
  const latest = monthsLater(today, LOAN_MONTHS_MAX[line.loanType]);
  if (due > latest) return `${name}: återlämningsdatumet får vara senast ${latest}.`;
  return '';
}

/**
 * "Korttidslån, åter 2027-01-15" / "Tills vidare".
 * @param {{ type: LoanType, dueDate: string | null }} loan
 */
export function loanText(loan) {
  return loan.dueDate === null ? LOAN_TYPE_SV[loan.type] : `${LOAN_TYPE_SV[loan.type]}, åter ${loan.dueDate}`;
}

/**
 * An order line's loan in its notes: "Lånetyp: korttidslån, åter 2027-01-15".
 * @param {{ type: LoanType, dueDate: string | null }} loan
 */
export function loanTermsText(loan) {
  return `Lånetyp: ${loanText(loan).toLowerCase()}`;
}
