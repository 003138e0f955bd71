// The access log as CSV for the reviewer's export: semicolon-separated with a BOM (as Swedish Excel reads it), every
// cell quoted when needed, and cells that a spreadsheet would run as a formula defused with a leading apostrophe.
import type { AccessEntry } from '../../schemas/access-log.ts';
import { formatPnr } from '../core/personnummer.ts';

const HEADER = [
  'Tid (UTC)',
  'Användare',
  'Användar-id',
  'Vårdenhet',
  'Vårdenhets-id',
  'Personnummer',
  'Åtgärd',
  'Visat',
  'Grund',
];
const SHOWN_SV: Record<AccessEntry['shown']['kind'], string> = {
  person: 'Person',
  order: 'Order',
  pickup: 'Hämtorder',
  workOrder: 'Arbetsorder',
  individual: 'Individ',
  accessLog: 'Loggutdrag',
  // Issue 15, desk:
  note: 'Anteckning',
  deviation: 'Avvikelse',
};

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(entry: AccessEntry): string {
  const shown = `${SHOWN_SV[entry.shown.kind]}${entry.shown.no === null ? '' : ` ${entry.shown.no}`}`;
  return [
    new Date(entry.timeMs).toISOString(),
    entry.userName,
    entry.userId,
    entry.workplaceName,
    entry.workplaceId,
    formatPnr(entry.pnr),
    entry.action,
    shown,
    entry.grounds ?? '',
  ]
    .map(cell)
    .join(';');
}

/** The whole file: BOM, header, one line per entry (CRLF, as RFC 4180). */
export function accessLogCsv(entries: Iterable<AccessEntry>): string {
  const lines = [HEADER.map(cell).join(';')];
  for (const entry of entries) lines.push(csvRow(entry));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
