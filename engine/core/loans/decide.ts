// The loan ops: make a short-term loan or trial permanent, extend a due date within its limit (the prescriber who
// ordered or HMC staff), and the periodic sweep that sends the due messages owed at the command's time.
import type { Event } from '../../../schemas/events.ts';
import type { Loan } from '../../../schemas/loans.ts';
import type { CommandContext, LoanExtend, LoanMakePermanent } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { reject, type Rejection } from '../rejections.ts';
import type { State } from '../state.ts';
import { isStaff } from '../users/roles.ts';
import { swedishDayNo } from '../orders/working-days.ts';
import { dateToDayNo, LOAN_TYPE_SV } from './loan-calendar.ts';
import { dueMessage, owedDueMessages } from './due-messages.ts';
import { checkDueDate } from './place-loans.ts';

/** The open loan with a due date the user may change, or why not (checks in the documented order). */
function changeableLoan(state: State, userId: string, loanNo: number): Loan | Rejection {
  const loan = state.loans.get(loanNo);
  if (loan === undefined) return reject('not_found', `Lån ${loanNo} finns inte.`);
  const user = state.users.get(userId);
  if (user === undefined || (loan.prescriberId !== userId && !isStaff(user))) {
    return reject('forbidden', `Bara förskrivaren som beställde (eller HMC) kan ändra lån ${loanNo}.`);
  }
  if (loan.closedDate !== null) {
    return reject('loan_closed', `Lån ${loanNo} avslutades ${loan.closedDate}: individen är återlämnad.`);
  }
  if (loan.type === 'permanent') return reject('loan_invalid', `Lån ${loanNo} gäller redan tills vidare.`);
  return loan;
}

export function decideLoanMakePermanent(state: State, command: LoanMakePermanent, _context: CommandContext): Decision {
  const loan = changeableLoan(state, command.userId, command.loanNo);
  if ('ok' in loan) return loan;
  return {
    ok: true,
    events: [
      {
        type: 'loan.madePermanent',
        userId: command.userId,
        loanNo: loan.loanNo,
        previousType: loan.type,
        previousDueDate: loan.dueDate,
      },
    ],
  };
}

export function decideLoanExtend(state: State, command: LoanExtend, context: CommandContext): Decision {
  const loan = changeableLoan(state, command.userId, command.loanNo);
  if ('ok' in loan) return loan;
  const type = loan.type as Exclude<Loan['type'], 'permanent'>;
  const previous = loan.dueDate!;
  if (command.dueDate <= previous) {
    return reject(
      'loan_invalid',
      `Det nya återlämningsdatumet måste vara efter det nuvarande (${previous}) för ${LOAN_TYPE_SV[type]} ${loan.loanNo}.`,
    );
  }
  const refused = checkDueDate(type, command.dueDate, dateToDayNo(loan.orderDate), swedishDayNo(context.timeMs));
  if (refused !== null) return refused;
  return {
    ok: true,
    events: [
      {
        type: 'loan.extended',
        userId: command.userId,
        loanNo: loan.loanNo,
        previousDueDate: previous,
        dueDate: command.dueDate,
      },
    ],
  };
}

/** Every due message owed at the command's time, each with the `loan.reminded` that keeps it from going out twice. */
export function decideLoanSweep(state: State, context: CommandContext): Decision {
  const owed = owedDueMessages(state, context.timeMs);
  // The io layer sends a sweep only when something is owed; an empty one would journal an entry without events.
  if (owed.length === 0) return reject('not_found', 'Inga lån att påminna om just nu.');
  const events: Event[] = [];
  let messageNo = state.orderIndex.nextMessageNo;
  for (const item of owed) {
    const message = dueMessage(state, item, messageNo++, context.timeMs);
    events.push({ type: 'message.created', message });
    events.push({
      type: 'loan.reminded',
      loanNo: item.loan.loanNo,
      kind: item.kind,
      dueDate: message.dueDate,
      messageNo: message.messageNo,
    });
  }
  return { ok: true, events };
}
