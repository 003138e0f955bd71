// @ts-check
// Ersättningskedjor (admin): find an article by number or name, then its whole chain both ways (the articles it
// replaces, itself, its replacements), each hop with status and available stock per warehouse, and what a new order
// would get per profession (the engine's own proposal rule). An admin changes the replaced-by link: the proposal is
// checked by the engine's rule first (catalog.replacementCheck), and only an allowed link can be saved.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { count, professionLabel, statusLabel } from '../../lib/format.js';
import { errorText } from '../../lib/order-errors.js';
import { href } from '../../lib/routes.js';
import { useAction } from '../../lib/use-action.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';

/** @typedef {import('../../lib/types.d.ts').ReplacementChainView} ReplacementChainView */
/** @typedef {import('../../lib/types.d.ts').ChainHopView} ChainHopView */
/** @typedef {import('../../lib/types.d.ts').ReplacementCheckView} ReplacementCheckView */
/** @typedef {import('../../lib/types.d.ts').ArticleSummary} ArticleSummary */
/** @typedef {{ currentTarget: HTMLInputElement }} FieldEvent */

const ART_NO = /^\d{6}$/;

/** @param {{ initial: string }} props */
function ArticleLookup({ initial }) {
  const [text, setText] = useState(initial);
  const [asked, setAsked] = useState('');
  const hits = useQuery(asked === '' ? null : 'catalog.search', { text: asked, includeDiscontinued: true, limit: 10 });
  const submit = (/** @type {Event} */ e) => {
    e.preventDefault();
    const typed = text.trim();
    if (ART_NO.test(typed)) window.location.hash = href.admin('kedjor', typed);
    else setAsked(typed);
  };
  /** @type {ArticleSummary[]} */
  const found = hits.data?.hits ?? [];
  return html`<form class="admin-lookup" onSubmit=${submit} role="search">
    <label for="chain-lookup">Artikelnummer eller namn</label>
    <input id="chain-lookup" value=${text} onInput=${(/** @type {FieldEvent} */ e) => setText(e.currentTarget.value)} />
    <button type="submit" class="button">Visa kedja</button>
    ${asked !== '' && hits.data && found.length === 0 && html`<p class="hint">Inga artiklar hittades.</p>`}
    ${found.length > 0 && html`<ul class="plain admin-hits" data-testid="chain-hits">${found.map((a) => html`<li key=${a.artNo}><a href=${href.admin('kedjor', a.artNo)}><span class="mono">${a.artNo}</span> ${a.name}</a> <span class="hint">${statusLabel(a.status)}</span></li>`)}</ul>`}
  </form>`;
}

/** @param {{ hop: ChainHopView, warehouse: string, current: boolean }} props */
function HopRow({ hop, warehouse, current }) {
  const step =
    hop.hops === 0
      ? 'Vald artikel'
      : hop.hops < 0
        ? `Ersatt (${-hop.hops} steg bakåt)`
        : `Ersättare (${hop.hops} steg)`;
  const others = hop.stock.filter((row) => row.warehouse !== warehouse && row.available !== 0);
  return html`<tr data-artno=${hop.artNo} class=${current ? 'chain-current' : undefined} aria-current=${current ? 'true' : undefined}>
    <td>${step}</td>
    <td class="mono">${current ? hop.artNo : html`<a href=${href.admin('kedjor', hop.artNo)}>${hop.artNo}</a>`}</td>
    <td class="name"><a href=${href.artikel(hop.artNo)}>${hop.name}</a></td>
    <td><span class=${`status status-${hop.status}`}>${statusLabel(hop.status)}</span></td>
    <td class="num">${count(hop.available)}</td>
    <td class="num">${count(hop.totalAvailable)}</td>
    <td class="hint">${others.map((row) => `${row.warehouse}: ${row.available}`).join(' · ') || '–'}</td>
  </tr>`;
}

/** @param {{ chain: ReplacementChainView }} props */
function ChainTable({ chain }) {
  const rows = [...chain.predecessors].reverse().concat([chain.article], chain.successors);
  return html`<div class="table-wrap"><table class="data-table" data-testid="chain">
    <caption class="visually-hidden">Ersättningskedja för ${chain.article.artNo}</caption>
    <thead><tr><th>Steg</th><th>Artikel</th><th>Benämning</th><th>Status</th><th class="num">Lager ${chain.warehouse}</th><th class="num">Totalt</th><th>Övriga lager</th></tr></thead>
    <tbody>${rows.map((hop) => html`<${HopRow} key=${hop.artNo} hop=${hop} warehouse=${chain.warehouse} current=${hop.hops === 0} />`)}</tbody>
  </table></div>
  ${chain.predecessorsTruncated && html`<p class="hint">Fler artiklar ersätts av denna än vad som visas.</p>`}`;
}

