// message.list: the caller's messages (meddelanden) on the start page, newest first, from the message index.
import type { User } from '../../../schemas/entities.ts';
import type { Message } from '../../../schemas/orders.ts';
import { found } from '../query-result.ts';
import type { State } from '../state.ts';

export function listMessages(state: State, user: User, page: { limit: number; offset: number }) {
  const numbers = state.orderIndex.messagesByUser.get(user.id) ?? [];
  const messages: Array<Omit<Message, 'deletedMs'>> = [];
  for (let i = numbers.length - 1 - page.offset; i >= 0 && messages.length < page.limit; i--) {
    const { deletedMs: _deleted, ...message } = state.messages.get(numbers[i])!;
    messages.push(message);
  }
  return found({ total: numbers.length, messages });
}
