// @ts-check
// Varukatalog: the ISO 9999 tree (class → subclass → division) with article counts, "inkl. tillgängligt saldo", and the paged article table of a node.
import { html, useState, useRef } from '../lib/html.js';
import { useQuery } from '../lib/use-query.js';
import { useTitle } from '../lib/use-title.js';
import * as api from '../lib/api.js';
import { href } from '../lib/routes.js';
import { bufferWarehouseOf, count, isPrescriber, isoClass, isoCode } from '../lib/format.js';
import { useIncludeStock } from '../lib/prefs.js';
import { ArticleResults, Pager } from './article-results.js';

/** @typedef {import('../lib/types.d.ts').IsoTreeNode} IsoTreeNode */
/** @typedef {import('../lib/types.d.ts').User} User */
/** @typedef {import('../lib/types.d.ts').ArticleSummary} ArticleSummary */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const PAGE_SIZE = 50;
const ICON_CLASSES = new Set(['04', '09', '12', '18', '22']);

/** @param {string} code */
export function isoIcon(code) {
  const cls = isoClass(code);
  return `/img/iso-${ICON_CLASSES.has(cls) ? cls : 'generic'}.svg`;
}

/**
 * "12 06 06" → ["12", "12 06", "12 06 06"]
 * @param {string} code
 */
function ancestry(code) {
  const parts = code.split(' ');
  return parts.map((_, i) => parts.slice(0, i + 1).join(' '));
}

/** @param {{ path: IsoTreeNode[] }} props */
function Breadcrumbs({ path }) {
  return html`
    <nav class="breadcrumbs" aria-label="Du är här">
      <ol>
        <li><a href=${href.katalog()}>Varukatalog</a></li>
        ${path.map(
          (node, i) => html`
          <li>${
            i === path.length - 1
              ? html`<span aria-current="page">${isoCode(node.code)} ${node.titleSv}</span>`
              : html`<a href=${href.katalog(node.code)}>${isoCode(node.code)} ${node.titleSv}</a>`
          }</li>`,
        )}
      </ol>
    </nav>`;
}

/** @param {{ nodes: IsoTreeNode[], includeStock: boolean, showIcons: boolean }} props */
function NodeList({ nodes, includeStock, showIcons }) {
  const shown = nodes.filter((node) => node.articleCount > 0);
  const hidden = nodes.length - shown.length;
  if (nodes.length === 0) return null;
  return html`
    <ul class="iso-nodes">
      ${shown.map(
        (node) => html`
        <li class=${includeStock && node.inStockCount === 0 ? 'iso-node none-in-stock' : 'iso-node'}>
          <a href=${href.katalog(node.code)} class="iso-node-link" data-iso=${node.code}>
            ${showIcons && html`<img class="iso-icon" src=${isoIcon(node.code)} alt="" width="32" height="32" />`}
            <span class="iso-code">${isoCode(node.code)}</span>
            <span class="iso-titles">
              <span class="iso-title-sv">${node.titleSv}</span>
            </span>
          </a>
          <span class="iso-counts">
            <span class="count-articles">${count(node.articleCount)} ${node.articleCount === 1 ? 'artikel' : 'artiklar'}</span>
            ${
              includeStock &&
              typeof node.inStockCount === 'number' &&
              html`
              <span class="count-stock">${count(node.inStockCount)} i lager</span>`
            }
          </span>
        </li>`,
      )}
    </ul>
    ${hidden > 0 && html`<p class="hint">${hidden} ${hidden === 1 ? 'ISO-kod' : 'ISO-koder'} utan artiklar visas inte.</p>`}`;
}

