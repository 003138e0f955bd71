// @ts-check
// Stickprov: a reproducible random sample of accesses in a period (antal, frö); each sampled access is marked reviewed
// with a comment (accessLog.review: stored durably and itself logged).
import { html, useState } from '../lib/html.js';
import { useQuery } from '../lib/use-query.js';
import { useAction } from '../lib/use-action.js';
import * as api from '../lib/api.js';
import { defaultPeriod, periodOf } from '../lib/access-log.js';
import { errorText } from '../lib/order-errors.js';
import { AccessEntryTable } from './access-entry-table.js';
import { PeriodFields } from './period-fields.js';

/** @typedef {import('../lib/types.d.ts').AccessEntryView} AccessEntryView */
/** @typedef {import('../lib/types.d.ts').AccessSampleView} AccessSampleView */
/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const SAMPLE_MAX = 200;

/** @param {{ entry: AccessEntryView, onReviewed: () => void }} props */
function ReviewCell({ entry, onReviewed }) {
  const [comment, setComment] = useState('');
  const { busy, error, run } = useAction();
  const last = entry.reviews?.at(-1);
  const submit = async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    if (comment.trim() === '') return;
    const done = await run(() => api.call('accessLog.review', { entryId: entry.id, comment: comment.trim() }));
    if (done === undefined) return;
    setComment('');
    onReviewed();
  };
  return html`
    ${last && html`<p class="access-reviewed">Granskad av ${last.reviewerName}: ${last.comment}</p>`}
    <form class="inline-form" onSubmit=${submit}>
      <label class="visually-hidden" for=${`review-${entry.id}`}>Kommentar till post ${entry.id}</label>
      <input id=${`review-${entry.id}`} value=${comment} maxLength="500" placeholder="Kommentar"
        onInput=${(/** @type {FieldEvent} */ e) => setComment(e.currentTarget.value)} />
      <button type="submit" class="button small" disabled=${busy}>Markera granskad</button>
      <span class="error" role="alert">${error}</span>
    </form>`;
}

export function AccessSamplePanel() {
  const [period, setPeriod] = useState(defaultPeriod);
  const [size, setSize] = useState('20');
  const [seed, setSeed] = useState(() => String(Math.floor(Math.random() * 1_000_000)));
  const [asked, setAsked] = useState(/** @type {object | null} */ (null));
  const [error, setError] = useState('');
  const sample = useQuery(asked === null ? null : 'accessLog.sample', asked ?? {}, { keepData: true });
  const data = /** @type {AccessSampleView | null} */ (sample.data);
  const submit = (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    const range = periodOf(period.from, period.to);
    const n = Number(size);
    const s = Number(seed);
    if (range === null) return setError('Välj en period där Till inte är före Från.');
    if (!Number.isInteger(n) || n < 1 || n > SAMPLE_MAX) return setError(`Antal är 1–${SAMPLE_MAX}.`);
    if (!Number.isInteger(s) || s < 0) return setError('Fröet är ett heltal (0 eller mer).');
    setError('');
    return setAsked({ ...range, size: n, seed: s });
  };
  return html`
    <form class="card inline-form access-form" onSubmit=${submit} data-testid="access-sample-form">
      <${PeriodFields} id="al-sample" from=${period.from} to=${period.to} onChange=${setPeriod} />
      <div class="field narrow"><label for="al-size">Antal</label>
        <input id="al-size" inputmode="numeric" value=${size} onInput=${(/** @type {FieldEvent} */ e) => setSize(e.currentTarget.value)} /></div>
      <div class="field narrow"><label for="al-seed">Frö</label>
        <input id="al-seed" inputmode="numeric" value=${seed} onInput=${(/** @type {FieldEvent} */ e) => setSeed(e.currentTarget.value)} /></div>
      <button type="submit" class="button primary">Dra stickprov</button>
      <p class="error" role="alert">${error || (sample.error ? errorText(sample.error) : '')}</p>
    </form>
    <p class="hint">Samma period, antal och frö ger samma stickprov – ange fröet i granskningsprotokollet.</p>
    ${
      data &&
      html`
      <p role="status">${data.entries.length} av ${data.total} åtkomster under perioden.</p>
      <${AccessEntryTable} entries=${data.entries} caption="Stickprov"
        extra=${{ title: 'Granskning', cell: (/** @type {AccessEntryView} */ e) => html`<${ReviewCell} key=${e.id} entry=${e} onReviewed=${sample.reload} />` }} />`
    }`;
}
