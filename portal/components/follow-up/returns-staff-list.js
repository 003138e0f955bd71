// @ts-check
// Returer från förråd (issue 15; Uppföljning section `returer`, HMC staff): sale articles prescribers sent back from
// their buffers, on their way to HMC, oldest first and live by push on `returns`. Each is received in one step: into
// warehouse 10 stock (a receipt, which serves waiting backorders) or discarded at HMC.
import { html, useState } from '../../lib/html.js';
import * as api from '../../lib/api.js';
import { useAction } from '../../lib/use-action.js';
import { useQuery } from '../../lib/use-query.js';
import { useTitle } from '../../lib/use-title.js';
import { date } from '../../lib/format.js';
import { errorText } from '../../lib/order-errors.js';

/** @typedef {import('../../lib/types.d.ts').ReturnListRow} ReturnListRow */

/** @param {{ row: ReturnListRow, onDone: (text: string) => void }} props */
function Row({ row, onDone }) {
  const { busy, run } = useAction();
  const receive = (/** @type {'stock' | 'discard'} */ outcome) =>
    run(
      async () => {
        const reply = await api.call('return.receive', { returnNo: row.returnNo, outcome });
        const served = reply.served > 0 ? ` ${reply.served} restorderrader fick varan.` : '';
        onDone(
          outcome === 'stock'
            ? `Retur ${row.returnNo} är mottagen i lager 10.${served}`
            : `Retur ${row.returnNo} är kasserad.`,
        );
      },
      (failure) => onDone(errorText(failure)),
    );
  return html`<li class="card return-row" data-returnno=${row.returnNo}>
    <h2>Retur ${row.returnNo} <span class="hint">från förråd ${row.warehouse}, ${date(row.date)}</span></h2>
    <p>${row.workplaceName}, ${row.prescriberName}</p>
    <ul>${row.lines.map((l) => html`<li key=${l.artNo}>${l.quantity} st ${l.name} <span class="mono">${l.artNo}</span></li>`)}</ul>
    <div class="returns-actions">
      <button type="button" class="button primary" disabled=${busy} onClick=${() => receive('stock')}>Ta emot i lager 10</button>
      <button type="button" class="button" disabled=${busy} onClick=${() => receive('discard')}>Kassera på HMC</button>
    </div>
  </li>`;
}

export function ReturnsStaffList() {
  useTitle('Returer från förråd – Aidstock');
  const [notice, setNotice] = useState('');
  const query = useQuery(
    'return.list',
    { pending: true },
    { topic: 'returns', select: (/** @type {{ returns: ReturnListRow[] }} */ r) => r.returns },
  );
  const rows = query.data;
  const done = (/** @type {string} */ text) => {
    setNotice(text);
    query.reload();
  };
  let body;
  if (query.error) body = html`<p class="error" role="alert">${errorText(query.error)}</p>`;
  else if (rows === null) body = html`<p class="loading" role="status">Hämtar returer…</p>`;
  else if (rows.length === 0) body = html`<p>Inga returer på väg.</p>`;
  else
    body = html`<ul class="plain return-list" data-testid="returns-list">${rows.map((r) => html`<${Row} key=${r.returnNo} row=${r} onDone=${done} />`)}</ul>`;
  return html`<h1 tabindex="-1">Returer från förråd</h1>
    <p>Förbrukningsartiklar som förskrivare skickat tillbaka från sina förråd, äldst först. Ta emot varje retur när den kommer.</p>
    <p role="status" data-testid="returns-status">${notice}</p>
    ${body}`;
}
