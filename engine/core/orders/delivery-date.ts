// HMC changes a planned delivery date; the prescriber gets a message (meddelande) about it, as on the legacy start page.
import type { Message } from '../../../schemas/orders.ts';
import type { CommandContext, MessageDelete, SetDeliveryDate } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { isOpen } from './order-index.ts';
import { dateToDayNo, isCalendarDate, swedishDayNo } from './working-days.ts';

function messageText(orderNo: number, previous: string | null, date: string, note: string): string {
  const was = previous === null ? '' : ` (tidigare ${previous})`;
  const why = note.trim() === '' ? '' : ` ${note.trim()}`;
  return `Ändrat leveransdatum för order ${orderNo}: ${date}${was}.${why}`;
}

export function decideSetDeliveryDate(state: State, command: SetDeliveryDate, context: CommandContext): Decision {
  const order = state.orders.get(command.orderNo);
  if (order === undefined) return reject('not_found', `Order ${command.orderNo} finns inte.`);
  if (!isOpen(order)) return reject('invalid_transition', `Order ${order.orderNo} är redan levererad eller makulerad.`);
  if (!isCalendarDate(command.date)) return reject('invalid_date', `${command.date} är inget datum.`);
  if (dateToDayNo(command.date) < swedishDayNo(context.timeMs)) {
    return reject('invalid_date', `Leveransdatum ${command.date} har redan passerat.`);
  }
  if (command.date === order.plannedDeliveryDate) {
    return reject('invalid_date', `Order ${order.orderNo} har redan planerat leveransdatum ${command.date}.`);
  }
  const message: Message = {
    messageNo: state.orderIndex.nextMessageNo,
    userId: order.prescriberId,
    timeMs: context.timeMs,
    kind: 'deliveryDateChanged',
    orderNo: order.orderNo,
    previousDate: order.plannedDeliveryDate,
    newDate: command.date,
    text: messageText(order.orderNo, order.plannedDeliveryDate, command.date, command.note),
    deletedMs: null,
  };
  return {
    ok: true,
    events: [
      {
        type: 'order.deliveryDateChanged',
        userId: command.userId,
        orderNo: order.orderNo,
        previousDate: order.plannedDeliveryDate,
        date: command.date,
      },
      { type: 'message.created', message },
    ],
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
