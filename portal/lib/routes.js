// @ts-check
// Hash routes of the portal: parsing `location.hash` and building links (ISO codes keep their spaces, url-encoded).

/**
 * The search page's part of a route; inStock is null when the hash does not say (the tab's last choice applies).
 * @typedef {{ text: string, supplier: string, inStock: boolean | null, discontinued: boolean, page: number }} SearchRoute
 */

/**
 * A parsed hash route: its name and the parameters that route has.
 * @typedef {{ name: 'start' | 'profil' | 'hamtorder' | 'orderflode' | 'plock' }
 *   | { name: 'katalog', code: string | null }
 *   | { name: 'artikel', artNo: string }
 *   | { name: 'sok', search: SearchRoute }
 *   | { name: 'bestall', pnr: string | null, artNo: string | null }
 *   | { name: 'hjalpmedel', pnr: string | null }
 *   | { name: 'order', view: 'open' | 'mine' }
 *   | { name: 'ordinationsoversikt', orderNo: number }
 *   | { name: 'arbetsorder' | 'individ', indNo: number | null }
 *   | { name: 'loggranskning', view: 'brukare' | 'anvandare' | 'stickprov' }
 *   | { name: 'admin', section: string, param: string | null, query: URLSearchParams }
 *   | { name: 'uppfoljning', section: string, param: string | null, query: URLSearchParams }
 *   | { name: 'notfound', path: string }
 *   | { name: 'utskrift', doc: 'retur' | 'foljesedel' | 'plocklista', param: string | null }} Route
 */

/** Query parameters of the search page in the hash: #/sok?q=rolator&lev=etac&lager=1&utgangna=1&sida=2 */
const SEARCH_KEYS = { text: 'q', supplier: 'lev', inStock: 'lager', discontinued: 'utgangna', page: 'sida' };

/** @param {string} query */
function parseSearch(query) {
  const params = new URLSearchParams(query);
  const page = Number.parseInt(params.get(SEARCH_KEYS.page) ?? '', 10);
  return {
    text: params.get(SEARCH_KEYS.text) ?? '',
    supplier: params.get(SEARCH_KEYS.supplier) ?? '',
    /** null when the hash does not say: the page then keeps the user's last choice. */
    inStock: params.has(SEARCH_KEYS.inStock) ? params.get(SEARCH_KEYS.inStock) === '1' : null,
    discontinued: params.get(SEARCH_KEYS.discontinued) === '1',
    page: Number.isFinite(page) && page > 1 ? page - 1 : 0,
  };
}

/**
 * '#/katalog/12%2006' → { name: 'katalog', code: '12 06' }
 * @param {string | null | undefined} hash
 * @returns {Route}
 */
