// @ts-check
// Ändringslogg (Administration, admins only): every administrative change newest first, who and when, and field by
// field what it was before → after; filtered by entity (kind and id), user and period, paged by "Visa äldre". Read from
// the journal through its index (admin.changeLog): the log cannot disagree with what happened.
import { html, useState } from '../../lib/html.js';
import { periodOf } from '../../lib/access-log.js';
import { dateTime } from '../../lib/format.js';
import { ENTITY_KINDS, entityKindLabel, fieldLabel, fieldValue } from '../../lib/stock-admin.js';
import { usePagedQuery } from '../../lib/use-paged-query.js';
import { useTitle } from '../../lib/use-title.js';
import { PeriodFields } from '../period-fields.js';

/** @typedef {import('../../lib/types.d.ts').ChangeLogView} ChangeLogView */
/** @typedef {ChangeLogView['changes'][number]} Change */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */
/** @typedef {{ kind: string, id: string, userId: string, from: string, to: string }} Filter */

const PAGE = 50;
const EMPTY = { kind: '', id: '', userId: '', from: '', to: '' };

/** The filter as admin.changeLog's args; null while a field cannot be read (a half-typed period). @param {Filter} f */
function argsOf(f) {
  /** @type {Record<string, unknown>} */
  const args = { limit: PAGE };
  if (f.kind !== '') args.entityKind = f.kind;
  if (f.kind !== '' && f.id.trim() !== '') args.entityId = f.id.trim();
  if (f.userId.trim() !== '') args.userId = f.userId.trim().toLowerCase();
  if (f.from !== '' || f.to !== '') {
    const period = periodOf(f.from || '1970-01-01', f.to || '2999-12-31');
    if (period === null) return null;
    Object.assign(args, period);
  }
  return args;
}

/** @param {{ change: Change }} props */
function ChangeRow({ change }) {
  return html`<li class="card change" data-testid="change">
    <p><strong>${entityKindLabel(change.entityKind)} <span class="mono">${change.entityId}</span></strong>
      <span class="hint"> · ${dateTime(change.timeMs)} · ${change.userId} · ${change.type}</span></p>
    ${change.context && html`<p>${Object.entries(change.context).map(([k, v], i) => html`${i > 0 ? ' · ' : ''}${fieldLabel(k)}: ${fieldValue(k, v)}`)}</p>`}
    ${!change.beforeKnown && html`<p class="hint">Före: okänt (ändringen gjordes innan före-värden sparades).</p>`}
    ${change.removed && html`<p>Borttagen.</p>`}
    ${!change.removed && change.fields.length === 0 && html`<p class="hint">Sparad utan att något fält ändrades.</p>`}
    ${
      change.fields.length > 0 &&
      html`<table class="data-table diff">
      <thead><tr><th>Fält</th><th>Före</th><th>Efter</th></tr></thead>
      <tbody>${change.fields.map(
        (f) => html`<tr key=${f.field}><td>${fieldLabel(f.field)}</td>
          <td>${change.beforeKnown ? fieldValue(f.field, f.before) : 'okänt'}</td><td>${fieldValue(f.field, f.after)}</td></tr>`,
      )}</tbody>
    </table>`
    }
  </li>`;
}

/** @param {{ filter: Filter, onApply: (f: Filter) => void }} props */
function FilterForm({ filter, onApply }) {
  const [draft, setDraft] = useState(filter);
  const set = (/** @type {keyof Filter} */ key) => (/** @type {FieldEvent} */ e) =>
    setDraft({ ...draft, [key]: e.currentTarget.value });
  const submit = (/** @type {Event} */ e) => {
    e.preventDefault();
    onApply(draft);
  };
  return html`<form class="card change-filter" onSubmit=${submit}>
    <div class="field-row">
      <div class="field narrow"><label for="cl-kind">Typ av post</label>
        <select id="cl-kind" value=${draft.kind} onChange=${set('kind')}>
          <option value="">Alla</option>
          ${ENTITY_KINDS.map(([code, label]) => html`<option key=${code} value=${code}>${label}</option>`)}
        </select></div>
      <div class="field narrow"><label for="cl-id">Id (t.ex. artikelnummer)</label>
        <input id="cl-id" value=${draft.id} disabled=${draft.kind === ''} onInput=${set('id')} /></div>
      <div class="field narrow"><label for="cl-user">Användare</label>
        <input id="cl-user" value=${draft.userId} onInput=${set('userId')} /></div>
      <${PeriodFields} id="cl" from=${draft.from} to=${draft.to} onChange=${(/** @type {{ from: string, to: string }} */ p) => setDraft({ ...draft, ...p })} />
    </div>
    <button type="submit" class="button">Visa</button>
    <button type="button" class="button" onClick=${() => {
      setDraft(EMPTY);
      onApply(EMPTY);
    }}>Rensa</button>
  </form>`;
}

export function ChangeLogScreen() {
  useTitle('Ändringslogg – Administration');
  const [filter, setFilter] = useState(/** @type {Filter} */ (EMPTY));
  const args = argsOf(filter);
  const log = usePagedQuery(
    args === null ? null : 'admin.changeLog',
    args ?? {},
    (/** @type {ChangeLogView} */ page) => page.changes,
  );
  return html`<section class="admin-changelog">
    <h1 tabindex="-1">Ändringslogg</h1>
    <p>Alla administrativa ändringar, senaste först: vem, när och vad som ändrades.</p>
    <${FilterForm} filter=${filter} onApply=${setFilter} />
    ${args === null && html`<p class="error" role="alert">Perioden går inte att läsa.</p>`}
    ${log.error && html`<p class="error" role="alert">${log.error}</p>`}
    ${
      log.loading
        ? html`<p class="loading" role="status">Hämtar ändringar…</p>`
        : log.items.length === 0
          ? html`<p>Inga ändringar.</p>`
          : html`<ul class="plain" data-testid="changes">${log.items.map((c) => html`<${ChangeRow} key=${`${c.seq}.${c.n}`} change=${c} />`)}</ul>`
    }
    ${log.next !== null && html`<button type="button" class="button" disabled=${log.busy} onClick=${log.loadMore}>${log.busy ? 'Hämtar…' : 'Visa äldre'}</button>`}
  </section>`;
}
