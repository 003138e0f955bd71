// Protected identities (skyddad identitet) through every op that can return a person, in the pure core: the name and
// the address never appear (only "Skyddad identitet" and the personnummer to act on); pickups go through the region's
// handling address, and giving a home address for one is refused.
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/core/commands.ts';
import { individualCard } from '../engine/core/individual-card.ts';
import { listMessages } from '../engine/core/messages/queries.ts';
import { quoteOrder } from '../engine/core/orders/order-quote.ts';
import { getOrder } from '../engine/core/orders/queries.ts';
import { listOrders } from '../engine/core/orders/order-list.ts';
import { PROTECTED_HANDLING_ADDRESS, PROTECTED_NAME } from '../engine/core/patient-access/protected-identity.ts';
import { listPickups, pickupView } from '../engine/core/pickups/queries.ts';
import { patientView, searchRegister } from '../engine/core/register-queries.ts';
import type { State } from '../engine/core/state.ts';
import { listWorkOrders, workOrderView } from '../engine/core/work-orders/queries.ts';
import { OPS } from '../schemas/ops.ts';
import { ART, codeOf, firstEvent, orderState, PNR, place, run, T0 } from './helpers/order-fixture.ts';

const HIDDEN = ['Hemlig', 'Hemlig väg'];
const HELD = 56500;

function world(): State {
  const state = orderState();
  state.individuals.set(HELD, { indNo: HELD, artNo: ART.rollator, location: { kind: 'patient', pnr: PNR.protected } });
  state.individualsByPnr.set(PNR.protected, [HELD]);
  return state;
}

function expectHidden(value: unknown): void {
  const text = JSON.stringify(value);
  for (const secret of HIDDEN) expect(text).not.toContain(secret);
}

const pickup = (over: object = {}): Command =>
  ({
    type: 'pickup.create',
    userId: 'ot1',
    pnr: PNR.protected,
    indNos: [HELD],
    contactName: '',
    contactPhone: '',
    reason: 'Behövs inte längre',
    ...over,
  }) as Command;

describe('a protected identity through every op that returns a person', () => {
  it('register.search (words and exact personnummer) never lists them; patient.get shows neither name nor address', () => {
    const state = world();
    for (const text of ['Hemlig', 'Person', PNR.protected]) {
      const out = searchRegister(state, OPS['register.search'].args.parse({ text }), T0);
      expect(out.ok && out.result.total).toBe(0);
    }
    const patient = patientView(state, { pnr: PNR.protected }, T0);
    expectHidden(patient);
    expect(patient.ok && patient.result.person).toMatchObject({ protectedIdentity: true, address: null });
  });

  it('individual.get shows the holder as protected, with neither personnummer nor name', () => {
    const card = individualCard(world(), { indNo: HELD });
    expectHidden(card);
    expect(card.ok && card.result.holder).toEqual({ kind: 'patient', protectedIdentity: true });
  });

  it('order.quote, order.place, order.get and order.list show "Skyddad identitet" and deliver to no home address', () => {
    const state = world();
    const recipient = { kind: 'patient' as const, pnr: PNR.protected };
    const quote = quoteOrder(
      state,
      'ot1',
      OPS['order.quote'].args.parse({ recipient, lines: [{ artNo: ART.rollator, quantity: 1 }] }),
      T0,
    );
    expectHidden(quote);
    const placed = firstEvent(run(state, place({ recipient })), 'order.placed').order;
    expectHidden(placed);
    for (const user of ['ot1', 'hmc1']) {
      const get = getOrder(state, state.users.get(user)!, placed.orderNo);
      expectHidden(get);
      expect(get.ok && get.result.recipient).toMatchObject({ name: PROTECTED_NAME, protectedIdentity: true });
      expectHidden(listOrders(state, state.users.get(user)!, OPS['order.list'].args.parse({}), T0));
    }
  });

  it('fulfil.* and message.* carry no person: the steps and the delivery-date message of a protected order', () => {
    const state = world();
    const orderNo = firstEvent(
      run(state, place({ recipient: { kind: 'patient', pnr: PNR.protected } })),
      'order.placed',
    ).order.orderNo;
    for (const step of ['pick', 'dispatch', 'deliver'] as const) {
      const decision = run(state, { type: 'fulfil.step', userId: 'hmc1', step, orderNo, lineNos: null });
      expect(codeOf(decision)).toBe('accepted');
      expectHidden(decision);
    }
    const changed = run(state, {
      type: 'order.setDeliveryDate',
      userId: 'hmc1',
      orderNo,
      date: '2026-12-10',
      note: '',
    });
    expectHidden(changed);
    expectHidden(listMessages(state, state.users.get('ot1')!, { limit: 10, offset: 0 }));
  });

  it('pickup.create goes through the handling address, replies without the name; a given address is refused', () => {
    const state = world();
    expect(
      codeOf(run(state, pickup({ address: { street: 'Hemlig väg 1', postalCode: '302 50', city: 'Halmstad' } }))),
    ).toBe('protected_address');
    const created = firstEvent(run(state, pickup()), 'pickup.created').pickup;
    expect(created.address).toEqual(PROTECTED_HANDLING_ADDRESS);
    const view = pickupView(state, created);
    expectHidden(view);
    expect(view.patient).toMatchObject({ name: PROTECTED_NAME, protectedIdentity: true });
  });

  it("HMC's pickup list shows the handling address, also for a pickup stored with the home address before", () => {
    const state = world();
    const created = firstEvent(run(state, pickup()), 'pickup.created').pickup;
    state.pickups.set(created.pickupNo, {
      ...created,
      address: { street: 'Hemlig väg 1', postalCode: '302 50', city: 'Halmstad' },
    });
    const list = listPickups(state, state.users.get('hmc1')!, OPS['pickup.list'].args.parse({}), T0);
    expectHidden(list);
    expect(list.ok && list.result.pickups[0]!.address).toEqual(PROTECTED_HANDLING_ADDRESS);
  });

  it('workorder.create and workorder.list show "Skyddad identitet", to the prescriber and to HMC', () => {
    const state = world();
    const created = firstEvent(
      run(state, {
        type: 'workOrder.create',
        userId: 'ot1',
        destination: 'technicalService',
        pnr: PNR.protected,
        title: 'Service',
        text: '',
        attachments: [],
      }),
      'workOrder.created',
    ).workOrder;
    const view = workOrderView(state, created);
    expectHidden(view);
    expect(view.patient).toMatchObject({ name: PROTECTED_NAME, pnr: PNR.protected });
    for (const user of ['ot1', 'hmc1'])
      expectHidden(listWorkOrders(state, state.users.get(user)!, OPS['workorder.list'].args.parse({})));
  });
});
