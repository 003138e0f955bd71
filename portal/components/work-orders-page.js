// @ts-check
// Arbetsorder: prescribers register errands to Teknisk Service, a hjälpmedelskonsulent or Dako (standalone or about a
// device: ?individ=56314) and follow them under "Registrerade AO" with HMC's comments; HMC staff work the same list
// as a desk: open errands per destination, status and comments.
import { html, useState } from '../lib/html.js';
import { useQuery } from '../lib/use-query.js';
import { useTitle } from '../lib/use-title.js';
import { WithheldNotice } from './withheld-notice.js';
import * as api from '../lib/api.js';
import { href } from '../lib/routes.js';
import { dateTime, isPrescriber, isStaff, parseIndNo } from '../lib/format.js';
import { useAction } from '../lib/use-action.js';
import { ATTACHMENTS_MAX, downloadAttachment, uploadAttachment } from '../lib/attachments.js';
import { useFlagFilter, workingDaysText } from '../lib/oversight.js';
import { AgeFlag, FlagSummary } from './oversight-flag.js';
import { DeviationLink } from './desk-links.js';

/** @typedef {import('../lib/types.d.ts').User} User */
/** @typedef {import('../lib/types.d.ts').WorkOrderView} WorkOrderView */
/** @typedef {import('../lib/types.d.ts').OversightSummary} OversightSummary */

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const TITLE_CHARS_MAX = 70;
const TEXT_CHARS_MAX = 255;
const LIST_MAX = 100;
/** @type {WorkOrderView[]} */
const NONE = [];
const isFlagged = (/** @type {WorkOrderView} */ wo) => wo.flagged === true;
/** @type {Record<string, string>} */
export const DESTINATIONS = {
  technicalService: 'Teknisk Service',
  consultant: 'Hjälpmedelskonsulent',
  dako: 'Dako (kommunikation)',
};
/** @type {Record<string, string>} */
const STATUSES = {
  registered: 'Mottagen',
  inProgress: 'Pågår',
  waitingForParts: 'Väntar på delar',
  done: 'Klar',
  cancelled: 'Makulerad',
};

/** @param {{ id: string, used: number, max: number }} props */
function Counter({ id, used, max }) {
  const left = max - used;
  return html`<p id=${id} class=${left < 10 ? 'counter low' : 'counter'}>${left} tecken kvar</p>`;
}

/**
 * onStart: a new submit began (the page clears its old success notice, so it never stands next to a new error).
 * @param {{ indNo: number | null, onStart: () => void, onCreated: (workOrder: WorkOrderView) => void }} props
 */
