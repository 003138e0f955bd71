// The individual card (individkort) in the pure core, given / when / then: holders of every kind, the investigation
// warehouse that says "contact HMC", the prescriber of a delivered unit, component orders, protected identities.
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/core/commands.ts';
import { individualCard } from '../engine/core/individual-card.ts';
import { patientView } from '../engine/core/register-queries.ts';
import type { State } from '../engine/core/state.ts';
import { ART, codeOf, orderState, place, placedNo, PNR, returned, run, stockOf, T0 } from './helpers/order-fixture.ts';

const step = (stepName: 'pick' | 'dispatch' | 'deliver', orderNo: number): Command => ({
  type: 'fulfil.step',
  userId: 'hmc1',
  step: stepName,
  orderNo,
  lineNos: null,
});

function card(state: State, indNo: number) {
  const outcome = individualCard(state, { indNo });
  if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.message}`);
  return outcome.result;
}

/** ot1 orders a rollator for the resident; HMC picks it: the line's individual. */
function picked(state: State): { orderNo: number; indNo: number } {
  const orderNo = placedNo(run(state, place()));
  expect(run(state, step('pick', orderNo)).ok).toBe(true);
  return { orderNo, indNo: state.orders.get(orderNo)!.lines[0]!.individuals[0]! };
}

describe('individual.get: the individual card', () => {
  it('given a unit on the shelf in warehouse 10, then the card names the warehouse, no prescriber and no orders', () => {
    const state = orderState();
    const [indNo] = [...state.individuals.values()]
      .filter((i) => i.location.kind === 'warehouse' && i.location.warehouse === '10')
      .map((i) => i.indNo);
    expect(card(state, indNo!)).toMatchObject({
      individual: { indNo, artNo: expect.any(String), kind: 'rental' },
      holder: { kind: 'warehouse', warehouse: '10', contactHmc: false },
      prescriber: null,
      orders: [],
      revealedPnr: null,
    });
  });

  it('given a unit in the investigation warehouse 999, then the card says contact HMC', () => {
    expect(card(orderState(), 70010).holder).toMatchObject({ kind: 'warehouse', warehouse: '999', contactHmc: true });
  });

  it('given a rental line picked, dispatched and delivered, then the card follows the unit to the patient and names ot1', () => {
    const state = orderState();
    const { orderNo, indNo } = picked(state);
    run(state, step('dispatch', orderNo));
    expect(card(state, indNo).holder).toEqual({ kind: 'transit', orderNo });
    run(state, step('deliver', orderNo));
    const delivered = card(state, indNo);
    expect(delivered.holder).toMatchObject({
      kind: 'patient',
      protectedIdentity: false,
      pnr: PNR.resident,
      name: 'Anna Karlsson',
    });
    expect(delivered.prescriber).toMatchObject({ id: 'ot1', orderNo });
    expect(delivered.orders).toEqual([
      expect.objectContaining({ orderNo, role: 'unit', artNos: [ART.rollator], status: 'delivered' }),
    ]);
    expect(delivered.revealedPnr).toBe(PNR.resident);
    // The patient's devices (Hjälpmedel) show the same delivery; the unit held before Aidstock has none.
    const patient = patientView(state, { pnr: PNR.resident }, T0);
    if (!patient.ok) throw new Error(patient.message);
    const devices = new Map(patient.result.devices.map((d) => [d.indNo, d.delivery]));
    expect(devices.get(indNo)).toMatchObject({
      orderNo,
      prescriberName: expect.any(String),
      deliveredDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(devices.get(56314)).toBeNull();
  });

  it('given a component ordered to the unit (K-<indNo>), then it is listed first, and the prescriber stays the one who gave the unit', () => {
    const state = orderState();
    const { orderNo, indNo } = picked(state);
    run(state, step('dispatch', orderNo));
    run(state, step('deliver', orderNo));
    const componentNo = placedNo(
      run(state, place({ lines: [{ artNo: ART.basket, quantity: 1, forIndividual: indNo }] })),
    );
    const after = card(state, indNo);
    expect(after.orders.map((o) => [o.orderNo, o.role, o.artNos])).toEqual([
      [componentNo, 'component', [ART.basket]],
      [orderNo, 'unit', [ART.rollator]],
    ]);
    expect(after.prescriber?.orderNo).toBe(orderNo);
  });

  it('given a unit held by a patient with a protected identity, then neither name nor personnummer is shown, nor logged', () => {
    const state = orderState();
    state.individuals.set(88001, {
      indNo: 88001,
      artNo: ART.rollator,
      location: { kind: 'patient', pnr: PNR.protected },
    });
    const shown = card(state, 88001);
    expect(shown.holder).toEqual({ kind: 'patient', protectedIdentity: true });
    expect(JSON.stringify(shown)).not.toContain(PNR.protected);
    expect(shown.revealedPnr).toBeNull();
  });

  it('given an unknown individual number, then not_found', () => {
    expect(codeOf(individualCard(orderState(), { indNo: 99_999 }))).toBe('not_found');
  });
});

describe('returns (retur) of rental units a patient holds', () => {
  it('given the resident holds 56314, when HMC receives it back, then it is on the shelf in 10, onHand +1, and off the patient', () => {
    const state = orderState();
    const before = stockOf(state, ART.rollator).onHand;
    const decision = run(state, returned(56314));
    expect(decision.ok && decision.events[0]).toMatchObject({
      type: 'stock.adjusted',
      individuals: [56314],
      returned: true,
      delta: 1,
    });
    expect(stockOf(state, ART.rollator).onHand).toBe(before + 1);
    expect(state.individuals.get(56314)!.location).toEqual({ kind: 'warehouse', warehouse: '10' });
    expect(state.individualsByPnr.get(PNR.resident) ?? []).not.toContain(56314);
    expect(card(state, 56314).holder).toMatchObject({ kind: 'warehouse', warehouse: '10' });
    // Back on the shelf it is a free unit again: a new order's pick may take it.
    const orderNo = placedNo(run(state, place({ lines: [{ artNo: ART.rollator, quantity: before + 1 }] })));
    expect(run(state, step('pick', orderNo)).ok).toBe(true);
    expect(state.orders.get(orderNo)!.lines[0]!.individuals).toContain(56314);
  });

  it('given a unit on the shelf, another article, a count that does not match or a receipt, then no_individual and nothing moves', () => {
    const state = orderState();
    expect(codeOf(run(state, returned(70001)))).toBe('no_individual');
    expect(codeOf(run(state, returned(56314, ART.wheelchair)))).toBe('no_individual');
    expect(codeOf(run(state, returned(56314, ART.rollator, { delta: 2 } as Partial<Command>)))).toBe('no_individual');
    expect(codeOf(run(state, returned(56314, ART.rollator, { reason: 'received' } as Partial<Command>)))).toBe(
      'no_individual',
    );
    expect(state.individuals.get(56314)!.location).toEqual({ kind: 'patient', pnr: PNR.resident });
  });
});
