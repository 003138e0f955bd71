// @ts-check
// Betalare (issue 15, patient): the payer rules the patient view uses, read-only — per ISO prefix whether Region Halland
// or the patient's municipality pays; the longest matching prefix wins and a code no rule covers is the region's. The
// rules are seeded reference data (payer.rules); there is no edit over the API.
import { html } from '../../lib/html.js';
import { href } from '../../lib/routes.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';

/** @typedef {import('../../lib/types.d.ts').PayerRulesView} PayerRulesView */

/** @type {Record<string, string>} */
const PAYER = { region: 'Region Halland', municipality: 'Brukarens kommun' };

export function PayerRulesScreen() {
  useTitle('Betalare – Administration');
  const query = useQuery('payer.rules', {}, { keepData: true });
  const view = /** @type {PayerRulesView | null} */ (query.data);
  return html`
    <h1 tabindex="-1">Betalare</h1>
    <p class="lead">Vem som betalar för ett hjälpmedel avgörs av artikelns ISO-kod: den längsta koden i listan som
      artikelns kod börjar med gäller. En kod som ingen regel täcker betalas av ${view?.defaultPayer.name ?? 'regionen'}.</p>
    ${query.error && html`<p class="error" role="alert">Reglerna kunde inte hämtas.</p>`}
    ${
      view === null
        ? !query.error && html`<p class="loading" role="status">Hämtar regler…</p>`
        : html`<div class="table-wrap"><table class="data-table compact" data-testid="payer-rules">
          <caption>Betalare per ISO-kod (${view.rules.length})</caption>
          <thead><tr><th scope="col">ISO-kod</th><th scope="col">Omfattar</th><th scope="col">Betalare</th></tr></thead>
          <tbody>${view.rules.map(
            (r) => html`<tr key=${r.isoPrefix} data-prefix=${r.isoPrefix}>
              <td><a class="mono" href=${href.katalog(r.isoPrefix)}>${r.isoPrefix}</a></td>
              <td>${r.note}</td>
              <td>${PAYER[r.payer] ?? r.payer}</td>
            </tr>`,
          )}</tbody></table></div>`
    }`;
}
