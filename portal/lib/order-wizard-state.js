// @ts-check
// The order wizard's state as a pure reducer: the order being written (form), the step shown and the furthest one
// reached, the problem that keeps a step from being left, and placing the order. Checks and calls live elsewhere:
// actions carry each step's problem (stepProblems) so this file stays pure.

/** The steps of Kundorder, in order. */
export const STEPS = ['Mottagare', 'Källa och arbetsplats', 'Rader', 'Leverans', 'Verkställ'];
/** Steps checked before Verkställ places the order (all but Verkställ itself). */
export const CHECKED_STEPS = 4;

/**
 * @typedef {object} WizardState
 * @property {Record<string, any>} form  the order being written (see initialForm in order-wizard-checks.js)
 * @property {number} step  0-based step shown
 * @property {number} reachable  the furthest step reached; the step list offers every step up to it
 * @property {string} problem  why the step cannot be left, or ''
 * @property {boolean} placing  order.place is on its way
 * @property {unknown} placeError  order.place's failure, or null
 * @property {import('./types.d.ts').PlaceReceipt | null} receipt  order.place's reply once placed, or null
 * @property {number} focus  bumped whenever the step's heading should take focus
 */

/**
 * @typedef {{ type: 'update', patch: object | ((form: Record<string, any>) => object) }
 *   | { type: 'go', step: number }
 *   | { type: 'forward', problems: string[] }
 *   | { type: 'goTo', target: number, problems: string[] }
 *   | { type: 'blocked', step: number, problem: string }
 *   | { type: 'placing' }
 *   | { type: 'placed', receipt: import('./types.d.ts').PlaceReceipt }
 *   | { type: 'placeFailed', error: unknown }
 *   | { type: 'restart', form: Record<string, any> }} WizardAction
 */

/**
 * The wizard at its first step; artNo: the article it was started from (Beställ on the article page, a search hit or
 * the catalog), which starts the order as one line of quantity 1.
 * @param {Record<string, any>} form
 * @param {string | null} [artNo]
 * @returns {WizardState}
 */
export function initialWizard(form, artNo = null) {
  const start = artNo ? { ...form, lines: [startLine(artNo)] } : form;
  return { form: start, step: 0, reachable: 0, problem: '', placing: false, placeError: null, receipt: null, focus: 0 };
}

/**
 * An order line of one article, as the Rader step adds it (to the patient, not to an individual they hold).
 * @param {string} artNo
 */
export function startLine(artNo) {
  return { artNo, quantity: 1, forIndividual: null, replacement: null, purpose: '' };
}

/**
 * Move to a step (its heading takes focus, so keyboard and screen reader users start at its top).
 * @param {WizardState} state
 * @param {number} step
 * @returns {WizardState}
 */
function go(state, step) {
  return {
    ...state,
    problem: '',
    placeError: null,
    step,
    reachable: Math.max(state.reachable, step),
    focus: state.focus + 1,
  };
}

/**
 * The first step before `end` that cannot be left, or -1.
 * @param {string[]} problems  each step's problem ('' when it is complete)
 * @param {number} from
 * @param {number} end
 */
export function firstProblem(problems, from, end) {
  for (let i = from; i < end; i++) if (problems[i]) return i;
  return -1;
}

/**
 * @param {WizardState} state
 * @param {WizardAction} action
 * @returns {WizardState}
 */
export function reduceWizard(state, action) {
  switch (action.type) {
    case 'update': {
      const patch = typeof action.patch === 'function' ? action.patch(state.form) : action.patch;
      return { ...state, problem: '', form: { ...state.form, ...patch } };
    }
    case 'go':
      return go(state, action.step);
    case 'forward':
      return action.problems[state.step]
        ? { ...state, problem: action.problems[state.step] }
        : go(state, state.step + 1);
    case 'goTo': {
      // Jumping forward past a step is only allowed when every step in between is complete; an incomplete step
      // in between is shown (its problem appears when the user tries to leave it).
      const at = firstProblem(action.problems, state.step, action.target);
      if (at === -1) return go(state, action.target);
      return at === state.step ? { ...state, problem: action.problems[at] } : go(state, at);
    }
    case 'blocked':
      return { ...go(state, action.step), problem: action.problem };
    case 'placing':
      return { ...state, placing: true, placeError: null };
    case 'placed':
      return { ...state, placing: false, receipt: action.receipt, focus: state.focus + 1 };
    case 'placeFailed':
      return { ...state, placing: false, placeError: action.error };
    case 'restart':
      return { ...initialWizard(action.form), focus: state.focus + 1 };
    default:
      return state;
  }
}
