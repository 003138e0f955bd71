// @ts-check
// HMC staff steps on an order: lägg för plock → utleverera → leverera (fulfil.*), makulera, and a new planned delivery date.
import { html, useState } from '../lib/html.js';
import * as api from '../lib/api.js';
import { errorText } from '../lib/order-errors.js';
import { useAction } from '../lib/use-action.js';

/** @typedef {import('../lib/types.d.ts').FieldEvent} FieldEvent */

/**
 * What the step buttons need of an order.
 * @typedef {{ orderNo: number, partialDelivery: boolean, lines: Array<{ lineNo: number, status: string }> }} OrderLike
 */

/** The steps in the order a line takes them: op, the status a line must have, button text, what happened. */
export const STEPS = [
  {
    step: 'pick',
    op: 'fulfil.pick',
    from: 'registered',
    label: 'Lägg för plock',
    done: 'lagd för plock',
    doneMany: 'lagda för plock',
  },
  {
    step: 'dispatch',
    op: 'fulfil.dispatch',
    from: 'picking',
    label: 'Utleverera',
    done: 'utlevererad',
    doneMany: 'utlevererade',
  },
  {
    step: 'deliver',
    op: 'fulfil.deliver',
    from: 'dispatched',
    label: 'Leverera',
    done: 'levererad',
    doneMany: 'levererade',
  },
];

/**
 * Live regions that exist before anything is said in them, so screen readers announce the change. quiet: success only for them.
 * @param {{ status: { text: string, error: boolean }, quiet?: boolean }} props
 */
export function Feedback({ status, quiet = false }) {
  return html`
    <span class=${quiet ? 'visually-hidden' : 'step-status'} role="status">${status.error ? '' : status.text}</span>
    <span class="step-status error" role="alert">${status.error ? status.text : ''}</span>`;
}

/** @param {number} n */
function rows(n) {
  return n === 1 ? '1 rad' : `${n} rader`;
}

/**
 * Runs one step on the lines (all that can, or the named ones); reports in Swedish.
 * @param {(result: { lines: unknown[] }) => void} [onDone]
 */
export function useFulfil(onDone) {
  const action = useAction();
  /** The step running, so only its button says "Sparar…". */
  const [step, setStep] = useState('');
  const [status, setStatus] = useState({ text: '', error: false });
  const busy = action.busy ? step : '';
  /**
   * @param {typeof STEPS[number]} spec
   * @param {number} orderNo
   * @param {number[] | null} [lineNos]
   */
  const run = async (spec, orderNo, lineNos = null) => {
    if (busy) return;
    setStep(spec.step);
    setStatus({ text: '', error: false });
    await action.run(
      async () => {
        const args = lineNos ? { orderNo, lineNos } : { orderNo };
        const result = await api.call(spec.op, args);
        const n = result.lines.length;
        setStatus({ text: `Order ${orderNo}: ${rows(n)} ${n === 1 ? spec.done : spec.doneMany}.`, error: false });
        onDone?.(result);
      },
      (failure) => setStatus({ text: errorText(failure), error: true }),
    );
  };
  return { busy, status, run };
}

/**
 * One button per step some line of the order can take. order: { orderNo, partialDelivery, lines: [{ lineNo, status }] }.
 * A joint delivery (samleverans) is not picked while a line waits as a backorder: the button says why it is off.
 * @param {{ order: OrderLike, onDone?: (result?: unknown) => void, compact?: boolean }} props
 */
export function OrderStepButtons({ order, onDone, compact = false }) {
  const { busy, status, run } = useFulfil(onDone);
  const waiting = !order.partialDelivery && order.lines.some((l) => l.status === 'backorder');
  const steps = STEPS.map((spec) => ({ spec, n: order.lines.filter((l) => l.status === spec.from).length })).filter(
    (s) => s.n > 0,
  );
  return html`
    <div class=${compact ? 'step-buttons compact' : 'step-buttons'}>
      ${steps.map(({ spec, n }) => {
        const blocked = spec.step === 'pick' && waiting;
        return html`
          <button type="button" class=${spec.step === 'pick' ? 'button primary' : 'button'} disabled=${busy !== '' || blocked}
            data-testid=${`step-${spec.step}`} data-orderno=${order.orderNo}
            aria-label=${`${spec.label}: order ${order.orderNo}, ${rows(n)}`}
            title=${blocked ? 'Samleverans: plockas när restordern finns i lager' : undefined}
            onClick=${() => run(spec, order.orderNo)}>${busy === spec.step ? 'Sparar…' : spec.label}${compact ? '' : ` (${rows(n)})`}</button>`;
      })}
      ${steps.length === 0 && !compact && html`<span class="hint">Inga rader att flytta.</span>`}
      ${waiting && !compact && html`<span class="hint">Samleverans: plockas när restordern finns i lager.</span>`}
      <${Feedback} status=${status} quiet=${compact} />
    </div>`;
}

