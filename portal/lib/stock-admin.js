// @ts-check
// Lager and Ändringslogg in Swedish: reason codes, ledger causes, entity kinds and field names, and how a value of the
// change log reads (a list, yes/no, an empty value, an unknown before).
import { dateTime } from './format.js';

/** The reason codes of admin.stockAdjust (schemas/primitives.ts StockReason), in the order the form offers them. */
export const STOCK_REASONS = /** @type {const} */ ([
  ['inventory', 'Inventering'],
  ['received', 'Inleverans'],
  ['damaged', 'Kassation/skadad'],
  ['returned', 'Retur'],
  ['correction', 'Korrigering'],
]);

/** @param {string | null} reason */
export function reasonLabel(reason) {
  return STOCK_REASONS.find(([code]) => code === reason)?.[1] ?? '–';
}

/** @type {Record<string, string>} */
const CAUSES = {
  adjusted: 'Justering',
  reserved: 'Reserverad (order)',
  served: 'Restorder tilldelad',
  dispatched: 'Utlevererad',
  released: 'Reservation släppt',
};

/** @param {string} cause */
export function causeLabel(cause) {
  return CAUSES[cause] ?? cause;
}

/** Entity kinds of the change log (engine/core/change-log/describe.ts), as the filter offers them. */
export const ENTITY_KINDS = /** @type {const} */ ([
  ['article', 'Artikel'],
  ['stock', 'Lager (artikel)'],
  ['prescribingRule', 'Förskrivningsregel (yrke)'],
  ['user', 'Användare'],
  ['news', 'Nyhet'],
  ['supplier', 'Leverantör'],
  ['iso', 'ISO-kod'],
  ['setting', 'Inställning'],
]);

/** @param {string} kind */
export function entityKindLabel(kind) {
  return ENTITY_KINDS.find(([code]) => code === kind)?.[1] ?? kind;
}

/** @type {Record<string, string>} */
const FIELDS = {
  artNo: 'Artikelnummer',
  name: 'Benämning',
  isoCode: 'ISO-kod',
  supplierId: 'Leverantör',
  kind: 'Typ',
  priceOre: 'Pris (öre)',
  status: 'Status',
  setParts: 'Setdelar',
  accessories: 'Tillbehör',
  replacedBy: 'Ersätts av',
  links: 'Länkar',
  imageUrl: 'Bild',
  profession: 'Yrke',
  isoPrefixes: 'ISO-koder',
  warehouse: 'Lager',
  onHand: 'Saldo',
  reason: 'Orsak',
  note: 'Kommentar',
  minLevel: 'Miniminivå',
  dormant: 'Vilande konto',
  title: 'Rubrik',
  text: 'Text',
  roles: 'Roller',
  workplaces: 'Arbetsplatser',
  active: 'Aktiv',
  titleSv: 'Svensk benämning',
  id: 'Id',
  url: 'Webbplats',
  country: 'Land',
  username: 'Användarnamn',
  email: 'E-post',
  phone: 'Telefon',
  hsaId: 'HSA-id',
  deactivatedMs: 'Inaktiverat',
  passwordSetMs: 'Lösenord satt',
  value: 'Värde',
  supplierUrl: 'Leverantörens länk',
  manualUrl: 'Manual',
};

/** @param {string} field */
export function fieldLabel(field) {
  return FIELDS[field] ?? field;
}

/**
 * A value of the change log as text: lists joined, yes/no, reason codes in Swedish, objects as compact JSON.
 * @param {string} field @param {unknown} value
 */
export function fieldValue(field, value) {
  if (value === undefined || value === null || value === '') return '–';
  if (field === 'reason' && typeof value === 'string') return reasonLabel(value);
  // Times (`deactivatedMs`, `passwordSetMs`): as a date and time, not epoch milliseconds.
  if (field.endsWith('Ms') && typeof value === 'number') return dateTime(value);
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (Array.isArray(value))
    return value.length === 0
      ? '–'
      : value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A signed change: "+3", "−2", "0". @param {number} n */
export function signed(n) {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}
