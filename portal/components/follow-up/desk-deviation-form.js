// @ts-check
// Rapportera avvikelse: the filing form, opened with its context from the patient view (?pnr=), the individual card
// (?individ=), a work order (?ao=&individ=) or a pickup (?hamtorder=&individ=), or empty from Uppföljning. Category,
// individual or article, optional patient, text and attachments (uploaded first, as a work order's).
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { useAction } from '../../lib/use-action.js';
import { href } from '../../lib/routes.js';
import { parseIndNo } from '../../lib/format.js';
import { ATTACHMENTS_MAX, uploadAttachment } from '../../lib/attachments.js';
import { CATEGORY_SV } from './desk-deviation-labels.js';

/** @typedef {import('../../lib/types.d.ts').DeviationView} DeviationView */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */

const TEXT_CHARS_MAX = 2000;

/** Where the report is filed from, by the link's parameters. */
function sourceOf(/** @type {URLSearchParams} */ query) {
  const number = (/** @type {string} */ key) => Number(query.get(key));
  if (query.get('ao')) return { kind: 'workOrder', ref: number('ao') };
  if (query.get('hamtorder')) return { kind: 'pickup', ref: number('hamtorder') };
  if (query.get('individ')) return { kind: 'individual', ref: number('individ') };
  if (query.get('pnr')) return { kind: 'patient', ref: null };
  return { kind: 'desk', ref: null };
}

/** @param {{ query: URLSearchParams, onFiled: (deviation: DeviationView) => void }} props */
export function DeskDeviationForm({ query, onFiled }) {
  const [category, setCategory] = useState('incident');
  const [device, setDevice] = useState(query.get('individ') ?? '');
  const [artNo, setArtNo] = useState(query.get('artikel') ?? '');
  const [pnr, setPnr] = useState(query.get('pnr') ?? '');
  const [text, setText] = useState('');
  const [files, setFiles] = useState(/** @type {File[]} */ ([]));
  const { busy, error, setError, run } = useAction();
  const field = (/** @type {(v: string) => void} */ set) => (/** @type {FieldEvent} */ e) => set(e.currentTarget.value);
  const submit = async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    const indNo = device.trim() === '' ? null : parseIndNo(device);
    if (device.trim() !== '' && indNo === null) return setError('Ett individnummer är 1–8 siffror, t.ex. 56314.');
    if (indNo === null && !/^\d{6}$/.test(artNo.trim()))
      return setError('Ange individnummer eller ett artikelnummer (6 siffror).');
    if (text.trim() === '') return setError('Beskriv vad som hände.');
    if (files.length > ATTACHMENTS_MAX) return setError(`Högst ${ATTACHMENTS_MAX} bilagor.`);
    const filed = await run(async () => {
      const uploaded = [];
      for (const file of files) uploaded.push(await uploadAttachment(file));
      return api.call('deviation.create', {
        category,
        text: text.trim(),
        source: sourceOf(query),
        attachments: uploaded.map((a) => a.id),
        ...(indNo === null ? { artNo: artNo.trim() } : { indNo }),
        ...(pnr.trim() === '' ? {} : { pnr: pnr.trim() }),
      });
    });
    if (filed !== undefined) onFiled(filed.deviation);
    return undefined;
  };
  return html`<form class="card" onSubmit=${submit} aria-labelledby="deviation-form-title" data-testid="deviation-form">
    <h2 id="deviation-form-title">Rapportera avvikelse</h2>
    <fieldset class="choice"><legend>Typ av avvikelse</legend>
      ${Object.entries(CATEGORY_SV).map(
        ([value, label]) => html`<div class="radio" key=${value}>
          <input type="radio" id=${`dev-${value}`} name="dev-category" checked=${category === value} onChange=${() => setCategory(value)} />
          <label for=${`dev-${value}`}>${label}</label></div>`,
      )}
    </fieldset>
    <div class="field narrow"><label for="dev-individ">Individnummer</label>
      <input id="dev-individ" inputmode="numeric" maxLength="12" value=${device} onInput=${field(setDevice)} /></div>
    <div class="field narrow"><label for="dev-artikel">Artikelnummer (om avvikelsen inte gäller en viss individ)</label>
      <input id="dev-artikel" inputmode="numeric" maxLength="6" value=${artNo} disabled=${device.trim() !== ''} onInput=${field(setArtNo)} /></div>
    <div class="field narrow"><label for="dev-pnr">Brukarens personnummer (frivilligt)</label>
      <input id="dev-pnr" inputmode="numeric" maxLength="15" placeholder="ÅÅÅÅMMDD-NNNN" value=${pnr} onInput=${field(setPnr)} /></div>
    <div class="field"><label for="dev-text">Vad hände?</label>
      <textarea id="dev-text" rows="4" maxLength=${TEXT_CHARS_MAX} value=${text} aria-describedby="dev-text-count" onInput=${field(setText)}></textarea>
      <p id="dev-text-count" class="counter">${TEXT_CHARS_MAX - text.length} tecken kvar</p></div>
    <div class="field"><label for="dev-files">Bilagor (foto, PDF, text eller Word, högst ${ATTACHMENTS_MAX} st à 2 MB)</label>
      <input id="dev-files" type="file" multiple accept=".pdf,.png,.jpg,.jpeg,.txt,.doc,.docx"
        onChange=${(/** @type {FieldEvent} */ e) => setFiles([...(e.currentTarget.files ?? [])])} /></div>
    <p class="desk-links"><button type="submit" class="button" disabled=${busy}>${busy ? 'Skickar…' : 'Skicka avvikelse'}</button>
      <a class="desk-link" href=${href.uppfoljning('avvikelser')}>Avbryt</a></p>
    <p class="error" role="alert">${error}</p>
  </form>`;
}
