// @ts-check
// Where a message (meddelande) leads and what its link and delete button say, by the message's kind. Issue 15: each
// unit that messages a prescriber (loans, recalls, deviations) adds its case here.
import { href } from './routes.js';

/** @typedef {import('./types.d.ts').Message} Message */

/**
 * @param {Message} message
 * @returns {{ href: string, label: string, about: string }} `about` completes "Ta bort meddelandet om …"
 */
export function messageLink(message) {
  switch (message.kind) {
    case 'deliveryDateChanged':
      return {
        href: href.order(message.orderNo),
        label: `Order ${message.orderNo}`,
        about: `order ${message.orderNo}`,
      };
    // Issue 15, desk:
    case 'deviationUpdated':
      return {
        href: href.uppfoljning('avvikelser', String(message.deviationNo)),
        label: `Avvikelse ${message.deviationNo}`,
        about: `avvikelse ${message.deviationNo}`,
      };
    // Issue 15, loans: a due or overdue loan leads to the Uppföljning list of loans, where it can be extended.
    case 'loanDue':
    case 'loanOverdue':
      return {
        href: href.uppfoljning('lan'),
        label: `Lån, individ ${message.indNo}`,
        about: `lånet av individ ${message.indNo}`,
      };
    // Issue 15, recalls: the article page shows the recall's notice.
    case 'recall':
      return {
        href: href.artikel(message.artNo),
        label: `Återkallelse ${message.recallNo}`,
        about: `återkallelse ${message.recallNo}`,
      };
    default:
      return { href: href.start(), label: 'Startsidan', about: 'ärendet' };
  }
}
