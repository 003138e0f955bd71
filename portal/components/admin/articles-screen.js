// @ts-check
// Administration › Artiklar: find an article with the catalog search (discontinued ones too) and open it
// (#/admin/artiklar/<artNo>), or create one (#/admin/artiklar/ny). The list follows article changes live.
import { html, useState } from '../../lib/html.js';
import { href } from '../../lib/routes.js';
import { kr, statusLabel } from '../../lib/format.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';
import { useArticlePushes } from '../../lib/use-article-pushes.js';
import { ArticleEditor } from './article-editor.js';

/** @typedef {import('../../lib/types.d.ts').SearchReply} SearchReply */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */
/** @typedef {{ user: import('../../lib/types.d.ts').User, param: string | null, query: URLSearchParams, readOnly: boolean }} ScreenProps */

const HITS = 25;
const NEW = 'ny';

/** @param {{ reply: SearchReply }} props */
function Hits({ reply }) {
  if (reply.hits.length === 0) return html`<p class="empty">Inga artiklar hittades.</p>`;
  return html`
    <div class="table-wrap">
      <table class="data-table compact" data-testid="admin-article-hits">
        <caption class="visually-hidden">Artiklar</caption>
        <thead><tr><th scope="col">Artikelnr</th><th scope="col">Benämning</th><th scope="col">Leverantör</th>
          <th scope="col">Status</th><th scope="col" class="num">Pris</th></tr></thead>
        <tbody>
          ${reply.hits.map(
            (a) => html`<tr key=${a.artNo}>
              <td class="mono">${a.artNo}</td>
              <td><a href=${href.admin('artiklar', a.artNo)}>${a.name}</a></td>
              <td>${a.supplier ?? a.supplierName ?? ''}</td>
              <td><span class=${`status status-${a.status}`}>${statusLabel(a.status)}</span></td>
              <td class="num">${kr(a.priceOre)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${reply.total > reply.hits.length && html`<p class="hint">Visar ${reply.hits.length} av ${reply.total}; skriv mer för att snäva in.</p>`}`;
}

/** @param {{ text: string, onText: (text: string) => void, readOnly: boolean }} props */
function ArticleFinder({ text, onText, readOnly }) {
  const asked = text.trim();
  const search = useQuery(
    asked === '' ? null : 'catalog.search',
    { text: asked, includeDiscontinued: true, limit: HITS },
    { keepData: true },
  );
  useArticlePushes(() => search.reload(), asked !== '');
  return html`
    <section class="card">
      <form role="search" aria-label="Hitta artikel" onSubmit=${(/** @type {Event} */ e) => e.preventDefault()}>
        <div class="field">
          <label for="admin-article-search">Sök artikel</label>
          <input id="admin-article-search" type="search" value=${text} maxLength="100" autocomplete="off" spellcheck="false"
            aria-describedby="admin-article-search-hint" onInput=${(/** @type {FieldEvent} */ e) => onText(e.currentTarget.value)} />
          <p id="admin-article-search-hint" class="hint">Artikelnummer, benämning eller leverantör. Utgångna artiklar visas också.</p>
        </div>
      </form>
      ${!readOnly && html`<p><a class="button" href=${href.admin('artiklar', NEW)} data-testid="admin-article-new">Ny artikel</a></p>`}
      ${search.error && html`<p class="error" role="alert">Sökningen misslyckades: ${search.error.message}</p>`}
      ${asked !== '' && search.data && html`<${Hits} reply=${/** @type {SearchReply} */ (search.data)} />`}
    </section>`;
}

/** @param {ScreenProps} props */
export function ArticlesScreen({ param, query, readOnly }) {
  const [text, setText] = useState(query.get('q') ?? '');
  const isNew = param === NEW;
  useTitle(
    isNew ? 'Ny artikel – Administration' : param ? `Artikel ${param} – Administration` : 'Artiklar – Administration',
  );
  if (param === null) {
    return html`<h1 tabindex="-1">Artiklar</h1>
      <p class="lead">Sök fram en artikel för att ändra den, eller skapa en ny.</p>
      <${ArticleFinder} text=${text} onText=${setText} readOnly=${readOnly} />`;
  }
  if (isNew && readOnly) return html`<p class="notice" role="alert">Du har inte behörighet att skapa artiklar.</p>`;
  return html`
    <nav class="breadcrumbs" aria-label="Artiklar"><ol>
      <li><a href=${href.admin('artiklar')}>Artiklar</a></li>
      <li><span aria-current="page">${isNew ? 'Ny artikel' : param}</span></li>
    </ol></nav>
    <h1 tabindex="-1">${isNew ? 'Ny artikel' : `Artikel ${param}`}</h1>
    ${!isNew && html`<p><a href=${href.artikel(param)}>Visa som förskrivare ser den</a></p>`}
    ${query.get('skapad') === '1' && html`<p class="notice" role="status" data-testid="article-created">Artikel ${param} är skapad.</p>`}
    <${ArticleEditor} key=${param} artNo=${isNew ? null : param} readOnly=${readOnly} />`;
}
