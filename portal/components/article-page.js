// @ts-check
// Artikelinformation: one article with live available balance (lager 10 and the user's own buffer), price, status, set parts, accessories, replacement, links and image.
import { html, useState } from '../lib/html.js';
import { useQuery } from '../lib/use-query.js';
import { useArticlePushes } from '../lib/use-article-pushes.js';
import { useTitle } from '../lib/use-title.js';
import { href } from '../lib/routes.js';
import { count, isPrescriber, isoCode, kindLabel, kindShort, kr, statusLabel } from '../lib/format.js';
import { isoIcon } from './iso-tree-page.js';
// Issue 15, recalls:
import { RecallNotice } from './recall-notice.js';

/** @typedef {import('../lib/types.d.ts').ArticleSummary} ArticleSummary */
/** @typedef {import('../lib/types.d.ts').ArticlePageView} ArticlePageView */
/** @typedef {import('../lib/types.d.ts').StockPush} StockPush */
/** @typedef {import('../lib/types.d.ts').ComponentChildren} ComponentChildren */

/**
 * The balances shown, kept up to date by pushes; pulse: the seq of the last push per figure (re-runs the highlight).
 * @typedef {{ main: number, buffer: { warehouse: string, available: number } | null, pulse: { main: number, buffer: number } }} ArticleStock
 */
/** @typedef {{ page: ArticlePageView, stock: ArticleStock }} ArticleView */

const MAIN = '10';
const OUTGOING_NOTE = 'Status utgående med noll (0) i saldo kan endast levereras om HMC får något i retur.';

/**
 * Article image; if it cannot be loaded, a neutral placeholder with the ISO class icon instead of a broken image.
 * @param {{ src: string | null, name: string, code: string }} props
 */
function ArticleImage({ src, name, code }) {
  const [failed, setFailed] = useState(false);
  if (!src) return null;
  if (failed) {
    return html`
      <figure class="article-image placeholder">
        <img src=${isoIcon(code)} alt="" width="96" height="96" />
        <figcaption>Bild saknas</figcaption>
      </figure>`;
  }
  return html`
    <figure class="article-image">
      <img src=${src} alt=${`Bild på ${name}`} onError=${() => setFailed(true)} />
    </figure>`;
}

/**
 * A live balance figure; re-keyed on each push so the highlight animation runs again.
 * @param {{ testId: string, value: number, pulse: number }} props
 */
function Balance({ testId, value, pulse }) {
  return html`
    <span class=${pulse ? 'balance-value pulse' : 'balance-value'} key=${pulse} data-testid=${testId}
      data-zero=${value <= 0 ? 'true' : 'false'}>${count(value)}</span>`;
}

