// @ts-check
// Meddelanden on the start page: changed delivery dates from HMC and (issue 15) loans, recalls and deviations, newest
// first, live on `messages/<userId>`, each with a link to what it is about and a delete button (the recipient removes
// them).
import { html, useState } from '../lib/html.js';
import { useAction } from '../lib/use-action.js';
import { useQuery } from '../lib/use-query.js';
import * as api from '../lib/api.js';
import { messageLink } from '../lib/message-link.js';
import { dateTime } from '../lib/format.js';
import { errorText } from '../lib/order-errors.js';

/** @typedef {import('../lib/types.d.ts').User} User */
/** @typedef {import('../lib/types.d.ts').Message} Message */

const LIMIT = 50;

/**
 * A `message` or `messageDeleted` push applied to the list (by number, so a message is never shown twice).
 * @param {Message[]} messages
 * @param {{ type: string, message: Message }} event
 */
function withMessagePush(messages, event) {
  const rest = messages.filter((m) => m.messageNo !== event.message.messageNo);
  if (event.type === 'messageDeleted') return rest;
  return [event.message, ...rest].sort((a, b) => b.messageNo - a.messageNo).slice(0, LIMIT);
}

/** @param {{ user: User }} props */
export function MessagesPanel({ user }) {
  const [status, setStatus] = useState('');
  const { error: actionError, run } = useAction();
  // Subscribed first, then read: a message created in between is replayed from its push after the list.
  const query = useQuery(
    'message.list',
    { limit: LIMIT },
    {
      topic: `messages/${user.id}`,
      select: (/** @type {{ messages: Message[] }} */ result) => result.messages,
      replayEarly: true,
      onPush: (event, control) => {
        if (event?.type !== 'message' && event?.type !== 'messageDeleted') return;
        control.patch((messages) => withMessagePush(messages, event));
        if (event.type === 'message' && !control.replayed) setStatus(`Nytt meddelande: ${event.message.text}`);
      },
    },
  );
  const messages = query.data;
  const error = actionError || (query.error ? errorText(query.error) : '');

  const remove = (/** @type {Message} */ message) =>
    run(async () => {
      await api.call('message.delete', { messageNo: message.messageNo });
      query.patch((current) => current.filter((m) => m.messageNo !== message.messageNo));
      setStatus(`Meddelandet om ${messageLink(message).about} är borttaget.`);
    });

  return html`
    <section class="card messages" aria-labelledby="messages-title" data-testid="messages">
      <h2 id="messages-title">Meddelanden${messages && messages.length > 0 ? html` <span class="count-badge">${messages.length}</span>` : ''}</h2>
      <p class="visually-hidden" role="status">${status}</p>
      <p class="error" role="alert">${error}</p>
      ${messages === null && !error && html`<p class="loading">Hämtar meddelanden…</p>`}
      ${messages && messages.length === 0 && html`<p class="empty">Inga meddelanden. Här visas ändrade leveransdatum, lån som går ut, säkerhetsmeddelanden och svar på avvikelser.</p>`}
      ${
        messages &&
        messages.length > 0 &&
        html`
        <ul class="message-list">
          ${messages.map((m) => {
            const link = messageLink(m);
            return html`
            <li key=${m.messageNo} data-testid="message" data-kind=${m.kind}
              data-orderno=${m.kind === 'deliveryDateChanged' ? m.orderNo : undefined}>
              <p class="meta"><time datetime=${new Date(m.timeMs).toISOString()}>${dateTime(m.timeMs)}</time>${' · '}<a
                href=${link.href}>${link.label}</a></p>
              <p>${m.text}</p>
              <button type="button" class="button small" aria-label=${`Ta bort meddelandet om ${link.about}`}
                onClick=${() => remove(m)}>Ta bort</button>
            </li>`;
          })}
        </ul>`
      }
    </section>`;
}
