// Retur av hjälpmedel (issue 15), given / when / then on the core: sale articles a patient holds, de-registration into
// a buffer (discard, keep, send back), HMC's receipt into stock serving backorders, the buffer never going negative,
// the previous holder of returned rental units, and the index rebuilt from the tables alike.
import { describe, expect, it } from 'vitest';
import type { Command } from '../engine/core/commands.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import { patientView } from '../engine/core/register-queries.ts';
import { quoteOrder } from '../engine/core/orders/order-quote.ts';
import { bufferStock, listReturns, patientReturned } from '../engine/core/returns/queries.ts';
import type { State } from '../engine/core/state.ts';
import { TABLE_NAMES, type Tables } from '../engine/core/state.ts';
import type { ReturnDisposition } from '../schemas/returns.ts';
import { ART, codeOf, orderState, PNR, place, placedNo, returned, run, stockOf, T0 } from './helpers/order-fixture.ts';

const step = (name: 'pick' | 'dispatch' | 'deliver', orderNo: number): Command => ({
  type: 'fulfil.step',
  userId: 'hmc1',
  step: name,
  orderNo,
  lineNos: null,
});

/** Places, picks, dispatches and delivers an order of one sale article to a patient. */
function deliverSale(state: State, artNo: string, quantity: number, pnr: string = PNR.resident, source = 'main') {
  const orderNo = placedNo(
    run(state, place({ recipient: { kind: 'patient', pnr }, source: source as 'main', lines: [{ artNo, quantity }] })),
  );
  for (const name of ['pick', 'dispatch', 'deliver'] as const)
    expect(codeOf(run(state, step(name, orderNo)))).toBe('accepted');
  return orderNo;
}

const deregister = (
  disposition: ReturnDisposition,
  lines: Array<{ artNo: string; quantity: number }>,
  over: Partial<Command> = {},
): Command =>
  ({
    type: 'return.register',
    userId: 'ot1',
    workplaceId: 'w1',
    pnr: PNR.resident,
    disposition,
    lines,
    ...over,
  }) as Command;

const held = (state: State, pnr: string = PNR.resident) => {
  const view = patientView(state, { pnr }, T0);
  if (!view.ok) throw new Error(view.message);
  return view.result.saleArticles;
};

const tablesOf = (state: State): Tables =>
  Object.fromEntries(TABLE_NAMES.map((name) => [name, state[name]])) as unknown as Tables;

