// @ts-check
// Administration › Avvikelser (issue 15, desk): how many deviation reports each article has, per category, most
// reported first — the figures that tell an admin which article to take up with its supplier. Counts only, no persons;
// each article links to its reports on the HMC desk.
import { html } from '../../lib/html.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';
import { href } from '../../lib/routes.js';
import { countOf } from '../../lib/format.js';

/** @typedef {import('../../lib/types.d.ts').DeviationCountsView} DeviationCountsView */

const ROWS_MAX = 200;

export function DeskDeviationCountsScreen() {
  useTitle('Avvikelser per artikel – Aidstock');
  const query = useQuery(
    'deviation.countsByArticle',
    { limit: ROWS_MAX },
    { select: (/** @type {DeviationCountsView} */ r) => r },
  );
  const rows = query.data?.rows ?? null;
  return html`
    <h1 tabindex="-1">Avvikelser per artikel</h1>
    <p>Rapporterade avvikelser och reklamationer per artikel och typ, flest först.
      Ärendena hanteras under <a href=${href.uppfoljning('avvikelser')}>Uppföljning › Avvikelser</a>.</p>
    ${query.error && html`<p class="error" role="alert">${query.error.message}</p>`}
    ${
      rows === null
        ? !query.error && html`<p class="loading" role="status">Hämtar…</p>`
        : rows.length === 0
          ? html`<p>Inga avvikelser är rapporterade.</p>`
          : html`<div class="table-wrap"><table class="data-table compact" data-testid="deviation-counts">
          <caption>Avvikelser per artikel (${countOf(query.data?.articles ?? 0, 'artikel', 'artiklar')})</caption>
          <thead><tr><th scope="col">Artikel</th><th scope="col">Benämning</th><th scope="col" class="num">Händelse</th>
            <th scope="col" class="num">Risk</th><th scope="col" class="num">Produktfel</th><th scope="col" class="num">Totalt</th></tr></thead>
          <tbody>${rows.map(
            (r) => html`<tr key=${r.artNo} data-artno=${r.artNo}>
              <td><a class="mono" href=${href.artikel(r.artNo)}>${r.artNo}</a></td><td>${r.name}</td>
              <td class="num">${r.incident}</td><td class="num">${r.risk}</td><td class="num">${r.productFault}</td>
              <td class="num"><a href=${href.uppfoljning('avvikelser', null, { artikel: r.artNo })} aria-label=${`${r.total} avvikelser för ${r.artNo}, visa dem`}><strong>${r.total}</strong></a></td></tr>`,
          )}</tbody></table></div>`
    }`;
}
