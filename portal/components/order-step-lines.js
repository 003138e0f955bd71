// @ts-check
// Kundorder step 3, Rader: add articles by artikelnummer or through Sök artikel, as new prescriptions or as components
// to an individual the patient already holds ("Komplettera levererad individ", K-<indNo>); the quoted lines below.
import { html, useState, useEffect, useRef } from '../lib/html.js';
import { useQuery } from '../lib/use-query.js';
import { useArticlePushes } from '../lib/use-article-pushes.js';
import * as api from '../lib/api.js';
import { errorText } from '../lib/order-errors.js';
import { countOf } from '../lib/format.js';
import { ArticleResults } from './article-results.js';
import { AccessoryOffer, QuotedLines, quotedLine } from './order-quote-lines.js';

/** @typedef {import('../lib/types.d.ts').DraftLine} DraftLine */
/** @typedef {import('../lib/types.d.ts').ArticleSummary} ArticleSummary */
/** @typedef {import('../lib/types.d.ts').DeviceView} DeviceView */
/** @typedef {import('../lib/types.d.ts').OrderDraft} OrderDraft */
/** @typedef {import('../lib/types.d.ts').StepProps} StepProps */
/** @typedef {import('../lib/types.d.ts').QuoteState} QuoteState */
/** @typedef {import('../lib/types.d.ts').SearchReply} SearchReply */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const SEARCH_HITS = 10;
const LINES_MAX = 25;
const QUANTITY_MAX = 999;

/**
 * Lines with one more article (or a bigger quantity when it is on the order already). Returns [lines, note].
 * @param {DraftLine[]} lines
 * @param {string} artNo
 * @param {number} quantity
 * @param {number | null} forIndividual
 * @returns {[DraftLine[], string]}
 */
function withLine(lines, artNo, quantity, forIndividual) {
  const at = lines.findIndex((l) => l.artNo === artNo && l.forIndividual === forIndividual);
  if (at >= 0) {
    const next = lines.map((l, i) =>
      i === at ? { ...l, quantity: Math.min(QUANTITY_MAX, l.quantity + quantity) } : l,
    );
    return [next, `${artNo} fanns redan på ordern: antalet är nu ${next[at].quantity}.`];
  }
  if (lines.length >= LINES_MAX) return [lines, `En order kan ha högst ${LINES_MAX} rader.`];
  return [
    [...lines, { artNo, quantity, forIndividual, replacement: null, purpose: '' }],
    `${artNo} lades till på ordern.`,
  ];
}

/**
 * Search the catalog from inside the wizard; a pick adds the article to the order.
 * @param {{ warehouse: string, buffer: string | null, onPick: (article: ArticleSummary) => void }} props
 */
function ArticleSearch({ warehouse, buffer, onPick }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState(/** @type {(SearchReply & { text: string }) | null} */ (null));
  const [error, setError] = useState('');
  const [reads, setReads] = useState(0);
  const seq = useRef(0);
  const query = useRef('');

  const run = (/** @type {string} */ value) => {
    const mine = ++seq.current;
    query.current = value;
    if (value.trim() === '') {
      setResult(null);
      return;
    }
    /** @type {{ text: string, limit: number, warehouse?: string }} */
    const args = { text: value.trim(), limit: SEARCH_HITS };
    if (warehouse !== '10') args.warehouse = warehouse;
    api.call('catalog.search', args).then(
      (/** @type {SearchReply} */ reply) => {
        if (mine === seq.current) {
          setResult({ ...reply, text: value.trim() });
          setError('');
        }
      },
      (failure) => {
        if (mine === seq.current) setError(errorText(failure));
      },
    );
  };
  useEffect(() => {
    if (reads > 0) run(query.current);
  }, [reads]);
  // An admin's article change (new article, name, price, status): the hits shown are read again.
  useArticlePushes(() => setReads((n) => n + 1), result !== null);

  return html`
    <details class="wizard-search" open=${result !== null}>
      <summary>Sök artikel</summary>
      <form class="inline-form" role="search" aria-label="Sök artikel att lägga till" onSubmit=${(
        /** @type {Event} */ e,
      ) => {
        e.preventDefault();
        run(text);
      }}>
        <div class="field grow">
          <label for="wizard-search-text">Benämning, leverantör eller artikelnummer</label>
          <input id="wizard-search-text" type="text" value=${text} maxLength="100" autocomplete="off" spellcheck="false"
            onInput=${(/** @type {FieldEvent} */ e) => setText(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button">Sök</button>
      </form>
      <p class="error" role="alert">${error}</p>
      ${result && html`<p class="hint" role="status">${result.total === 0 ? 'Inga träffar.' : `${countOf(result.total, 'träff', 'träffar')}${result.total > result.hits.length ? `, visar de ${result.hits.length} första` : ''}.`}</p>`}
      ${
        result &&
        result.hits.length > 0 &&
        html`
        <${ArticleResults} articles=${result.hits} buffer=${buffer} showIso=${true} onPick=${onPick} testId="wizard-search-results"
          caption=${`Träffar för ${result.text}`} onResync=${() => setReads((n) => n + 1)} />`
      }
    </details>`;
}