/** @param {{ code: string, title: string, includeStock: boolean, buffer: string | null, orderable: boolean }} props */
function ArticleTable({ code, title, includeStock, buffer, orderable }) {
  const [page, setPage] = useState(0);
  const heading = useRef(/** @type {HTMLHeadingElement | null} */ (null));
  // The page shown stays while the next one loads; onResync reads the same page again without a loading state.
  const query = useQuery(
    'catalog.list',
    { isoCode: code, inStockOnly: includeStock, limit: PAGE_SIZE, offset: page * PAGE_SIZE },
    { keepData: true, select: (/** @type {{ total: number, articles: ArticleSummary[] }} */ r) => r },
  );
  const { data, loading } = query;
  const error = query.error ? query.error.message : '';

  const goTo = (/** @type {number} */ next) => {
    setPage(next);
    heading.current?.focus();
  };

  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const last = Math.min(total, (page + 1) * PAGE_SIZE);

  return html`
    <section class="card articles" aria-labelledby="articles-title" aria-busy=${loading ? 'true' : 'false'}>
      <div class="section-head">
        <h2 id="articles-title" tabindex="-1" ref=${heading}>Artiklar i ${isoCode(code)} ${title}</h2>
        ${
          data &&
          html`<p class="hint" role="status">
          ${total === 0 ? 'Inga artiklar' : `Visar ${count(first)}–${count(last)} av ${count(total)}`}${includeStock ? ' med tillgängligt saldo' : ''}
        </p>`
        }
      </div>
      ${error && html`<p class="error" role="alert">Kunde inte hämta artiklarna: ${error}</p>`}
      ${loading && !data && html`<p class="loading">Hämtar artiklar…</p>`}
      ${
        data &&
        data.articles.length > 0 &&
        html`
        <${ArticleResults} articles=${data.articles} buffer=${buffer} onResync=${query.reload} orderable=${orderable}
          caption=${`Artiklar i ISO-kod ${code}, sida ${page + 1} av ${pages}`} />
        <${Pager} page=${page} pages=${pages} busy=${loading} onPage=${goTo} />`
      }
      ${
        data &&
        data.articles.length === 0 &&
        !error &&
        html`
        <p class="empty">${includeStock ? 'Inga artiklar med tillgängligt saldo under denna ISO-kod.' : 'Inga artiklar under denna ISO-kod.'}</p>`
      }
    </section>`;
}

/**
 * The node of `code` (or the classes at the top) with its children and the path down to it.
 * @param {{ code: string | null, includeStock: boolean }} args
 * @returns {Promise<{ code: string | null, node: IsoTreeNode | null, path: IsoTreeNode[], children: IsoTreeNode[] }>}
 */
async function loadTree({ code, includeStock }) {
  if (code === null) {
    const { nodes } = await api.call('catalog.isoTree', { depth: 1, includeStock });
    return { code, node: null, path: [], children: nodes };
  }
  const lineage = ancestry(code);
  const [own, ...above] = await Promise.all([
    api.call('catalog.isoTree', { code, depth: 2, includeStock }),
    ...lineage.slice(0, -1).map((ancestor) => api.call('catalog.isoTree', { code: ancestor, depth: 1 })),
  ]);
  const [node, ...children] = own.nodes;
  return { code, node, path: [...above.map((r) => r.nodes[0]), node], children };
}

/** @param {{ user: User, code: string | null }} props */
export function IsoTreePage({ user, code }) {
  const [includeStock, setIncludeStock] = useIncludeStock();
  const buffer = bufferWarehouseOf(user);
  const query = useQuery(loadTree, { code, includeStock }, { keepData: true });
  const tree = query.data;
  const error = query.error
    ? query.error.code === 'not_found'
      ? `ISO-koden ${code} finns inte.`
      : query.error.message
    : '';
  const current = tree !== null && tree.code === code && !query.error ? tree : null;
  const node = current?.node ?? null;
  useTitle(node ? `${node.code} ${node.titleSv} – Varukatalog – Aidstock` : 'Varukatalog – Aidstock');

  const levelName = node === null ? 'Klasser' : node.level === 1 ? 'Underklasser' : 'Grupper';

  return html`
    ${code !== null && html`<${Breadcrumbs} path=${current?.path ?? []} />`}
    <div class="page-head">
      <div>
        <h1 tabindex="-1">${node ? html`<span class="iso-code">${isoCode(node.code)}</span> ${node.titleSv}` : 'Varukatalog'}</h1>
        ${!node && html`<p class="lead">Artiklar i Hjälpmedelscentrums sortiment per ISO-kod (ISO 9999). Välj klass, underklass och grupp.</p>`}
      </div>
      <div class="stock-toggle">
        <input type="checkbox" id="include-stock" checked=${includeStock}
          onChange=${(/** @type {FieldEvent} */ e) => setIncludeStock(e.currentTarget.checked)} aria-describedby="include-stock-hint" />
        <label for="include-stock">inkl. tillgängligt saldo</label>
        <span id="include-stock-hint" class="hint">Visar antal i lager 10 och bara artiklar som finns tillgängliga.</span>
      </div>
    </div>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${!current && !error && html`<p class="loading" role="status">Hämtar ISO-träd…</p>`}
    ${
      current &&
      current.children.length > 0 &&
      html`
      <section class="card" aria-labelledby="nodes-title">
        <h2 id="nodes-title">${levelName}${node ? html` under ${isoCode(node.code)}` : ''}</h2>
        <${NodeList} nodes=${current.children} includeStock=${includeStock} showIcons=${node === null} />
      </section>`
    }
    ${
      code !== null &&
      !error &&
      html`
      <${ArticleTable} key=${`${code}|${includeStock}`} code=${code} title=${node?.titleSv ?? ''} includeStock=${includeStock} buffer=${buffer}
        orderable=${isPrescriber(user)} />`
    }`;
}
