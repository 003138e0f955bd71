// @ts-check
// What an article's new status (utgående, utgått) affects, shown before it is saved: open orders, backorders, units
// out with patients and care units (counts only, no persons) and the articles that name it. The admin confirms it.
import { html } from '../../lib/html.js';
import { href } from '../../lib/routes.js';
import { count, countOf, statusLabel } from '../../lib/format.js';
import { useQuery } from '../../lib/use-query.js';

/** @typedef {import('../../lib/types.d.ts').ArticleImpactView} ArticleImpactView */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */

/** @param {{ label: string, refs: ArticleImpactView['setPartOf'] }} props */
function Referrers({ label, refs }) {
  if (refs.count === 0) return null;
  const more = refs.count - refs.articles.length;
  return html`<li>${label}: ${refs.articles.map(
    (a, i) => html`${i > 0 ? ', ' : ''}<a href=${href.admin('artiklar', a.artNo)}>${a.artNo} ${a.name}</a>`,
  )}${more > 0 ? ` och ${count(more)} till` : ''}</li>`;
}

/** @param {{ impact: ArticleImpactView }} props */
function ImpactList({ impact }) {
  const { openOrders } = impact;
  const held = impact.heldByPatients + impact.heldByCareUnits;
  const nothing =
    openOrders.orders +
      impact.backorderLines +
      held +
      impact.setPartOf.count +
      impact.accessoryOf.count +
      impact.replacementFor.count ===
    0;
  if (nothing)
    return html`<p data-testid="impact-none">Inga öppna order, restorder, utlämnade individer eller andra artiklar berörs.</p>`;
  return html`<ul data-testid="impact-list">
    <li>Öppna order: ${count(openOrders.orders)} (${countOf(openOrders.lines, 'rad', 'rader')})${openOrders.orderNos.length > 0 ? `, t.ex. ${openOrders.orderNos.join(', ')}` : ''}</li>
    <li>Restorderrader som väntar på artikeln: ${count(impact.backorderLines)}</li>
    <li>Individer hos brukare: ${count(impact.heldByPatients)}, hos vårdenheter: ${count(impact.heldByCareUnits)}</li>
    <${Referrers} label="Setdel i" refs=${impact.setPartOf} />
    <${Referrers} label="Tillbehör till" refs=${impact.accessoryOf} />
    <${Referrers} label="Ersätter" refs=${impact.replacementFor} />
  </ul>`;
}

/**
 * @param {{ artNo: string, status: string, confirmed: boolean, error: string | undefined,
 *   onConfirm: (confirmed: boolean) => void }} props
 */
export function ArticleImpactPanel({ artNo, status, confirmed, error, onConfirm }) {
  const query = useQuery('admin.articleImpact', { artNo });
  const impact = /** @type {ArticleImpactView | null} */ (query.data);
  return html`
    <section class="card impact-panel" aria-labelledby="impact-title" data-testid="impact-panel">
      <h2 id="impact-title">Påverkan av status ${statusLabel(status).toLowerCase()}</h2>
      ${query.loading && html`<p class="loading" role="status">Hämtar vad ändringen påverkar…</p>`}
      ${query.error && html`<p class="error" role="alert">Påverkan kunde inte hämtas: ${query.error.message}</p>`}
      ${impact && html`<${ImpactList} impact=${impact} />`}
      <div class="check">
        <input type="checkbox" id="impact-confirm" checked=${confirmed} aria-describedby="impact-confirm-error"
          aria-invalid=${error ? 'true' : undefined}
          onChange=${(/** @type {FieldEvent} */ e) => onConfirm(e.currentTarget.checked)} />
        <label for="impact-confirm">Jag har sett påverkan och vill ändra status till ${statusLabel(status).toLowerCase()}</label>
      </div>
      <p id="impact-confirm-error" class="error" role="alert">${error ?? ''}</p>
    </section>`;
}
