// The table rows each loan event changes, for the store to write in the same transaction as the journal entry.
import type { LoanEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function loanRowsTouched(event: LoanEvent): RowRef[] {
  return [['loans', event.type === 'loan.opened' ? event.loan.loanNo : event.loanNo]];
}
