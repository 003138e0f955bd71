// @ts-check
// Katalogimport (admin): choose a CSV file for a dry run (nothing changes), read its summary and lines by outcome,
// then "Verkställ import" with a confirmation and a progress bar. The format is in docs/IMPORT.md.
import { html, useState } from '../../lib/html.js';
import { useAction } from '../../lib/use-action.js';
import { useTitle } from '../../lib/use-title.js';
import { count } from '../../lib/format.js';
import { OUTCOME_SV, uploadImportFile } from '../../lib/catalog-import.js';
import { ImportApply } from './import-apply.js';
import { ImportLines } from './import-lines.js';

/** @typedef {import('../../lib/types.d.ts').ImportStatusView} ImportStatusView */
/** @typedef {import('../../lib/types.d.ts').FieldEvent} FieldEvent */

/** @type {Record<string, string>} */
const SUMMARY_STATE = {
  planned: 'Inget i katalogen är ändrat förrän du verkställer importen.',
  applying: 'Importen verkställs.',
  applied: 'Importen är verkställd; läs in filen igen för en ny provkörning.',
  failed: 'Importen avbröts; läs in filen igen för att fortsätta.',
};

/** @param {{ onPlanned: (status: ImportStatusView) => void }} props */
function ImportUpload({ onPlanned }) {
  const [file, setFile] = useState(/** @type {File | null} */ (null));
  const { busy, error, setError, run } = useAction();
  const submit = async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    if (file === null) return setError('Välj en CSV-fil först.');
    const status = await run(
      () => uploadImportFile(file),
      (failure) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
    if (status !== undefined) onPlanned(status);
    return undefined;
  };
  return html`<form class="card inline-form import-upload" onSubmit=${submit} data-testid="import-upload">
    <div class="field">
      <label for="import-file">CSV-fil (UTF-8, semikolon eller komma)</label>
      <input id="import-file" type="file" accept=".csv,text/csv"
        onChange=${(/** @type {FieldEvent} */ e) => setFile(e.currentTarget.files?.[0] ?? null)} />
    </div>
    <button type="submit" class="button primary" disabled=${busy}>${busy ? 'Läser filen …' : 'Provkör'}</button>
    <p class="error" role="alert">${error}</p>
  </form>`;
}

/** @param {{ status: ImportStatusView }} props */
function ImportSummary({ status }) {
  return html`<section class="card import-summary" aria-labelledby="import-summary-title" data-testid="import-summary">
    <h2 id="import-summary-title">Provkörning av ${status.fileName}</h2>
    <p>${count(status.rows)} artikelrader. ${SUMMARY_STATE[status.state]}</p>
    <ul class="import-counts">
      ${
        /** @type {const} */ (['new', 'changed', 'unchanged', 'error']).map(
          (outcome) =>
            html`<li key=${outcome} class=${`import-count ${outcome}`}>
            <strong data-testid=${`count-${outcome}`}>${count(status.counts[outcome])}</strong> ${OUTCOME_SV[outcome]}
          </li>`,
        )
      }
    </ul>
  </section>`;
}

/** @param {{ readOnly: boolean }} props */
export function ImportScreen({ readOnly }) {
  useTitle('Katalogimport – Administration – Aidstock');
  const [status, setStatus] = useState(/** @type {ImportStatusView | null} */ (null));
  if (readOnly) return html`<p class="notice" role="alert">Bara administratörer kan importera artiklar.</p>`;
  return html`<section class="admin-import">
    <h1>Katalogimport</h1>
    <p class="hint">
      Läs in artiklar från en CSV-fil med en rad per artikel. Först en provkörning som visar vad som blir nytt, ändras,
      är oförändrat eller har fel – sedan verkställer du. Samma fil igen ändrar ingenting.
    </p>
    <${ImportUpload} onPlanned=${setStatus} />
    ${
      status &&
      html`<${ImportSummary} status=${status} />
        <${ImportApply} key=${status.importId} status=${status} onStatus=${setStatus} />
        <${ImportLines} key=${`lines-${status.importId}`} importId=${status.importId} counts=${status.counts} />`
    }
  </section>`;
}
