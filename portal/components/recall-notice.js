// @ts-check
// Issue 15, recalls: the read-only notice that an open recall (säkerhetsmeddelande) covers this article, or this
// unit, with HMC's notice text. Shown to everyone on the article page and the individual card (one line each).
import { html } from '../lib/html.js';
import { useQuery } from '../lib/use-query.js';

/** @typedef {{ recallNo: number, artNo: string, indNoFrom: number | null, indNoTo: number | null, notice: string }} RecallNoticeView */

/** @param {{ artNo: string, indNo?: number }} props */
export function RecallNotice({ artNo, indNo }) {
  const args = indNo === undefined ? { artNo } : { artNo, indNo };
  const query = useQuery('recall.notice', args);
  const recalls = /** @type {{ recalls: RecallNoticeView[] } | null} */ (query.data)?.recalls ?? [];
  if (recalls.length === 0) return null;
  return html`${recalls.map(
    (r) => html`<div key=${r.recallNo} class="notice recall-notice" role="note" data-testid="recall-notice">
      <p><strong>Återkallad</strong> – säkerhetsmeddelande ${r.recallNo}${
        r.indNoFrom === null ? '' : `, individnummer ${r.indNoFrom}–${r.indNoTo}`
      }. Kontakta HMC innan hjälpmedlet används.</p>
      <p>${r.notice}</p>
    </div>`,
  )}`;
}
