// @ts-check
// Retur av hjälpmedel (issue 15, DESIGN capability 9; Uppföljning section `retur`, `#/uppfoljning/retur/<pnr>`): a
// prescriber de-registers sale articles a patient holds into the acting workplace's buffer. Without a buffer the screen
// says to send the device to HMC with the white return slip (vit returlapp). Without a patient it shows the buffer.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { useAction } from '../../lib/use-action.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';
import { href } from '../../lib/routes.js';
import { errorText } from '../../lib/order-errors.js';
import { BufferStock } from './returns-buffer-stock.js';
import { DISPOSITIONS, ReturnForm } from './returns-form.js';

/** @typedef {import('../../lib/types.d.ts').PatientView} PatientView */
/** @typedef {import('../../lib/types.d.ts').SaleArticleView} SaleArticleView */
/** @typedef {import('../../lib/types.d.ts').BufferRow} BufferRow */
/** @typedef {import('../../lib/types.d.ts').ReturnReceipt} ReturnReceipt */
/** @typedef {import('../../lib/types.d.ts').ReturnDisposition} ReturnDisposition */
/** @typedef {PatientView & { saleArticles: SaleArticleView[] }} PatientWithSale */

/** @param {{ receipt: ReturnReceipt, pnrDisplay: string }} props */
function Receipt({ receipt, pnrDisplay }) {
  const how = DISPOSITIONS.find((d) => d.value === receipt.disposition);
  return html`<section class="card success-card" role="status" data-testid="return-receipt">
    <h2>Retur ${receipt.returnNo} är registrerad</h2>
    <p>${how?.label ?? ''}: ${receipt.lines.map((l) => `${l.quantity} st ${l.artNo}`).join(', ')} (förråd ${receipt.warehouse}, ${receipt.date}).</p>
    ${receipt.disposition === 'sendBack' && html`<p>Märk paketet med returnummer ${receipt.returnNo} och skicka det till HMC.</p>`}
    <p><a href=${href.hjalpmedel(pnrDisplay)}>Tillbaka till brukarens hjälpmedel</a></p>
  </section>`;
}

/** @param {{ pnr: string, warehouse: string, onDone: () => void }} props */
function PatientReturn({ pnr, warehouse, onDone }) {
  const query = useQuery('patient.get', { pnr }, { select: (/** @type {PatientWithSale} */ p) => p });
  const { busy, error, run } = useAction();
  const [receipt, setReceipt] = useState(/** @type {ReturnReceipt | null} */ (null));
  const patient = query.data;
  if (query.error) return html`<p class="error" role="alert">${errorText(query.error)}</p>`;
  if (patient === null) return html`<p class="loading" role="status">Hämtar brukaren…</p>`;
  const person = patient.person;
  const submit = (
    /** @type {Array<{ artNo: string, quantity: number }>} */ lines,
    /** @type {ReturnDisposition} */ disposition,
  ) =>
    run(async () => {
      const reply = /** @type {ReturnReceipt} */ (
        await api.call('return.register', { pnr: person.pnr, disposition, lines })
      );
      setReceipt(reply);
      query.reload();
      onDone();
    });
  return html`<section aria-labelledby="return-patient">
    <h2 id="return-patient">${person.givenName} ${person.familyName} <span class="mono">${person.pnrDisplay}</span></h2>
    <p>Avregistreras till förråd ${warehouse}.</p>
    ${receipt !== null && html`<${Receipt} receipt=${receipt} pnrDisplay=${person.pnrDisplay} />`}
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${
      receipt === null &&
      (patient.saleArticles.length === 0
        ? html`<p>Brukaren har inga förbrukningsartiklar att avregistrera.</p>`
        : html`<${ReturnForm} articles=${patient.saleArticles} busy=${busy} onSubmit=${submit} />`)
    }
  </section>`;
}

/** @param {{ param: string | null }} props */
export function ReturnsRegisterScreen({ param }) {
  useTitle('Retur av hjälpmedel – Aidstock');
  const buffer = useQuery(
    'return.bufferStock',
    {},
    { select: (/** @type {{ warehouse: string | null, rows: BufferRow[] }} */ r) => r },
  );
  const data = buffer.data;
  let body;
  if (buffer.error) body = html`<p class="error" role="alert">${errorText(buffer.error)}</p>`;
  else if (data === null) body = html`<p class="loading" role="status">Hämtar förrådet…</p>`;
  else if (data.warehouse === null)
    body = html`<p class="notice" role="note" data-testid="white-slip">Din arbetsplats har inget förråd. Skicka hjälpmedlet till HMC och bifoga den vita returlappen (vit returlapp).</p>`;
  else
    body = html`${param !== null && html`<${PatientReturn} pnr=${param} warehouse=${data.warehouse} onDone=${buffer.reload} />`}
      ${param === null && html`<p>Öppna en brukare under <a href=${href.hjalpmedel()}>Hjälpmedel</a> och välj Retur av hjälpmedel vid förbrukningsartiklarna.</p>`}
      <details class="returns-buffer" open=${param === null}>
        <summary>Eget förråd ${data.warehouse} (${data.rows.length} artiklar)</summary>
        <${BufferStock} warehouse=${data.warehouse} rows=${data.rows} />
      </details>`;
  return html`<h1 tabindex="-1">Retur av hjälpmedel</h1>${body}`;
}