function NewWorkOrder({ indNo, onStart, onCreated }) {
  const [destination, setDestination] = useState('technicalService');
  const [device, setDevice] = useState(indNo === null ? '' : String(indNo));
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [files, setFiles] = useState(/** @type {File[]} */ ([]));
  const [kept, setKept] = useState(false);
  const { busy, error, setError, run } = useAction();
  const submit = async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    onStart();
    const form = /** @type {HTMLFormElement} */ (event.currentTarget);
    const parsed = device.trim() === '' ? null : parseIndNo(device);
    if (device.trim() !== '' && parsed === null) return setError('Ett individnummer är 1–8 siffror, t.ex. 56314.');
    if (title.trim() === '') return setError('Skriv en rubrik.');
    if (files.length > ATTACHMENTS_MAX) return setError(`Högst ${ATTACHMENTS_MAX} bilagor.`);
    const created = await run(async () => {
      const uploaded = [];
      for (const file of files) uploaded.push(await uploadAttachment(file));
      return api.call('workorder.create', {
        destination,
        title: title.trim(),
        text: text.trim(),
        attachments: uploaded.map((a) => a.id),
        ...(parsed === null ? {} : { indNo: parsed }),
      });
    });
    if (created === undefined) return undefined;
    setTitle('');
    setText('');
    setFiles([]);
    form.reset();
    // The next errand must not silently attach to the same device, unless the page was opened for that device.
    setDevice(indNo === null ? '' : String(indNo));
    setKept(indNo !== null);
    return onCreated(created.workOrder);
  };
  return html`
    <form class="card" onSubmit=${submit} data-testid="new-work-order" aria-labelledby="new-wo-title">
      <h2 id="new-wo-title">Ny arbetsorder</h2>
      <fieldset class="choice"><legend>Till</legend>
        ${Object.entries(DESTINATIONS).map(
          ([value, label]) => html`
          <div class="radio" key=${value}>
            <input type="radio" id=${`wo-${value}`} name="wo-destination" checked=${destination === value} onChange=${() => setDestination(value)} />
            <label for=${`wo-${value}`}>${label}</label>
          </div>`,
        )}
      </fieldset>
      <div class="field narrow"><label for="wo-device">Individnummer (om ärendet gäller ett hjälpmedel)</label>
        <input id="wo-device" inputmode="numeric" maxLength="12" value=${device} aria-describedby=${kept ? 'wo-device-kept' : undefined}
          onInput=${(/** @type {FieldEvent} */ e) => {
            setDevice(e.currentTarget.value);
            setKept(false);
          }} />
        ${kept && html`<p class="hint" id="wo-device-kept" data-testid="wo-device-kept">Individnummer ${indNo} står kvar eftersom sidan öppnades för den individen. Töm fältet om nästa ärende inte gäller den.</p>`}</div>
      <div class="field"><label for="wo-title">Rubrik</label>
        <input id="wo-title" maxLength=${TITLE_CHARS_MAX} value=${title} aria-describedby="wo-title-count" onInput=${(/** @type {FieldEvent} */ e) => setTitle(e.currentTarget.value)} />
        <${Counter} id="wo-title-count" used=${title.length} max=${TITLE_CHARS_MAX} /></div>
      <div class="field"><label for="wo-text">Beskrivning</label>
        <textarea id="wo-text" rows="3" maxLength=${TEXT_CHARS_MAX} value=${text} aria-describedby="wo-text-count" onInput=${(/** @type {FieldEvent} */ e) => setText(e.currentTarget.value)}></textarea>
        <${Counter} id="wo-text-count" used=${text.length} max=${TEXT_CHARS_MAX} /></div>
      <div class="field"><label for="wo-files">Bilagor (blanketter; PDF, bild, text eller Word, högst ${ATTACHMENTS_MAX} st à 2 MB)</label>
        <input id="wo-files" type="file" multiple accept=".pdf,.png,.jpg,.jpeg,.txt,.doc,.docx"
          onChange=${(/** @type {FieldEvent} */ e) => setFiles([...(e.currentTarget.files ?? [])])} /></div>
      <button type="submit" class="button" disabled=${busy}>${busy ? 'Registrerar…' : 'Registrera arbetsorder'}</button>
      <p class="error" role="alert">${error}</p>
    </form>`;
}

/** @param {{ workOrder: WorkOrderView, onDone: (text: string) => void }} props */
function DeskControls({ workOrder, onDone }) {
  const [status, setStatus] = useState(workOrder.status);
  const [comment, setComment] = useState('');
  const { busy, error, run } = useAction();
  const finished = workOrder.status === 'done' || workOrder.status === 'cancelled';
  const save = async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    const args = {
      woNo: workOrder.woNo,
      ...(status !== workOrder.status ? { status } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    };
    if (args.status === undefined && args.comment === undefined) return undefined;
    const done = await run(() => api.call('workorder.update', args));
    if (done === undefined) return undefined;
    setComment('');
    return onDone(`Arbetsorder ${workOrder.woNo} är uppdaterad.`);
  };
  return html`
    <form class="inline-form" onSubmit=${save}>
      <div class="field"><label for=${`wo-status-${workOrder.woNo}`}>Status</label>
        <select id=${`wo-status-${workOrder.woNo}`} value=${status} disabled=${finished} onChange=${(/** @type {FieldEvent} */ e) => setStatus(e.currentTarget.value)}>
          ${Object.entries(STATUSES).map(([value, label]) => html`<option value=${value} key=${value}>${label}</option>`)}
        </select></div>
      <div class="field grow"><label for=${`wo-comment-${workOrder.woNo}`}>Kommentar till förskrivaren</label>
        <input id=${`wo-comment-${workOrder.woNo}`} maxLength="255" value=${comment} onInput=${(/** @type {FieldEvent} */ e) => setComment(e.currentTarget.value)} /></div>
      <button type="submit" class="button" disabled=${busy}>Spara</button>
      <p class="error" role="alert">${error}</p>
    </form>`;
}

