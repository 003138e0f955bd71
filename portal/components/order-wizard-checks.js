// @ts-check
// What the order wizard sends and checks: the empty order, order.quote's and order.place's arguments, and why a step
// cannot be left yet (in Swedish). Pure functions of the order being written, its quote and the user.
import { errorText } from '../lib/order-errors.js';
import { quotedLine } from './order-quote-lines.js';
import { loanArgs, loanProblem } from '../lib/loans.js'; // Issue 15, loans
import { deliveryProblem, normalizePostalCode } from './order-step-delivery.js';

/** @typedef {import('../lib/types.d.ts').User} User */
/** @typedef {import('../../schemas/orders.ts').QuoteArgs} QuoteArgs */
/** @typedef {import('../../schemas/orders.ts').PlaceArgs} PlaceArgs */
/** @typedef {import('../lib/types.d.ts').OrderDraft} OrderDraft */
/** @typedef {import('../lib/types.d.ts').QuoteReply} QuoteReply */
/** @typedef {import('../lib/types.d.ts').QuoteState} QuoteState */

/**
 * @param {User} user
 * @param {string | null} pnr
 * @param {string | null} [actingWorkplaceId] the workplace the session acts for (Arbetsplats); default the first
 * @returns {OrderDraft}
 */
export function initialForm(user, pnr, actingWorkplaceId = null) {
  const first = user.workplaces.find((w) => w.id === actingWorkplaceId) ?? user.workplaces[0] ?? null;
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

/**
 * @param {OrderDraft} state
 * @returns {QuoteArgs["recipient"] | null}
 */
function recipientOf(state) {
  if (state.recipientKind === 'careUnit')
    return state.customerNo ? { kind: 'careUnit', customerNo: state.customerNo } : null;
  return state.patient ? { kind: 'patient', pnr: state.patient.person.pnr } : null;
}

/**
 * What order.quote is asked; its JSON is the quote's identity (a quote for other lines is stale).
 * @param {OrderDraft} state
 * @returns {QuoteArgs | null}
 */
export function quoteArgs(state) {
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

/**
 * @param {OrderDraft} state
 * @param {QuoteReply | null} quote
 * @param {string} key
 * @returns {Omit<PlaceArgs, "recipient"> & { recipient: PlaceArgs["recipient"] | null }}
 */
export function placeArgs(state, quote, key) {
  /** @type {PlaceArgs['delivery']} */
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
      /** @type {PlaceArgs['lines'][number]} */
      const line = { artNo: l.artNo, quantity: l.quantity };
      if (l.forIndividual !== null) line.forIndividual = l.forIndividual;
      if (l.replacement) line.replacement = l.replacement;
      const allowed = quotedLine(quote, l)?.purpose.allowed ?? [];
      if (l.purpose && allowed.includes(l.purpose)) line.purpose = l.purpose;
      Object.assign(line, loanArgs(l, quotedLine(quote, l))); // Issue 15, loans
      return line;
    }),
    delivery,
    otherInfo: state.otherInfo,
  };
}

/**
 * Why the Rader step cannot be left yet, or ''.
 * @param {OrderDraft} state
 * @param {QuoteState} quote
 * @returns {string}
 */
export function linesProblem(state, quote) {
  if (state.lines.length === 0) return 'Lägg till minst en artikel.';
  if (quote.error) return errorText(quote.error);
  if (!quote.result || quote.key !== JSON.stringify(quoteArgs(state)))
    return 'Tillgängligheten kontrolleras – vänta ett ögonblick.';
  for (const line of state.lines) {
    const q = quotedLine(quote.result, line);
    const name = `${line.artNo}${q?.article ? ` ${q.article.name}` : ''}`;
    if (q === null) return 'Tillgängligheten kontrolleras – vänta ett ögonblick.';
    if (q.outcome === 'problem') return `${name}: ${q.problem?.message} Ta bort raden.`;
    if (q.outcome === 'discontinued')
      return `${name} har utgått ur sortimentet och ingen ersättning finns i lager. Ta bort raden.`;
    if (q.outcome === 'proposal' && !line.replacement)
      return `Acceptera eller avböj förslaget på likvärdig produkt för ${name}.`;
    if (q.outcome === 'proposal' && line.replacement === 'refuse' && q.article?.status === 'discontinued') {
      return `${name} har utgått: utan ersättningen kan raden inte levereras. Acceptera förslaget eller ta bort raden.`;
    }
    if (q.purpose.required && !line.purpose) return `Välj förskrivningssyfte för ${name}.`;
    const loan = loanProblem(line, q, name, state.recipientKind); // Issue 15, loans
    if (loan) return loan;
  }
  return '';
}

/**
 * Why a step cannot be left, or ''.
 * @param {number} step
 * @param {OrderDraft} state
 * @param {QuoteState} quote
 * @param {User} user
 * @returns {string}
 */
export function stepProblem(step, state, quote, user) {
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