/**
 * A step on one line (the overview's line table).
 * @param {{ orderNo: number, line: { lineNo: number, status: string }, onDone?: (result?: unknown) => void }} props
 */
export function LineStepButton({ orderNo, line, onDone }) {
  const { busy, status, run } = useFulfil(onDone);
  const spec = STEPS.find((s) => s.from === line.status);
  if (!spec) return null;
  return html`
    <button type="button" class="button small" disabled=${busy !== ''} aria-label=${`${spec.label}: rad ${line.lineNo}`}
      onClick=${() => run(spec, orderNo, [line.lineNo])}>${busy ? 'Sparar…' : spec.label}</button>
    <${Feedback} status=${status} quiet=${true} />`;
}

/**
 * Makulera the lines not yet dispatched (fulfil.cancel), after a second click to confirm.
 * @param {{ order: OrderLike, onDone?: (result?: unknown) => void }} props
 */
export function CancelLinesButton({ order, onDone }) {
  const [asking, setAsking] = useState(false);
  const { busy, run } = useAction();
  const [message, setMessage] = useState('');
  const open = order.lines.filter((l) => ['backorder', 'registered', 'picking'].includes(l.status));
  if (open.length === 0) return null;
  const cancel = () => {
    setMessage('');
    return run(
      async () => {
        const result = await api.call('fulfil.cancel', { orderNo: order.orderNo });
        setMessage(`Order ${order.orderNo}: ${rows(result.lines.length)} makulerade.`);
        setAsking(false);
        onDone?.(result);
      },
      (failure) => setMessage(errorText(failure)),
    );
  };
  return html`
    <div class="confirm-inline">
      ${
        asking
          ? html`<span>Makulera ${rows(open.length)} på order ${order.orderNo}?</span>
            <button type="button" class="button danger" disabled=${busy} onClick=${cancel}>Ja, makulera</button>
            <button type="button" class="button" disabled=${busy} onClick=${() => setAsking(false)}>Nej</button>`
          : html`<button type="button" class="button" onClick=${() => setAsking(true)}>Makulera ej utlevererade rader</button>`
      }
      <span class="step-status" role="status">${message}</span>
    </div>`;
}

/**
 * "Ändra planerat leveransdatum" (fulfil.setDeliveryDate): the prescriber gets a message about it.
 * @param {{ order: OrderLike & { plannedDeliveryDate: string | null }, onDone?: (result?: unknown) => void }} props
 */
export function DeliveryDateForm({ order, onDone }) {
  const [value, setValue] = useState(order.plannedDeliveryDate ?? '');
  const [note, setNote] = useState('');
  const { busy, run } = useAction();
  const [status, setStatus] = useState({ text: '', error: false });
  const id = `delivery-date-${order.orderNo}`;
  const submit = async (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      setStatus({ text: 'Ange datumet som ÅÅÅÅ-MM-DD.', error: true });
      return;
    }
    setStatus({ text: '', error: false });
    await run(
      async () => {
        await api.call('fulfil.setDeliveryDate', { orderNo: order.orderNo, date: value, note: note.trim() });
        setStatus({
          text: `Nytt planerat leveransdatum ${value}. Förskrivaren har fått ett meddelande.`,
          error: false,
        });
        setNote('');
        onDone?.();
      },
      (failure) => setStatus({ text: errorText(failure), error: true }),
    );
  };
  return html`
    <form class="delivery-date-form" onSubmit=${submit} aria-label=${`Ändra planerat leveransdatum för order ${order.orderNo}`}>
      <div class="field">
        <label for=${id}>Nytt planerat leveransdatum</label>
        <input id=${id} type="date" value=${value} required onInput=${(/** @type {FieldEvent} */ e) => setValue(e.currentTarget.value)}
          aria-invalid=${status.error ? 'true' : undefined} />
      </div>
      <div class="field grow">
        <label for=${`${id}-note`}>Meddelande till förskrivaren <span class="hint">(valfritt)</span></label>
        <input id=${`${id}-note`} type="text" maxLength="255" value=${note} onInput=${(/** @type {FieldEvent} */ e) => setNote(e.currentTarget.value)} />
      </div>
      <button type="submit" class="button" disabled=${busy}>${busy ? 'Sparar…' : 'Ändra datum'}</button>
      <${Feedback} status=${status} />
    </form>`;
}