export function parseRoute(hash) {
  const full = String(hash ?? '').replace(/^#/, '');
  const mark = full.indexOf('?');
  const path = mark === -1 ? full : full.slice(0, mark);
  const query = mark === -1 ? '' : full.slice(mark + 1);
  const parts = path.split('/').filter((part) => part !== '');
  const decode = (/** @type {string} */ part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  if (parts.length === 0) return { name: 'start' };
  if (parts[0] === 'katalog' && parts.length <= 2) {
    const code = parts[1] === undefined ? null : decode(parts[1]).trim().replace(/\s+/g, ' ');
    return { name: 'katalog', code };
  }
  if (parts[0] === 'artikel' && parts.length === 2) return { name: 'artikel', artNo: decode(parts[1]) };
  if (parts[0] === 'sok' && parts.length === 1) return { name: 'sok', search: parseSearch(query) };
  if (parts[0] === 'bestall' && parts.length === 1) {
    const params = new URLSearchParams(query);
    const pnr = params.get('pnr')?.trim() ?? '';
    const artNo = params.get('artikel')?.trim() ?? '';
    return { name: 'bestall', pnr: pnr === '' ? null : pnr, artNo: artNo === '' ? null : artNo };
  }
  if (parts[0] === 'order' && parts.length === 1)
    return { name: 'order', view: new URLSearchParams(query).get('vy') === 'mina' ? 'mine' : 'open' };
  if (parts[0] === 'order' && parts.length === 2 && /^\d{1,8}$/.test(parts[1]))
    return { name: 'ordinationsoversikt', orderNo: Number(parts[1]) };
  if (parts[0] === 'profil' && parts.length === 1) return { name: 'profil' };
  if (parts[0] === 'hamtorder' && parts.length === 1) return { name: 'hamtorder' };
  if (parts[0] === 'arbetsorder' && parts.length === 1) {
    const ind = new URLSearchParams(query).get('individ');
    return { name: 'arbetsorder', indNo: ind !== null && /^\d{1,8}$/.test(ind) ? Number(ind) : null };
  }
  if (parts[0] === 'hjalpmedel' && parts.length === 1) {
    const pnr = new URLSearchParams(query).get('pnr');
    return { name: 'hjalpmedel', pnr: pnr && pnr.trim() !== '' ? pnr.trim() : null };
  }
  if (parts[0] === 'individ' && parts.length === 1) return { name: 'individ', indNo: null };
  if (parts[0] === 'individ' && parts.length === 2 && /^\d{1,8}$/.test(parts[1]))
    return { name: 'individ', indNo: Number(parts[1]) };
  if (parts[0] === 'orderflode' && parts.length === 1) return { name: 'orderflode' };
  if (parts[0] === 'plock' && parts.length === 1) return { name: 'plock' };
  // Access log part of issue 13: the log reviewer's screens.
  if (parts[0] === 'loggranskning' && parts.length === 1) return { name: 'loggranskning', view: 'brukare' };
  if (parts[0] === 'loggranskning' && parts.length === 2 && (parts[1] === 'anvandare' || parts[1] === 'stickprov'))
    return { name: 'loggranskning', view: parts[1] };
  // Administration (issue 14): '#/admin/<section>[/<param>][?…]'; the sections are in components/admin/sections.js.
  if (parts[0] === 'admin' && parts.length <= 3) {
    const section = parts[1] === undefined ? '' : decode(parts[1]);
    const param = parts[2] === undefined ? null : decode(parts[2]);
    return { name: 'admin', section, param, query: new URLSearchParams(query) };
  }
  // Uppföljning (issue 15): '#/uppfoljning/<section>[/<param>][?…]'; the sections are in components/follow-up/sections.js.
  if (parts[0] === 'uppfoljning' && parts.length <= 3) {
    const section = parts[1] === undefined ? '' : decode(parts[1]);
    const param = parts[2] === undefined ? null : decode(parts[2]);
    return { name: 'uppfoljning', section, param, query: new URLSearchParams(query) };
  }
  // Issue 15, print: printable documents '#/utskrift/retur/<pnr>', '#/utskrift/foljesedel/<orderNo>', '#/utskrift/plocklista'.
  if (parts[0] === 'utskrift' && parts[1] === 'retur' && parts.length === 3)
    return { name: 'utskrift', doc: 'retur', param: decode(parts[2]).trim() };
  if (parts[0] === 'utskrift' && parts[1] === 'foljesedel' && parts.length === 3 && /^\d{1,8}$/.test(parts[2]))
    return { name: 'utskrift', doc: 'foljesedel', param: parts[2] };
  if (parts[0] === 'utskrift' && parts[1] === 'plocklista' && parts.length === 2)
    return { name: 'utskrift', doc: 'plocklista', param: null };
  return { name: 'notfound', path };
}

/**
 * { text, supplier, inStock, discontinued, page } → '#/sok?q=…' (empty and default values left out).
 * @param {Partial<SearchRoute>} [search]
 */
function sok(search = {}) {
  const params = new URLSearchParams();
  if (search.text?.trim()) params.set(SEARCH_KEYS.text, search.text.trim());
  if (search.supplier?.trim()) params.set(SEARCH_KEYS.supplier, search.supplier.trim());
  if (search.inStock) params.set(SEARCH_KEYS.inStock, '1');
  if (search.discontinued) params.set(SEARCH_KEYS.discontinued, '1');
  if (search.page !== undefined && search.page > 0) params.set(SEARCH_KEYS.page, String(search.page + 1));
  const query = params.toString();
  return query ? `#/sok?${query}` : '#/sok';
}

/**
 * '#/admin' + 'lager', '10', { artikel: '1' } → '#/admin/lager/10?artikel=1'
 * @param {string} root
 * @param {string} section
 * @param {string | null} param
 * @param {Record<string, string>} query
 */
function sectionHref(root, section, param, query) {
  const path = section === '' ? root : `${root}/${encodeURIComponent(section)}`;
  const withParam = param === null ? path : `${path}/${encodeURIComponent(param)}`;
  const search = new URLSearchParams(query).toString();
  return search === '' ? withParam : `${withParam}?${search}`;
}

export const href = {
  start: () => '#/',
  katalog: (/** @type {string | null} */ code = null) => (code ? `#/katalog/${encodeURIComponent(code)}` : '#/katalog'),
  artikel: (/** @type {string} */ artNo) => `#/artikel/${encodeURIComponent(artNo)}`,
  sok,
  /**
   * The order wizard, optionally for a patient (from a patient view) and starting with an article (from the article
   * page, a search hit or the catalog): '#/bestall?pnr=19811218-9876&artikel=100101'.
   */
  bestall: (/** @type {string | null} */ pnr = null, /** @type {string | null} */ artNo = null) => {
    const params = new URLSearchParams();
    if (pnr) params.set('pnr', pnr);
    if (artNo) params.set('artikel', artNo);
    const query = params.toString();
    return query ? `#/bestall?${query}` : '#/bestall';
  },
  /** Öppna kundorder ('open') or Rekvirerat per förskrivare ('mine'). */
  orders: (/** @type {'open' | 'mine'} */ view = 'open') => (view === 'mine' ? '#/order?vy=mina' : '#/order'),
  /** Ordinationsöversikt of one order. */
  order: (/** @type {number} */ orderNo) => `#/order/${orderNo}`,
  /** Arbetsorder, optionally about an individual. */
  arbetsorder: (/** @type {number | null} */ indNo = null) =>
    indNo ? `#/arbetsorder?individ=${indNo}` : '#/arbetsorder',
  /** Hämtorder waiting (HMC staff). */
  hamtorder: () => '#/hamtorder',
  /** Dina uppgifter. */
  profil: () => '#/profil',
  /** Hjälpmedel (a patient's devices), empty or for a personnummer. */
  hjalpmedel: (/** @type {string | null} */ pnr = null) =>
    pnr ? `#/hjalpmedel?pnr=${encodeURIComponent(pnr)}` : '#/hjalpmedel',
  /** Individkort, empty or of one individual. */
  individ: (/** @type {number | null} */ indNo = null) => (indNo ? `#/individ/${indNo}` : '#/individ'),
  orderflode: () => '#/orderflode',
  plock: () => '#/plock',
  /** Loggranskning (log reviewers): a patient's extract, a user's accesses or the spot check. */
  loggranskning: (/** @type {'brukare' | 'anvandare' | 'stickprov'} */ view = 'brukare') =>
    view === 'brukare' ? '#/loggranskning' : `#/loggranskning/${view}`,
  /** Administration: a section ('artiklar', 'lager', …), optionally one entity of it and query parameters. */
  admin: (
    /** @type {string} */ section = '',
    /** @type {string | null} */ param = null,
    /** @type {Record<string, string>} */ query = {},
  ) => sectionHref('#/admin', section, param, query),
  /** Uppföljning (issue 15): a section ('returer', 'lan', …), optionally one entity of it and query parameters. */
  uppfoljning: (
    /** @type {string} */ section = '',
    /** @type {string | null} */ param = null,
    /** @type {Record<string, string>} */ query = {},
  ) => sectionHref('#/uppfoljning', section, param, query),
  // Issue 15, print: the printable documents.
  /** Returdokument for the devices a patient holds (to attach to the white return slip). */
  utskriftRetur: (/** @type {string} */ pnr) => `#/utskrift/retur/${encodeURIComponent(pnr)}`,
  /** Följesedel (packing slip) of one order, for HMC. */
  utskriftFoljesedel: (/** @type {number} */ orderNo) => `#/utskrift/foljesedel/${orderNo}`,
  /** The picking queue as a printable list, for HMC. */
  utskriftPlocklista: () => '#/utskrift/plocklista',
};
