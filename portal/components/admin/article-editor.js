// @ts-check
// Artiklar, one article: every field of the article, saved with admin.articleUpsert (a new one with expectNew, so an
// article number in use is refused, never overwritten). A change to utgående or utgått shows its impact first and
// asks for a confirmation. Refusals show next to the field they concern.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { href } from '../../lib/routes.js';
import { useAction } from '../../lib/use-action.js';
import { useQuery } from '../../lib/use-query.js';
import { ArticleImpactPanel } from './article-impact-panel.js';
import { MinLevels } from './min-levels.js';
import { ArticleRefField } from './article-ref-field.js';
import { BasicFields, LinkFields } from './article-fields.js';
import {
  ACCESSORIES_MAX,
  EMPTY_FORM,
  SET_PARTS_MAX,
  articleOf,
  formOf,
  issueErrors,
  needsImpact,
  rejectionErrors,
} from './article-form-state.js';

/** @typedef {import('../../lib/types.d.ts').ArticleEditPage} ArticleEditPage */
/** @typedef {import('./article-form-state.js').ArticleForm} ArticleForm */
/** @typedef {import('./article-form-state.js').FieldErrors} FieldErrors */
/** @typedef {{ form: ArticleForm, names: Record<string, string>, savedStatus: string | null, supplierName: string }} Initial */

/**
 * The form's starting point: the article as catalog.article shows it, or an empty form for "ny".
 * @param {ArticleEditPage | null} page
 * @returns {Initial}
 */
function initialOf(page) {
  if (page === null) return { form: EMPTY_FORM, names: {}, savedStatus: null, supplierName: '' };
  /** @type {Record<string, string>} */
  const names = {};
  for (const a of [...page.setParts, ...page.accessories, ...(page.replacedBy ? [page.replacedBy] : [])])
    names[a.artNo] = a.name;
  return { form: formOf(page.article), names, savedStatus: page.article.status, supplierName: page.supplier.name };
}

/** @param {{ artNo: string | null, readOnly: boolean }} props */
export function ArticleEditor({ artNo, readOnly }) {
  const page = useQuery(artNo === null ? null : 'catalog.article', { artNo });
  if (artNo === null) return html`<${ArticleForm} key="ny" initial=${initialOf(null)} readOnly=${readOnly} />`;
  if (page.error && page.data === null) {
    const missing = page.error.code === 'not_found';
    return html`<p class="error" role="alert">${missing ? `Artikel ${artNo} finns inte.` : `Kunde inte hämta artikeln: ${page.error.message}`}</p>
      <p><a href=${href.admin('artiklar')}>Till Artiklar</a></p>`;
  }
  if (page.data === null) return html`<p class="loading" role="status">Hämtar artikel ${artNo}…</p>`;
  const initial = initialOf(/** @type {ArticleEditPage} */ (page.data));
  return html`<${ArticleForm} key=${artNo} initial=${initial} readOnly=${readOnly} />`;
}

/**
 * Sends the article; resolves with the field errors of a refusal, or null once saved.
 * @param {ArticleForm} form
 * @param {boolean} isNew
 * @returns {Promise<FieldErrors | null>}
 */
async function saveArticle(form, isNew) {
  const checked = articleOf(form);
  if (checked.article === null) return checked.errors;
  try {
    await api.call('admin.articleUpsert', { article: checked.article, ...(isNew ? { expectNew: true } : {}) });
    return null;
  } catch (failure) {
    const error = /** @type {{ code?: string, message?: string, issues?: unknown }} */ (failure);
    return error.code === 'invalid_request' ? issueErrors(error.issues) : rejectionErrors(error, form);
  }
}

/**
 * Set parts, accessories and replaced-by, each an article number looked up by name.
 * @param {{ form: ArticleForm, names: Record<string, string>, errors: FieldErrors, readOnly: boolean,
 *   onChange: (changes: Partial<ArticleForm>, names: Record<string, string>) => void }} props
 */
function RefsSection({ form, names, errors, readOnly, onChange }) {
  const refProps = { names, self: form.artNo.trim(), readOnly };
  const refsChange =
    (/** @type {'setParts' | 'accessories' | 'replacedBy'} */ field) =>
    (/** @type {string[]} */ artNos, /** @type {Record<string, string>} */ next) =>
      onChange(field === 'replacedBy' ? { replacedBy: artNos[0] ?? '' } : { [field]: artNos }, next);
  return html`
    <section class="card">
      <h2>Set, tillbehör och ersättning</h2>
      <${ArticleRefField} id="art-setparts" label="Setdelar" artNos=${form.setParts} max=${SET_PARTS_MAX} error=${errors.setParts}
        hint="Artiklar som alltid levereras tillsammans med artikeln." onChange=${refsChange('setParts')} ...${refProps} />
      <${ArticleRefField} id="art-accessories" label="Vanligaste tillbehören" artNos=${form.accessories} max=${ACCESSORIES_MAX}
        error=${errors.accessories} hint="Föreslås när artikeln beställs." onChange=${refsChange('accessories')} ...${refProps} />
      <${ArticleRefField} id="art-replacedby" label="Ersätts av" artNos=${form.replacedBy ? [form.replacedBy] : []} max=${1} single=${true}
        error=${errors.replacedBy} hint="Föreslås förskrivaren när artikeln saknas i lager." onChange=${refsChange('replacedBy')} ...${refProps} />
    </section>`;
}