/**
 * The accessories of the individual chosen for "Komplettera levererad individ".
 * @param {{ device: DeviceView, warehouse: string, onAdd: (artNos: string[]) => void }} props
 */
function IndividualAccessories({ device, warehouse, onAdd }) {
  const query = useQuery(
    'catalog.article',
    { artNo: device.artNo },
    { select: (/** @type {import('../lib/types.d.ts').ArticlePageView} */ page) => page.accessories },
  );
  const accessories = query.data ?? (query.error ? [] : null);
  if (accessories === null) return html`<p class="loading">Hämtar tillbehör till ${device.name}…</p>`;
  if (accessories.length === 0) return html`<p class="hint">Inga vanliga tillbehör finns för ${device.name}.</p>`;
  return html`<${AccessoryOffer} key=${device.indNo} accessories=${accessories} warehouse=${warehouse} onAdd=${onAdd}
    title=${`Vanligaste tillbehören till ${device.name} (K-${device.indNo})`} testId="individual-accessories" />`;
}

/**
 * Adding, changing and removing lines of the order; note: what the last change did (said politely).
 * @param {OrderDraft} state
 * @param {StepProps["update"]} update
 */
function useLineEditing(state, update) {
  const [note, setNote] = useState('');
  /**
   * @param {string[]} articles  article numbers
   * @param {number} qty
   * @param {number | null} target  the individual (K-line), or null for a new prescription
   */
  const add = (articles, qty, target) => {
    /** @param {DraftLine[]} lines @param {string[] | null} notes */
    const grow = (lines, notes) =>
      articles.reduce((acc, a) => {
        const [next, text] = withLine(acc, a, qty, target);
        notes?.push(text);
        return next;
      }, lines);
    /** @type {string[]} */
    const notes = [];
    grow(state.lines, notes);
    update((current) => ({ lines: grow(current.lines, null) }));
    setNote(notes.join(' '));
  };
  const change = (/** @type {number} */ index, /** @type {Partial<DraftLine>} */ patch) =>
    update((current) => ({
      lines: current.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)),
    }));
  const remove = (/** @type {number} */ index) => {
    const gone = state.lines[index];
    update((current) => ({ lines: current.lines.filter((_, i) => i !== index) }));
    setNote(`${gone.artNo} togs bort från ordern.`);
  };
  return { note, add, change, remove };
}

/**
 * Lägg till artikel: artikelnummer and antal, optionally as a component to an individual the patient holds.
 * @param {{ devices: DeviceView[], individual: string, setIndividual: (value: string) => void, device: DeviceView | null,
 *   onAdd: (artNos: string[], quantity: number) => void }} props
 */
