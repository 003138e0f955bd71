// @ts-check
// The Artiklar form without Preact: the article ⇄ the form's text fields (price in kronor, stored as öre), checks the
// browser can make before sending, and the engine's refusals (zod `issues`, core rejection codes) as Swedish text per
// field, so every error shows next to the field it concerns.

/** @typedef {import('../../lib/types.d.ts').ArticleRecord} ArticleRecord */

/** Limits of schemas/limits.ts the form checks before sending (the engine checks them again). */
export const NAME_CHARS_MAX = 120;
export const URL_CHARS_MAX = 500;
export const SET_PARTS_MAX = 20;
export const ACCESSORIES_MAX = 50;
const PRICE_ORE_MAX = 100_000_000_00;

/**
 * @typedef {{ artNo: string, name: string, supplierId: string, isoCode: string, kind: 'rental' | 'sale',
 *   price: string, status: 'active' | 'outgoing' | 'discontinued', setParts: string[], accessories: string[],
 *   replacedBy: string, supplierUrl: string, manualUrl: string, imageUrl: string }} ArticleForm
 * @typedef {keyof ArticleForm | 'form' | 'confirm'} FieldName
 * @typedef {Partial<Record<FieldName, string>>} FieldErrors
 */

/** @type {ArticleForm} */
export const EMPTY_FORM = {
  artNo: '',
  name: '',
  supplierId: '',
  isoCode: '',
  kind: 'rental',
  price: '',
  status: 'active',
  setParts: [],
  accessories: [],
  replacedBy: '',
  supplierUrl: '',
  manualUrl: '',
  imageUrl: '',
};

/** The Swedish text for a field the schema refused (zod's own messages are English and technical). */
/** @type {Record<string, string>} */
const FIELD_TEXT = {
  artNo: 'Artikelnumret är sex siffror.',
  name: `Benämningen måste fyllas i (högst ${NAME_CHARS_MAX} tecken).`,
  supplierId: 'Välj en leverantör.',
  isoCode: 'Välj en ISO-kod (produktgrupp, tre nivåer).',
  kind: 'Välj hyra eller köp.',
  price: 'Ange priset i kronor, t.ex. 1 234,50 (högst 100 miljoner kr).',
  status: 'Välj en status.',
  setParts: `Setdelar anges med sexsiffriga artikelnummer, högst ${SET_PARTS_MAX}.`,
  accessories: `Tillbehör anges med sexsiffriga artikelnummer, högst ${ACCESSORIES_MAX}.`,
  replacedBy: 'Ersättande artikel anges med sexsiffrigt artikelnummer.',
  supplierUrl: 'Länken ska börja med https://, http:// eller /.',
  manualUrl: 'Länken ska börja med https://, http:// eller /.',
  imageUrl: 'Bildadressen ska börja med https://, http:// eller /.',
};

/**
 * "1 234,50", "1234.5", "1234 kr" → 123450 öre; null when it is not a price.
 * @param {string} text
 * @returns {number | null}
 */
export function parseKronor(text) {
  const plain = text
    .replace(/\s|\u00a0/g, '')
    .replace(/kr$/i, '')
    .replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null;
  const ore = Math.round(Number(plain) * 100);
  return Number.isSafeInteger(ore) && ore <= PRICE_ORE_MAX ? ore : null;
}

/**
 * 123450 → "1234,50" (no thousands separator: the field is typed into).
 * @param {number} ore
 */
export function kronorText(ore) {
  return `${Math.floor(ore / 100)},${String(ore % 100).padStart(2, '0')}`;
}

/**
 * @param {ArticleRecord} article
 * @returns {ArticleForm}
 */
export function formOf(article) {
  return {
    artNo: article.artNo,
    name: article.name,
    supplierId: article.supplierId,
    isoCode: article.isoCode,
    kind: article.kind,
    price: kronorText(article.priceOre),
    status: article.status,
    setParts: [...article.setParts],
    accessories: [...article.accessories],
    replacedBy: article.replacedBy ?? '',
    supplierUrl: article.supplierUrl ?? '',
    manualUrl: article.manualUrl ?? '',
    imageUrl: article.imageUrl ?? '',
  };
}

/**
 * The article to send, or the field errors the browser can see already.
 * @param {ArticleForm} form
 * @returns {{ article: ArticleRecord, errors: null } | { article: null, errors: FieldErrors }}
 */
