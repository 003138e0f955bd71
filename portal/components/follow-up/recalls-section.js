// @ts-check
// Uppföljning › Återkallelser (issue 15 item 7, HMC staff): a new recall with its preview, the recalls with their
// progress, and one recall's holders (#/uppfoljning/aterkallelser/<recallNo>).
import { html, useState } from '../../lib/html.js';
import { href } from '../../lib/routes.js';
import { useTitle } from '../../lib/use-title.js';
import { RecallCreate } from './recalls-create.js';
import { RecallDetail } from './recalls-detail.js';
import { RecallList } from './recalls-list.js';

/** @param {{ param: string | null }} props */
export function RecallsSection({ param }) {
  const recallNo = param !== null && /^\d{1,8}$/.test(param) ? Number(param) : null;
  const [created, setCreated] = useState(/** @type {number | null} */ (null));
  useTitle(recallNo === null ? 'Återkallelser – Aidstock' : `Återkallelse ${recallNo} – Aidstock`);
  if (recallNo !== null)
    return html`<h1 tabindex="-1">Återkallelse ${recallNo}</h1><${RecallDetail} key=${recallNo} recallNo=${recallNo} />`;
  return html`<h1 tabindex="-1">Återkallelser</h1>
    <p>Säkerhetsmeddelanden: en återkallad artikel spärras för beställning och plock, och varje innehavare följs upp tills återkallelsen avslutas.</p>
    <p role="status" data-testid="recall-created">${
      created !== null &&
      html`Återkallelse <a href=${href.uppfoljning('aterkallelser', String(created))}>${created}</a> är skapad; förskrivarna har fått meddelande.`
    }</p>
    <${RecallCreate} onCreated=${setCreated} />
    <${RecallList} />`;
}
