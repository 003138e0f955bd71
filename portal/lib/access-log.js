// @ts-check
// The log reviewer's helpers: a Swedish date field's day as a half-open period in ms (Stockholm days), the role
// check, Swedish names of ops and of what was shown, and the CSV download (fetched with the session token).
import { getToken } from './api.js';

/** @param {{ roles: string[] }} user */
export function isLogReviewer(user) {
  return (user?.roles ?? []).includes('logReviewer');
}

/**
 * '2026-12-01'..'2026-12-04' (both days included, the browser's local days) → { fromMs, toMs } half-open; null if
 * unreadable or reversed.
 * @param {string} from @param {string} to
 */
export function periodOf(from, to) {
  const start = new Date(`${from}T00:00:00`);
  const end = new Date(`${to}T00:00:00`);
  if (!Number.isFinite(start.getTime()) || !Number.isFinite(end.getTime()) || end < start) return null;
  end.setDate(end.getDate() + 1);
  return { fromMs: start.getTime(), toMs: end.getTime() };
}

/** Today and 30 days back as yyyy-mm-dd. */
export function defaultPeriod() {
  const day = (/** @type {number} */ ms) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(Date.now() - 30 * 24 * 3600 * 1000), to: day(Date.now()) };
}

/** @type {Record<string, string>} */
export const SHOWN_SV = {
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

/** @type {Record<string, string>} */
export const ACTION_SV = {
  'patient.get': 'Visade patient',
  'register.search': 'Sökning i personregistret',
  'individual.get': 'Individkort',
  'order.quote': 'Orderförslag',
  'order.get': 'Visade order',
  'order.list': 'Orderlista',
  'pickup.create': 'Skapade hämtorder',
  'pickup.list': 'Hämtorderlista',
  'workorder.create': 'Skapade arbetsorder',
  'workorder.list': 'Arbetsorderlista',
  'workorder.update': 'Ändrade arbetsorder',
  'accessLog.patient': 'Logguttag',
  'accessLog.review': 'Granskning',
  'accessLog.csv': 'Logguttag (CSV)',
  // Issue 15, desk:
  'note.create': 'Skrev anteckning',
  'note.update': 'Ändrade anteckning',
  'note.list': 'Mina anteckningar',
  'deviation.create': 'Rapporterade avvikelse',
  'deviation.list': 'Avvikelselista',
  'deviation.get': 'Visade avvikelse',
  'deviation.comment': 'Kommenterade avvikelse',
  'deviation.setStatus': 'Ändrade status på avvikelse',
};

/**
 * Fetches the CSV export and hands it to the browser as a download.
 * @param {Record<string, string | number>} params pnr or userId, fromMs, toMs
 */
export async function downloadCsv(params) {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`/api/access-log.csv?${query}`, { headers: { authorization: `Bearer ${getToken()}` } });
  if (!res.ok) throw new Error(`Loggen kunde inte hämtas (${res.status}).`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'logg.csv';
  const url = URL.createObjectURL(await res.blob());
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
