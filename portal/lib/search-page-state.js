// @ts-check
// Sök artikel's state as a pure reducer: the form as typed, the query that is searched (it follows the form, text
// fields after a short pause), and the result page. The search itself and the pause live in the component.

/**
 * @typedef {object} SearchForm
 * @property {string} text  Benämning (or model, supplier, artikelnummer)
 * @property {string} supplier  Leverantör
 * @property {boolean} inStock  inkl. tillgängligt saldo
 * @property {boolean} discontinued  visa utgångna
 */

/**
 * @typedef {object} SearchPageState
 * @property {SearchForm} form  what the fields show
 * @property {SearchForm} query  what is searched
 * @property {number} page  0-based result page
 */

/**
 * @typedef {{ type: 'route', form: SearchForm, page: number }
 *   | { type: 'edit', changes: Partial<SearchForm> }
 *   | { type: 'commit' }
 *   | { type: 'page', page: number }} SearchPageAction
 */

/** @param {SearchForm} form @param {number} page @returns {SearchPageState} */
export function initialSearchPage(form, page) {
  return { form, query: form, page };
}

/**
 * route: a new hash (back/forward, the menu link) sets form and query. edit: a field changed. commit: search the
 * form now (the pause is over, or Enter). page: another result page of the same query.
 * @param {SearchPageState} state
 * @param {SearchPageAction} action
 * @returns {SearchPageState}
 */
export function reduceSearchPage(state, action) {
  switch (action.type) {
    case 'route':
      return { form: action.form, query: action.form, page: action.page };
    case 'edit':
      return { ...state, form: { ...state.form, ...action.changes } };
    case 'commit':
      return { ...state, query: state.form, page: 0 };
    case 'page':
      return { ...state, page: action.page };
    default:
      return state;
  }
}

/** Nothing to search for: both text fields blank. @param {SearchForm} query */
export function isEmptyQuery(query) {
  return query.text.trim() === '' && query.supplier.trim() === '';
}

/**
 * catalog.search's arguments for a query and page.
 * @param {SearchForm} query
 * @param {number} page
 * @param {number} pageSize
 */
export function searchArgs(query, page, pageSize) {
  /** @type {{ inStockOnly: boolean, includeDiscontinued: boolean, limit: number, offset: number, text?: string, supplier?: string }} */
  const args = {
    inStockOnly: query.inStock,
    includeDiscontinued: query.discontinued,
    limit: pageSize,
    offset: page * pageSize,
  };
  if (query.text.trim() !== '') args.text = query.text.trim();
  if (query.supplier.trim() !== '') args.supplier = query.supplier.trim();
  return args;
}