/** @param {ReplacementChainView['proposals'][number]} p @param {ReplacementChainView} chain */
function proposalText(p, chain) {
  if (p.outcome === 'available') return 'får artikeln själv (finns i lager)';
  const name = chain.successors.find((hop) => hop.artNo === p.artNo)?.name ?? '';
  if (p.outcome === 'proposal') return `föreslås ${p.artNo} ${name} (${p.hops} steg i kedjan)`;
  if (p.outcome === 'forbidden') return 'får inte förskriva artikeln';
  if (p.outcome === 'discontinued') return 'artikeln har utgått och ingen ersättare finns i lager';
  return 'restnoteras: ingen likvärdig artikel i lager';
}

/** @param {{ chain: ReplacementChainView }} props */
function Proposals({ chain }) {
  return html`<section class="card"><h2>Vad förskrivare får (1 st, lager ${chain.warehouse})</h2>
    <ul class="plain" data-testid="chain-proposals">${chain.proposals.map((p) => html`<li key=${p.profession} data-profession=${p.profession}><strong>${professionLabel(p.profession)}:</strong> ${proposalText(p, chain)}</li>`)}</ul>
  </section>`;
}

/** @param {{ article: ChainHopView, onSaved: (text: string) => void }} props */
function LinkEditor({ article, onSaved }) {
  const [text, setText] = useState(article.replacedBy ?? '');
  const typed = text.trim();
  const valid = typed === '' || ART_NO.test(typed);
  const replacedBy = typed === '' ? null : typed;
  const check = useQuery(valid ? 'catalog.replacementCheck' : null, { artNo: article.artNo, replacedBy });
  /** @type {ReplacementCheckView | null} */
  const verdict = check.data;
  const { busy, error, run } = useAction();
  const unchanged = replacedBy === article.replacedBy;
  const save = (/** @type {Event} */ e) => {
    e.preventDefault();
    run(async () => {
      await api.call('admin.replacementSet', { artNo: article.artNo, replacedBy });
      onSaved(
        replacedBy === null ? `${article.artNo} ersätts inte längre.` : `${article.artNo} ersätts nu av ${replacedBy}.`,
      );
    });
  };
  return html`<form class="card admin-form" onSubmit=${save} data-testid="link-editor">
    <h2>Ändra ersättare</h2>
    <div class="field">
      <label for="link-replaced-by">${article.artNo} ersätts av (artikelnummer, tomt: ingen)</label>
      <input id="link-replaced-by" class="mono" inputMode="numeric" maxLength="6" value=${text}
        onInput=${(/** @type {FieldEvent} */ e) => setText(e.currentTarget.value)} />
    </div>
    ${!valid && html`<p class="error" role="alert">Ange sex siffror, eller lämna tomt.</p>`}
    ${valid && verdict && !verdict.allowed && html`<p class="error" role="alert" data-testid="link-verdict">${verdict.message} Inget har sparats.</p>`}
    ${valid && verdict?.allowed && !unchanged && html`<p class="hint" role="status" data-testid="link-verdict">Tillåten. Kedjan blir ${verdict.chain.join(' → ')}.</p>`}
    <button type="submit" class="button primary" disabled=${busy || !valid || unchanged || verdict?.allowed !== true}>${busy ? 'Sparar…' : 'Spara'}</button>
    ${error && html`<p class="error" role="alert">${error}</p>`}
  </form>`;
}

/** @param {{ param: string | null, readOnly: boolean }} props */
export function ReplacementChainsScreen({ param, readOnly }) {
  const artNo = param !== null && ART_NO.test(param) ? param : null;
  useTitle(
    artNo ? `Ersättningskedja ${artNo} – Administration – Aidstock` : 'Ersättningskedjor – Administration – Aidstock',
  );
  const query = useQuery(artNo === null ? null : 'catalog.replacementChain', { artNo }, { keepData: false });
  const [notice, setNotice] = useState('');
  /** @type {ReplacementChainView | null} */
  const chain = query.data;
  const saved = (/** @type {string} */ text) => {
    setNotice(text);
    query.reload();
  };
  return html`<section class="admin-screen">
    <h1 tabindex="-1">Ersättningskedjor</h1>
    <p>En artikels hela kedja: vilka artiklar den ersätter och vilka som ersätter den, med saldo för varje steg.</p>
    <${ArticleLookup} key=${artNo ?? ''} initial=${artNo ?? ''} />
    <p role="status" data-testid="chain-status">${notice}</p>
    ${param !== null && artNo === null && html`<p class="error" role="alert">Ett artikelnummer har sex siffror.</p>`}
    ${query.error && html`<p class="error" role="alert">${errorText(query.error)}</p>`}
    ${artNo !== null && chain === null && !query.error && html`<p class="loading" role="status">Hämtar kedjan…</p>`}
    ${
      chain &&
      html`<h2>${chain.article.artNo} ${chain.article.name}</h2>
      <${ChainTable} chain=${chain} />
      <${Proposals} chain=${chain} />
      ${!readOnly && html`<${LinkEditor} key=${`${chain.article.artNo}:${chain.article.replacedBy}`} article=${chain.article} onSaved=${saved} />`}`
    }
  </section>`;
}
