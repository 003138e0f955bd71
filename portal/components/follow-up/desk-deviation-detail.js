// @ts-check
// One deviation report: what, where from, the patient (logged by the engine), attachments, comments, and — live by
// push — HMC's status and answers. The reporter and HMC comment; HMC staff move the status (the steps the engine allows).
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { useAction } from '../../lib/use-action.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';
import { href } from '../../lib/routes.js';
import { dateTime, isStaff } from '../../lib/format.js';
import { downloadAttachment } from '../../lib/attachments.js';
import { errorText } from '../../lib/order-errors.js';
import { CATEGORY_SV, STATUS_SV, sourceText } from './desk-deviation-labels.js';

/** @typedef {import('../../lib/types.d.ts').DeviationView} DeviationView */
/** @typedef {import('../../lib/types.d.ts').User} User */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */

/** @param {{ deviation: DeviationView, staff: boolean, onDone: (text: string) => void }} props */
function Answer({ deviation, staff, onDone }) {
  const [status, setStatus] = useState('');
  const [comment, setComment] = useState('');
  const { busy, error, setError, run } = useAction();
  const no = deviation.deviationNo;
  const save = async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    const text = comment.trim();
    if (status === '' && text === '') return setError('Välj en ny status eller skriv en kommentar.');
    const done = await run(() =>
      status === ''
        ? api.call('deviation.comment', { deviationNo: no, text })
        : api.call('deviation.setStatus', { deviationNo: no, status, ...(text ? { comment: text } : {}) }),
    );
    if (done === undefined) return undefined;
    setComment('');
    setStatus('');
    return onDone(`Avvikelse ${no} är uppdaterad.`);
  };
  return html`<form class="card" onSubmit=${save} data-testid="deviation-answer" aria-label=${`Svara på avvikelse ${no}`}>
    ${
      staff &&
      deviation.nextStatuses.length > 0 &&
      html`<div class="field narrow"><label for="dev-status">Ny status</label>
        <select id="dev-status" value=${status} onChange=${(/** @type {FieldEvent} */ e) => setStatus(e.currentTarget.value)}>
          <option value="">Oförändrad (${STATUS_SV[deviation.status]})</option>
          ${deviation.nextStatuses.map((s) => html`<option value=${s} key=${s}>${STATUS_SV[s]}</option>`)}
        </select></div>`
    }
    <div class="field"><label for="dev-comment">${staff ? 'Kommentar till den som rapporterade' : 'Kommentar till HMC'}</label>
      <textarea id="dev-comment" rows="2" maxLength="1000" value=${comment} onInput=${(/** @type {FieldEvent} */ e) => setComment(e.currentTarget.value)}></textarea></div>
    <button type="submit" class="button" disabled=${busy}>${busy ? 'Sparar…' : 'Spara'}</button>
    <p class="error" role="alert">${error}</p>
  </form>`;
}

/** @param {{ deviation: DeviationView, onError: (text: string) => void }} props */
function Facts({ deviation, onError }) {
  return html`<dl class="facts card deviation-facts">
    <div><dt>Typ</dt><dd>${CATEGORY_SV[deviation.category]}</dd></div>
    <div><dt>Status</dt><dd><span class="tag" data-testid="deviation-status">${STATUS_SV[deviation.status]}</span></dd></div>
    <div><dt>Gäller</dt><dd><a href=${href.artikel(deviation.artNo)}>${deviation.articleName}</a> (${deviation.artNo})
      ${deviation.indNo !== null && html`, individ <a href=${href.individ(deviation.indNo)}>${deviation.indNo}</a>`}</dd></div>
    ${deviation.patient && html`<div><dt>Brukare</dt><dd>${deviation.patient.name} ${deviation.patient.pnrDisplay}</dd></div>`}
    <div><dt>Rapporterad</dt><dd>${dateTime(deviation.createdMs)} av ${deviation.reporter.name}, från ${sourceText(deviation.source)}</dd></div>
    <div class="wide"><dt>Beskrivning</dt><dd data-testid="deviation-text">${deviation.text}</dd></div>
    ${
      deviation.attachments.length > 0 &&
      html`<div class="wide"><dt>Bilagor</dt><dd>${deviation.attachments.map(
        (a) => html`<button type="button" class="link-button inline-action" key=${a.id}
          onClick=${() => downloadAttachment(a).catch((e) => onError(e.message))}>${a.name}</button>`,
      )}</dd></div>`
    }
  </dl>`;
}

/** @param {{ user: User, deviationNo: number }} props */
export function DeskDeviationDetail({ user, deviationNo }) {
  const staff = isStaff(user);
  const [notice, setNotice] = useState('');
  useTitle(`Avvikelse ${deviationNo} – Aidstock`);
  const query = useQuery(
    'deviation.get',
    { deviationNo },
    {
      topic: staff ? 'deviations' : `deviations/${user.id}`,
      select: (/** @type {DeviationView} */ d) => d,
      keepData: true,
    },
  );
  const deviation = query.data;
  const done = (/** @type {string} */ text) => {
    setNotice(text);
    query.reload();
  };
  if (query.error)
    return html`<p class="error" role="alert">${query.error.code === 'not_found' ? `Avvikelse ${deviationNo} finns inte.` : errorText(query.error)}</p>`;
  if (deviation === null) return html`<p class="loading" role="status">Hämtar avvikelse ${deviationNo}…</p>`;
  return html`
    <p><a href=${href.uppfoljning('avvikelser')}>Alla avvikelser</a></p>
    <h1 tabindex="-1">Avvikelse ${deviation.deviationNo}</h1>
    <${Facts} deviation=${deviation} onError=${setNotice} />
    <h2>Kommentarer</h2>
    ${
      deviation.comments.length === 0
        ? html`<p>Inga kommentarer ännu.</p>`
        : html`<ul class="plain wo-comments" data-testid="deviation-comments">${deviation.comments.map(
            (c, i) => html`<li key=${i}><span class="hint">${dateTime(c.timeMs)} ${c.author}:</span> ${c.text}</li>`,
          )}</ul>`
    }
    <p role="status" data-testid="deviation-notice">${notice}</p>
    <${Answer} key=${`${deviation.status}-${deviation.comments.length}`} deviation=${deviation} staff=${staff} onDone=${done} />`;
}
