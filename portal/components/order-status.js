// @ts-check
// Small pieces every order screen shares: the leveransstatus badge, line counts per status, and a line summary.
import { html } from '../lib/html.js';
import { count, lineStatusLabel, LINE_STATUSES } from '../lib/format.js';

/** @typedef {import('../lib/types.d.ts').StatusCountMap} StatusCountMap */
/** @typedef {import('../lib/types.d.ts').RecipientView} RecipientView */

/**
 * "Registrerad", "För plock", … as a coloured badge; the text carries the meaning, the colour only repeats it.
 * @param {{ status: string, testId?: string }} props
 */
export function StatusBadge({ status, testId }) {
  return html`<span class=${`line-status line-status-${status}`} data-status=${status} data-testid=${testId}>${lineStatusLabel(status)}</span>`;
}

/**
 * Counts per status as a definition list. counts: { registered: 3, … }; active: the status filtered on (or '');
 * onPick(status): makes each count a button that filters on it.
 * @param {{ counts: StatusCountMap | null, caption: string, active?: string, onPick?: ((status: string) => void) | null, testId?: string }} props
 */
export function StatusCounts({ counts, caption, active = '', onPick = null, testId = 'status-counts' }) {
  if (!counts) return null;
  return html`
    <dl class="status-counts" aria-label=${caption} data-testid=${testId}>
      ${LINE_STATUSES.map((status) => {
        const value = html`<span class="status-count-value" data-testid=${`count-${status}`}>${count(counts[status] ?? 0)}</span>`;
        return html`
          <div class=${`status-count status-count-${status}${active === status ? ' active' : ''}`}>
            <dt>${lineStatusLabel(status)}</dt>
            <dd>${
              onPick
                ? html`<button type="button" class="link-button" aria-pressed=${active === status ? 'true' : 'false'}
                  aria-label=${`${lineStatusLabel(status)}: ${counts[status] ?? 0}. Visa bara ${lineStatusLabel(status).toLowerCase()}`}
                  onClick=${() => onPick(active === status ? '' : status)}>${value}</button>`
                : value
            }</dd>
          </div>`;
      })}
    </dl>`;
}

/**
 * "Rollator Cross 45 (1), Korg till rollator (2)" cut after a few lines.
 * @param {Array<{ artNo: string, name?: string, quantity: number }>} lines
 * @param {number} [max]
 */
export function linesSummary(lines, max = 3) {
  const shown = lines.slice(0, max).map((l) => `${l.name ?? l.artNo}${l.quantity > 1 ? ` × ${l.quantity}` : ''}`);
  const more = lines.length - shown.length;
  return more > 0 ? `${shown.join(', ')} och ${more} till` : shown.join(', ');
}

/**
 * The recipient in a table cell: the personnummer never wraps.
 * @param {{ recipient: RecipientView }} props
 */
export function RecipientCell({ recipient }) {
  if (recipient?.kind === 'patient' && recipient.name && !recipient.protectedIdentity) {
    return html`${recipient.name} <span class="nowrap">(${recipient.pnrDisplay})</span>`;
  }
  return recipientText(recipient);
}

/**
 * Recipient of an order list row or overview: patient name and personnummer, or the care unit.
 * @param {RecipientView | null | undefined} recipient
 * @returns {string}
 */
export function recipientText(recipient) {
  if (!recipient) return '–';
  if (recipient.kind === 'careUnit')
    return recipient.name
      ? `Vårdenhet ${recipient.name} (kundnr ${recipient.customerNo})`
      : `Vårdenhet, kundnr ${recipient.customerNo}`;
  if (recipient.protectedIdentity) return `Skyddad identitet (${recipient.pnrDisplay})`;
  if (!recipient.name && !recipient.pnrDisplay) return 'Brukare';
  return `${recipient.name} (${recipient.pnrDisplay})`;
}