/** @param {{ initial: Initial, readOnly: boolean }} props */
function ArticleForm({ initial, readOnly }) {
  const [form, setForm] = useState(initial.form);
  const [names, setNames] = useState(initial.names);
  const [savedStatus, setSavedStatus] = useState(initial.savedStatus);
  const [errors, setErrors] = useState(/** @type {FieldErrors} */ ({}));
  const [confirmed, setConfirmed] = useState(false);
  const [saved, setSaved] = useState('');
  const { busy, run } = useAction();
  const isNew = initial.savedStatus === null;
  const impact = needsImpact(savedStatus, form.status);
  const set = (/** @type {Partial<ArticleForm>} */ changes) => {
    setForm((current) => ({ ...current, ...changes }));
    setErrors((current) => ({
      ...current,
      ...Object.fromEntries(Object.keys(changes).map((k) => [k, undefined])),
      form: undefined,
    }));
    if ('status' in changes) setConfirmed(false);
    setSaved('');
  };
  const refuse = (/** @type {FieldErrors} */ found) => {
    setErrors({ form: 'Artikeln är inte sparad: rätta det som är markerat.', ...found });
    // After the render that marks them: the first marked field gets focus (and scrolls into view).
    setTimeout(() =>
      /** @type {HTMLElement | null} */ (document.querySelector('.article-form [aria-invalid="true"]'))?.focus(),
    );
  };
  const submit = async (/** @type {Event} */ event) => {
    event.preventDefault();
    if (impact && !confirmed) return refuse({ confirm: 'Bekräfta att du har sett påverkan innan du sparar.' });
    const refused = await run(() => saveArticle(form, isNew));
    if (refused === undefined) return;
    if (refused !== null) return refuse(refused);
    setSavedStatus(form.status);
    setConfirmed(false);
    setSaved(isNew ? `Artikel ${form.artNo} är skapad.` : 'Ändringarna är sparade.');
    if (isNew) location.hash = href.admin('artiklar', form.artNo.trim(), { skapad: '1' });
  };
  // The minimum stock level per warehouse of an existing article (saved on its own, per warehouse: admin.stockMinSet).
  // Outside the article's form: each level is a small form of its own, and forms do not nest.
  const minLevels =
    !isNew &&
    html`<section class="card" data-testid="article-min-levels">
      <h2>Miniminivå per lager</h2>
      <p class="hint">Tillgängligt saldo under miniminivån visas i Lager under «Under miniminivå». 0 tar bort nivån.</p>
      <${MinLevels} artNo=${form.artNo} readOnly=${readOnly} />
    </section>`;
  return html`
    <form class="article-form" onSubmit=${submit} data-testid="article-form" novalidate>
      <section class="card">
        <h2>Uppgifter</h2>
        <${BasicFields} form=${form} errors=${errors} readOnly=${readOnly} set=${set} isNew=${isNew} supplierName=${initial.supplierName} />
      </section>
      ${
        impact &&
        html`<${ArticleImpactPanel} artNo=${form.artNo} status=${form.status} confirmed=${confirmed}
        error=${errors.confirm} onConfirm=${setConfirmed} />`
      }
      <${RefsSection} form=${form} names=${names} errors=${errors} readOnly=${readOnly}
        onChange=${(/** @type {Partial<ArticleForm>} */ changes, /** @type {Record<string, string>} */ next) => {
          setNames(next);
          set(changes);
        }} />
      <section class="card">
        <h2>Länkar och bild</h2>
        <${LinkFields} form=${form} errors=${errors} readOnly=${readOnly} set=${set} />
      </section>
      ${
        !readOnly &&
        html`<div class="form-actions">
        <button type="submit" class="button primary" disabled=${busy} data-testid="article-save">${busy ? 'Sparar…' : isNew ? 'Skapa artikel' : 'Spara ändringar'}</button>
        <p class="error" role="alert" data-testid="article-form-error">${errors.form ?? ''}</p>
        <p class="hint" role="status" data-testid="article-saved">${saved}</p>
      </div>`
      }
    </form>
    ${minLevels}`;
}
