// Kundorder: the order wizard of the manual — Mottagare → Källa och arbetsplats → Rader → Leverans → Verkställ — with a
// live order.quote, one idempotency key per run (a retry after a dropped connection never makes a second order), and the receipt.
import { html, useState, useEffect, useRef } from '../lib/html.js';
import { useTitle } from '../lib/use-title.js';
import * as api from '../lib/api.js';
import { errorText, isLineProblem, newIdempotencyKey } from '../lib/order-errors.js';
import { RecipientStep } from './order-step-recipient.js';
import { SourceStep } from './order-step-source.js';
import { LinesStep } from './order-step-lines.js';
import { quotedLine } from './order-quote-lines.js';
import { DeliveryStep, deliveryProblem, normalizePostalCode } from './order-step-delivery.js';
import { ConfirmStep, OrderReceipt } from './order-step-confirm.js';

const STEPS = ['Mottagare', 'Källa och arbetsplats', 'Rader', 'Leverans', 'Verkställ'];
const QUOTE_DEBOUNCE_MS = 200;

function initialState(user, pnr) {
  const first = user.workplaces[0] ?? null;
  return {
    recipientKind: 'patient',
    pnrInput: pnr ?? '',
    /** patient.get's reply ({ person, devices }) once the personnummer is looked up. */
    patient: null,
    customerNo: first?.customerNo ?? '',
    workplaceId: first?.id ?? '',
    source: 'main',
    /** { artNo, quantity, forIndividual: indNo | null, replacement: null | 'accept' | 'refuse', purpose: '' } */
    lines: [],
    delivery: {
      temporary: false,
      street: '',
      postalCode: '',
      city: '',
      contactName: null,
      contactPhone: null,
      joint: true,
    },
    otherInfo: '',
  };
}

function recipientOf(state) {
  if (state.recipientKind === 'careUnit')
    return state.customerNo ? { kind: 'careUnit', customerNo: state.customerNo } : null;
  return state.patient ? { kind: 'patient', pnr: state.patient.person.pnr } : null;
}

/** What order.quote is asked; its JSON is the quote's identity (a quote for other lines is stale). */
function quoteArgs(state) {
  const recipient = recipientOf(state);
  if (recipient === null || state.lines.length === 0) return null;
  return {
    recipient,
    workplaceId: state.workplaceId,
    source: state.source,
    lines: state.lines.map((l) =>
      l.forIndividual === null
        ? { artNo: l.artNo, quantity: l.quantity }
        : { artNo: l.artNo, quantity: l.quantity, forIndividual: l.forIndividual },
    ),
  };
}

function placeArgs(state, quote, key) {
  const delivery = { partial: !state.delivery.joint };
  if (state.delivery.temporary) {
    delivery.address = {
      street: state.delivery.street.trim(),
      postalCode: normalizePostalCode(state.delivery.postalCode),
      city: state.delivery.city.trim(),
    };
  }
  const contactName = (state.delivery.contactName ?? quote?.delivery.contactName ?? '').trim();
  const contactPhone = (state.delivery.contactPhone ?? quote?.delivery.contactPhone ?? '').trim();
  if (contactName !== '') delivery.contactName = contactName;
  if (contactPhone !== '') delivery.contactPhone = contactPhone;
  return {
    idempotencyKey: key,
    recipient: recipientOf(state),
    workplaceId: state.workplaceId,
    source: state.source,
    lines: state.lines.map((l) => {
      const line = { artNo: l.artNo, quantity: l.quantity };
      if (l.forIndividual !== null) line.forIndividual = l.forIndividual;
      if (l.replacement) line.replacement = l.replacement;
      const allowed = quotedLine(quote, l)?.purpose.allowed ?? [];
      if (l.purpose && allowed.includes(l.purpose)) line.purpose = l.purpose;
      return line;
    }),
    delivery,
    otherInfo: state.otherInfo,
  };
}

