// @ts-check
// Arbetsplats: which of the user's workplaces (and so which care provider) the session acts for. Shown only to users
// with more than one; a native select, so it is keyboard accessible as is. The pages reload under the new choice.
import { html, useState } from '../lib/html.js';
import * as api from '../lib/api.js';

/** @typedef {import('../lib/types.d.ts').User} User */

/**
 * @param {User} user
 * @param {string | null | undefined} workplaceId
 */
function careProviderName(user, workplaceId) {
  return user.workplaces.find((w) => w.id === workplaceId)?.careProvider?.name ?? 'Region Halland';
}

/** @param {{ user: User, workplaceId: string | null, onChange: (workplaceId: string) => void }} props */
export function WorkplaceChooser({ user, workplaceId, onChange }) {
  const [error, setError] = useState('');
  if (user.workplaces.length < 2) return null;
  const current = user.workplaces.some((w) => w.id === workplaceId) ? workplaceId : user.workplaces[0]?.id;
  /** @param {Event} event */
  const choose = async (event) => {
    const id = /** @type {HTMLSelectElement} */ (event.currentTarget).value;
    try {
      await api.setWorkplace(id);
      setError('');
      onChange(id);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Kunde inte byta arbetsplats.');
    }
  };
  return html`
    <label class="workplace-chooser" title=${error || 'Vårdgivaren du arbetar för styr vilka uppgifter du ser'}>
      <span class="workplace-label">Arbetsplats · ${careProviderName(user, current)}</span>
      <select value=${current} onChange=${choose} aria-invalid=${error ? 'true' : undefined}>
        ${user.workplaces.map(
          (w) => html`<option value=${w.id} title=${w.careProvider?.name ?? 'Region Halland'}>${w.name}</option>`,
        )}
      </select>
    </label>`;
}
