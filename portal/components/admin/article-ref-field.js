// @ts-check
// Article references of the Artiklar form (set parts, accessories, replaced-by): an article number is looked up with
// catalog.article before it is taken, shown by name, and refused next to the field when it does not exist.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { errorText } from '../../lib/order-errors.js';

/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */
/** @typedef {import('../../lib/types.d.ts').ArticlePageView} ArticlePageView */

/**
 * Looks an article number up; resolves with its name, or with the Swedish reason it cannot be used.
 * @param {string} artNo
 * @param {string} self  the edited article's number (it cannot name itself)
 * @returns {Promise<{ name: string } | { error: string }>}
 */
async function lookUp(artNo, self) {
  if (!/^\d{6}$/.test(artNo)) return { error: 'Ange ett sexsiffrigt artikelnummer.' };
  if (artNo === self) return { error: 'Artikeln kan inte hänvisa till sig själv.' };
  try {
    const page = /** @type {ArticlePageView} */ (await api.call('catalog.article', { artNo }));
    return { name: page.article.name };
  } catch (failure) {
    const code = /** @type {{ code?: string }} */ (failure).code;
    return { error: code === 'not_found' ? `Artikel ${artNo} finns inte.` : errorText(failure) };
  }
}

/**
 * @typedef {{ id: string, label: string, artNos: string[], names: Record<string, string>, max: number, self: string,
 *   error: string | undefined, readOnly: boolean, single?: boolean, hint: string,
 *   onChange: (artNos: string[], names: Record<string, string>) => void }} RefFieldProps
 */

/** @param {RefFieldProps} props */
export function ArticleRefField({ id, label, artNos, names, max, self, error, readOnly, single, hint, onChange }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const shown = problem || error || '';
  const add = async () => {
    const artNo = text.trim();
    if (artNos.includes(artNo)) return setProblem(`Artikel ${artNo} finns redan i listan.`);
    setBusy(true);
    const found = await lookUp(artNo, self);
    setBusy(false);
    if ('error' in found) return setProblem(found.error);
    setProblem('');
    setText('');
    onChange(single ? [artNo] : [...artNos, artNo], { ...names, [artNo]: found.name });
  };
  const full = !single && artNos.length >= max;
  return html`
    <fieldset class="field article-refs" data-testid=${`${id}-field`}>
      <legend>${label}</legend>
      <ul class="plain ref-list">
        ${artNos.length === 0 && html`<li class="empty">Ingen</li>`}
        ${artNos.map(
          (artNo) => html`<li key=${artNo} data-testid=${`${id}-item`}>
            <span class="mono">${artNo}</span> ${names[artNo] ?? ''}
            ${
              !readOnly &&
              html`<button type="button" class="button small" aria-label=${`Ta bort ${artNo}`}
              onClick=${() =>
                onChange(
                  artNos.filter((a) => a !== artNo),
                  names,
                )}>Ta bort</button>`
            }
          </li>`,
        )}
      </ul>
      ${
        !readOnly &&
        !full &&
        html`<div class="inline-form">
          <div class="field narrow">
            <label for=${`${id}-input`}>${single && artNos.length > 0 ? 'Byt till artikelnummer' : 'Artikelnummer'}</label>
            <input id=${`${id}-input`} inputmode="numeric" maxLength="6" value=${text} aria-invalid=${shown ? 'true' : undefined}
              aria-describedby=${`${id}-hint ${id}-error`} onInput=${(/** @type {FieldEvent} */ e) => setText(e.currentTarget.value)}
              onKeyDown=${(/** @type {KeyboardEvent} */ e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void add();
                }
              }} />
          </div>
          <button type="button" class="button small" disabled=${busy} data-testid=${`${id}-add`} onClick=${add}>
            ${busy ? 'Söker…' : single ? 'Välj' : 'Lägg till'}</button>
        </div>`
      }
      <p id=${`${id}-hint`} class="hint">${hint}</p>
      <p id=${`${id}-error`} class="error" role="alert" data-testid=${`${id}-error`}>${shown}</p>
    </fieldset>`;
}
