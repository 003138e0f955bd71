// Swedish display formats: prices in kronor from öre, ISO codes, article status and kind, professions.

const NBSP = '\u00a0';

/** 199500 öre → "1 995,00 kr" (non-breaking spaces, so a price never wraps). */
export function kr(ore) {
  if (typeof ore !== 'number' || !Number.isFinite(ore)) return '–';
  const negative = ore < 0;
  const abs = Math.abs(Math.round(ore));
  const kronor = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '−' : ''}${kronor},${cents}${NBSP}kr`;
}

/** "12 06 06" → "12 06 06" with non-breaking spaces (never split across lines). */
export function isoCode(code) {
  return String(code ?? '').trim().split(/\s+/).join(NBSP);
}

/** Class of an ISO code: "12 06 06" → "12". */
export function isoClass(code) {
  return String(code ?? '').slice(0, 2);
}

const STATUS = { active: 'Aktiv', outgoing: 'Utgående', discontinued: 'Utgått' };
export function statusLabel(status) {
  return STATUS[status] ?? status ?? '';
}

const KIND = { rental: 'Hyresartikel', sale: 'Försäljningsartikel' };
export function kindLabel(kind) {
  return KIND[kind] ?? kind ?? '';
}

/** Short form for table columns: Hyra / Köp. */
const KIND_SHORT = { rental: 'Hyra', sale: 'Köp' };
export function kindShort(kind) {
  return KIND_SHORT[kind] ?? kind ?? '';
}

const PROFESSION = {
  ot: 'Arbetsterapeut', pt: 'Fysioterapeut', slp: 'Logoped', nurse: 'Sjuksköterska',
  hmc: 'HMC-personal', admin: 'Administratör',
};
export function professionLabel(profession) {
  return PROFESSION[profession] ?? profession ?? '';
}

/** Whole numbers with Swedish digit grouping: 12345 → "12 345". */
export function count(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '–';
  const sign = n < 0 ? '−' : '';
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** The buffer warehouse (eget förråd) of the user's first workplace that has one, or null. */
export function bufferWarehouseOf(user) {
  for (const place of user?.workplaces ?? []) if (place.bufferWarehouse) return place.bufferWarehouse;
  return null;
}
