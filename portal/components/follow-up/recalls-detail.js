// @ts-check
// One recall: its notice and counts, its holders (paged, filtered by kind and progress) with progress buttons, and
// closing it (when every holder is replaced or returned, or forced with a reason). Live by the topic `recalls`.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { href } from '../../lib/routes.js';
import { useQuery } from '../../lib/use-query.js';
import { useAction } from '../../lib/use-action.js';
import { dateTime } from '../../lib/format.js';
import { errorText } from '../../lib/order-errors.js';
import { KIND_LABEL, KINDS, PROGRESS_LABEL, PROGRESSES, kindCounts } from './recalls-labels.js';
import { RecallClose } from './recalls-close.js';

/**
 * @typedef {{ recallNo: number, artNo: string, articleName: string, indNoFrom: number | null, indNoTo: number | null,
 *   notice: string, createdMs: number, closedMs: number | null, forcedReason: string | null, holders: number,
 *   byKind: Record<string, number>, byProgress: Record<string, number>, done: number, prescribersMessaged: number }} RecallSummary
 * @typedef {{ key: string, kind: string, indNo: number | null, quantity: number, name: string, pnrDisplay: string | null,
 *   orderNo: number | null, prescriber: { name: string, phone: string } | null, progress: string }} HolderView
 * @typedef {{ recall: RecallSummary, matching: number, holders: HolderView[] }} RecallDetailView
 * @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent
 */

const PAGE = 50;

/** @param {{ recallNo: number, holder: HolderView, open: boolean, onError: (text: string) => void }} props */
function ProgressButtons({ recallNo, holder, open, onError }) {
  const { busy, run } = useAction();
  const set = (/** @type {string} */ progress) =>
    run(
      () => api.call('recall.setProgress', { recallNo, entries: [{ holderKey: holder.key, progress }] }),
      (f) => onError(errorText(f)),
    );
  const what = holder.indNo === null ? holder.name : `individ ${holder.indNo}`;
  return html`<span class="button-row">${['contacted', 'replaced', 'returned'].map(
    (p) => html`<button type="button" class="button small" disabled=${busy || !open || holder.progress === p}
      aria-label=${`${PROGRESS_LABEL[p]}: ${what}`} onClick=${() => set(p)}>${PROGRESS_LABEL[p]}</button>`,
  )}</span>`;
}

/** @param {{ recall: RecallSummary }} props */
function Head({ recall }) {
  return html`<h2>Återkallelse ${recall.recallNo}: ${recall.articleName} <span class="mono">(${recall.artNo})</span></h2>
    <p>${[
      recall.indNoFrom === null ? 'Hela artikeln' : `Individnummer ${recall.indNoFrom}–${recall.indNoTo}`,
      `skapad ${dateTime(recall.createdMs)}`,
      `${recall.prescribersMessaged} förskrivare fick meddelande`,
      recall.closedMs === null
        ? 'Öppen'
        : `Avslutad ${dateTime(recall.closedMs)}${recall.forcedReason ? ` (${recall.forcedReason})` : ''}`,
    ].join(' · ')}</p>
    <p class="notice">${recall.notice}</p>
    <p data-testid="recall-counts">${[
      `${recall.holders} innehavare (${kindCounts(recall.byKind) || 'inga'})`,
      ...PROGRESSES.map((p) => `${PROGRESS_LABEL[p]} ${recall.byProgress[p] ?? 0}`),
    ].join(' · ')}</p>`;
}

/** @param {{ recallNo: number }} props */
export function RecallDetail({ recallNo }) {
  const [filter, setFilter] = useState({ kind: '', progress: '', offset: 0 });
  const [notice, setNotice] = useState('');
  const args = {
    recallNo,
    limit: PAGE,
    offset: filter.offset,
    ...(filter.kind && { kind: filter.kind }),
    ...(filter.progress && { progress: filter.progress }),
  };
  const query = useQuery('recall.get', args, { topic: 'recalls', keepData: true });
  const data = /** @type {RecallDetailView | null} */ (query.data);
  if (query.error && data === null) return html`<p class="error" role="alert">${errorText(query.error)}</p>`;
  if (data === null) return html`<p class="loading" role="status">Hämtar återkallelse ${recallNo}…</p>`;
  const { recall, holders, matching } = data;
  const open = recall.closedMs === null;
  const choose = (/** @type {'kind' | 'progress'} */ name) => (/** @type {FieldEvent} */ e) =>
    setFilter({ ...filter, [name]: e.currentTarget.value, offset: 0 });
  return html`<section class="card" data-testid="recall-detail">
    <p><a href=${href.uppfoljning('aterkallelser')}>Alla återkallelser</a></p>
    <${Head} recall=${recall} />
    <p role="status">${notice}</p>
    <div class="inline-fields">
      <div class="field narrow"><label for="recall-kind">Innehavare</label>
        <select id="recall-kind" value=${filter.kind} onChange=${choose('kind')}><option value="">Alla</option>
          ${KINDS.map((k) => html`<option value=${k}>${KIND_LABEL[k]}</option>`)}</select></div>
      <div class="field narrow"><label for="recall-progress">Status</label>
        <select id="recall-progress" value=${filter.progress} onChange=${choose('progress')}><option value="">Alla</option>
          ${PROGRESSES.map((p) => html`<option value=${p}>${PROGRESS_LABEL[p]}</option>`)}</select></div>
    </div>
    <div class="table-wrap"><table data-testid="recall-holders">
      <caption>Innehavare ${filter.offset + 1}–${Math.min(filter.offset + PAGE, matching)} av ${matching}</caption>
      <thead><tr><th scope="col">Individ</th><th scope="col">Var</th><th scope="col">Förskrivare</th><th scope="col">Status</th><th scope="col">Åtgärd</th></tr></thead>
      <tbody>${holders.map(
        (h) => html`<tr key=${h.key} data-key=${h.key}>
          <td class="mono" data-label="Individ">${h.indNo === null ? `${h.quantity} st` : html`<a href=${href.individ(h.indNo)}>${h.indNo}</a>`}</td>
          <td data-label="Var">${KIND_LABEL[h.kind]}: ${h.name} ${h.pnrDisplay && html`<span class="mono">${h.pnrDisplay}</span>`}</td>
          <td data-label="Förskrivare">${h.prescriber ? `${h.prescriber.name}${h.prescriber.phone ? `, ${h.prescriber.phone}` : ''}` : '–'}</td>
          <td data-label="Status">${PROGRESS_LABEL[h.progress]}</td>
          <td><${ProgressButtons} recallNo=${recallNo} holder=${h} open=${open} onError=${setNotice} /></td>
        </tr>`,
      )}</tbody>
    </table></div>
    <p class="button-row">
      <button type="button" class="button small" disabled=${filter.offset === 0} onClick=${() => setFilter({ ...filter, offset: Math.max(0, filter.offset - PAGE) })}>Föregående</button>
      <button type="button" class="button small" disabled=${filter.offset + PAGE >= matching} onClick=${() => setFilter({ ...filter, offset: filter.offset + PAGE })}>Nästa</button>
    </p>
    ${open && html`<${RecallClose} recall=${recall} />`}
  </section>`;
}
