// @ts-check
// One account in Användare och arbetsplatser: its profile (name, username, profession, roles, e-mail, phone, HSA-id)
// and workplaces edited as a draft and saved with admin.userUpsert, field errors from the schema's issues shown in
// Swedish; for an existing account also the account actions (deactivate, activate, reactivate, password).
import * as api from '../../lib/api.js';
import { professionLabel } from '../../lib/format.js';
import { html, useEffect, useState } from '../../lib/html.js';
import { errorText } from '../../lib/order-errors.js';
import { href } from '../../lib/routes.js';
import { useAction } from '../../lib/use-action.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';
import { PROFESSIONS } from './rules-screen.js';
import { AccountActions } from './user-account-actions.js';
import { IssueList } from './user-issues.js';
import { ROLE_LABELS, StatusBadge } from './user-status.js';
import { WorkplaceFields } from './workplace-fields.js';

/** @typedef {import('../../lib/types.d.ts').User} User */
/** @typedef {import('../../lib/types.d.ts').UserRowView} UserRowView */
/** @typedef {import('../../lib/types.d.ts').WorkplaceOptionsView} WorkplaceOptionsView */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */
/** @typedef {Pick<UserRowView, 'id' | 'username' | 'name' | 'profession' | 'roles' | 'workplaces' | 'email' | 'phone' | 'hsaId'>} Profile */

/** @type {Profile} */
const NEW_PROFILE = {
  id: '',
  username: '',
  name: '',
  profession: 'ot',
  roles: ['prescriber'],
  workplaces: [],
  email: '',
  phone: '',
};

/** The editable part of a row (the flags and times are not sent back). @param {UserRowView} row @returns {Profile} */
function profileOf(row) {
  const { id, username, name, profession, roles, workplaces, email, phone, hsaId } = row;
  return hsaId === undefined
    ? { id, username, name, profession, roles, workplaces, email, phone }
    : { id, username, name, profession, roles, workplaces, email, phone, hsaId };
}

/** A new account's id from its username: the characters an id allows, at most 32. @param {string} username */
export function idFromUsername(username) {
  return username
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-')
    .slice(0, 32);
}

/** What is sent: trimmed, an empty HSA-id left out, a new account's id from the username. @param {Profile} p @param {boolean} isNew */
function toSend(p, isNew) {
  const { hsaId, ...rest } = p;
  const out = { ...rest, id: isNew ? idFromUsername(p.username.trim()) : p.id, username: p.username.trim() };
  return hsaId && hsaId.trim() !== '' ? { ...out, hsaId: hsaId.trim() } : out;
}

/**
 * @param {{ draft: Profile, readOnly: boolean, set: (patch: Partial<Profile>) => void }} props
 */
function ProfileFields({ draft, readOnly, set }) {
  const text = (
    /** @type {keyof Profile} */ key,
    /** @type {string} */ label,
    /** @type {string} */ type = 'text',
  ) => html`
    <div class="field"><label for=${`user-${key}`}>${label}</label>
      <input id=${`user-${key}`} type=${type} disabled=${readOnly} value=${/** @type {string} */ (draft[key] ?? '')}
        onInput=${(/** @type {FieldEvent} */ e) => set({ [key]: e.currentTarget.value })} /></div>`;
  const flipRole = (/** @type {string} */ role, /** @type {boolean} */ on) =>
    set({
      roles: /** @type {Profile['roles']} */ (on ? [...draft.roles, role] : draft.roles.filter((r) => r !== role)),
    });
  return html`<div class="form-grid">
    ${text('name', 'Namn')} ${text('username', 'Användarnamn')}
    <div class="field"><label for="user-profession">Yrke</label>
      <select id="user-profession" disabled=${readOnly} value=${draft.profession}
        onChange=${(/** @type {FieldEvent} */ e) => set({ profession: /** @type {Profile['profession']} */ (e.currentTarget.value) })}>
        ${PROFESSIONS.map((p) => html`<option value=${p}>${professionLabel(p)}</option>`)}</select></div>
    ${text('email', 'E-post')} ${text('phone', 'Telefon', 'tel')} ${text('hsaId', 'HSA-id')}
    <fieldset class="choice"><legend>Roller</legend>
      ${Object.entries(ROLE_LABELS).map(
        ([role, label]) => html`<label class="check"><input type="checkbox" disabled=${readOnly}
        checked=${draft.roles.includes(/** @type {any} */ (role))} onChange=${(/** @type {FieldEvent} */ e) => flipRole(role, e.currentTarget.checked)} /> ${label}</label>`,
      )}
    </fieldset>
  </div>`;
}