/** @param {{ articles: ArticleSummary[], caption: string }} props */
function ArticleRows({ articles, caption }) {
  return html`
    <div class="table-wrap">
      <table class="data-table compact">
        <caption class="visually-hidden">${caption}</caption>
        <thead>
          <tr>
            <th scope="col">Artikelnr</th>
            <th scope="col">Benämning</th>
            <th scope="col">Hyra/köp</th>
            <th scope="col" class="num">Pris</th>
            <th scope="col" class="num">Tillgängligt lager 10</th>
          </tr>
        </thead>
        <tbody>
          ${articles.map(
            (a) => html`
            <tr key=${a.artNo}>
              <td class="mono">${a.artNo}</td>
              <td><a href=${href.artikel(a.artNo)}>${a.name}</a>${a.status !== 'active' ? html` <span class=${`status status-${a.status}`}>${statusLabel(a.status)}</span>` : ''}</td>
              <td>${kindShort(a.kind)}</td>
              <td class="num">${kr(a.priceOre)}</td>
              <td class="num"><span class=${a.available.main > 0 ? 'qty' : 'qty zero'}>${count(a.available.main)}</span></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

/** @param {string | null | undefined} url */
function external(url) {
  return /^https?:\/\//.test(url ?? '');
}

/** @param {{ url: string, children: ComponentChildren }} props */
function Link({ url, children }) {
  return external(url)
    ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${children}<span class="visually-hidden"> (öppnas i nytt fönster)</span></a>`
    : html`<a href=${url}>${children}</a>`;
}

/**
 * Leverantör, ISO-kod, Hyra/köp, Pris, Status; the outgoing note and the replacement, if any.
 * @param {{ page: ArticlePageView, supplierUrl: string | null, mainAvailable: number }} props
 */
function ArticleFacts({ page, supplierUrl, mainAvailable }) {
  const { article, supplier, isoPath, replacedBy } = page;
  const leaf = isoPath[isoPath.length - 1];
  return html`
    <section class="card" aria-labelledby="facts-title">
      <h2 id="facts-title" class="visually-hidden">Uppgifter</h2>
      <dl class="facts">
        <div><dt>Leverantör</dt><dd>${supplierUrl ? html`<${Link} url=${supplierUrl}>${supplier.name}<//>` : supplier.name}</dd></div>
        <div><dt>ISO-kod</dt><dd><a href=${href.katalog(article.isoCode)}>${isoCode(article.isoCode)}</a>${leaf ? ` ${leaf.titleSv}` : ''}</dd></div>
        <div><dt>Hyra/köp</dt><dd>${kindLabel(article.kind)}</dd></div>
        <div><dt>Pris</dt><dd data-testid="article-price">${kr(article.priceOre)}</dd></div>
        <div><dt>Status</dt><dd>${statusLabel(article.status)}</dd></div>
      </dl>
      ${
        article.status === 'outgoing' &&
        html`
        <p class=${mainAvailable <= 0 ? 'note warn' : 'note'} data-testid="outgoing-note">${OUTGOING_NOTE}</p>`
      }
      ${
        replacedBy &&
        html`
        <p class="note" data-testid="replaced-by">Ersätts av <a href=${href.artikel(replacedBy.artNo)}>${replacedBy.artNo} ${replacedBy.name}</a>${' '}
          (tillgängligt lager 10: ${count(replacedBy.available.main)}).</p>`
      }
    </section>`;
}

/**
 * Tilläggstext: the further articles that make the article a complete set.
 * @param {{ parts: ArticleSummary[] }} props
 */
function SetParts({ parts }) {
  if (parts.length === 0) return null;
  return html`
    <section class="card set-parts" aria-labelledby="setparts-title">
      <h2 id="setparts-title" class="set-parts-title">Tilläggsartiklar krävs för komplett set</h2>
      <ul>
        ${parts.map(
          (part) => html`
          <li><a href=${href.artikel(part.artNo)}><span class="mono">${part.artNo}</span> ${part.name}</a>
            <span class="hint"> · ${kindShort(part.kind)} · ${kr(part.priceOre)} · ${count(part.available.main)} i lager 10</span></li>`,
        )}
      </ul>
    </section>`;
}

/**
 * Tillgängligt saldo in lager 10 and the user's own buffer, live.
 * @param {{ stock: ArticleStock, investigation: number }} props
 */
function BalanceCard({ stock, investigation }) {
  return html`
    <section class="card balance" aria-labelledby="balance-title">
      <h2 id="balance-title">Tillgängligt saldo</h2>
      <div aria-live="polite" aria-atomic="false">
        <p class="balance-row">
          <span class="balance-label">Tillgängligt saldo lager 10</span>
          <${Balance} testId="available-main" value=${stock.main} pulse=${stock.pulse.main} />
        </p>
        ${
          stock.buffer &&
          html`
          <p class="balance-row">
            <span class="balance-label">Tillgängligt i ert förråd (${stock.buffer.warehouse})</span>
            <${Balance} testId="available-buffer" value=${stock.buffer.available} pulse=${stock.pulse.buffer} />
          </p>`
        }
      </div>
      ${investigation > 0 && html`<p class="note info" data-testid="investigation-note">Finns i utredningslager – kontakta HMC</p>`}
      <p class="hint live-hint"><span class="live-dot" aria-hidden="true"></span>Saldot uppdateras direkt när det ändras.</p>
    </section>`;
}

/** @param {{ supplierUrl: string | null, supplierName: string, manualUrl: string | null }} props */
function ArticleLinks({ supplierUrl, supplierName, manualUrl }) {
  if (!supplierUrl && !manualUrl) return null;
  return html`
    <section class="card" aria-labelledby="links-title">
      <h2 id="links-title">Länkar</h2>
      <ul class="plain links">
        ${supplierUrl && html`<li><${Link} url=${supplierUrl}>Leverantörens webbplats (${supplierName})<//></li>`}
        ${manualUrl && html`<li><${Link} url=${manualUrl}>Bruksanvisning<//></li>`}
      </ul>
    </section>`;
}

/**
 * The page as shown: catalog.article's reply, and the balances pushes keep up to date (with a pulse per push).
 * @param {ArticlePageView} result
 * @returns {ArticleView}
 */
function articleView(result) {
  const { buffer } = result.available;
  return {
    page: result,
    stock: {
      main: result.available.main,
      buffer: buffer === undefined ? null : { warehouse: buffer.warehouse, available: buffer.available },
      pulse: { main: 0, buffer: 0 },
    },
  };
}

/**
 * A `stock/<artNo>` push applied to the balances shown (other warehouses are not on this page).
 * @param {ArticleView} view
 * @param {StockPush} event
 * @returns {ArticleView}
 */
function withStockPush(view, event) {
  const { stock } = view;
  if (event.warehouse === MAIN) {
    return { ...view, stock: { ...stock, main: event.available, pulse: { ...stock.pulse, main: event.seq } } };
  }
  if (stock.buffer !== null && event.warehouse === stock.buffer.warehouse) {
    return {
      ...view,
      stock: {
        ...stock,
        buffer: { warehouse: stock.buffer.warehouse, available: event.available },
        pulse: { ...stock.pulse, buffer: event.seq },
      },
    };
  }
  return view;
}

/**
 * The article with live balances: pushes on `stock/<artNo>` after the reply are newer than it (subscribed first).
 * @param {string} artNo
 */
function useArticle(artNo) {
  const query = useQuery(
    'catalog.article',
    { artNo },
    {
      topic: `stock/${artNo}`,
      select: articleView,
      onPush: (event, query) => {
        if (event?.type === 'stock' && event.artNo === artNo) query.patch((view) => withStockPush(view, event));
      },
    },
  );
  // An admin change of this article or of one it shows (set part, accessory, replacement): read the page again.
  useArticlePushes(
    () => query.reload(),
    true,
    (push) => push.article.artNo === artNo || shownArticles(query.data?.page).has(push.article.artNo),
  );
  return query;
}

/**
 * The articles the page lists besides its own.
 * @param {ArticlePageView | undefined} page
 */
function shownArticles(page) {
  if (page === undefined) return new Set();
  const listed = [...page.setParts, ...page.accessories, ...(page.replacedBy ? [page.replacedBy] : [])];
  return new Set(listed.map((a) => a.artNo));
}

/** @typedef {import('../lib/types.d.ts').User} User */

/** @param {{ artNo: string, user: User }} props */
export function ArticlePage({ artNo, user }) {
  const { data, error } = useArticle(artNo);
  const page = data?.page ?? null;
  const stock = data?.stock ?? null;
  useTitle(
    page
      ? `${page.article.name} (${page.article.artNo}) – Artikelinformation – Aidstock`
      : 'Artikelinformation – Aidstock',
  );

  if (error && data === null) {
    return html`
      <h1 tabindex="-1">Artikelinformation</h1>
      <p class="error" role="alert">${error.code === 'not_found' ? `Artikel ${artNo} finns inte.` : `Kunde inte hämta artikeln: ${error.message}`}</p>
      <p><a href=${href.katalog()}>Till Varukatalogen</a></p>`;
  }
  if (page === null || stock === null) return html`<p class="loading" role="status">Hämtar artikel ${artNo}…</p>`;

  const { article, supplier, isoPath, setParts, accessories } = page;
  const supplierUrl = article.supplierUrl ?? supplier.url;
  return html`
    <nav class="breadcrumbs" aria-label="ISO-kod">
      <ol>
        <li><a href=${href.katalog()}>Varukatalog</a></li>
        ${isoPath.map((node) => html`<li><a href=${href.katalog(node.code)}>${isoCode(node.code)} ${node.titleSv}</a></li>`)}
        <li><span aria-current="page">${article.artNo}</span></li>
      </ol>
    </nav>

    <article class="article" aria-labelledby="article-title">
      <header class="article-head">
        <p class="eyebrow">Artikelinformation</p>
        <h1 id="article-title" tabindex="-1">${article.name}</h1>
        <p class="article-id">Artikelnummer <span class="mono" data-testid="article-artno">${article.artNo}</span>
          <span class=${`status status-${article.status}`}>${statusLabel(article.status)}</span>
          <span class="tag">${kindLabel(article.kind)}</span></p>
        <${RecallNotice} artNo=${article.artNo} />
        ${
          isPrescriber(user) &&
          article.status !== 'discontinued' &&
          html`<p class="article-order"><a class="button primary" href=${href.bestall(null, article.artNo)}
            data-testid="order-article">Beställ</a></p>`
        }
      </header>

      <div class="article-grid">
        <div class="article-main">
          <${ArticleFacts} page=${page} supplierUrl=${supplierUrl} mainAvailable=${stock.main} />
          <${SetParts} parts=${setParts} />
          ${
            accessories.length > 0 &&
            html`
            <section class="card" aria-labelledby="accessories-title">
              <h2 id="accessories-title">Vanligaste tillbehören</h2>
              <${ArticleRows} articles=${accessories} caption=${`Vanligaste tillbehören till ${article.name}`} />
            </section>`
          }
        </div>

        <aside class="article-side" aria-label="Saldo och länkar">
          <${BalanceCard} stock=${stock} investigation=${page.available.investigation ?? 0} />
          <${ArticleImage} key=${article.imageUrl ?? ''} src=${article.imageUrl} name=${article.name} code=${article.isoCode} />
          <${ArticleLinks} supplierUrl=${supplierUrl} supplierName=${supplier.name} manualUrl=${article.manualUrl} />
        </aside>
      </div>
    </article>`;
}
