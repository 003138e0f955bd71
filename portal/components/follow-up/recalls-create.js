// @ts-check
// Ny återkallelse: HMC staff pick an article (optionally individual numbers from–to), write the notice, preview how
// many units and holders it touches and how many prescribers get a message, then confirm.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { useAction } from '../../lib/use-action.js';
import { kindCounts } from './recalls-labels.js';

/** @typedef {{ artNo: string, articleName: string, kind: string, holders: number, byKind: Record<string, number>, prescribers: number }} RecallPreview */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */

/** The form's values as the ops take them; null when the range is half filled. @param {{ artNo: string, from: string, to: string }} f */
function rangeArgs(f) {
  const artNo = f.artNo.trim();
  if (f.from.trim() === '' && f.to.trim() === '') return { artNo };
  if (f.from.trim() === '' || f.to.trim() === '') return null;
  return { artNo, indNoFrom: Number(f.from), indNoTo: Number(f.to) };
}

/** @param {{ onCreated: (recallNo: number) => void }} props */
export function RecallCreate({ onCreated }) {
  const [form, setForm] = useState({ artNo: '', from: '', to: '', notice: '' });
  const [preview, setPreview] = useState(/** @type {RecallPreview | null} */ (null));
  const { busy, error, setError, run } = useAction();
  const field = (/** @type {keyof typeof form} */ name) => (/** @type {FieldEvent} */ e) => {
    setForm({ ...form, [name]: e.currentTarget.value });
    setPreview(null);
  };
  const args = rangeArgs(form);
  const check = (/** @type {SubmitEvent} */ e) => {
    e.preventDefault();
    if (args === null) return setError('Ange både första och sista individnummer, eller inget av dem.');
    run(async () => setPreview(/** @type {RecallPreview} */ (await api.call('recall.preview', args))));
  };
  const confirm = () =>
    run(async () => {
      const result = /** @type {{ recall: { recallNo: number } }} */ (
        await api.call('recall.create', { ...args, notice: form.notice })
      );
      setPreview(null);
      setForm({ artNo: '', from: '', to: '', notice: '' });
      onCreated(result.recall.recallNo);
    });
  return html`<section class="card" aria-labelledby="recall-new-title">
    <h2 id="recall-new-title">Ny återkallelse</h2>
    <form onSubmit=${check} class="stack-form">
      <div class="field narrow"><label for="recall-artno">Artikelnummer</label>
        <input id="recall-artno" inputmode="numeric" maxlength="6" required value=${form.artNo} onInput=${field('artNo')} /></div>
      <fieldset class="inline-fields"><legend>Individnummer (valfritt, bara hyrartiklar)</legend>
        <div class="field narrow"><label for="recall-from">Från</label>
          <input id="recall-from" inputmode="numeric" maxlength="8" value=${form.from} onInput=${field('from')} /></div>
        <div class="field narrow"><label for="recall-to">Till</label>
          <input id="recall-to" inputmode="numeric" maxlength="8" value=${form.to} onInput=${field('to')} /></div>
      </fieldset>
      <div class="field"><label for="recall-notice">Säkerhetsmeddelande</label>
        <textarea id="recall-notice" rows="3" maxlength="1000" required value=${form.notice} onInput=${field('notice')}></textarea></div>
      <p><button type="submit" class="button" disabled=${busy}>Förhandsgranska</button></p>
    </form>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${
      preview !== null &&
      html`<div class="notice" data-testid="recall-preview" role="status">
        <p><strong>${preview.articleName} (${preview.artNo})</strong>: ${`${preview.holders} innehavare berörs${preview.holders > 0 ? ` (${kindCounts(preview.byKind)})` : ''}; ${preview.prescribers} förskrivare får ett meddelande.`}</p>
        <p>Lagret spärras för beställning och plock tills återkallelsen avslutas.</p>
        <button type="button" class="button primary" disabled=${busy || form.notice.trim() === ''} onClick=${confirm}>Återkalla</button>
      </div>`
    }
  </section>`;
}
