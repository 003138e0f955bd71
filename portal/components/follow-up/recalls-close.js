// @ts-check
// Avsluta återkallelse: plain when every holder is replaced or returned; otherwise it takes a reason (a forced close,
// kept on the recall). Closing lifts the blocks on ordering and picking.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { useAction } from '../../lib/use-action.js';

/** @typedef {import('./recalls-detail.js').RecallSummary} RecallSummary */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */

/** @param {{ recall: RecallSummary }} props */
export function RecallClose({ recall }) {
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const complete = recall.done === recall.holders;
  const close = () => {
    if (
      !complete &&
      !window.confirm(
        `Avsluta återkallelse ${recall.recallNo} fast ${recall.holders - recall.done} innehavare inte är klara?`,
      )
    )
      return;
    run(() =>
      api.call(
        'recall.close',
        complete ? { recallNo: recall.recallNo } : { recallNo: recall.recallNo, force: true, reason },
      ),
    );
  };
  return html`<div class="recall-close">
    <h3>Avsluta</h3>
    ${
      complete
        ? html`<p>Alla innehavare är ersatta eller returnerade.</p>`
        : html`<div class="field"><label for="recall-reason">Skäl att avsluta fast ${recall.holders - recall.done} inte är klara</label>
            <input id="recall-reason" maxlength="300" value=${reason} onInput=${(/** @type {FieldEvent} */ e) => setReason(e.currentTarget.value)} /></div>`
    }
    <button type="button" class="button" disabled=${busy || (!complete && reason.trim() === '')} onClick=${close}>Avsluta återkallelse</button>
    ${error && html`<p class="error" role="alert">${error}</p>`}
  </div>`;
}
