// order.setDeliveryDate: HMC changes a planned delivery date; the prescriber gets a message (meddelande) about it, as
// on the legacy start page.
import type { CommandContext, SetDeliveryDate } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { deliveryDateMessage } from '../messages/decide.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { isOpen } from './order-index.ts';
import { dateToDayNo, isCalendarDate, nonWorkingDayReason, swedishDayNo } from './working-days.ts';

export function decideSetDeliveryDate(state: State, command: SetDeliveryDate, context: CommandContext): Decision {
  const order = state.orders.get(command.orderNo);
  if (order === undefined) return reject('not_found', `Order ${command.orderNo} finns inte.`);
  if (!isOpen(order)) return reject('invalid_transition', `Order ${order.orderNo} är redan levererad eller makulerad.`);
  if (!isCalendarDate(command.date)) return reject('invalid_date', `${command.date} är inget datum.`);
  if (dateToDayNo(command.date) < swedishDayNo(context.timeMs)) {
    return reject('invalid_date', `Leveransdatum ${command.date} har redan passerat.`);
  }
  // HMC neither picks nor drives on weekends, holidays or the eves the calendar skips; the prescriber would be told a
  // date nobody delivers on.
  const dayOff = nonWorkingDayReason(dateToDayNo(command.date));
  if (dayOff !== undefined) return reject('not_working_day', `${command.date} är ${dayOff}, ingen arbetsdag.`);
  if (command.date === order.plannedDeliveryDate) {
    return reject('invalid_date', `Order ${order.orderNo} har redan planerat leveransdatum ${command.date}.`);
  }
  const message = deliveryDateMessage(state, order, command.date, command.note, context.timeMs);
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
