// @ts-check
// The recalls, newest first, with their holders counted by progress; live by the staff topic `recalls`.
import { html } from '../../lib/html.js';
import { href } from '../../lib/routes.js';
import { useQuery } from '../../lib/use-query.js';
import { dateTime } from '../../lib/format.js';
import { errorText } from '../../lib/order-errors.js';

/** @typedef {import('./recalls-detail.js').RecallSummary} RecallSummary */

export function RecallList() {
  const query = useQuery('recall.list', { limit: 200 }, { topic: 'recalls' });
  const recalls = /** @type {{ recalls: RecallSummary[] } | null} */ (query.data)?.recalls ?? null;
  if (query.error) return html`<p class="error" role="alert">${errorText(query.error)}</p>`;
  if (recalls === null) return html`<p class="loading" role="status">Hämtar återkallelser…</p>`;
  if (recalls.length === 0) return html`<p>Inga återkallelser.</p>`;
  return html`<div class="table-wrap">
    <table data-testid="recall-list">
      <caption>Återkallelser</caption>
      <thead><tr><th scope="col">Nr</th><th scope="col">Artikel</th><th scope="col">Skapad</th><th scope="col">Status</th>
        <th scope="col" class="num">Innehavare</th><th scope="col" class="num">Kontaktade</th><th scope="col" class="num">Klara</th></tr></thead>
      <tbody>
        ${recalls.map(
          (r) => html`<tr key=${r.recallNo} data-recallno=${r.recallNo}>
            <td data-label="Nr"><a href=${href.uppfoljning('aterkallelser', String(r.recallNo))}>${r.recallNo}</a></td>
            <td data-label="Artikel">${r.articleName} <span class="mono">(${r.artNo}${r.indNoFrom === null ? '' : `, ${r.indNoFrom}–${r.indNoTo}`})</span></td>
            <td data-label="Skapad">${dateTime(r.createdMs)}</td>
            <td data-label="Status">${r.closedMs === null ? 'Öppen' : 'Avslutad'}</td>
            <td data-label="Innehavare" class="num">${r.holders}</td>
            <td data-label="Kontaktade" class="num">${r.byProgress.contacted}</td>
            <td data-label="Klara" class="num">${r.done}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