/**
 * The prescriber's Makulera while HMC has not started (status Mottagen, the only one workorder.update lets a prescriber
 * cancel from), with a confirmation step as an order's cancel has.
 * @param {{ woNo: number, onDone: (text: string) => void }} props
 */
function CancelWorkOrder({ woNo, onDone }) {
  const [asking, setAsking] = useState(false);
  const { busy, error, run } = useAction();
  const questionId = `cancel-wo-${woNo}`;
  const cancel = async () => {
    const done = await run(() => api.call('workorder.update', { woNo, status: 'cancelled' }));
    if (done === undefined) return undefined;
    setAsking(false);
    return onDone(`Arbetsorder ${woNo} är makulerad.`);
  };
  return html`
    <div class="confirm-inline">
      ${
        asking
          ? html`<span id=${questionId}>Vill du makulera arbetsorder ${woNo}?</span>
            <button type="button" class="button danger" disabled=${busy} data-testid="confirm-cancel-wo" aria-describedby=${questionId}
              onClick=${cancel}>${busy ? 'Makulerar…' : 'Ja, makulera'}</button>
            <button type="button" class="button" disabled=${busy} onClick=${() => setAsking(false)}>Nej, behåll arbetsordern</button>`
          : html`<button type="button" class="button" data-testid="cancel-wo" aria-label=${`Makulera arbetsorder ${woNo}`}
              onClick=${() => setAsking(true)}>Makulera</button>
            <span class="hint">Går så länge ärendet inte har börjat behandlas.</span>`
      }
      <span class="error" role="alert">${error}</span>
    </div>`;
}

/** @param {{ workOrder: WorkOrderView, staff: boolean, onDone: (text: string) => void }} props */
function WorkOrderItem({ workOrder, staff, onDone }) {
  return html`
    <li class=${staff && workOrder.flagged ? 'card flagged' : 'card'} data-wono=${workOrder.woNo} data-status=${workOrder.status} data-flagged=${workOrder.flagged ? 'true' : 'false'}>
      <h3>AO ${workOrder.woNo}: ${workOrder.title} <span class="tag" data-testid="wo-status">${STATUSES[workOrder.status]}</span></h3>
      ${staff && workOrder.idleWorkingDays !== undefined && html`<p><${AgeFlag} days=${workOrder.idleWorkingDays} flagged=${workOrder.flagged === true} flagText="Ingen statusändring" prefix="Status oförändrad i " /></p>`}
      <p class="hint">${DESTINATIONS[workOrder.destination]} · ${dateTime(workOrder.createdMs)}${staff ? ` · ${workOrder.prescriber.name}` : ''}
        ${workOrder.patient && ` · ${workOrder.patient.name} ${workOrder.patient.pnrDisplay}`}</p>
      ${workOrder.device && html`<p>Gäller <a href=${href.individ(workOrder.device.indNo)}>${workOrder.device.name} (${workOrder.device.indNo})</a></p>`}
      ${workOrder.text && html`<p>${workOrder.text}</p>`}
      ${
        workOrder.attachments.length > 0 &&
        html`
        <p data-testid="wo-attachments">Bilagor: ${workOrder.attachments.map(
          (a) => html`<button type="button" class="link-button inline-action" key=${a.id}
          onClick=${() => downloadAttachment(a).catch((e) => onDone(e.message))}>${a.name}</button>`,
        )}</p>`
      }
      ${
        workOrder.comments.length > 0 &&
        html`
        <ul class="plain wo-comments" data-testid="wo-comments">
          ${workOrder.comments.map((c, i) => html`<li key=${i}><span class="hint">${dateTime(c.timeMs)} ${c.author}:</span> ${c.text}</li>`)}
        </ul>`
      }
      ${!staff && workOrder.status === 'registered' && html`<${CancelWorkOrder} woNo=${workOrder.woNo} onDone=${onDone} />`}
      ${workOrder.device && html`<${DeviationLink} context=${{ ao: workOrder.woNo, individ: workOrder.device.indNo }} />`}
      ${staff && html`<${DeskControls} key=${`${workOrder.woNo}-${workOrder.status}-${workOrder.comments.length}`} workOrder=${workOrder} onDone=${onDone} />`}
    </li>`;
}

