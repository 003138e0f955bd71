// Messages (meddelanden) to a prescriber: another unit's decision creates one (a changed delivery date); message.delete
// lets the recipient remove their own.
import type { Message, Order } from '../../../schemas/orders.ts';
import type { CommandContext, MessageDelete } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';

// Issue 16, seed: exported so the history seed words its messages as the core does.
export function deliveryDateText(orderNo: number, previous: string | null, date: string, note: string): string {
  const was = previous === null ? '' : ` (tidigare ${previous})`;
  const why = note.trim() === '' ? '' : ` ${note.trim()}`;
  return `Ändrat leveransdatum för order ${orderNo}: ${date}${was}.${why}`;
}

/** The message telling an order's prescriber that HMC moved its delivery date (numbered next). */
export function deliveryDateMessage(state: State, order: Order, date: string, note: string, timeMs: number): Message {
  return {
    messageNo: state.orderIndex.nextMessageNo,
    userId: order.prescriberId,
    timeMs,
    kind: 'deliveryDateChanged',
    orderNo: order.orderNo,
    previousDate: order.plannedDeliveryDate,
    newDate: date,
    text: deliveryDateText(order.orderNo, order.plannedDeliveryDate, date, note),
    deletedMs: null,
  };
}

export function decideMessageDelete(state: State, command: MessageDelete, context: CommandContext): Decision {
  const message = state.messages.get(command.messageNo);
  if (message === undefined || message.deletedMs !== null)
    return reject('not_found', `Meddelande ${command.messageNo} finns inte.`);
  if (message.userId !== command.userId) return reject('forbidden', 'Du kan bara ta bort dina egna meddelanden.');
  return {
    ok: true,
    events: [
      { type: 'message.deleted', userId: command.userId, messageNo: message.messageNo, deletedMs: context.timeMs },
    ],
  };
}