/** Why the Rader step cannot be left yet, or ''. */
function linesProblem(state, quote) {
  if (state.lines.length === 0) return 'Lägg till minst en artikel.';
  if (quote.error) return errorText(quote.error);
  if (!quote.result || quote.key !== JSON.stringify(quoteArgs(state)))
    return 'Tillgängligheten kontrolleras – vänta ett ögonblick.';
  for (const line of state.lines) {
    const q = quotedLine(quote.result, line);
    const name = `${line.artNo}${q?.article ? ` ${q.article.name}` : ''}`;
    if (q === null) return 'Tillgängligheten kontrolleras – vänta ett ögonblick.';
    if (q.outcome === 'problem') return `${name}: ${q.problem.message} Ta bort raden.`;
    if (q.outcome === 'discontinued')
      return `${name} har utgått ur sortimentet och ingen ersättning finns i lager. Ta bort raden.`;
    if (q.outcome === 'proposal' && !line.replacement)
      return `Acceptera eller avböj förslaget på likvärdig produkt för ${name}.`;
    if (q.outcome === 'proposal' && line.replacement === 'refuse' && q.article?.status === 'discontinued') {
      return `${name} har utgått: utan ersättningen kan raden inte levereras. Acceptera förslaget eller ta bort raden.`;
    }
    if (q.purpose.required && !line.purpose) return `Välj förskrivningssyfte för ${name}.`;
  }
  return '';
}

/** Why a step cannot be left, or ''. */
function stepProblem(step, state, quote, user) {
  if (step === 0) {
    if (state.recipientKind === 'careUnit') return state.customerNo ? '' : 'Välj vårdenhet.';
    if (!state.patient) return 'Hämta brukaren med personnummer först.';
    if (!state.patient.person.prescribable) return 'Kan inte förskrivas – ej folkbokförd i Halland.';
    return '';
  }
  if (step === 1) {
    const place = user.workplaces.find((w) => w.id === state.workplaceId);
    if (!place) return 'Välj arbetsplats.';
    if (state.source === 'buffer' && !place.bufferWarehouse) return `${place.name} har inget eget förråd.`;
    return '';
  }
  if (step === 2) return linesProblem(state, quote);
  if (step === 3) return deliveryProblem(state.delivery, state.otherInfo);
  return '';
}

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

/** Runs order.quote while the order is being written, again after stock of its articles changes or a reconnect. */
function useQuote(args, enabled) {
  const [quote, setQuote] = useState({ key: '', result: null, error: null, busy: false });
  const [tick, setTick] = useState(0);
  const key = args === null ? '' : JSON.stringify(args);
  const seq = useRef(0);

  useEffect(() => {
    if (!enabled || args === null) {
      seq.current++;
      setQuote({ key: '', result: null, error: null, busy: false });
      return undefined;
    }
    const mine = ++seq.current;
    setQuote((current) => ({ ...current, busy: true }));
    const timer = setTimeout(() => {
      api.call('order.quote', args).then(
        (result) => {
          if (mine === seq.current) setQuote({ key, result, error: null, busy: false });
        },
        (failure) => {
          if (mine === seq.current) setQuote({ key, result: null, error: failure, busy: false });
        },
      );
    }, QUOTE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, enabled, tick]);

  // Live: a reservation by someone else (or a unit back in stock) changes what this order can get.
  const watched = [
    ...new Set([
      ...(args?.lines ?? []).map((l) => l.artNo),
      ...(quote.result?.lines ?? [])
        .flatMap((q) => [q.proposal?.artNo, ...q.setParts.map((p) => p.artNo)])
        .filter(Boolean),
    ]),
  ]
    .sort()
    .join(',');
  useEffect(() => {
    if (!enabled || watched === '') return undefined;
    let timer = null;
    const again = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setTick((n) => n + 1), QUOTE_DEBOUNCE_MS);
    };
    const offs = watched.split(',').map((artNo) => api.subscribe(`stock/${artNo}`, again));
    const offReconnect = api.on('reconnected', again);
    return () => {
      clearTimeout(timer);
      offs.forEach((off) => off());
      offReconnect();
    };
  }, [watched, enabled]);

  return [quote, () => setTick((n) => n + 1)];
}

