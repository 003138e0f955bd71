// A loan follows its units: the delivery of a rental line to a patient opens one loan per unit under the line's loan
// type (decided with fulfil.step deliver), and a unit that comes back — a return at HMC or the pickup waiting for it —
// closes its open loan (decided with stock.adjust reason returned). Both are helpers other units' deciders call, so a
// unit never leaves a patient with its loan left open.
import type { Event } from '../../../schemas/events.ts';
import type { Loan } from '../../../schemas/loans.ts';
import type { Order, OrderLine } from '../../../schemas/orders.ts';
import { assert } from '../assert.ts';
import type { State } from '../state.ts';
import { loanTermsOf } from './place-loans.ts';

/** `loan.opened` for every unit of the delivered lines, numbered on; none for a care unit's order. */
export function loanOpenings(
  state: State,
  order: Order,
  lines: readonly OrderLine[],
  date: string,
  userId: string,
): Event[] {
  if (order.recipient.kind !== 'patient') return [];
  const events: Event[] = [];
  let loanNo = state.loanIndex.nextLoanNo;
  for (const line of lines) {
    const terms = line.loan ?? loanTermsOf(undefined);
    for (const indNo of line.individuals) {
      assert(!state.loanIndex.openByIndNo.has(indNo), `delivered unit ${indNo} has no open loan`);
      const loan: Loan = {
        loanNo: loanNo++,
        indNo,
        artNo: line.artNo,
        pnr: order.recipient.pnr,
        orderNo: order.orderNo,
        lineNo: line.lineNo,
        prescriberId: order.prescriberId,
        workplaceId: order.workplaceId,
        orderDate: order.placedDate,
        type: terms.type,
        dueDate: terms.dueDate,
        openedDate: date,
        closedDate: null,
        closedHow: null,
        remindedFor: null,
        overdueFor: null,
      };
      events.push({ type: 'loan.opened', userId, loan });
    }
  }
  return events;
}

/** `loan.closed` for each returned unit on an open loan: by pickup when a pickup order waits for it, else a return. */
export function loanClosings(state: State, indNos: readonly number[], userId: string, date: string): Event[] {
  const events: Event[] = [];
  for (const indNo of indNos) {
    const loanNo = state.loanIndex.openByIndNo.get(indNo);
    if (loanNo === undefined) continue;
    const how = state.pickupIndex.waiting.has(indNo) ? 'pickup' : 'return';
    events.push({ type: 'loan.closed', userId, loanNo, indNo, date, how });
  }
  return events;
}
