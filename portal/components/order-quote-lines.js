// @ts-check
// The order lines as order.quote sees them: availability in the source warehouse, the replacement proposal to accept or
// refuse, set parts added automatically (red text, as in the manual), the purpose code when one is asked, and "Vanligaste tillbehören".
import { html, useState } from '../lib/html.js';
import { count, statusLabel } from '../lib/format.js';
import { LineLoan } from './order-line-loan.js'; // Issue 15, loans

/** @typedef {import('../lib/types.d.ts').QuoteReply} QuoteReply */
/** @typedef {import('../lib/types.d.ts').QuoteLine} QuoteLine */
/** @typedef {import('../lib/types.d.ts').DraftLine} DraftLine */
/** @typedef {import('../lib/types.d.ts').ArticleSummary} ArticleSummary */
/** A quoted line as shown: with the warehouse the order draws from. @typedef {QuoteLine & { warehouse: string }} ShownQuoteLine */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const QUANTITY_MAX = 999;

/**
 * The quote's line for a wizard line, by article and individual (K-<indNo>).
 * @param {QuoteReply | null | undefined} quote
 * @param {DraftLine} line
 * @returns {QuoteLine | null}
 */
export function quotedLine(quote, line) {
  const component = line.forIndividual === null ? '' : `K-${line.forIndividual}`;
  return quote?.lines.find((q) => q.artNo === line.artNo && (q.component ?? '') === component) ?? null;
}
const REFUSED = 'alternativ får inte levereras';

/**
 * The true shortage in the source warehouse, e.g. "Bufferten har 2 st, du beställer 5"; "Finns inte i lager" only at 0.
 * @param {ShownQuoteLine} q
 */
function shortage(q) {
  if (q.available <= 0) return 'Finns inte i lager just nu';
  const source = q.warehouse === '10' ? 'Lager 10' : 'Bufferten';
  return `${source} har ${q.available} st, du beställer ${q.quantity}`;
}

/** @param {{ q: ShownQuoteLine | null }} props */
function Outcome({ q }) {
  if (q === null) return html`<span class="outcome wait">Kontrolleras…</span>`;
  switch (q.outcome) {
    case 'available':
      return html`<span class="outcome ok">Finns i lager</span>`;
    case 'proposal':
      return html`<span class="outcome warn">Slut i lager – förslag finns</span>`;
    case 'backorder':
      return html`<span class="outcome warn">Restorder</span>`;
    case 'discontinued':
      return html`<span class="outcome bad">Utgått – ingen ersättning i lager</span>`;
    default:
      return q.problem?.code === 'forbidden_article'
        ? html`<span class="outcome bad">Får inte förskrivas av din yrkesgrupp</span>`
        : html`<span class="outcome bad">Kan inte beställas</span>`;
  }
}

/**
 * Shown only for a proposal outcome, which carries its proposal.
 * @param {{ line: DraftLine, q: ShownQuoteLine & { proposal: NonNullable<QuoteLine["proposal"]> },
 *   onDecide: (decision: DraftLine["replacement"]) => void }} props
 */
function Proposal({ line, q, onDecide }) {
  const p = q.proposal;
  const what = html`<span class="mono">${p.artNo}</span> ${p.name} <span class="hint">(${p.supplierName}, ${count(availableOf(p, q))} tillgängliga)</span>`;
  const discontinued = q.article?.status === 'discontinued';
  if (line.replacement === 'accept') {
    return html`
      <div class="proposal decided" data-testid="proposal" data-decision="accept">
        <p><strong>Ersättning accepterad:</strong> ${what} levereras i stället för ${line.artNo}.</p>
        <button type="button" class="link-button" onClick=${() => onDecide(null)}>Ändra beslut</button>
      </div>`;
  }
  if (line.replacement === 'refuse') {
    return html`
      <div class=${discontinued ? 'proposal decided bad' : 'proposal decided'} data-testid="proposal" data-decision="refuse">
        <p><strong>Förslaget avböjt – ${REFUSED}.</strong> ${
          discontinued
            ? 'Artikeln har utgått ur sortimentet, så raden kan inte levereras utan ersättningen. Acceptera förslaget eller ta bort raden.'
            : 'Raden läggs som restorder och levereras när artikeln finns i lager.'
        }</p>
        <button type="button" class="link-button" onClick=${() => onDecide(null)}>Ändra beslut</button>
      </div>`;
  }
  const id = `proposal-${line.artNo}-${line.forIndividual ?? 'ny'}`;
  return html`
    <div class="proposal" role="group" aria-labelledby=${id} data-testid="proposal">
      <p id=${id}><strong>Förslag på likvärdig produkt:</strong> ${what}.
        <span class="hint"> ${line.artNo}: ${shortage(q).toLowerCase()}${p.hops > 1 ? ` (ersättningskedja, ${p.hops} steg)` : ''}.</span></p>
      <div class="proposal-buttons">
        <button type="button" class="button primary small" data-testid="accept-proposal" onClick=${() => onDecide('accept')}>Acceptera</button>
        <button type="button" class="button small" data-testid="refuse-proposal" onClick=${() => onDecide('refuse')}>Avböj (${REFUSED})</button>
      </div>
    </div>`;
}

