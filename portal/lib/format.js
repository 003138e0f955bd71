// @ts-check
// Swedish display formats: prices in kronor from öre, ISO codes, article status and kind, professions, order statuses, dates.

const NBSP = '\u00a0';

/**
 * 199500 öre → "1 995,00 kr" (non-breaking spaces, so a price never wraps).
 * @param {number} ore
 */
export function kr(ore) {
  if (typeof ore !== 'number' || !Number.isFinite(ore)) return '–';
  const negative = ore < 0;
  const abs = Math.abs(Math.round(ore));
  const kronor = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '−' : ''}${kronor},${cents}${NBSP}kr`;
}

/**
 * "12 06 06" → "12 06 06" with non-breaking spaces (never split across lines).
 * @param {string | null | undefined} code
 */
export function isoCode(code) {
  return String(code ?? '')
    .trim()
    .split(/\s+/)
    .join(NBSP);
}

/**
 * Class of an ISO code: "12 06 06" → "12".
 * @param {string | null | undefined} code
 */
export function isoClass(code) {
  return String(code ?? '').slice(0, 2);
}

/** @type {Record<string, string>} */
const STATUS = { active: 'Aktiv', outgoing: 'Utgående', discontinued: 'Utgått' };
/** @param {string} status */
export function statusLabel(status) {
  return STATUS[status] ?? status ?? '';
}

/** @type {Record<string, string>} */
const KIND = { rental: 'Hyresartikel', sale: 'Försäljningsartikel' };
/** @param {string} kind */
export function kindLabel(kind) {
  return KIND[kind] ?? kind ?? '';
}

/** Short form for table columns: Hyra / Köp. */
/** @type {Record<string, string>} */
const KIND_SHORT = { rental: 'Hyra', sale: 'Köp' };
/** @param {string} kind */
export function kindShort(kind) {
  return KIND_SHORT[kind] ?? kind ?? '';
}

/** @type {Record<string, string>} */
const PROFESSION = {
  ot: 'Arbetsterapeut',
  pt: 'Fysioterapeut',
  slp: 'Logoped',
  nurse: 'Sjuksköterska',
  hmc: 'HMC-personal',
  admin: 'Administratör',
};
/** @param {string} profession */
export function professionLabel(profession) {
  return PROFESSION[profession] ?? profession ?? '';
}

/**
 * Whole numbers with Swedish digit grouping: 12345 → "12 345".
 * @param {number} n
 */
export function count(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '–';
  const sign = n < 0 ? '−' : '';
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/**
 * A count with its noun in singular or plural: (1, 'träff', 'träffar') → "1 träff", (2, …) → "2 träffar".
 * @param {number} n
 * @param {string} one
 * @param {string} many
 */
export function countOf(n, one, many) {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/**
 * The buffer warehouse (eget förråd) of the user's first workplace that has one, or null.
 * @param {{ workplaces: Array<{ bufferWarehouse: string | null }> } | null | undefined} user
 * @returns {string | null}
 */
export function bufferWarehouseOf(user) {
  for (const place of user?.workplaces ?? []) if (place.bufferWarehouse) return place.bufferWarehouse;
  return null;
}

/** Leveransstatus of an order line, in the order a line moves (the manual's words). */
/** @type {import('./types.d.ts').LineStatus[]} */
export const LINE_STATUSES = ['backorder', 'registered', 'picking', 'dispatched', 'delivered', 'cancelled'];
/** @type {Record<string, string>} */
const LINE_STATUS = {
  backorder: 'Restorder',
  registered: 'Registrerad',
  picking: 'För plock',
  dispatched: 'Utlevererad',
  delivered: 'Levererad',
  cancelled: 'Makulerad',
};
/** @param {string} status */
export function lineStatusLabel(status) {
  return LINE_STATUS[status] ?? status ?? '';
}

/**
 * Status of a whole order from its lines: the least advanced line still in play; Makulerad only when all are.
 * @param {Array<{ status: import('./types.d.ts').LineStatus }> | null | undefined} lines
 */
export function orderStatusOf(lines) {
  /** @type {import('./types.d.ts').LineStatus} */
  let best = 'cancelled';
  for (const line of lines ?? []) {
    if (line.status !== 'cancelled' && LINE_STATUSES.indexOf(line.status) < LINE_STATUSES.indexOf(best))
      best = line.status;
  }
  return best;
}

/**
 * An order is open while a line is neither delivered nor cancelled.
 * @param {Array<{ status: string }> | null | undefined} lines
 */
export function isOpenOrder(lines) {
  return (lines ?? []).some((line) => line.status !== 'delivered' && line.status !== 'cancelled');
}

/**
 * "2025-06-20" stays as is (the Swedish way); null → "–".
 * @param {string | null | undefined} value
 */
export function date(value) {
  return typeof value === 'string' && value !== '' ? value : '–';
}

/**
 * Epoch ms → "2025-06-20 14:05" in Swedish time.
 * @param {number} ms
 */
export function dateTime(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '–';
  return new Date(ms).toLocaleString('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * Epoch ms → "14:05:09" in Swedish time (the order flow's clock).
 * @param {number} ms
 */
export function clock(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '–';
  return new Date(ms).toLocaleTimeString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/**
 * { street, postalCode, city } → "Storgatan 3, 302 45 Halmstad".
 * @param {import("./types.d.ts").Address | null | undefined} address
 */
export function addressLine(address) {
  if (!address) return '–';
  return `${address.street}, ${address.postalCode} ${address.city}`;
}

/**
 * HMC staff (and administrators) work the order flow; prescribers order.
 * @param {{ roles: string[] }} user
 */
export function isStaff(user) {
  return (user?.roles ?? []).some((role) => role === 'staff' || role === 'admin');
}
/** @param {{ roles: string[] }} user */
export function isPrescriber(user) {
  return (user?.roles ?? []).includes('prescriber');
}

/**
 * Warehouse id → "Lager 10 (huvudlager)" or "Eget förråd B101".
 * @param {string | null} id
 */
export function warehouseLabel(id) {
  if (id === '10') return 'Lager 10 (huvudlager)';
  return id ? `Eget förråd ${id}` : '–';
}

/**
 * An individual number as typed: '56314', 'K-56314', ' k 56314 ' → 56314; anything else → null.
 * @param {string} text
 * @returns {number | null}
 */
export function parseIndNo(text) {
  const match = /^\s*(?:k\s*-?\s*)?(\d{1,8})\s*$/i.exec(String(text ?? ''));
  return match ? Number(match[1]) : null;
}
