// Meddelanden on the start page: changed delivery dates from HMC, newest first, live on `messages/<userId>`, each with a
// link to its order and a delete button (the prescriber removes them).
import { html, useState, useEffect } from '../lib/html.js';
import * as api from '../lib/api.js';
import { href } from '../lib/routes.js';
import { dateTime } from '../lib/format.js';
import { errorText } from '../lib/order-errors.js';

const LIMIT = 50;

export function MessagesPanel({ user }) {
  const [messages, setMessages] = useState(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    let alive = true;
    let loaded = false;
    const early = [];
    const apply = (event) =>
      setMessages((current) => {
        const rest = (current ?? []).filter((m) => m.messageNo !== event.message.messageNo);
        if (event.type === 'messageDeleted') return rest;
        return [event.message, ...rest].sort((a, b) => b.messageNo - a.messageNo).slice(0, LIMIT);
      });
    const onPush = (event) => {
      if (!alive || (event?.type !== 'message' && event?.type !== 'messageDeleted')) return;
      if (!loaded) {
        early.push(event);
        return;
      }
      apply(event);
      if (event.type === 'message') setStatus(`Nytt meddelande: ${event.message.text}`);
    };
    // Subscribe first, then read: a message created in between is applied from the push (by number, so never twice).
    const off = api.subscribe(`messages/${user.id}`, onPush);
    const load = () =>
      api.call('message.list', { limit: LIMIT }).then(
        (result) => {
          if (!alive) return;
          setMessages(result.messages);
          loaded = true;
          for (const event of early.splice(0)) apply(event);
        },
        (failure) => {
          if (alive) setError(errorText(failure));
        },
      );
    load();
    const offReconnect = api.on('reconnected', load);
    return () => {
      alive = false;
      off();
      offReconnect();
    };
  }, [user.id]);

  const remove = async (message) => {
    setError('');
    try {
      await api.call('message.delete', { messageNo: message.messageNo });
      setMessages((current) => (current ?? []).filter((m) => m.messageNo !== message.messageNo));
      setStatus(`Meddelandet om order ${message.orderNo} är borttaget.`);
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  return html`
    <section class="card messages" aria-labelledby="messages-title" data-testid="messages">
      <h2 id="messages-title">Meddelanden${messages && messages.length > 0 ? html` <span class="count-badge">${messages.length}</span>` : ''}</h2>
      <p class="visually-hidden" role="status">${status}</p>
      <p class="error" role="alert">${error}</p>
      ${messages === null && !error && html`<p class="loading">Hämtar meddelanden…</p>`}
      ${messages && messages.length === 0 && html`<p class="empty">Inga meddelanden. Här visas ändrade leveransdatum för dina order.</p>`}
      ${
        messages &&
        messages.length > 0 &&
        html`
        <ul class="message-list">
          ${messages.map(
            (m) => html`
            <li key=${m.messageNo} data-testid="message" data-orderno=${m.orderNo}>
              <p class="meta"><time datetime=${new Date(m.timeMs).toISOString()}>${dateTime(m.timeMs)}</time>${' · '}<a
                href=${href.order(m.orderNo)}>Order ${m.orderNo}</a></p>
              <p>${m.text}</p>
              <button type="button" class="button small" aria-label=${`Ta bort meddelandet om order ${m.orderNo}`}
                onClick=${() => remove(m)}>Ta bort</button>
            </li>`,
          )}
        </ul>`
      }
    </section>`;
}