describe('sale articles a patient holds', () => {
  it('given a delivered sale line, then patient.get lists it with quantity, order and delivery date', () => {
    const state = orderState();
    const orderNo = deliverSale(state, ART.basket, 2);
    const [line] = held(state);
    expect(line).toMatchObject({ artNo: ART.basket, name: 'Korg till rollator', quantity: 2, lastOrderNo: orderNo });
    expect(line.lastDeliveredDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = deliverSale(state, ART.basket, 1, PNR.resident, 'buffer');
    expect(held(state)[0]).toMatchObject({ quantity: 3, lastOrderNo: again });
  });

  it('given a rental line delivered, then it is a device, not a sale article', () => {
    const state = orderState();
    deliverSale(state, ART.rollator, 1);
    expect(held(state)).toEqual([]);
  });
});

describe('return.register', () => {
  it('given more than the patient holds, then not_held and nothing changes', () => {
    const state = orderState();
    deliverSale(state, ART.basket, 2);
    expect(codeOf(run(state, deregister('discard', [{ artNo: ART.basket, quantity: 3 }])))).toBe('not_held');
    expect(codeOf(run(state, deregister('discard', [{ artNo: ART.mattress, quantity: 1 }])))).toBe('not_held');
    expect(held(state)[0].quantity).toBe(2);
    expect(state.returns.size).toBe(0);
  });

  it('given a workplace without a buffer, then no_buffer_warehouse tells to attach the white return slip', () => {
    const state = orderState();
    deliverSale(state, ART.basket, 1);
    const decision = run(
      state,
      deregister('keep', [{ artNo: ART.basket, quantity: 1 }], { userId: 'ot2', workplaceId: 'w2' }),
    );
    expect(codeOf(decision)).toBe('no_buffer_warehouse');
    expect(decision.ok ? '' : decision.message).toContain('vita returlappen');
  });

  it('given rejections, then they come in the documented order', () => {
    const state = orderState();
    deliverSale(state, ART.basket, 1);
    const lines = [{ artNo: ART.basket, quantity: 1 }];
    expect(codeOf(run(state, deregister('keep', lines, { workplaceId: 'w2' })))).toBe('forbidden');
    expect(codeOf(run(state, deregister('keep', lines, { pnr: '194001011231' })))).toBe('invalid_pnr');
    expect(codeOf(run(state, deregister('keep', [...lines, ...lines])))).toBe('duplicate_line');
    expect(codeOf(run(state, deregister('keep', [{ artNo: '999999', quantity: 1 }])))).toBe('unknown_article');
  });

  it('given discard, then the articles leave the patient and no stock moves', () => {
    const state = orderState();
    deliverSale(state, ART.basket, 2);
    const before = stockOf(state, ART.basket, 'B101');
    expect(codeOf(run(state, deregister('discard', [{ artNo: ART.basket, quantity: 1 }])))).toBe('accepted');
    expect(held(state)[0].quantity).toBe(1);
    expect(codeOf(run(state, deregister('discard', [{ artNo: ART.basket, quantity: 1 }])))).toBe('accepted');
    expect(held(state)).toEqual([]);
    expect(stockOf(state, ART.basket, 'B101')).toEqual(before);
    expect([...state.returns.values()].map((r) => [r.returnNo, r.status])).toEqual([
      [1, 'done'],
      [2, 'done'],
    ]);
  });

  it('given keep, then the buffer shows the units kept but its orderable balance does not grow', () => {
    const state = orderState();
    deliverSale(state, ART.basket, 2);
    expect(stockOf(state, ART.basket, 'B101')).toEqual({ onHand: 4, reserved: 0 });
    expect(codeOf(run(state, deregister('keep', [{ artNo: ART.basket, quantity: 2 }])))).toBe('accepted');
    expect(stockOf(state, ART.basket, 'B101')).toEqual({ onHand: 4, reserved: 0 });
    const view = bufferStock(state, 'B101');
    expect(view.ok && view.result.rows.find((r) => r.artNo === ART.basket)).toMatchObject({ available: 4, kept: 2 });
    // The buffer holds 4 prescribable: 5 to another patient is refused, never a backorder or a negative balance.
    const five = run(
      state,
      place({
        recipient: { kind: 'patient', pnr: PNR.otherResident },
        source: 'buffer',
        lines: [{ artNo: ART.basket, quantity: 5 }],
      }),
    );
    expect(codeOf(five)).toBe('insufficient_stock');
    expect(five.ok ? '' : five.message).toContain('2 st sparade');
    expect(stockOf(state, ART.basket, 'B101')).toEqual({ onHand: 4, reserved: 0 });
    const four = run(
      state,
      place({
        recipient: { kind: 'patient', pnr: PNR.otherResident },
        source: 'buffer',
        lines: [{ artNo: ART.basket, quantity: 4 }],
      }),
    );
    expect(codeOf(four)).toBe('accepted');
    expect(stockOf(state, ART.basket, 'B101')).toEqual({ onHand: 4, reserved: 4 });
    const one = run(state, place({ source: 'buffer', lines: [{ artNo: ART.basket, quantity: 1 }] }));
    expect(codeOf(one)).toBe('insufficient_stock');
    expect(state.orderIndex.backorders.size).toBe(0);
  });

  it('given a buffer quote beyond the balance, then the line is a problem naming the kept units, not a backorder', () => {
    const state = orderState();
    deliverSale(state, ART.basket, 1);
    run(state, deregister('keep', [{ artNo: ART.basket, quantity: 1 }]));
    const args = {
      recipient: { kind: 'patient' as const, pnr: PNR.otherResident },
      source: 'buffer' as const,
      lines: [{ artNo: ART.basket, quantity: 5 }],
    };
    const quote = quoteOrder(state, 'ot1', args, T0);
    const line = quote.ok ? (quote.result as { lines: Array<Record<string, unknown>> }).lines[0] : null;
    expect(line).toMatchObject({ outcome: 'problem', available: 4, problem: { code: 'insufficient_stock' } });
    expect(JSON.stringify(line)).toContain('1 st sparade efter retur');
    const four = quoteOrder(state, 'ot1', { ...args, lines: [{ artNo: ART.basket, quantity: 4 }] }, T0);
    expect(four.ok && (four.result as { lines: Array<{ outcome: string }> }).lines[0].outcome).toBe('available');
  });

  it('given a buffer order with nothing kept and too little stock, then insufficient_stock (main still backorders)', () => {
    const state = orderState();
    expect(codeOf(run(state, place({ source: 'buffer', lines: [{ artNo: ART.basket, quantity: 9 }] })))).toBe(
      'insufficient_stock',
    );
    const main = run(state, place({ lines: [{ artNo: ART.mattress, quantity: 11 }] }));
    expect(codeOf(main)).toBe('accepted');
  });
});

describe('return.receive', () => {
  /** The resident holds 2 mattresses; warehouse 10 is then emptied by another order, and one more waits. */
  function withBackorder(): { state: State; waiting: number } {
    const state = orderState();
    deliverSale(state, ART.mattress, 2);
    const other = { kind: 'patient', pnr: PNR.otherResident } as const;
    expect(codeOf(run(state, place({ recipient: other, lines: [{ artNo: ART.mattress, quantity: 8 }] })))).toBe(
      'accepted',
    );
    const waiting = placedNo(run(state, place({ recipient: other, lines: [{ artNo: ART.mattress, quantity: 1 }] })));
    expect(state.orders.get(waiting)!.lines[0].status).toBe('backorder');
    return { state, waiting };
  }

  it('given send back, then HMC receives it into warehouse 10 and the waiting backorder is served', () => {
    const { state, waiting } = withBackorder();
    expect(codeOf(run(state, deregister('sendBack', [{ artNo: ART.mattress, quantity: 2 }])))).toBe('accepted');
    expect(held(state)).toEqual([]);
    const pending = listReturns(state, { pending: true });
    expect(pending.ok && pending.result.returns.map((r) => [r.returnNo, r.warehouse, r.lines])).toEqual([
      [1, 'B101', [{ artNo: ART.mattress, quantity: 2, name: 'Madrass Etude' }]],
    ]);
    const before = stockOf(state, ART.mattress);
    const decision = run(state, { type: 'return.receive', userId: 'hmc1', returnNo: 1, outcome: 'stock' });
    expect(codeOf(decision)).toBe('accepted');
    expect(stockOf(state, ART.mattress)).toEqual({ onHand: before.onHand + 2, reserved: before.reserved + 1 });
    expect(state.orders.get(waiting)!.lines[0].status).toBe('registered');
    expect(state.returns.get(1)).toMatchObject({ status: 'received', handledBy: 'hmc1' });
    expect(codeOf(run(state, { type: 'return.receive', userId: 'hmc1', returnNo: 1, outcome: 'stock' }))).toBe(
      'return_not_pending',
    );
    const after = listReturns(state, { pending: true });
    expect(after.ok && after.result.returns).toEqual([]);
  });

  it('given discard at HMC, then no stock moves; an unknown or kept return is not_found', () => {
    const { state } = withBackorder();
    run(state, deregister('sendBack', [{ artNo: ART.mattress, quantity: 1 }]));
    run(state, deregister('keep', [{ artNo: ART.mattress, quantity: 1 }]));
    const before = stockOf(state, ART.mattress);
    expect(codeOf(run(state, { type: 'return.receive', userId: 'hmc1', returnNo: 1, outcome: 'discard' }))).toBe(
      'accepted',
    );
    expect(stockOf(state, ART.mattress)).toEqual(before);
    expect(state.returns.get(1)!.status).toBe('discardedAtHmc');
    expect(codeOf(run(state, { type: 'return.receive', userId: 'hmc1', returnNo: 2, outcome: 'stock' }))).toBe(
      'not_found',
    );
    expect(codeOf(run(state, { type: 'return.receive', userId: 'hmc1', returnNo: 99, outcome: 'stock' }))).toBe(
      'not_found',
    );
  });
});

describe('Återlämnade hjälpmedel (patient.returned)', () => {
  it('given a rental unit returned, a pickup collected and a de-registration, then all three are listed with how', () => {
    const state = orderState();
    deliverSale(state, ART.basket, 1);
    run(state, deregister('keep', [{ artNo: ART.basket, quantity: 1 }]), T0 + 1000);
    expect(codeOf(run(state, returned(56314), T0 + 2000))).toBe('accepted');
    // The other resident's wheelchair 56400 comes back by a pickup order.
    const pickup = run(state, {
      type: 'pickup.create',
      userId: 'ot1',
      workplaceId: 'w1',
      pnr: PNR.otherResident,
      indNos: [56400],
      contactName: '',
      contactPhone: '',
      reason: 'Behövs inte längre',
    } as Command);
    expect(codeOf(pickup)).toBe('accepted');
    expect(codeOf(run(state, returned(56400, ART.wheelchair), T0 + 3000))).toBe('accepted');
    const mine = patientReturned(state, { pnr: PNR.resident }, T0);
    expect(mine.ok && mine.result.returned.map((r) => [r.how, r.artNo, r.indNo, r.disposition])).toEqual([
      ['return', ART.rollator, 56314, null],
      ['deregistration', ART.basket, null, 'keep'],
    ]);
    const theirs = patientReturned(state, { pnr: PNR.otherResident }, T0);
    expect(theirs.ok && theirs.result.returned.map((r) => [r.how, r.indNo, r.pickupNo])).toEqual([
      ['pickup', 56400, 1],
    ]);
  });

  it('given a protected identity, then the reply hides the name', () => {
    const state = orderState();
    const view = patientReturned(state, { pnr: PNR.protected }, T0);
    expect(view.ok && view.result.person).toMatchObject({
      givenName: 'Skyddad',
      familyName: 'identitet',
      address: null,
    });
  });
});

describe('the return index', () => {
  it('given a history of deliveries, returns and receipts, then the index rebuilt from the tables is the same', () => {
    const state = orderState();
    deliverSale(state, ART.basket, 3);
    deliverSale(state, ART.mattress, 2, PNR.otherResident);
    run(state, deregister('keep', [{ artNo: ART.basket, quantity: 1 }]));
    run(state, deregister('sendBack', [{ artNo: ART.basket, quantity: 1 }]));
    run(state, deregister('discard', [{ artNo: ART.mattress, quantity: 1 }], { pnr: PNR.otherResident }));
    run(state, { type: 'return.receive', userId: 'hmc1', returnNo: 2, outcome: 'stock' });
    run(state, returned(56314));
    const rebuilt = stateFromTables(tablesOf(state), state.seq);
    expect(rebuilt.returnIndex).toEqual(state.returnIndex);
  });
});

describe('the return schemas', () => {
  it('accept a de-registration and a receipt, and refuse what the engine must never see', async () => {
    const { OPS } = await import('../schemas/ops.ts');
    const register = OPS['return.register'].args;
    const ok = { pnr: '19811218-9876', disposition: 'keep', lines: [{ artNo: '100124', quantity: 2 }] };
    expect(register.safeParse(ok).success).toBe(true);
    expect(register.safeParse({ ...ok, disposition: 'lend' }).success).toBe(false);
    expect(register.safeParse({ ...ok, lines: [] }).success).toBe(false);
    expect(register.safeParse({ ...ok, lines: [{ artNo: '100124', quantity: 0 }] }).success).toBe(false);
    expect(register.safeParse({ ...ok, lines: [{ artNo: '100124', quantity: 1000 }] }).success).toBe(false);
    expect(register.safeParse({ ...ok, warehouse: 'B101' }).success).toBe(false);
    const receive = OPS['return.receive'].args;
    expect(receive.safeParse({ returnNo: 1, outcome: 'stock' }).success).toBe(true);
    expect(receive.safeParse({ returnNo: 1, outcome: 'keep' }).success).toBe(false);
    expect(OPS['return.list'].args.parse({})).toEqual({ pending: true });
    expect(OPS['return.register'].roles).toEqual(['prescriber']);
    expect(OPS['return.receive'].roles).not.toContain('prescriber');
  });
});
