// @ts-check
// Result list of articles for Sök artikel and Varukatalog: live balances (lager 10, eget förråd) by push, arrow keys between rows, paging.
import { html, useState, useEffect, useRef } from '../lib/html.js';
import * as api from '../lib/api.js';
import { href } from '../lib/routes.js';
import { count, isoCode, kindShort, statusLabel } from '../lib/format.js';

/** @typedef {import('../lib/types.d.ts').ArticleSummary} ArticleSummary */
/** @typedef {import('../lib/types.d.ts').StockPush} StockPush */
/** Balances pushed for one row, newer than the reply; pulse*: seq of the push (re-runs the highlight). @typedef {{ main?: number, buffer?: number, pulseMain?: number, pulseBuffer?: number }} Pushed */

const MAIN = '10';
let nextListId = 1;

/**
 * Balances pushed on `stock/<artNo>` for the rows on screen, newer than the reply the rows came from.
 * Subscribes the rows that arrive, unsubscribes the rows that leave, and asks the owner to read the list
 * again (onResync) once new subscriptions are in place or after a reconnect: a change that happened between
 * the reply and the subscription would otherwise never show.
 * @param {ArticleSummary[]} articles
 * @param {string | null} buffer
 * @param {(() => void) | undefined} onResync
 * @returns {Record<string, Pushed>}
 */
function useLiveStock(articles, buffer, onResync) {
  /** { source: the articles array the values are newer than, values: artNo → { main?, buffer?, pulseMain, pulseBuffer } } */
  const [live, setLive] = useState({ source: articles, values: /** @type {Record<string, Pushed>} */ ({}) });
  const source = useRef(articles);
  const subscriptions = useRef(/** @type {Map<string, () => void>} */ (new Map()));
  const resync = useRef(onResync);
  const bufferRef = useRef(buffer);
  source.current = articles;
  resync.current = onResync;
  bufferRef.current = buffer;

  const wanted = articles.map((a) => a.artNo).join(',');
  useEffect(() => {
    const keep = new Set(wanted === '' ? [] : wanted.split(','));
    const subs = subscriptions.current;
    for (const [artNo, unsubscribe] of subs) {
      if (keep.has(artNo)) continue;
      unsubscribe();
      subs.delete(artNo);
    }
    let added = 0;
    for (const artNo of keep) {
      if (subs.has(artNo)) continue;
      added++;
      subs.set(
        artNo,
        api.subscribe(`stock/${artNo}`, (/** @type {StockPush} */ event) => {
          if (event?.type !== 'stock' || event.artNo !== artNo) return;
          const field = event.warehouse === MAIN ? 'main' : event.warehouse === bufferRef.current ? 'buffer' : null;
          if (field === null) return;
          setLive((current) => {
            const values = current.source === source.current ? current.values : {};
            const pulse = field === 'main' ? 'pulseMain' : 'pulseBuffer';
            return {
              source: source.current,
              values: { ...values, [artNo]: { ...values[artNo], [field]: event.available, [pulse]: event.seq } },
            };
          });
        }),
      );
    }
    if (added > 0) resync.current?.();
  }, [wanted]);

  useEffect(() => {
    const off = api.on('reconnected', () => resync.current?.());
    return () => {
      off();
      for (const unsubscribe of subscriptions.current.values()) unsubscribe();
      subscriptions.current.clear();
    };
  }, []);

  return live.source === articles ? live.values : {};
}

/**
 * A balance figure; re-keyed on each push so the highlight runs again.
 * @param {{ value: number, pulse: number | undefined, testId: string }} props
 */
function Qty({ value, pulse, testId }) {
  return html`<span key=${pulse ?? 0} class=${`qty${value > 0 ? '' : ' zero'}${pulse ? ' pulse' : ''}`} data-testid=${testId}>${count(value)}</span>`;
}

/**
 * Arrow keys between the rows' links: only the active row's link is in the Tab order; ArrowUp/ArrowDown/Home/End
 * move between rows. The first row is active again when the list changes.
 * @param {ArticleSummary[]} articles
 */
