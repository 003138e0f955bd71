// @ts-check
// A dry run's lines as a table, filtered by outcome (Alla, Nya, Ändrade, Oförändrade, Fel) and paged from the engine
// (admin.importLines; a 100 000-line file is never sent at once): line number, article, outcome, and what changes
// (field: old → new) or what is wrong.
import { html, useEffect, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { useQuery } from '../../lib/use-query.js';
import { useAction } from '../../lib/use-action.js';
import { count, countOf } from '../../lib/format.js';
import { errorText } from '../../lib/order-errors.js';
import { FIELD_SV, OUTCOME_SV } from '../../lib/catalog-import.js';

/** @typedef {import('../../lib/types.d.ts').ImportLineView} ImportLineView */
/** @typedef {import('../../lib/types.d.ts').ImportLinesView} ImportLinesView */
/** @typedef {import('../../lib/types.d.ts').ImportOutcome} ImportOutcome */

const PAGE_LINES = 100;
/** @type {Array<ImportOutcome | 'all'>} */
const FILTERS = ['all', 'error', 'new', 'changed', 'unchanged'];

/** @param {{ line: ImportLineView }} props */
function Details({ line }) {
  if (line.error) return html`<span class="error">${line.error.message}</span>`;
  if (!line.changes) return '';
  return html`<ul class="import-changes">
    ${line.changes.map(
      (c) =>
        html`<li key=${c.field}>${FIELD_SV[c.field] ?? c.field}: <del>${c.before || '–'}</del> → <ins>${c.after || '–'}</ins></li>`,
    )}
  </ul>`;
}

/** @param {{ lines: ImportLineView[] }} props */
function LinesTable({ lines }) {
  if (lines.length === 0) return html`<p role="status">Inga rader med det utfallet.</p>`;
  return html`<div class="table-wrap">
    <table class="data-table compact import-lines" data-testid="import-lines">
      <caption class="visually-hidden">Filens rader</caption>
      <thead><tr>
        <th scope="col" class="num">Rad</th><th scope="col">Artikelnr</th><th scope="col">Benämning</th>
        <th scope="col">Utfall</th><th scope="col">Ändringar / fel</th>
      </tr></thead>
      <tbody>
        ${lines.map(
          (line) => html`<tr key=${line.line} class=${`import-line import-line-${line.outcome}`}>
            <td class="num" data-label="Rad">${line.line}</td>
            <td class="mono" data-label="Artikelnr">${line.artNo}</td>
            <td class="name" data-label="Benämning">${line.name}</td>
            <td data-label="Utfall">${OUTCOME_SV[line.outcome]}</td>
            <td class="import-details"><${Details} line=${line} /></td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** @param {{ importId: string, counts: Record<ImportOutcome, number> }} props */
export function ImportLines({ importId, counts }) {
  const [filter, setFilter] = useState(/** @type {ImportOutcome | 'all'} */ (counts.error > 0 ? 'error' : 'all'));
  const args = { importId, limit: PAGE_LINES, ...(filter === 'all' ? {} : { outcome: filter }) };
  const first = useQuery('admin.importLines', args);
  const page = /** @type {ImportLinesView | null} */ (first.data);
  const [more, setMore] = useState(/** @type {{ lines: ImportLineView[], next: number | null } | null} */ (null));
  const { busy, error, run } = useAction();
  useEffect(() => setMore(null), [filter, importId]);
  const lines = [...(page?.lines ?? []), ...(more?.lines ?? [])];
  const next = more ? more.next : (page?.next ?? null);
  const loadMore = async () => {
    const reply = /** @type {ImportLinesView | undefined} */ (
      await run(() => api.call('admin.importLines', { ...args, cursor: next }))
    );
    if (reply) setMore({ lines: [...(more?.lines ?? []), ...reply.lines], next: reply.next });
  };
  const all = counts.new + counts.changed + counts.unchanged + counts.error;
  return html`<section class="import-lines-section" aria-labelledby="import-lines-title">
    <h2 id="import-lines-title">Rader</h2>
    <nav class="tabs" aria-label="Visa rader">
      ${FILTERS.map(
        (
          f,
        ) => html`<button key=${f} type="button" class="tab-button" aria-pressed=${f === filter} onClick=${() => setFilter(f)}>
          ${f === 'all' ? 'Alla' : OUTCOME_SV[f]} (${count(f === 'all' ? all : counts[f])})
        </button>`,
      )}
    </nav>
    ${first.error && html`<p class="error" role="alert">${errorText(first.error)}</p>`}
    ${page && html`<${LinesTable} lines=${lines} />`}
    ${page && html`<p class="hint">Visar ${count(lines.length)} av ${countOf(page.total, 'rad', 'rader')}.</p>`}
    ${next !== null && html`<button type="button" class="button" disabled=${busy} onClick=${loadMore}>Visa fler</button>`}
    <p class="error" role="alert">${error}</p>
  </section>`;
}