/** @param {{ user: User, indNo: number | null }} props */
export function WorkOrdersPage({ user, indNo }) {
  const staff = isStaff(user);
  const [openOnly, setOpenOnly] = useState(staff);
  const [destination, setDestination] = useState('');
  const [notice, setNotice] = useState('');
  useTitle('Arbetsorder – Aidstock');
  const args = { limit: LIST_MAX, ...(openOnly ? { open: true } : {}), ...(destination ? { destination } : {}) };
  const query = useQuery('workorder.list', args, {
    select: (
      /** @type {{ workOrders: WorkOrderView[], withheld?: number, oversight?: OversightSummary | null }} */ r,
    ) => r,
    keepData: true,
  });
  const flags = useFlagFilter(query.data?.workOrders ?? NONE, isFlagged);
  const workOrders = query.data ? flags.shown : query.error ? [] : null;
  const threshold = staff ? (query.data?.oversight?.thresholdWorkingDays ?? null) : null;
  const done = (/** @type {string} */ text) => {
    setNotice(text);
    query.reload();
  };
  return html`
    <h1 tabindex="-1">Arbetsorder</h1>
    <p>${
      staff
        ? 'Ärenden från förskrivarna: sätt status och kommentera, förskrivaren ser det direkt under Registrerade AO.'
        : 'Ärenden till Teknisk Service, hjälpmedelskonsulent eller Dako. Skickar du in ett hjälpmedel för lagning ska rosa returlapp användas.'
    }</p>
    ${isPrescriber(user) && html`<${NewWorkOrder} indNo=${indNo} onStart=${() => setNotice('')} onCreated=${(/** @type {WorkOrderView} */ wo) => done(`Arbetsorder ${wo.woNo} är registrerad.`)} />`}
    <p role="status" data-testid="wo-notice">${notice}</p>
    <h2>${staff ? 'Ärenden' : 'Registrerade AO'}</h2>
    <${WithheldNotice} count=${query.data?.withheld ?? 0} />
    ${
      threshold !== null &&
      html`<${FlagSummary} id="wo-flagged" count=${flags.count} onlyFlagged=${flags.onlyFlagged} setOnlyFlagged=${flags.setOnlyFlagged}
      note="arbetsorder" rule=${`öppna utan statusändring i mer än ${workingDaysText(threshold)}`} />`
    }
    <div class="inline-form">
      <label class="inline"><input type="checkbox" checked=${openOnly} onChange=${(/** @type {FieldEvent} */ e) => setOpenOnly(e.currentTarget.checked)} /> Bara pågående</label>
      <div class="field"><label for="wo-filter-destination">Till</label>
        <select id="wo-filter-destination" value=${destination} onChange=${(/** @type {FieldEvent} */ e) => setDestination(e.currentTarget.value)}>
          <option value="">Alla</option>
          ${Object.entries(DESTINATIONS).map(([value, label]) => html`<option value=${value} key=${value}>${label}</option>`)}
        </select></div>
    </div>
    ${
      workOrders === null
        ? html`<p class="loading" role="status">Hämtar arbetsorder…</p>`
        : workOrders.length === 0
          ? html`<p>Inga arbetsorder.</p>`
          : html`<ul class="plain" data-testid="work-orders">${workOrders.map((/** @type {WorkOrderView} */ wo) => html`<${WorkOrderItem} key=${wo.woNo} workOrder=${wo} staff=${staff} onDone=${done} />`)}</ul>`
    }`;
}
