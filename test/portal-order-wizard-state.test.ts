// The order wizard's pure state in Node: moving between steps only past complete ones, the furthest step reached,
// problems cleared by edits, placing the order once and starting over.
import { describe, expect, it } from 'vitest';
import {
  CHECKED_STEPS,
  STEPS,
  firstProblem,
  initialWizard,
  reduceWizard,
  type WizardState,
} from '../portal/lib/order-wizard-state.js';

const form = { recipientKind: 'patient', lines: [] as unknown[] };
const none = ['', '', '', '', ''];
const stuckAt = (step: number, text = `steg ${step + 1} saknar något`) => none.map((p, i) => (i === step ? text : p));

function at(step: number, reachable = step): WizardState {
  return { ...initialWizard(form), step, reachable };
}

describe('order wizard state', () => {
  it('starts at Mottagare with nothing reached, placed or wrong', () => {
    expect(STEPS).toHaveLength(5);
    expect(CHECKED_STEPS).toBe(4);
    expect(initialWizard(form)).toEqual({
      form,
      step: 0,
      reachable: 0,
      problem: '',
      placing: false,
      placeError: null,
      receipt: null,
      focus: 0,
    });
  });

  it('starts with the article it was opened from as one line of quantity 1', () => {
    const started = initialWizard(form, '100101');
    expect(started.form.lines).toEqual([
      { artNo: '100101', quantity: 1, forIndividual: null, replacement: null, purpose: '' },
    ]);
    expect(started).toMatchObject({ step: 0, reachable: 0, problem: '' });
    expect(form.lines).toEqual([]);
    expect(initialWizard(form, null).form).toBe(form);
  });

  it('goes forward only when the step is complete, and says why not', () => {
    const stuck = reduceWizard(at(0), { type: 'forward', problems: stuckAt(0, 'Välj vårdenhet.') });
    expect(stuck).toMatchObject({ step: 0, problem: 'Välj vårdenhet.', focus: 0 });
    const next = reduceWizard(stuck, { type: 'forward', problems: none });
    expect(next).toMatchObject({ step: 1, reachable: 1, problem: '', focus: 1 });
  });

  it('jumps ahead through the step list only past complete steps, and back freely', () => {
    const start = at(1, 4);
    expect(reduceWizard(start, { type: 'goTo', target: 4, problems: none })).toMatchObject({ step: 4, reachable: 4 });
    // The current step is incomplete: stay and say why.
    expect(reduceWizard(start, { type: 'goTo', target: 4, problems: stuckAt(1) })).toMatchObject({
      step: 1,
      problem: 'steg 2 saknar något',
    });
    // A later step is incomplete: show that step (its problem appears when the user tries to leave it).
    expect(reduceWizard(start, { type: 'goTo', target: 4, problems: stuckAt(2) })).toMatchObject({
      step: 2,
      problem: '',
    });
    expect(reduceWizard(at(3), { type: 'goTo', target: 0, problems: stuckAt(0) })).toMatchObject({
      step: 0,
      reachable: 3,
    });
  });

  it('an edit clears the problem and merges into the order (a function sees the current order)', () => {
    const stuck = { ...at(2), problem: 'Lägg till minst en artikel.' };
    const next = reduceWizard(stuck, { type: 'update', patch: (f) => ({ lines: [...f.lines, { artNo: '100104' }] }) });
    expect(next.problem).toBe('');
    expect(next.form).toEqual({ recipientKind: 'patient', lines: [{ artNo: '100104' }] });
    expect(reduceWizard(next, { type: 'update', patch: { recipientKind: 'careUnit' } }).form.recipientKind).toBe(
      'careUnit',
    );
  });

  it('places once: a blocked step is shown with its problem; a failure keeps the step, a receipt ends the run', () => {
    expect(firstProblem(stuckAt(3), 0, CHECKED_STEPS)).toBe(3);
    expect(firstProblem(stuckAt(4), 0, CHECKED_STEPS)).toBe(-1);
    const blocked = reduceWizard(at(4), { type: 'blocked', step: 2, problem: 'Välj förskrivningssyfte.' });
    expect(blocked).toMatchObject({ step: 2, reachable: 4, problem: 'Välj förskrivningssyfte.' });
    const placing = reduceWizard(at(4), { type: 'placing' });
    expect(placing).toMatchObject({ placing: true, placeError: null });
    const failure = { code: 'connection_lost' };
    const failed = reduceWizard(placing, { type: 'placeFailed', error: failure });
    expect(failed).toMatchObject({ placing: false, placeError: failure, step: 4 });
    expect(reduceWizard(failed, { type: 'go', step: 2 }).placeError).toBeNull();
    const receipt = {
      orderNo: 1001,
      placedDate: '2025-06-20',
      plannedPickDate: '2025-06-23',
      plannedDeliveryDate: '2025-06-24',
      warehouse: '10',
      lines: [],
    };
    const placed = reduceWizard(placing, { type: 'placed', receipt });
    expect(placed).toMatchObject({ placing: false, receipt: { orderNo: 1001 } });
    const again = reduceWizard(placed, { type: 'restart', form: { recipientKind: 'patient', lines: [] } });
    expect(again).toMatchObject({ step: 0, reachable: 0, receipt: null, problem: '' });
    expect(again.focus).toBe(placed.focus + 1);
  });
});

// Care-provider boundaries (issue 13): a new order is made under the workplace the session acts for.
describe('initialForm and the acting workplace', () => {
  it('starts the order at the acting workplace, or the first when none (or an unknown one) is chosen', async () => {
    const { initialForm } = await import('../portal/components/order-wizard-checks.js');
    const place = (id: string, customerNo: string) => ({
      id,
      name: id,
      customerNo,
      bufferWarehouse: null,
      deliveryAddress: { street: '', postalCode: '302 33', city: '' },
    });
    const user = {
      id: 'ot1',
      username: 'ot1',
      name: 'Anna',
      profession: 'ot' as const,
      roles: ['prescriber' as const],
      email: '',
      phone: '',
      workplaces: [place('rehab-halmstad', '1380001'), place('hsv-kungsbacka', '1384004')],
    };
    expect(initialForm(user, null, 'hsv-kungsbacka')).toMatchObject({
      workplaceId: 'hsv-kungsbacka',
      customerNo: '1384004',
    });
    expect(initialForm(user, null).workplaceId).toBe('rehab-halmstad');
    expect(initialForm(user, null, 'elsewhere').workplaceId).toBe('rehab-halmstad');
  });
});