function useRowKeys(articles) {
  const [active, setActive] = useState(0);
  const body = useRef(/** @type {HTMLTableSectionElement | null} */ (null));
  const order = articles.map((a) => a.artNo).join(',');
  useEffect(() => {
    setActive(0);
  }, [order]);
  const current = Math.min(active, Math.max(0, articles.length - 1));

  const links = () =>
    /** @type {HTMLAnchorElement[]} */ ([...(body.current?.querySelectorAll('a[data-row-link]') ?? [])]);
  const move = (/** @type {number} */ to) => {
    const all = links();
    if (all.length === 0) return;
    const next = Math.max(0, Math.min(all.length - 1, to));
    setActive(next);
    all[next].focus();
    all[next].closest('tr')?.scrollIntoView({ block: 'nearest' });
  };
  const onKeyDown = (/** @type {KeyboardEvent} */ event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const at = links().indexOf(/** @type {HTMLAnchorElement} */ (event.target));
    if (at === -1) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: Infinity }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    move(to);
  };
  return { body, current, setActive, onKeyDown };
}

/**
 * Beställ: the order wizard starting with the article (not for a discontinued one, which cannot be ordered). A button,
 * so the row keeps one link (the article's); it is in the Tab order with that link, right after it.
 * @param {{ article: ArticleSummary, tabbable: boolean }} props
 */
function OrderCell({ article, tabbable }) {
  return html`<td class="order">${
    article.status !== 'discontinued' &&
    html`<button type="button" class="button small" data-testid="order-article" tabindex=${tabbable ? 0 : -1}
      aria-label=${`Beställ ${article.artNo} ${article.name}`}
      onClick=${() => {
        location.hash = href.bestall(null, article.artNo);
      }}>Beställ</button>`
  }</td>`;
}

/**
 * @param {{ article: ArticleSummary, pushed: Pushed, buffer: string | null, showIso: boolean,
 *   onPick: ((article: ArticleSummary) => void) | null, orderable: boolean, tabbable: boolean, onFocus: () => void }} props
 */
function ResultRow({ article, pushed, buffer, showIso, onPick, orderable, tabbable, onFocus }) {
  const main = pushed.main ?? article.available.main;
  const own = pushed.buffer ?? article.available.buffer?.available ?? 0;
  // A click anywhere in a row opens the article (the link stays the keyboard and screen reader target).
  const onRowClick = (/** @type {MouseEvent} */ event) => {
    const target = /** @type {Element} */ (event.target);
    if (onPick || target.closest('a, button') || window.getSelection()?.toString()) return;
    location.hash = href.artikel(article.artNo);
  };
  return html`
    <tr data-testid="result-row" data-artno=${article.artNo} data-available=${main} onClick=${onRowClick}>
      <td class="mono">${article.artNo}</td>
      <td class="name">
        <a href=${href.artikel(article.artNo)} data-row-link tabindex=${tabbable ? 0 : -1}
          target=${onPick ? '_blank' : undefined} rel=${onPick ? 'noopener noreferrer' : undefined}
          onFocus=${onFocus}>${article.name}${onPick && html`<span class="visually-hidden"> (öppnas i nytt fönster)</span>`}</a>
        ${showIso && html`<span class="row-iso">ISO ${isoCode(article.isoCode)}</span>`}
      </td>
      <td>${article.supplier ?? article.supplierName}</td>
      <td>${kindShort(article.kind)}</td>
      <td><span class=${`status status-${article.status}`}>${statusLabel(article.status)}</span>${article.available.recallNo !== undefined && html` <span class="tag warn" data-testid="result-recalled">Återkallad</span>`}</td>
      <td class="num"><${Qty} value=${article.available.recallNo !== undefined ? 0 : main} pulse=${pushed.pulseMain} testId="result-available-main" /></td>
      ${buffer && html`<td class="num"><${Qty} value=${own} pulse=${pushed.pulseBuffer} testId="result-available-buffer" /></td>`}
      ${
        onPick &&
        html`<td class="pick"><button type="button" class="button small" data-testid="pick-article"
        aria-label=${`Lägg till ${article.artNo} ${article.name}`} onClick=${() => onPick(article)}>Lägg till</button></td>`
      }
      ${orderable && !onPick && html`<${OrderCell} article=${article} tabbable=${tabbable} />`}
    </tr>`;
}

