// @ts-check
// The access log's entries as a table: when, who (and acting for which care unit), which patient, what was done and
// shown; optionally a column of their own (the spot check's review form).
import { html } from '../lib/html.js';
import { dateTime } from '../lib/format.js';
import { ACTION_SV, SHOWN_SV } from '../lib/access-log.js';

/** @typedef {import('../lib/types.d.ts').AccessEntryView} AccessEntryView */
/** @typedef {import('../lib/types.d.ts').ComponentChildren} ComponentChildren */

/** @param {{ entry: AccessEntryView }} props */
function Shown({ entry }) {
  const kind = SHOWN_SV[entry.shown.kind] ?? entry.shown.kind;
  return html`${kind}${entry.shown.no === null ? '' : ` ${entry.shown.no}`}`;
}

/**
 * @param {{ entries: AccessEntryView[], caption: string,
 *   extra?: { title: string, cell: (entry: AccessEntryView) => ComponentChildren } }} props
 */
export function AccessEntryTable({ entries, caption, extra }) {
  if (entries.length === 0) return html`<p role="status">Inga åtkomster under perioden.</p>`;
  return html`
    <div class="table-wrap">
      <table class="data-table" data-testid="access-entries">
        <caption>${caption}</caption>
        <thead><tr>
          <th scope="col">Tid</th><th scope="col">Användare</th><th scope="col">Vårdenhet</th>
          <th scope="col">Patient</th><th scope="col">Åtgärd</th><th scope="col">Visat</th>
          ${extra && html`<th scope="col">${extra.title}</th>`}
        </tr></thead>
        <tbody>
          ${entries.map(
            (e) => html`
            <tr key=${e.id}>
              <td>${dateTime(e.timeMs)}</td>
              <td>${e.userName} <span class="access-muted">(${e.userId})</span></td>
              <td>${e.workplaceName || '–'}</td>
              <td>${e.pnrDisplay}</td>
              <td>${ACTION_SV[e.action] ?? e.action}${e.grounds ? html` <span class="access-badge">${e.grounds === 'emergency' ? 'Nödåtkomst' : 'Samtycke'}</span>` : ''}</td>
              <td><${Shown} entry=${e} /></td>
              ${extra && html`<td>${extra.cell(e)}</td>`}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}
