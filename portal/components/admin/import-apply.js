// @ts-check
// Verkställ import: a confirmation first, then the apply's progress (admin.importStatus polled while it runs: written,
// skipped, failed of the articles to write) and its result with any article that could not be written.
import { html, useEffect, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { useAction } from '../../lib/use-action.js';
import { count, countOf } from '../../lib/format.js';
import { STATE_SV } from '../../lib/catalog-import.js';

/** @typedef {import('../../lib/types.d.ts').ImportStatusView} ImportStatusView */

const POLL_MS = 500;

/** Polls the status while the apply runs. @param {ImportStatusView} status @param {(s: ImportStatusView) => void} onStatus */
function usePolledStatus(status, onStatus) {
  const applying = status.state === 'applying';
  useEffect(() => {
    if (!applying) return undefined;
    const timer = setInterval(() => {
      api.call('admin.importStatus', { importId: status.importId }).then(onStatus, () => {});
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [applying, status.importId]);
}

/** @param {{ status: ImportStatusView }} props */
function ApplyProgress({ status }) {
  const total = Math.max(1, status.toApply);
  const pct = Math.round((100 * status.done) / total);
  return html`<div class="import-progress" data-testid="import-progress">
    <progress max=${total} value=${status.done} aria-label="Verkställd andel">${pct} %</progress>
    <p role="status">
      ${`${STATE_SV[status.state]}: ${count(status.done)} av ${countOf(status.toApply, 'artikel', 'artiklar')} (${pct} %) · `}
      ${`${count(status.written)} skrivna, ${count(status.skipped)} redan lika, ${count(status.failed)} fel`}
    </p>
    ${status.stopReason && html`<p class="error" role="alert">Importen avbröts: ${status.stopReason} Läs in filen igen för att fortsätta.</p>`}
    ${
      status.failures.length > 0 &&
      html`<ul class="import-failures">
        ${status.failures.map((f) => html`<li key=${f.artNo}>Rad ${f.line}, artikel ${f.artNo}: ${f.message}</li>`)}
      </ul>`
    }
  </div>`;
}

/** @param {{ status: ImportStatusView, onStatus: (status: ImportStatusView) => void }} props */
export function ImportApply({ status, onStatus }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction();
  usePolledStatus(status, onStatus);
  const apply = async () => {
    const started = await run(() => api.call('admin.importApply', { importId: status.importId }));
    setConfirming(false);
    if (started !== undefined) onStatus(started);
  };
  if (status.state !== 'planned')
    return html`<section class="card import-apply"><${ApplyProgress} status=${status} /></section>`;
  if (status.toApply === 0)
    return html`<p class="notice" role="status">Inget att verkställa: alla rader är oförändrade eller har fel.</p>`;
  const what = `${count(status.counts.new)} nya och ${count(status.counts.changed)} ändrade artiklar`;
  const skipped = status.counts.error > 0 ? `Raderna med fel (${count(status.counts.error)}) hoppas över. ` : '';
  return html`<section class="card import-apply">
    ${
      confirming
        ? html`<div class="import-confirm" role="alertdialog" aria-labelledby="import-confirm-text">
            <p id="import-confirm-text"><strong>Verkställ ${what}?</strong> ${skipped}Ändringarna syns direkt för alla och loggas i ändringsloggen.</p>
            <button type="button" class="button primary" disabled=${busy} onClick=${apply}>Ja, verkställ</button>
            <button type="button" class="button" disabled=${busy} onClick=${() => setConfirming(false)}>Avbryt</button>
          </div>`
        : html`<button type="button" class="button primary" onClick=${() => setConfirming(true)}>Verkställ import</button>
            <span class="hint"> ${what}</span>`
    }
    <p class="error" role="alert">${error}</p>
  </section>`;
}