/**
 * The proposal's balance in the warehouse the order draws from.
 * @param {ArticleSummary} article
 * @param {ShownQuoteLine} q
 */
function availableOf(article, q) {
  return q.warehouse && q.warehouse !== '10' ? (article.available.buffer?.available ?? 0) : article.available.main;
}

/** @param {{ line: DraftLine, q: ShownQuoteLine, onChange: (purpose: string) => void }} props */
function Purpose({ line, q, onChange }) {
  const { required, allowed } = q.purpose;
  if (allowed.length === 0) return null;
  const id = `purpose-${line.artNo}-${line.forIndividual ?? 'ny'}`;
  return html`
    <div class="field purpose">
      <label for=${id}>Förskrivningssyfte${required ? ' (krävs)' : ''}</label>
      <select id=${id} value=${line.purpose} required=${required} aria-describedby=${`${id}-hint`}
        aria-invalid=${required && !line.purpose ? 'true' : undefined} onChange=${(/** @type {FieldEvent} */ e) => onChange(e.currentTarget.value)}>
        <option value="">${required ? 'Välj syfte…' : 'Inget syfte'}</option>
        ${allowed.map((code) => html`<option value=${code}>${code === 'PV' ? 'PV – palliativ vård' : code}</option>`)}
      </select>
      <p id=${`${id}-hint`} class="hint">${
        required
          ? 'Kompressionsstrumpor: välj BA, BT, LÖ, TR, VB eller ÖM. Välj inte PV.'
          : 'Anges endast vid palliativ vård.'
      }</p>
    </div>`;
}

/** @param {{ q: ShownQuoteLine }} props */
function SetParts({ q }) {
  if (q.setParts.length === 0) return null;
  return html`
    <div class="set-parts-inline" data-testid="set-parts">
      <p class="set-parts-title">Tilläggsartiklar krävs för komplett set och läggs till automatiskt:</p>
      <ul>
        ${q.setParts.map(
          (part) => html`
          <li><span class="mono">${part.artNo}</span> ${part.name} × ${part.quantity}${part.outcome === 'backorder' ? ' – restorder' : ''}</li>`,
        )}
      </ul>
    </div>`;
}

/** @param {{ q: ShownQuoteLine }} props */
function Notes({ q }) {
  if (q.outcome === 'problem')
    return html`<p class="line-note bad" data-testid="line-problem">${q.problem?.message}</p>`;
  if (q.outcome === 'discontinued') {
    return html`<p class="line-note bad">Artikeln har utgått ur sortimentet och ingen ersättning finns i lager. Ta bort raden och välj en annan artikel.</p>`;
  }
  if (q.outcome === 'backorder' && q.backorderReason === 'outgoing') {
    return html`<p class="line-note warn">Status utgående med noll (0) i saldo: levereras endast om HMC får en enhet i retur. Raden läggs som restorder.</p>`;
  }
  if (q.outcome === 'backorder')
    return html`<p class="line-note warn" data-testid="line-shortage">${shortage(q)}: raden läggs som restorder och levereras när artikeln kommer in.</p>`;
  return null;
}

/**
 * lines: the wizard's lines; quoted(line): the quote's line or null; warehouse: the source warehouse id;
 * onChange(index, patch), onRemove(index).
 * @param {{ lines: DraftLine[], quoted: (line: DraftLine) => QuoteLine | null, warehouse: string,
 *   onChange: (index: number, patch: Partial<DraftLine>) => void, onRemove: (index: number) => void }} props
 */
