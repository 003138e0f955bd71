// @ts-check
// The type-ahead list of Sök artikel's search box (ARIA 1.2 combobox) as a pure reducer, and which key does what.

/**
 * @typedef {object} SearchBoxState
 * @property {string[]} options  completions shown (never the text as typed)
 * @property {boolean} open  the list is showing
 * @property {number} active  the highlighted option, -1 for none
 */

/**
 * @typedef {{ type: 'options', options: string[], focused: boolean }
 *   | { type: 'clear' } | { type: 'close' } | { type: 'down', altKey: boolean } | { type: 'up' }} SearchBoxAction
 */

/** @type {SearchBoxState} */
export const CLOSED = { options: [], open: false, active: -1 };

/**
 * options: completions arrived (the list opens only while the field has focus). clear: no options. close: hide them.
 * down / up: move the highlight, wrapping; down opens a closed list (Alt+Down opens it without a highlight).
 * @param {SearchBoxState} state
 * @param {SearchBoxAction} action
 * @returns {SearchBoxState}
 */
export function reduceSearchBox(state, action) {
  const n = state.options.length;
  switch (action.type) {
    case 'options':
      return { options: action.options, active: -1, open: action.options.length > 0 && action.focused };
    case 'clear':
      return CLOSED;
    case 'close':
      return { ...state, open: false, active: -1 };
    case 'down':
      if (n === 0) return state;
      if (!state.open) return { ...state, open: true, active: action.altKey ? -1 : 0 };
      return { ...state, active: (state.active + 1) % n };
    case 'up':
      if (!state.open || n === 0) return state;
      return { ...state, active: state.active <= 0 ? n - 1 : state.active - 1 };
    default:
      return state;
  }
}

/**
 * What a key in the field does: move in the list, accept the highlighted option, submit the search, close the list,
 * clear the text, or nothing (null: the browser's default).
 * @param {SearchBoxState} state
 * @param {string} key
 * @param {string} value  the field's text
 * @returns {'down' | 'up' | 'accept' | 'submit' | 'close' | 'clear' | null}
 */
export function keyIntent(state, key, value) {
  const n = state.options.length;
  switch (key) {
    case 'ArrowDown':
      return n === 0 ? null : 'down';
    case 'ArrowUp':
      return !state.open || n === 0 ? null : 'up';
    case 'Enter':
      return state.open && state.active >= 0 ? 'accept' : 'submit';
    case 'Escape':
      if (state.open) return 'close';
      return value !== '' ? 'clear' : null;
    default:
      return null;
  }
}

/**
 * The completions worth showing: not the text as typed (case-insensitive, Swedish).
 * @param {string[]} completions
 * @param {string} text
 */
export function shownOptions(completions, text) {
  const typed = text.trim().toLocaleLowerCase('sv');
  return completions.filter((c) => c.toLocaleLowerCase('sv') !== typed);
}
