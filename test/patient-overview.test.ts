// The patient view complete (issue 15, patient), in the pure core, given / when / then: the payer rule (longest ISO
// prefix, region or the patient's municipality, a protected identity's municipality hidden), order and delivery dates
// of each device, Registrerade AO and Komponenter på väg with the care-provider boundary, and the seeded demo rows.
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/core/commands.ts';
import type { Acting } from '../engine/core/patient-access/care-provider.ts';
import {
  DEFAULT_PAYER_RULES,
  defaultPayerRuleRows,
  municipalityPayerName,
  payerOf,
  payerRuleFor,
} from '../engine/core/payers/payer-rules.ts';
import { listPayerRules } from '../engine/core/payers/queries.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import { patientView } from '../engine/core/register-queries.ts';
import type { State } from '../engine/core/state.ts';
import { DEMO_PNR } from '../engine/seed/demo-persons.ts';
import { generateTables } from '../engine/seed/generate.ts';
import { PATIENT_WORK_ORDERS_SHOWN_MAX, PAYER_RULE_NOTE_CHARS_MAX } from '../schemas/limits.ts';
import { PayerRule } from '../schemas/payers.ts';
import type { Workplace } from '../schemas/entities.ts';
import { user } from './helpers/fixture.ts';
import { ART, codeOf, firstEvent, orderState, PNR, place, run, T0 } from './helpers/order-fixture.ts';

const HALMSTAD = { municipality: 'Halmstad', protectedIdentity: false };
const rules = defaultPayerRuleRows();