export function QuotedLines({ lines, quoted, warehouse, onChange, onRemove }) {
  return html`
    <ol class="order-lines" aria-label="Rader på ordern" data-testid="order-lines">
      ${lines.map((line, i) => {
        const q0 = quoted(line);
        const q = q0 === null ? null : { ...q0, warehouse };
        const name = q?.article?.name ?? '';
        const qtyId = `qty-${line.artNo}-${line.forIndividual ?? 'ny'}`;
        return html`
          <li class="order-line" key=${`${line.artNo}:${line.forIndividual ?? ''}`} data-testid="order-line" data-artno=${line.artNo}
            data-outcome=${q?.outcome ?? ''}>
            <div class="order-line-head">
              <div class="order-line-article">
                <span class="mono">${line.artNo}</span> <strong>${name || 'Okänd artikel'}</strong>
                ${q?.article && q.article.status !== 'active' && html` <span class=${`status status-${q.article.status}`}>${statusLabel(q.article.status)}</span>`}
                ${line.forIndividual !== null && html` <span class="tag" title="Komponent till levererad individ">K-${line.forIndividual}</span>`}
              </div>
              <div class="order-line-qty">
                <label for=${qtyId}>Antal</label>
                <input id=${qtyId} type="number" min="1" max=${QUANTITY_MAX} value=${line.quantity} inputmode="numeric"
                  onChange=${(/** @type {FieldEvent} */ e) => {
                    const n = Math.trunc(Number(e.currentTarget.value));
                    onChange(i, { quantity: Number.isFinite(n) ? Math.min(QUANTITY_MAX, Math.max(1, n)) : 1 });
                  }} />
              </div>
              <div class="order-line-stock">
                <span class="hint">Tillgängligt ${warehouse === '10' ? 'lager 10' : `förråd ${warehouse}`}</span>
                <span class=${q && q.available > 0 ? 'qty' : 'qty zero'} data-testid="line-available">${q ? count(q.available) : '…'}</span>
              </div>
              <div class="order-line-outcome"><${Outcome} q=${q} /></div>
              <button type="button" class="button small quiet-dark" aria-label=${`Ta bort rad ${line.artNo} ${name}`}
                onClick=${() => onRemove(i)}>Ta bort</button>
            </div>
            ${
              q &&
              q.outcome === 'proposal' &&
              q.proposal &&
              html`
              <${Proposal} line=${line} q=${q} onDecide=${(/** @type {DraftLine['replacement']} */ replacement) => onChange(i, { replacement })} />`
            }
            ${q && html`<${Notes} q=${q} />`}
            ${q && html`<${SetParts} q=${q} />`}
            ${q && html`<${Purpose} line=${line} q=${q} onChange=${(/** @type {DraftLine['purpose']} */ purpose) => onChange(i, { purpose })} />`}
            ${q && html`<${LineLoan} line=${line} q=${q} onChange=${(/** @type {Partial<DraftLine>} */ patch) => onChange(i, patch)} />`}
          </li>`;
      })}
    </ol>`;
}

/**
 * "Vanligaste tillbehören": offered with checkboxes, never forced. onAdd(artNos).
 * @param {{ accessories: ArticleSummary[], warehouse: string, onAdd: (artNos: string[]) => void, title?: string,
 *   testId?: string }} props
 */
export function AccessoryOffer({
  accessories,
  warehouse,
  onAdd,
  title = 'Vanligaste tillbehören',
  testId = 'accessory-offer',
}) {
  const [chosen, setChosen] = useState(() => /** @type {Set<string>} */ (new Set()));
  if (accessories.length === 0) return null;
  const toggle = (/** @type {string} */ artNo, /** @type {boolean} */ on) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(artNo);
      else next.delete(artNo);
      return next;
    });
  const add = () => {
    onAdd([...chosen]);
    setChosen(new Set());
  };
  return html`
    <fieldset class="accessories" data-testid=${testId}>
      <legend>${title}</legend>
      <ul class="plain">
        ${accessories.map((a) => {
          const id = `${testId}-${a.artNo}`;
          const available = warehouse === '10' ? a.available.main : (a.available.buffer?.available ?? 0);
          return html`
            <li class="check">
              <input type="checkbox" id=${id} checked=${chosen.has(a.artNo)} onChange=${(/** @type {FieldEvent} */ e) => toggle(a.artNo, e.currentTarget.checked)} />
              <label for=${id}><span class="mono">${a.artNo}</span> ${a.name}</label>
              <span class="hint">${count(available)} tillgängliga${warehouse === '10' ? ' i lager 10' : ` i förråd ${warehouse}`}</span>
            </li>`;
        })}
      </ul>
      <button type="button" class="button small" disabled=${chosen.size === 0} onClick=${add}>Lägg till markerade${chosen.size > 0 ? ` (${chosen.size})` : ''}</button>
    </fieldset>`;
}
