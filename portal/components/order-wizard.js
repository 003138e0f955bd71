// @ts-check
// Kundorder: the order wizard of the manual — Mottagare → Källa och arbetsplats → Rader → Leverans → Verkställ — with a
// live order.quote, one idempotency key per run (a retry after a dropped connection never makes a second order), and the receipt.
import { html, useEffect, useReducer, useRef } from '../lib/html.js';
import * as api from '../lib/api.js';
import { ApiError } from '../lib/api.js';
import { isLineProblem, newIdempotencyKey } from '../lib/order-errors.js';
import { CHECKED_STEPS, STEPS, firstProblem, initialWizard, reduceWizard } from '../lib/order-wizard-state.js';
import { useQuote } from '../lib/use-quote.js';
import { useTitle } from '../lib/use-title.js';
import { initialForm, placeArgs, quoteArgs, stepProblem } from './order-wizard-checks.js';
import { RecipientStep } from './order-step-recipient.js';
import { SourceStep } from './order-step-source.js';
import { LinesStep } from './order-step-lines.js';
import { DeliveryStep } from './order-step-delivery.js';
import { ConfirmStep, OrderReceipt } from './order-step-confirm.js';

/** @typedef {import('../lib/types.d.ts').User} User */
/** @typedef {import('../lib/types.d.ts').OrderDraft} OrderDraft */
/** @typedef {import('../lib/types.d.ts').DraftPatch} DraftPatch */
/** @typedef {import('../lib/types.d.ts').PlaceReceipt} PlaceReceipt */

/** @param {{ step: number, reachable: number, onGo: (step: number) => void }} props */
function StepList({ step, reachable, onGo }) {
  return html`
    <ol class="wizard-steps" aria-label="Steg i beställningen">
      ${STEPS.map((name, i) => {
        const label = html`<span class="wizard-step-no" aria-hidden="true">${i + 1}</span> ${name}`;
        const state = i === step ? 'current' : i < step ? 'done' : 'todo';
        return html`
          <li class=${`wizard-step ${state}`} aria-current=${i === step ? 'step' : undefined}>
            ${
              i !== step && i <= reachable
                ? html`<button type="button" class="wizard-step-button" onClick=${() => onGo(i)}>${label}<span class="visually-hidden">${i < step ? ' (klart)' : ''}</span></button>`
                : html`<span class="wizard-step-label">${label}</span>`
            }
          </li>`;
      })}
    </ol>`;
}

/**
 * The wizard's state and what it can do: update the order, move between steps (each step's problem checked first),
 * place the order once (one idempotency key per run) and start over.
 * @param {User} user
 * @param {string | null} pnr
 * @param {string | null} artNo  the article the wizard was started from, or null
 */
function useWizard(user, pnr, artNo) {
  const [state, dispatch] = useReducer(reduceWizard, null, () =>
    initialWizard(initialForm(user, pnr, api.getWorkplace()), artNo),
  );
  const key = useRef(newIdempotencyKey());
  const heading = useRef(/** @type {HTMLHeadingElement | null} */ (null));
  // The reducer keeps the draft opaque; it is the OrderDraft initialForm made and updates patched.
  const form = /** @type {OrderDraft} */ (state.form);
  const [quote, requote] = useQuote(quoteArgs(form), state.step >= 2 && state.receipt === null);
  const problems = () => STEPS.map((_, i) => stepProblem(i, form, quote, user));

  // The new step's heading (or the receipt's) takes focus, so keyboard and screen reader users start at its top.
  useEffect(() => {
    if (state.focus > 0) requestAnimationFrame(() => heading.current?.focus());
  }, [state.focus]);

  const place = async () => {
    if (state.placing) return;
    const all = problems();
    const at = firstProblem(all, 0, CHECKED_STEPS);
    if (at !== -1) {
      dispatch({ type: 'blocked', step: at, problem: all[at] });
      return;
    }
    dispatch({ type: 'placing' });
    try {
      dispatch({
        type: 'placed',
        receipt: await api.call('order.place', placeArgs(form, quote.result, key.current)),
      });
    } catch (failure) {
      dispatch({ type: 'placeFailed', error: failure });
      if (failure instanceof ApiError && isLineProblem(failure.code)) requote();
    }
  };
  const restart = () => {
    key.current = newIdempotencyKey();
    dispatch({ type: 'restart', form: initialForm(user, null, api.getWorkplace()) });
    if (location.hash !== '#/bestall') history.replaceState(history.state, '', '#/bestall');
  };
  return {
    state,
    quote,
    requote,
    heading,
    update: (/** @type {DraftPatch} */ patch) => dispatch({ type: 'update', patch }),
    go: (/** @type {number} */ step) => dispatch({ type: 'go', step }),
    forward: () => dispatch({ type: 'forward', problems: problems() }),
    goTo: (/** @type {number} */ target) => dispatch({ type: 'goTo', target, problems: problems() }),
    place,
    restart,
  };
}

/** @param {{ user: User, pnr: string | null, artNo?: string | null }} props */
export function OrderWizard({ user, pnr, artNo = null }) {
  const wizard = useWizard(user, pnr, artNo);
  const { state, quote, requote, heading, update, go } = wizard;
  const { step, receipt } = state;
  useTitle(receipt ? `Order ${receipt.orderNo} registrerad – Aidstock` : `Kundorder: ${STEPS[step]} – Aidstock`);

  if (user.workplaces.length === 0) {
    return html`
      <h1 tabindex="-1">Kundorder</h1>
      <p class="error" role="alert">Du har ingen arbetsplats att beställa till. Kontakta HMC.</p>`;
  }

  if (receipt) {
    return html`
      <h1 tabindex="-1">Kundorder</h1>
      <${OrderReceipt} receipt=${receipt} headingRef=${heading} onRestart=${wizard.restart} />`;
  }

  const props = { user, state: state.form, update, quote, requote };
  return html`
    <div class="page-head">
      <div>
        <h1 tabindex="-1">Kundorder</h1>
        <p class="lead">Beställ hjälpmedel till en brukare eller till din vårdenhet, från huvudlagret eller ur eget förråd.</p>
      </div>
      <button type="button" class="link-button" onClick=${wizard.restart}>Börja om</button>
    </div>
    <${StepList} step=${step} reachable=${state.reachable} onGo=${wizard.goTo} />
    <section class="card wizard-panel" aria-labelledby="wizard-step-title" data-testid="wizard-step" data-step=${step + 1}>
      <h2 id="wizard-step-title" tabindex="-1" ref=${heading}>Steg ${step + 1} av ${STEPS.length}: ${STEPS[step]}</h2>
      ${step === 0 && html`<${RecipientStep} ...${props} initialPnr=${pnr} />`}
      ${step === 1 && html`<${SourceStep} ...${props} />`}
      ${step === 2 && html`<${LinesStep} ...${props} />`}
      ${step === 3 && html`<${DeliveryStep} ...${props} />`}
      ${
        step === 4 &&
        html`<${ConfirmStep} ...${props} placing=${state.placing} placeError=${state.placeError} onPlace=${wizard.place}
        onFix=${() => go(2)} />`
      }
      <p class="error" role="alert" data-testid="wizard-problem">${state.problem}</p>
      <div class="wizard-nav">
        ${step > 0 && html`<button type="button" class="button" onClick=${() => go(step - 1)}>‹ Tillbaka</button>`}
        ${step < STEPS.length - 1 && html`<button type="button" class="button primary" data-testid="wizard-next" onClick=${wizard.forward}>Fortsätt ›</button>`}
      </div>
    </section>`;
}
