// @ts-check
// Aktuellt från Hjälpmedelscentrum on the start page: the news HMC has published (news.list). HMC staff publish and
// withdraw items here too.
import { html, useState } from '../lib/html.js';
import { useQuery } from '../lib/use-query.js';
import * as api from '../lib/api.js';
import { date, isStaff } from '../lib/format.js';
import { useAction } from '../lib/use-action.js';

/** @typedef {import('../lib/types.d.ts').User} User */
/** @typedef {import('../lib/types.d.ts').NewsItem} NewsItem */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const TITLE_CHARS_MAX = 80;
const TEXT_CHARS_MAX = 1000;
const SHOWN = 10;

/**
 * The calendar day in Sweden of a time (YYYY-MM-DD).
 * @param {number} ms
 */
function swedishDay(ms) {
  return new Date(ms).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/** @param {{ onDone: () => void }} props */
function PublishForm({ onDone }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const { busy, error, setError, run } = useAction();
  const publish = async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    if (title.trim() === '' || text.trim() === '') return setError('Skriv rubrik och text.');
    const done = await run(() => api.call('admin.newsPublish', { title: title.trim(), text: text.trim() }));
    if (done === undefined) return undefined;
    setTitle('');
    setText('');
    return onDone();
  };
  return html`
    <details class="news-publish">
      <summary>Publicera en nyhet</summary>
      <form onSubmit=${publish}>
        <div class="field"><label for="news-title-input">Rubrik</label>
          <input id="news-title-input" maxLength=${TITLE_CHARS_MAX} value=${title} onInput=${(/** @type {FieldEvent} */ e) => setTitle(e.currentTarget.value)} /></div>
        <div class="field"><label for="news-text-input">Text</label>
          <textarea id="news-text-input" rows="3" maxLength=${TEXT_CHARS_MAX} value=${text} onInput=${(/** @type {FieldEvent} */ e) => setText(e.currentTarget.value)}></textarea></div>
        <button type="submit" class="button" disabled=${busy}>${busy ? 'Publicerar…' : 'Publicera'}</button>
        <p class="error" role="alert">${error}</p>
      </form>
    </details>`;
}

/** @param {{ user: User }} props */
export function NewsPanel({ user }) {
  const query = useQuery('news.list', { limit: SHOWN }, { select: (/** @type {{ news: NewsItem[] }} */ r) => r.news });
  // A failed read shows as no news rather than an error: the start page stays usable.
  const news = query.data ?? (query.error ? [] : null);
  const reload = query.reload;
  const withdraw = (/** @type {number} */ newsNo) => api.call('admin.newsDelete', { newsNo }).then(reload, reload);
  const staff = isStaff(user);
  return html`
    <section class="card news" aria-labelledby="news-title" data-testid="news">
      <h2 id="news-title">Aktuellt från Hjälpmedelscentrum</h2>
      ${staff && html`<${PublishForm} onDone=${reload} />`}
      ${
        news === null
          ? html`<p class="loading" role="status">Hämtar nyheter…</p>`
          : news.length === 0
            ? html`<p>Inga nyheter just nu.</p>`
            : html`
          <ul class="news-list">
            ${news.map(
              (item) => html`
              <li key=${item.newsNo} data-newsno=${item.newsNo}>
                <h3>${item.title}</h3>
                <p class="meta"><time datetime=${swedishDay(item.timeMs)}>${date(swedishDay(item.timeMs))}</time></p>
                <p>${item.text}</p>
                ${
                  staff &&
                  html`<button type="button" class="link-button" onClick=${() => withdraw(item.newsNo)}
                  aria-label=${`Ta bort nyheten ${item.title}`}>Ta bort</button>`
                }
              </li>`,
            )}
          </ul>`
      }
    </section>`;
}