describe('payer rule', () => {
  it('the longest ISO prefix decides: lifts and beds are the municipality’s, rollators and wheelchairs the region’s', () => {
    expect(payerOf(rules, '12 36 03', HALMSTAD)).toEqual({
      kind: 'municipality',
      name: 'Halmstads kommun',
      isoPrefix: '12 36',
    });
    expect(payerOf(rules, '12 06 06', HALMSTAD)).toEqual({ kind: 'region', name: 'Region Halland', isoPrefix: '12' });
    expect(payerOf(rules, '18 12 10', HALMSTAD).kind).toBe('municipality');
    expect(payerOf(rules, '09 33 07', HALMSTAD).kind).toBe('municipality');
    expect(payerOf(rules, '09 06 03', HALMSTAD)).toMatchObject({ kind: 'region', isoPrefix: '09' });
    expect(payerOf(rules, '22 09 06', HALMSTAD).kind).toBe('region');
    expect(payerOf(rules, '04 06 06', HALMSTAD).kind).toBe('region');
    expect(payerOf(rules, '04 33 03', HALMSTAD).kind).toBe('municipality');
  });

  it('a code no rule covers, and an empty rule table, are the region’s', () => {
    expect(payerOf(rules, '30 03 03', HALMSTAD)).toEqual({ kind: 'region', name: 'Region Halland', isoPrefix: null });
    expect(payerOf(new Map(), '12 36 03', HALMSTAD)).toMatchObject({ kind: 'region', isoPrefix: null });
    expect(payerRuleFor(rules, '12')?.isoPrefix).toBe('12');
  });

  it('names the municipality in the genitive, and never a protected person’s', () => {
    expect(municipalityPayerName('Varberg')).toBe('Varbergs kommun');
    expect(municipalityPayerName('Kungsbacka')).toBe('Kungsbacka kommun');
    expect(municipalityPayerName('Hylte')).toBe('Hylte kommun');
    expect(municipalityPayerName('Laholm')).toBe('Laholms kommun');
    expect(payerOf(rules, '18 12 10', { municipality: 'Laholm', protectedIdentity: true }).name).toBe('Kommunen');
  });

  it('the seeded rules pass their schema, one per prefix, and payer.rules lists them in ISO order', () => {
    for (const rule of DEFAULT_PAYER_RULES) expect(PayerRule.safeParse(rule).success, rule.isoPrefix).toBe(true);
    const good = { isoPrefix: '12 36', payer: 'municipality', note: 'Lyftar' };
    expect(PayerRule.safeParse({ ...good, payer: 'state' }).success).toBe(false);
    expect(PayerRule.safeParse({ ...good, isoPrefix: '1' }).success).toBe(false);
    expect(PayerRule.safeParse({ ...good, isoPrefix: '12 36 03 01' }).success).toBe(false);
    expect(PayerRule.safeParse({ ...good, note: 'x'.repeat(PAYER_RULE_NOTE_CHARS_MAX + 1) }).success).toBe(false);
    expect(rules.size).toBe(DEFAULT_PAYER_RULES.length);
    const state = orderState();
    const listed = listPayerRules(state);
    expect(listed.ok && listed.result.rules.map((r) => r.isoPrefix)).toEqual(
      [...rules.keys()].sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(listed.ok && listed.result.defaultPayer.name).toBe('Region Halland');
  });
});

const KOMMUN: Workplace = {
  id: 'wk',
  name: 'Hemsjukvård Kungsbacka',
  customerNo: '138404',
  bufferWarehouse: null,
  deliveryAddress: { street: 'Gatan 1', postalCode: '434 30', city: 'Kungsbacka' },
  careProvider: { id: 'kungsbacka-kommun', name: 'Kungsbacka kommun' },
};

function world(): State {
  const state = orderState();
  state.users.set('otk', user('otk', { workplaces: [KOMMUN] }));
  return state;
}

const view = (state: State, pnr: string, acting?: Acting) => {
  const out = patientView(state, { pnr }, T0, acting);
  if (!out.ok) throw new Error(out.message);
  return out.result;
};
const actingAs = (state: State, userId: string): Acting => {
  const u = state.users.get(userId)!;
  return { user: u, workplace: u.workplaces[0] ?? null, timeMs: T0 };
};
const step = (state: State, orderNo: number, s: 'pick' | 'dispatch' | 'deliver') =>
  expect(codeOf(run(state, { type: 'fulfil.step', userId: 'hmc1', step: s, orderNo, lineNos: null }))).toBe('accepted');

describe('patient.get: devices with payer, order date and delivery date', () => {
  it('given a rollator ordered and delivered, then the device shows its order date, delivery date and payer', () => {
    const state = world();
    const placed = firstEvent(run(state, place()), 'order.placed').order;
    for (const s of ['pick', 'dispatch', 'deliver'] as const) step(state, placed.orderNo, s);
    const device = view(state, PNR.resident).devices.find((d) => d.delivery?.orderNo === placed.orderNo)!;
    expect(device.delivery).toMatchObject({ placedDate: placed.placedDate, deliveredDate: expect.any(String) });
    expect(device.payer).toEqual({ kind: 'region', name: 'Region Halland', isoPrefix: '12' });
    // A unit from before Aidstock has no order, and still a payer.
    const old = view(state, PNR.resident).devices.find((d) => d.indNo === 56314)!;
    expect(old.delivery).toBeNull();
    expect(old.payer.kind).toBe('region');
  });
});

describe('patient.get: Registrerade AO', () => {
  const workOrder = (over: Partial<Extract<Command, { type: 'workOrder.create' }>> = {}): Command => ({
    type: 'workOrder.create',
    userId: 'ot1',
    destination: 'technicalService',
    indNo: 56314,
    title: 'Bromsen tar inte',
    text: '',
    attachments: [],
    ...over,
  });

  it('given errands about the patient and their device, then they are listed newest first with status and comments', () => {
    const state = world();
    expect(codeOf(run(state, workOrder()))).toBe('accepted');
    expect(codeOf(run(state, workOrder({ indNo: undefined, pnr: PNR.resident, destination: 'consultant' })))).toBe(
      'accepted',
    );
    expect(codeOf(run(state, workOrder({ indNo: 56400 })))).toBe('accepted'); // another patient's device
    expect(codeOf(run(state, workOrder({ indNo: undefined, title: 'Fristående' })))).toBe('accepted');
    run(state, {
      type: 'workOrder.update',
      userId: 'hmc1',
      woNo: 1,
      status: 'waitingForParts',
      comment: 'Delar beställda',
    });
    const { workOrders } = view(state, PNR.resident);
    expect(workOrders.rows.map((w) => w.woNo)).toEqual([2, 1]);
    expect(workOrders).toMatchObject({ total: 2, withheld: 0 });
    expect(workOrders.rows[1]).toMatchObject({
      destination: 'technicalService',
      status: 'waitingForParts',
      device: { indNo: 56314, artNo: ART.rollator },
      comments: [{ text: 'Delar beställda' }],
    });
    expect(workOrders.rows[0]!.device).toBeNull();
    expect(view(state, PNR.otherResident).workOrders.rows.map((w) => w.woNo)).toEqual([3]);
  });

  it('given another care provider’s errand, then it is withheld until the patient consents; HMC sees it', () => {
    const state = world();
    expect(codeOf(run(state, workOrder()))).toBe('accepted');
    expect(view(state, PNR.resident, actingAs(state, 'otk')).workOrders).toEqual({ rows: [], total: 0, withheld: 1 });
    expect(view(state, PNR.resident, actingAs(state, 'hmc1')).workOrders.total).toBe(1);
    expect(view(state, PNR.resident, actingAs(state, 'ot1')).workOrders.total).toBe(1);
    const consent: Command = { type: 'patient.recordConsent', userId: 'otk', workplaceId: 'wk', pnr: PNR.resident };
    expect(codeOf(run(state, consent))).toBe('accepted');
    expect(view(state, PNR.resident, actingAs(state, 'otk')).workOrders).toMatchObject({ total: 1, withheld: 0 });
  });

  it('lists at most PATIENT_WORK_ORDERS_SHOWN_MAX and counts them all', () => {
    const state = world();
    for (let i = 0; i <= PATIENT_WORK_ORDERS_SHOWN_MAX; i++)
      expect(codeOf(run(state, workOrder({ title: `Ärende ${i}` })))).toBe('accepted');
    const { workOrders } = view(state, PNR.resident);
    expect(workOrders.rows).toHaveLength(PATIENT_WORK_ORDERS_SHOWN_MAX);
    expect(workOrders.total).toBe(PATIENT_WORK_ORDERS_SHOWN_MAX + 1);
    expect(workOrders.rows[0]!.woNo).toBe(PATIENT_WORK_ORDERS_SHOWN_MAX + 1);
  });
});

describe('patient.get: Komponenter på väg', () => {
  const component = () => place({ lines: [{ artNo: ART.basket, quantity: 2, forIndividual: 56314 }] });

  it('given a component to the held rollator, then it is on its way until delivered, with K-number and planned date', () => {
    const state = world();
    const order = firstEvent(run(state, component()), 'order.placed').order;
    run(state, place()); // an ordinary line is no component
    const on = view(state, PNR.resident).componentsOnTheWay;
    expect(on).toMatchObject({ total: 1, withheld: 0 });
    expect(on.rows[0]).toMatchObject({
      orderNo: order.orderNo,
      forIndividual: 56314,
      artNo: ART.basket,
      quantity: 2,
      status: 'registered',
      plannedDeliveryDate: order.plannedDeliveryDate,
    });
    step(state, order.orderNo, 'pick');
    step(state, order.orderNo, 'dispatch');
    expect(view(state, PNR.resident).componentsOnTheWay.rows[0]!.status).toBe('dispatched');
    step(state, order.orderNo, 'deliver');
    expect(view(state, PNR.resident).componentsOnTheWay).toEqual({ rows: [], total: 0, withheld: 0 });
  });

  it('given a cancelled component, or another care provider’s, then it is not shown (the latter counted)', () => {
    const state = world();
    const order = firstEvent(run(state, component()), 'order.placed').order;
    expect(view(state, PNR.resident, actingAs(state, 'otk')).componentsOnTheWay).toEqual({
      rows: [],
      total: 0,
      withheld: 1,
    });
    expect(codeOf(run(state, { type: 'order.cancel', userId: 'ot1', orderNo: order.orderNo }))).toBe('accepted');
    expect(view(state, PNR.resident).componentsOnTheWay.total).toBe(0);
  });
});

describe('seed', () => {
  it('Erik has payers of both kinds, two work orders and a basket on its way to his rollator', () => {
    const state = stateFromTables(generateTables({ scale: 'tiny', seed: 3 }), 0);
    const erik = view(state, DEMO_PNR.erik);
    expect(new Set(erik.devices.map((d) => d.payer.name))).toEqual(new Set(['Region Halland', 'Varbergs kommun']));
    expect(erik.devices.every((d) => d.delivery?.placedDate !== undefined)).toBe(true);
    expect(erik.workOrders.rows.map((w) => w.status)).toEqual(['registered', 'waitingForParts']);
    const rollator = erik.devices.find((d) => d.artNo === '100101')!;
    expect(erik.componentsOnTheWay.rows).toMatchObject([
      { forIndividual: rollator.indNo, artNo: '100105', status: 'dispatched' },
    ]);
    expect(state.payerRules.size).toBe(DEFAULT_PAYER_RULES.length);
  });
});