function AddLineForm({ devices, individual, setIndividual, device, onAdd }) {
  const [artNo, setArtNo] = useState('');
  const [quantity, setQuantity] = useState(/** @type {number | string} */ (1));
  const [error, setError] = useState('');
  const submit = (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    const wanted = artNo.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(wanted)) {
      setError('Artikelnummer är sex siffror.');
      return;
    }
    const n = Math.trunc(Number(quantity));
    if (!(n >= 1 && n <= QUANTITY_MAX)) {
      setError(`Antal är 1–${QUANTITY_MAX}.`);
      return;
    }
    setError('');
    onAdd([wanted], n);
    setArtNo('');
    setQuantity(1);
  };
  return html`
    <form class="add-line" onSubmit=${submit} aria-labelledby="add-line-title">
      <h3 id="add-line-title">Lägg till artikel</h3>
      ${
        devices.length > 0 &&
        html`
        <div class="field">
          <label for="order-individual">Komplettera levererad individ</label>
          <select id="order-individual" value=${individual} onChange=${(/** @type {FieldEvent} */ e) => setIndividual(e.currentTarget.value)}
            aria-describedby="order-individual-hint">
            <option value="">Nej – ny förskrivning</option>
            ${devices.map((d) => html`<option value=${String(d.indNo)}>K-${d.indNo} – ${d.name} (${d.artNo})</option>`)}
          </select>
          <p id="order-individual-hint" class="hint">Komponenter till ett hjälpmedel brukaren redan har levereras till individen (K-individnummer).</p>
        </div>`
      }
      <div class="inline-form">
        <div class="field">
          <label for="order-artno">Artikelnummer</label>
          <input id="order-artno" type="text" inputmode="numeric" maxLength="6" value=${artNo} autocomplete="off" data-autofocus
            aria-invalid=${error ? 'true' : undefined} aria-describedby="order-artno-error"
            onInput=${(/** @type {FieldEvent} */ e) => setArtNo(e.currentTarget.value)} />
        </div>
        <div class="field narrow">
          <label for="order-qty">Antal</label>
          <input id="order-qty" type="number" min="1" max=${QUANTITY_MAX} value=${quantity} inputmode="numeric"
            onInput=${(/** @type {FieldEvent} */ e) => setQuantity(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button primary" data-testid="add-line">${device ? `Lägg till på K-${device.indNo}` : 'Lägg till'}</button>
      </div>
      <p id="order-artno-error" class="error" role="alert">${error}</p>
    </form>`;
}

/**
 * Rader på ordern: the quoted lines, the quote's state, and accessories offered for them.
 * @param {{ lines: DraftLine[], quote: QuoteState, warehouse: string, editing: ReturnType<typeof useLineEditing> }} props
 */
function OrderLines({ lines, quote, warehouse, editing }) {
  const result = quote.result;
  const onOrder = new Set(lines.map((l) => l.artNo));
  const offers = (result?.accessories ?? []).filter((a) => !onOrder.has(a.artNo));
  const checked = quote.busy
    ? 'Kontrollerar tillgänglighet…'
    : quote.error || lines.length === 0
      ? ''
      : 'Tillgängligheten är kontrollerad just nu.';
  return html`
    <div class="section-head">
      <h3>Rader på ordern</h3>
      <p class="hint" role="status" data-testid="quote-status">${checked}</p>
    </div>
    ${quote.error && html`<p class="error" role="alert">${errorText(quote.error)}</p>`}
    ${
      lines.length === 0
        ? html`<p class="empty">Inga rader än. Fyll i artikelnummer eller sök artikel.</p>`
        : html`<${QuotedLines} lines=${lines} quoted=${(/** @type {DraftLine} */ line) => quotedLine(result, line)} warehouse=${warehouse}
          onChange=${editing.change} onRemove=${editing.remove} />`
    }
    ${
      offers.length > 0 &&
      html`<${AccessoryOffer} key=${offers.map((a) => a.artNo).join(',')} accessories=${offers}
      warehouse=${warehouse} onAdd=${(/** @type {string[]} */ artNos) => editing.add(artNos, 1, null)} />`
    }`;
}

/** @param {StepProps} props */
export function LinesStep({ user, state, update, quote }) {
  const [individual, setIndividual] = useState('');
  const editing = useLineEditing(state, update);
  const place = user.workplaces.find((w) => w.id === state.workplaceId) ?? user.workplaces[0];
  const warehouse = state.source === 'buffer' ? place.bufferWarehouse : '10';
  const devices = state.recipientKind === 'patient' ? (state.patient?.devices ?? []) : [];
  const device = devices.find((d) => String(d.indNo) === individual) ?? null;
  const forIndividual = device ? device.indNo : null;

  return html`
    <${AddLineForm} devices=${devices} individual=${individual} setIndividual=${setIndividual} device=${device}
      onAdd=${(/** @type {string[]} */ artNos, /** @type {number} */ n) => editing.add(artNos, n, forIndividual)} />
    <${ArticleSearch} warehouse=${warehouse} buffer=${state.source === 'buffer' ? place.bufferWarehouse : null}
      onPick=${(/** @type {ArticleSummary} */ a) => editing.add([a.artNo], 1, forIndividual)} />
    ${device && html`<${IndividualAccessories} device=${device} warehouse=${warehouse} onAdd=${(/** @type {string[]} */ artNos) => editing.add(artNos, 1, device.indNo)} />`}
    <p class="hint added-note" role="status" data-testid="added-note">${editing.note}</p>
    <${OrderLines} lines=${state.lines} quote=${quote} warehouse=${warehouse} editing=${editing} />`;
}
