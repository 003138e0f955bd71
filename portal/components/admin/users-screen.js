// @ts-check
// Användare och arbetsplatser (issue 14): the account list at #/admin/anvandare, one account at
// #/admin/anvandare/<userId> and a new one at #/admin/anvandare/ny.
import { html } from '../../lib/html.js';
import { UserEditor } from './user-editor.js';
import { UserList } from './user-list.js';

/** @typedef {import('../../lib/types.d.ts').User} User */

/** The param of a new account's form; `ny` cannot be a user id an admin meant (ids come from usernames). */
export const NEW_USER = 'ny';

/** @param {{ user: User, param: string | null, query: URLSearchParams, readOnly: boolean }} props */
export function UsersScreen({ user, param, query, readOnly }) {
  if (param === null) return html`<${UserList} query=${query} readOnly=${readOnly} />`;
  return html`<${UserEditor} key=${param} me=${user} userId=${param === NEW_USER ? null : param} readOnly=${readOnly} />`;
}
