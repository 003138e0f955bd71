// @ts-check
// Logguttag per brukare and Användares åtkomster: a subject (personnummer or user id) and a period, then the
// entries page by page and the CSV export of the whole period.
import { html, useState } from '../lib/html.js';
import { useQuery } from '../lib/use-query.js';
import { useAction } from '../lib/use-action.js';
import { defaultPeriod, downloadCsv, periodOf } from '../lib/access-log.js';
import { errorText } from '../lib/order-errors.js';
import { AccessEntryTable } from './access-entry-table.js';
import { PeriodFields } from './period-fields.js';

/** @typedef {import('../lib/types.d.ts').AccessPageView} AccessPageView */
/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

const PAGE_ROWS = 100;

/**
 * kind 'patient': accessLog.patient by pnr; 'user': accessLog.user by userId.
 * @param {{ kind: 'patient' | 'user' }} props
 */
export function AccessQueryPanel({ kind }) {
  const key = kind === 'patient' ? 'pnr' : 'userId';
  const [subject, setSubject] = useState('');
  const [period, setPeriod] = useState(defaultPeriod);
  const [asked, setAsked] = useState(/** @type {Record<string, string | number> | null} */ (null));
  const [after, setAfter] = useState(/** @type {string[]} */ ([]));
  const { busy, error, setError, run } = useAction();
  const args = asked === null ? {} : { ...asked, limit: PAGE_ROWS, ...(after.length ? { after: after.at(-1) } : {}) };
  const page = useQuery(asked === null ? null : `accessLog.${kind}`, args, { keepData: true });
  const data = /** @type {AccessPageView | null} */ (page.data);
  const submit = (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    const range = periodOf(period.from, period.to);
    if (subject.trim() === '')
      return setError(kind === 'patient' ? 'Skriv ett personnummer.' : 'Skriv ett användar-id.');
    if (range === null) return setError('Välj en period där Till inte är före Från.');
    setError('');
    setAfter([]);
    return setAsked({ [key]: subject.trim(), ...range });
  };
  const label = kind === 'patient' ? 'Personnummer' : 'Användar-id';
  return html`
    <form class="card inline-form access-form" onSubmit=${submit} data-testid=${`access-${kind}-form`}>
      <div class="field narrow"><label for=${`al-${kind}`}>${label}</label>
        <input id=${`al-${kind}`} value=${subject} placeholder=${kind === 'patient' ? 'ÅÅÅÅMMDD-NNNN' : 't.ex. ot1'}
          onInput=${(/** @type {FieldEvent} */ e) => setSubject(e.currentTarget.value)} /></div>
      <${PeriodFields} id=${`al-${kind}`} from=${period.from} to=${period.to} onChange=${setPeriod} />
      <button type="submit" class="button primary">Visa</button>
      ${asked && html`<button type="button" class="button" disabled=${busy} onClick=${() => run(() => downloadCsv(asked))}>Ladda ner CSV</button>`}
      <p class="error" role="alert">${error || (page.error ? errorText(page.error) : '')}</p>
    </form>
    ${page.loading && html`<p class="loading" role="status">Hämtar loggen…</p>`}
    ${
      data &&
      html`
      <${AccessEntryTable} entries=${data.entries} caption=${kind === 'patient' ? 'Åtkomster till patienten' : 'Användarens åtkomster'} />
      <div class="pager">
        ${after.length > 0 && html`<button type="button" class="button" onClick=${() => setAfter(after.slice(0, -1))}>Föregående sida</button>`}
        ${data.next && html`<button type="button" class="button" onClick=${() => setAfter([...after, /** @type {string} */ (data.next)])}>Nästa sida</button>`}
      </div>`
    }`;
}
