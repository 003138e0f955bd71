// Message events into state. Messages are replaced, never changed in place (the engine hands rows on without copies).
// Their index (messagesByUser, nextMessageNo) lives in the order index, built with it on load.
import { assert, unreachable } from '../assert.ts';
import type { MessageEvent } from '../event-groups.ts';
import { indexMessage } from '../orders/order-index.ts';
import type { State } from '../state.ts';

export function applyMessageEvent(state: State, event: MessageEvent): void {
  switch (event.type) {
    case 'message.created':
      assert(!state.messages.has(event.message.messageNo), `message ${event.message.messageNo} is new`);
      state.messages.set(event.message.messageNo, { ...event.message });
      indexMessage(state.orderIndex, event.message);
      break;
    case 'message.deleted': {
      const message = state.messages.get(event.messageNo);
      assert(message !== undefined && message.deletedMs === null, `message ${event.messageNo} is there to delete`);
      state.messages.set(event.messageNo, { ...message, deletedMs: event.deletedMs });
      const list = state.orderIndex.messagesByUser.get(message.userId)!;
      list.splice(list.indexOf(event.messageNo), 1);
      break;
    }
    default:
      unreachable(event, 'message event');
  }
}