/** @param {{ me: User, userId: string | null, readOnly: boolean }} props */
export function UserEditor({ me, userId, readOnly }) {
  const isNew = userId === null;
  const loaded = useQuery(isNew ? null : 'admin.user', { userId });
  const options = useQuery('admin.workplaceOptions', {});
  const row = /** @type {{ user: UserRowView } | null} */ (loaded.data)?.user ?? null;
  const [draft, setDraft] = useState(/** @type {Profile | null} */ (isNew ? NEW_PROFILE : null));
  const [notice, setNotice] = useState('');
  const save = useAction();
  const [issues, setIssues] = useState(/** @type {unknown} */ (null));
  useTitle(`${isNew ? 'Ny användare' : (row?.name ?? 'Användare')} – Administration – Aidstock`);
  useEffect(() => {
    if (row !== null && draft === null) setDraft(profileOf(row));
  }, [row]);
  const set = (/** @type {Partial<Profile>} */ patch) => draft && setDraft({ ...draft, ...patch });
  const onSubmit = (/** @type {Event} */ e) => {
    e.preventDefault();
    if (draft === null) return;
    setIssues(null);
    const failed = (/** @type {unknown} */ failure) => {
      setIssues(/** @type {{ issues?: unknown }} */ (failure).issues ?? null);
      save.setError(errorText(failure));
    };
    save.run(async () => {
      const reply = await api.call('admin.userUpsert', { user: toSend(draft, isNew), expectNew: isNew });
      if (isNew) location.hash = href.admin('anvandare', reply.user.id);
      else {
        setNotice('Ändringarna är sparade.');
        loaded.reload();
      }
    }, failed);
  };
  if (loaded.error) return html`<h1>Användare</h1><p class="error" role="alert">Användaren ${userId} finns inte.</p>`;
  const opts = /** @type {WorkplaceOptionsView | null} */ (options.data);
  if (draft === null || opts === null) return html`<p class="loading" role="status">Hämtar användaren…</p>`;
  return html`
    <p><a href=${href.admin('anvandare')}>← Alla användare</a></p>
    <h1 tabindex="-1">${isNew ? 'Ny användare' : row?.name} ${row && html`<${StatusBadge} row=${row} />`}</h1>
    <p role="status" data-testid="user-status">${notice}</p>
    <form class="user-form" onSubmit=${onSubmit} data-testid="user-form">
      <${ProfileFields} draft=${draft} readOnly=${readOnly} set=${set} />
      <${WorkplaceFields} workplaces=${draft.workplaces} options=${opts} readOnly=${readOnly} onChange=${(/** @type {Profile['workplaces']} */ w) => set({ workplaces: w })} />
      ${save.error && html`<p class="error" role="alert" data-testid="user-error">${save.error}</p>`}
      <${IssueList} issues=${issues} />
      ${!readOnly && html`<div class="actions"><button type="submit" class="button primary" disabled=${save.busy}>${save.busy ? 'Sparar…' : isNew ? 'Skapa användaren' : 'Spara'}</button></div>`}
    </form>
    ${
      row &&
      !readOnly &&
      html`<${AccountActions} row=${row} me=${me} onDone=${(/** @type {string} */ t) => {
        setNotice(t);
        loaded.reload();
      }} />`
    }`;
}