export function OrderWizard({ user, pnr }) {
  const [state, setState] = useState(() => initialState(user, pnr));
  const [step, setStep] = useState(0);
  const [reachable, setReachable] = useState(0);
  const [problem, setProblem] = useState('');
  const [placing, setPlacing] = useState(false);
  const [placeError, setPlaceError] = useState(null);
  const [receipt, setReceipt] = useState(null);
  const key = useRef(newIdempotencyKey());
  const heading = useRef(null);
  const [quote, requote] = useQuote(quoteArgs(state), step >= 2 && receipt === null);

  useTitle(receipt ? `Order ${receipt.orderNo} registrerad – Aidstock` : `Kundorder: ${STEPS[step]} – Aidstock`);

  const update = (patch) => {
    setProblem('');
    setState((current) => ({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) }));
  };

  const go = (next) => {
    setProblem('');
    setPlaceError(null);
    setStep(next);
    setReachable((r) => Math.max(r, next));
    // The new step's heading takes focus, so keyboard and screen reader users start at its top.
    requestAnimationFrame(() => heading.current?.focus());
  };
  const forward = () => {
    const why = stepProblem(step, state, quote, user);
    if (why) {
      setProblem(why);
      return;
    }
    go(step + 1);
  };
  const goTo = (target) => {
    // Jumping forward past a step is only allowed when every step in between is complete.
    for (let i = step; i < target; i++) {
      const why = stepProblem(i, state, quote, user);
      if (why) {
        setProblem(why);
        if (i !== step) go(i);
        return;
      }
    }
    go(target);
  };

  const place = async () => {
    if (placing) return;
    for (let i = 0; i < 4; i++) {
      const why = stepProblem(i, state, quote, user);
      if (why) {
        go(i);
        setProblem(why);
        return;
      }
    }
    setPlacing(true);
    setPlaceError(null);
    try {
      setReceipt(await api.call('order.place', placeArgs(state, quote.result, key.current)));
      requestAnimationFrame(() => heading.current?.focus());
    } catch (failure) {
      setPlaceError(failure);
      if (isLineProblem(failure.code)) requote();
    } finally {
      setPlacing(false);
    }
  };

  const restart = () => {
    key.current = newIdempotencyKey();
    setState(initialState(user, null));
    setReceipt(null);
    setPlaceError(null);
    setProblem('');
    setReachable(0);
    setStep(0);
    if (location.hash !== '#/bestall') history.replaceState(history.state, '', '#/bestall');
    requestAnimationFrame(() => heading.current?.focus());
  };

  if (user.workplaces.length === 0) {
    return html`
      <h1 tabindex="-1">Kundorder</h1>
      <p class="error" role="alert">Du har ingen arbetsplats att beställa till. Kontakta HMC.</p>`;
  }

  if (receipt) {
    return html`
      <h1 tabindex="-1">Kundorder</h1>
      <${OrderReceipt} receipt=${receipt} headingRef=${heading} onRestart=${restart} />`;
  }

  const props = { user, state, update, quote, requote };
  return html`
    <div class="page-head">
      <div>
        <h1 tabindex="-1">Kundorder</h1>
        <p class="lead">Beställ hjälpmedel till en brukare eller till din vårdenhet, från huvudlagret eller ur eget förråd.</p>
      </div>
      <button type="button" class="link-button" onClick=${restart}>Börja om</button>
    </div>
    <${StepList} step=${step} reachable=${reachable} onGo=${goTo} />
    <section class="card wizard-panel" aria-labelledby="wizard-step-title" data-testid="wizard-step" data-step=${step + 1}>
      <h2 id="wizard-step-title" tabindex="-1" ref=${heading}>Steg ${step + 1} av ${STEPS.length}: ${STEPS[step]}</h2>
      ${step === 0 && html`<${RecipientStep} ...${props} initialPnr=${pnr} />`}
      ${step === 1 && html`<${SourceStep} ...${props} />`}
      ${step === 2 && html`<${LinesStep} ...${props} />`}
      ${step === 3 && html`<${DeliveryStep} ...${props} />`}
      ${
        step === 4 &&
        html`<${ConfirmStep} ...${props} placing=${placing} placeError=${placeError} onPlace=${place}
        onFix=${() => go(2)} />`
      }
      <p class="error" role="alert" data-testid="wizard-problem">${problem}</p>
      <div class="wizard-nav">
        ${step > 0 && html`<button type="button" class="button" onClick=${() => go(step - 1)}>‹ Tillbaka</button>`}
        ${step < STEPS.length - 1 && html`<button type="button" class="button primary" data-testid="wizard-next" onClick=${forward}>Fortsätt ›</button>`}
      </div>
    </section>`;
}