/**
 * articles: [{ artNo, name, supplier | supplierName, isoCode, kind, status, available: { main, buffer? } }]
 * buffer: the user's own buffer warehouse or null (adds the "Eget förråd" column).
 * Only the active row's link is in the Tab order; ArrowUp/ArrowDown/Home/End move between rows, Enter opens.
 * onPick(article): pick mode (the order wizard): each row gets a "Lägg till" button, a row click no longer leaves the
 * page, and the article link opens in a new window so the order being written is kept.
 * orderable (prescribers, outside pick mode): each row but a discontinued one gets a "Beställ" link to the wizard.
 * @param {{ articles: ArticleSummary[], buffer: string | null, caption: string, onResync?: () => void, showIso?: boolean,
 *   testId?: string, onPick?: ((article: ArticleSummary) => void) | null, orderable?: boolean }} props
 */
export function ArticleResults({
  articles,
  buffer,
  caption,
  onResync,
  showIso = false,
  testId = 'article-table',
  onPick = null,
  orderable = false,
}) {
  const ordering = orderable && !onPick;
  const live = useLiveStock(articles, buffer, onResync);
  const keys = useRowKeys(articles);
  const hintId = useRef(/** @type {string | null} */ (null));
  if (hintId.current === null) hintId.current = `results-keys-${nextListId++}`;

  return html`
    <div class="table-wrap">
      <table class=${onPick ? 'data-table results picking' : 'data-table results'} data-testid=${testId} aria-describedby=${hintId.current}>
        <caption class="visually-hidden">${caption}</caption>
        <thead>
          <tr>
            <th scope="col">Artikelnr</th>
            <th scope="col">Benämning</th>
            <th scope="col">Leverantör</th>
            <th scope="col">Hyra/köp</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">Tillgängligt<br /><span class="th-sub">lager 10</span></th>
            ${buffer && html`<th scope="col" class="num">Eget förråd<br /><span class="th-sub">${buffer}</span></th>`}
            ${onPick && html`<th scope="col"><span class="visually-hidden">Lägg till</span></th>`}
            ${ordering && html`<th scope="col" class="order"><span class="visually-hidden">Beställ</span></th>`}
          </tr>
        </thead>
        <tbody ref=${keys.body} onKeyDown=${keys.onKeyDown}>
          ${articles.map(
            (article, i) => html`
            <${ResultRow} key=${article.artNo} article=${article} pushed=${live[article.artNo] ?? {}} buffer=${buffer}
              showIso=${showIso} onPick=${onPick} orderable=${ordering} tabbable=${i === keys.current} onFocus=${() => keys.setActive(i)} />`,
          )}
        </tbody>
      </table>
    </div>
    <p id=${hintId.current} class="hint keys-hint">
      <span class="live-dot" aria-hidden="true"></span>Saldot uppdateras direkt när det ändras.
      Med tangentbordet: Tabb till listan, pil upp och ned mellan artiklarna, Enter öppnar artikeln${onPick ? ' i ett nytt fönster' : ''}.
    </p>`;
}

/**
 * ‹ Föregående · Sida n av m · Nästa › (page is 0-based).
 * @param {{ page: number, pages: number, busy: boolean, onPage: (page: number) => void }} props
 */
export function Pager({ page, pages, busy, onPage }) {
  if (pages <= 1) return null;
  return html`
    <nav class="pager" aria-label="Sidor">
      <button type="button" class="button" disabled=${page === 0 || busy} onClick=${() => onPage(page - 1)}>‹ Föregående</button>
      <span class="pager-pos">Sida ${page + 1} av ${pages}</span>
      <button type="button" class="button" disabled=${page + 1 >= pages || busy} onClick=${() => onPage(page + 1)}>Nästa ›</button>
    </nav>`;
}