export function articleOf(form) {
  /** @type {FieldErrors} */
  const errors = {};
  const priceOre = parseKronor(form.price);
  if (!/^\d{6}$/.test(form.artNo.trim())) errors.artNo = FIELD_TEXT.artNo;
  if (form.name.trim() === '' || form.name.trim().length > NAME_CHARS_MAX) errors.name = FIELD_TEXT.name;
  if (form.supplierId === '') errors.supplierId = FIELD_TEXT.supplierId;
  if (form.isoCode === '') errors.isoCode = FIELD_TEXT.isoCode;
  if (priceOre === null) errors.price = FIELD_TEXT.price;
  for (const field of /** @type {const} */ (['supplierUrl', 'manualUrl', 'imageUrl'])) {
    const url = form[field].trim();
    if (url !== '' && (!/^(https?:\/\/|\/)/.test(url) || url.length > URL_CHARS_MAX)) errors[field] = FIELD_TEXT[field];
  }
  if (form.replacedBy !== '' && form.replacedBy === form.artNo.trim())
    errors.replacedBy = 'En artikel kan inte ersättas av sig själv.';
  if (Object.keys(errors).length > 0 || priceOre === null) return { article: null, errors };
  const url = (/** @type {string} */ text) => (text.trim() === '' ? null : text.trim());
  return {
    errors: null,
    article: {
      artNo: form.artNo.trim(),
      name: form.name.trim(),
      supplierId: form.supplierId,
      isoCode: form.isoCode,
      kind: form.kind,
      priceOre,
      status: form.status,
      setParts: form.setParts,
      accessories: form.accessories,
      replacedBy: form.replacedBy === '' ? null : form.replacedBy,
      supplierUrl: url(form.supplierUrl),
      manualUrl: url(form.manualUrl),
      imageUrl: url(form.imageUrl),
    },
  };
}

/** The form field an `article.<key>` path of the schema's issues points at. */
/** @type {Record<string, FieldName>} */
const FIELD_OF_KEY = { priceOre: 'price' };

/**
 * An invalid_request's issues (path ['article', 'priceOre'], …) → Swedish text per field.
 * @param {unknown} issues
 * @returns {FieldErrors}
 */
export function issueErrors(issues) {
  /** @type {FieldErrors} */
  const errors = {};
  for (const issue of Array.isArray(issues) ? issues : []) {
    const path = /** @type {{ path?: unknown[] }} */ (issue).path ?? [];
    const key = path[0] === 'article' ? String(path[1] ?? '') : '';
    const field = FIELD_OF_KEY[key] ?? /** @type {FieldName} */ (key);
    if (field in FIELD_TEXT) errors[field] = FIELD_TEXT[field];
    else errors.form = 'Uppgifterna kunde inte tas emot; kontrollera fälten.';
  }
  if (Object.keys(errors).length === 0) errors.form = 'Uppgifterna kunde inte tas emot; kontrollera fälten.';
  return errors;
}

/**
 * A core rejection → the field it concerns, with a Swedish headline before the engine's own detail.
 * @param {{ code?: string, message?: string }} failure
 * @param {ArticleForm} form
 * @returns {FieldErrors}
 */
export function rejectionErrors(failure, form) {
  const detail = failure.message ?? '';
  switch (failure.code) {
    case 'article_exists':
      return { artNo: `Artikelnumret används redan. ${detail}` };
    case 'unknown_supplier':
      return { supplierId: `Leverantören finns inte. ${detail}` };
    case 'unknown_iso_code':
      return { isoCode: `ISO-koden är ingen produktgrupp. ${detail}` };
    case 'unknown_article':
      return { [referringField(detail, form)]: `Artikeln finns inte. ${detail}` };
    case 'replacement_cycle':
      return { replacedBy: `Ersättningskedjan skulle gå i cirkel. ${detail}` };
    case 'replacement_too_long':
      return { replacedBy: `Ersättningskedjan blir för lång. ${detail}` };
    case 'forbidden':
      return { form: 'Du har inte behörighet att ändra artiklar.' };
    default:
      return { form: detail || 'Artikeln kunde inte sparas.' };
  }
}

/**
 * Which list names the article number in an unknown_article message ("Artikel 123456 finns inte.").
 * @param {string} detail
 * @param {ArticleForm} form
 * @returns {FieldName}
 */
function referringField(detail, form) {
  const artNo = /\b\d{6}\b/.exec(detail)?.[0] ?? '';
  if (form.replacedBy === artNo) return 'replacedBy';
  if (form.accessories.includes(artNo)) return 'accessories';
  return 'setParts';
}

/**
 * A status change that asks for the impact (and a confirmation) before it is saved.
 * @param {string | null} savedStatus  null for a new article (nothing can be affected yet)
 * @param {string} status
 */
export function needsImpact(savedStatus, status) {
  return savedStatus !== null && savedStatus !== status && (status === 'outgoing' || status === 'discontinued');
}
