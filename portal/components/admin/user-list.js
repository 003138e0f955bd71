// @ts-check
// The account list of Användare och arbetsplatser: filter by name / username, profession, role or only flagged
// accounts (unused for 12 months, or deactivated), paged through the hash (?sida=2); a dormant account can be
// reactivated from its row.
import * as api from '../../lib/api.js';
import { dateTime, professionLabel } from '../../lib/format.js';
import { html, useState } from '../../lib/html.js';
import { href } from '../../lib/routes.js';
import { useAction } from '../../lib/use-action.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';
import { PROFESSIONS } from './rules-screen.js';
import { ROLE_LABELS, StatusBadge } from './user-status.js';

/** @typedef {import('../../lib/types.d.ts').UserRowView} UserRowView */
/** @typedef {import('../../lib/types.d.ts').UserListView} UserListView */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */

const PAGE_SIZE = 25;
const FILTER_KEYS = ['q', 'yrke', 'roll', 'flaggade', 'sida'];

/** @param {URLSearchParams} query */
function listArgs(query) {
  const page = Math.max(1, Number.parseInt(query.get('sida') ?? '1', 10) || 1);
  /** @type {Record<string, unknown>} */
  const args = { text: query.get('q') ?? '', flagged: query.get('flaggade') === '1', limit: PAGE_SIZE };
  args.offset = (page - 1) * PAGE_SIZE;
  if (query.get('yrke')) args.profession = query.get('yrke');
  if (query.get('roll')) args.role = query.get('roll');
  return { args, page };
}

/** The hash with one filter changed (and back to page 1 unless the page is what changed). */
function withFilter(/** @type {URLSearchParams} */ query, /** @type {string} */ key, /** @type {string} */ value) {
  /** @type {Record<string, string>} */
  const next = {};
  for (const k of FILTER_KEYS) if (query.get(k)) next[k] = /** @type {string} */ (query.get(k));
  if (key !== 'sida') delete next.sida;
  if (value === '') delete next[key];
  else next[key] = value;
  return href.admin('anvandare', null, next);
}

/** @param {{ row: UserRowView, readOnly: boolean, onDone: (text: string) => void }} props */
function Row({ row, readOnly, onDone }) {
  const { busy, run } = useAction();
  const reactivate = () =>
    run(
      async () => {
        await api.call('admin.userReactivate', { userId: row.id });
        onDone(`${row.name} är återaktiverad.`);
      },
      (failure) => onDone(String(/** @type {Error} */ (failure).message)),
    );
  return html`<tr data-userid=${row.id} class=${row.dormant || row.deactivatedMs !== null ? 'flagged' : ''}>
    <td><a href=${href.admin('anvandare', row.id)}>${row.name}</a></td>
    <td class="mono">${row.username}</td>
    <td>${professionLabel(row.profession)}</td>
    <td>${row.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}</td>
    <td>${row.workplaces.map((w) => w.name).join(', ')}</td>
    <td>${row.lastSignInMs === null ? 'Aldrig' : dateTime(row.lastSignInMs)}</td>
    <td><${StatusBadge} row=${row} />
      ${row.dormant && !readOnly && html` <button type="button" class="button small" disabled=${busy} onClick=${reactivate}>Återaktivera</button>`}</td>
  </tr>`;
}

/** @param {{ query: URLSearchParams, readOnly: boolean }} props */
export function UserList({ query, readOnly }) {
  useTitle('Användare – Administration – Aidstock');
  const { args, page } = listArgs(query);
  const list = useQuery('admin.userList', args, { keepData: true });
  const [notice, setNotice] = useState('');
  const data = /** @type {UserListView | null} */ (list.data);
  const go = (/** @type {string} */ key, /** @type {string} */ value) => {
    location.hash = withFilter(query, key, value);
  };
  const done = (/** @type {string} */ text) => {
    setNotice(text);
    list.reload();
  };
  const pages = data === null ? 1 : Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  return html`
    <h1 tabindex="-1">Användare och arbetsplatser</h1>
    ${!readOnly && html`<p><a class="button primary" href=${href.admin('anvandare', 'ny')}>Ny användare</a></p>`}
    <form class="user-filters" role="search" onSubmit=${(/** @type {Event} */ e) => e.preventDefault()}>
      <div class="field"><label for="user-q">Namn eller användarnamn</label>
        <input id="user-q" type="search" maxLength="64" value=${query.get('q') ?? ''} onChange=${(/** @type {FieldEvent} */ e) => go('q', e.currentTarget.value.trim())} /></div>
      <div class="field"><label for="user-prof">Yrke</label>
        <select id="user-prof" value=${query.get('yrke') ?? ''} onChange=${(/** @type {FieldEvent} */ e) => go('yrke', e.currentTarget.value)}>
          <option value="">Alla</option>${PROFESSIONS.map((p) => html`<option value=${p}>${professionLabel(p)}</option>`)}</select></div>
      <div class="field"><label for="user-role">Roll</label>
        <select id="user-role" value=${query.get('roll') ?? ''} onChange=${(/** @type {FieldEvent} */ e) => go('roll', e.currentTarget.value)}>
          <option value="">Alla</option>${Object.entries(ROLE_LABELS).map(([r, label]) => html`<option value=${r}>${label}</option>`)}</select></div>
      <label class="check"><input type="checkbox" checked=${query.get('flaggade') === '1'} onChange=${(/** @type {FieldEvent} */ e) => go('flaggade', e.currentTarget.checked ? '1' : '')} /> Bara flaggade (oanvända 12 månader eller inaktiverade)</label>
    </form>
    <p role="status" data-testid="users-status">${notice}</p>
    ${list.error && html`<p class="error" role="alert">Användarna kunde inte hämtas.</p>`}
    ${
      data === null
        ? html`<p class="loading" role="status">Hämtar användare…</p>`
        : html`
      <p class="hint">${data.total} ${data.total === 1 ? 'konto' : 'konton'}, varav ${data.flaggedCount} flaggade.</p>
      <div class="table-wrap"><table class="data-table compact" data-testid="user-list">
        <thead><tr><th scope="col">Namn</th><th scope="col">Användarnamn</th><th scope="col">Yrke</th><th scope="col">Roller</th>
          <th scope="col">Arbetsplatser</th><th scope="col">Senast inloggad</th><th scope="col">Status</th></tr></thead>
        <tbody>${data.users.map((row) => html`<${Row} key=${row.id} row=${row} readOnly=${readOnly} onDone=${done} />`)}</tbody>
      </table></div>
      <nav class="pager" aria-label="Sidor">
        ${page > 1 && html`<a href=${withFilter(query, 'sida', String(page - 1))}>Föregående</a>`}
        <span>Sida ${page} av ${pages}</span>
        ${page < pages && html`<a href=${withFilter(query, 'sida', String(page + 1))}>Nästa</a>`}
      </nav>`
    }`;
}
