// The order engine in the pure core, given / when / then: every rule of order.place, fulfilment, cancels, messages,
// prescribing rules, and one walk over every order rejection code.
import { describe, expect, it } from 'vitest';
import { apply } from '../engine/core/apply.ts';
import { AssertionError } from '../engine/core/assert.ts';
import type { Command } from '../engine/core/commands.ts';
import { decide } from '../engine/core/decide.ts';
import { getOrder } from '../engine/core/orders/queries.ts';
import { listOrders } from '../engine/core/orders/order-list.ts';
import { listMessages } from '../engine/core/messages/queries.ts';
import { quoteOrder } from '../engine/core/orders/order-quote.ts';
import { plannedDates, swedishDate } from '../engine/core/orders/working-days.ts';
import { stateFromTables } from '../engine/core/load-state.ts';
import type { State } from '../engine/core/state.ts';
import { refuseTopic } from '../engine/io/topic-access.ts';
import { OPS } from '../schemas/ops.ts';
import type { Order } from '../schemas/orders.ts';
import { ART, codeOf, orderState, place, placedNo, PNR, run, stockOf, T0, tablesOf } from './helpers/order-fixture.ts';
import type { QuoteLine } from '../engine/core/orders/order-quote.ts';
import type { ArticleSummary } from '../engine/core/views.ts';

const DAY_MS = 86_400_000;
/** What `quoteOrder` answers (typed `unknown` there, as every query result that goes out on the wire). */
interface QuoteResult {
  lines: QuoteLine[];
  accessories: ArticleSummary[];
  delivery: { address: { street: string } };
}
const order = (state: State, orderNo: number): Order => state.orders.get(orderNo)!;
const step = (
  stepName: 'pick' | 'dispatch' | 'deliver' | 'cancel',
  orderNo: number,
  lineNos: number[] | null = null,
  userId = 'hmc1',
): Command => ({ type: 'fulfil.step', userId, step: stepName, orderNo, lineNos });
const received = (artNo: string, delta = 1, warehouse = '10'): Command => ({
  type: 'stock.adjust',
  userId: 'hmc1',
  warehouse,
  artNo,
  delta,
  reason: 'received',
  note: '',
});
const listArgs = (over: Record<string, unknown> = {}) => OPS['order.list'].args.parse(over);

describe('order.place: recipient, workplace and source', () => {
  it('given a resident and stock, when ot1 orders two lines, then one order.placed reserves both and plans pick and delivery', () => {
    const state = orderState();
    const decision = run(
      state,
      place({
        lines: [
          { artNo: ART.rollator, quantity: 2 },
          { artNo: ART.basket, quantity: 1 },
        ],
      }),
    );
    const orderNo = placedNo(decision);
    expect(decision.ok && decision.events.map((e) => e.type)).toEqual(['order.placed']);
    const placed = order(state, orderNo);
    expect(placed.lines.map((l) => [l.artNo, l.quantity, l.status])).toEqual([
      [ART.rollator, 2, 'registered'],
      [ART.basket, 1, 'registered'],
    ]);
    expect(stockOf(state, ART.rollator)).toEqual({ onHand: 5, reserved: 2 });
    expect(stockOf(state, ART.basket)).toEqual({ onHand: 20, reserved: 1 });
    // Wednesday: picked Thursday, delivered Friday.
    expect([placed.placedDate, placed.plannedPickDate, placed.plannedDeliveryDate]).toEqual([
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
    expect(placed).toMatchObject({
      prescriberId: 'ot1',
      workplaceId: 'w1',
      customerNo: '130001',
      warehouse: '10',
      recipient: { kind: 'patient', pnr: PNR.resident },
      deliveryAddress: { street: 'Storgatan 3' },
      temporaryAddress: false,
      contactName: 'User ot1',
      partialDelivery: false,
    });
  });

  it('given a Friday afternoon order, then the pick is Monday and the delivery Tuesday (weekends skipped)', () => {
    expect(plannedDates(Date.UTC(2026, 10, 27, 15))).toEqual({
      plannedPickDate: '2026-11-30',
      plannedDeliveryDate: '2026-12-01',
    });
    // 23:30 UTC on 31 March 2026 is already 1 April in Sweden (summer time, UTC+2).
    expect(swedishDate(Date.UTC(2026, 2, 31, 22, 30))).toBe('2026-04-01');
    expect(swedishDate(Date.UTC(2026, 0, 31, 22, 30))).toBe('2026-01-31');
  });

  it('given an order before Christmas or Easter, then pick and delivery skip the holidays and the eves', () => {
    // Wed 23 Dec 2026: 24, 25 (and the weekend 26-27) are off → Mon 28 and Tue 29.
    expect(plannedDates(Date.UTC(2026, 11, 23, 10))).toEqual({
      plannedPickDate: '2026-12-28',
      plannedDeliveryDate: '2026-12-29',
    });
    // Thu 2 Apr 2026: Good Friday 3 Apr and Easter Monday 6 Apr are off → Tue 7 and Wed 8.
    expect(plannedDates(Date.UTC(2026, 3, 2, 10))).toEqual({
      plannedPickDate: '2026-04-07',
      plannedDeliveryDate: '2026-04-08',
    });
  });

  it('given a patient of another region, then not_resident and nothing is reserved', () => {
    const state = orderState();
    const decision = run(state, place({ recipient: { kind: 'patient', pnr: PNR.nonResident } }));
    expect(codeOf(decision)).toBe('not_resident');
    expect(stockOf(state, ART.rollator).reserved).toBe(0);
    expect(state.orders.size).toBe(0);
  });

  it('given a bad or unknown personnummer, then invalid_pnr or not_found', () => {
    const state = orderState();
    expect(codeOf(run(state, place({ recipient: { kind: 'patient', pnr: '19400101-1231' } })))).toBe('invalid_pnr');
    expect(codeOf(run(state, place({ recipient: { kind: 'patient', pnr: '19121212-1212' } })))).toBe('not_found');
  });

  it('given a protected identity, then the order is placed to the workplace address and hidden from other prescribers', () => {
    const state = orderState();
    const orderNo = placedNo(run(state, place({ recipient: { kind: 'patient', pnr: PNR.protected } })));
    expect(order(state, orderNo).deliveryAddress.street).toBe('Lasarettsvägen 1');
    const ot1 = state.users.get('ot1')!;
    const ot2 = state.users.get('ot2')!;
    const hmc = state.users.get('hmc1')!;
    expect(getOrder(state, ot1, orderNo).ok).toBe(true);
    expect(codeOf(getOrder(state, ot2, orderNo))).toBe('not_found');
    expect(getOrder(state, hmc, orderNo).ok).toBe(true);
    const others = listOrders(state, ot2, listArgs(), T0);
    expect(others.ok && others.result.total).toBe(0);
    const staff = listOrders(state, hmc, listArgs(), T0);
    expect(staff.ok && staff.result.orders.map((o) => o.orderNo)).toEqual([orderNo]);
    expect(staff.ok && staff.result.orders[0].recipient).toMatchObject({
      name: 'Skyddad identitet',
      protectedIdentity: true,
    });
  });

  it("given a care unit of the caller, then the order is the unit's own, delivered to the workplace; another unit is forbidden", () => {
    const state = orderState();
    const orderNo = placedNo(
      run(
        state,
        place({ recipient: { kind: 'careUnit', customerNo: '130001' }, lines: [{ artNo: ART.basket, quantity: 4 }] }),
      ),
    );
    expect(order(state, orderNo)).toMatchObject({
      recipient: { kind: 'careUnit', customerNo: '130001' },
      customerNo: '130001',
      deliveryAddress: { street: 'Lasarettsvägen 1' },
    });
    expect(codeOf(run(state, place({ recipient: { kind: 'careUnit', customerNo: '130002' } })))).toBe('forbidden');
  });

  it("given a workplace that is not the caller's, then forbidden", () => {
    const state = orderState();
    expect(codeOf(run(state, place({ workplaceId: 'w2' })))).toBe('forbidden');
    expect(codeOf(run(state, place({ userId: 'ot2', workplaceId: 'w2' })))).toBe('accepted');
  });

  it('given the buffer source, then ot1 takes from B101, and ot2 (no buffer) is forbidden', () => {
    const state = orderState();
    const orderNo = placedNo(run(state, place({ source: 'buffer', lines: [{ artNo: ART.basket, quantity: 4 }] })));
    expect(order(state, orderNo).warehouse).toBe('B101');
    expect(order(state, orderNo).deliveryAddress.street).toBe('Lasarettsvägen 1');
    expect(stockOf(state, ART.basket, 'B101')).toEqual({ onHand: 4, reserved: 4 });
    expect(codeOf(run(state, place({ userId: 'ot2', source: 'buffer' })))).toBe('forbidden');
  });

  it('given a temporary address, contact and other info, then they are on the order', () => {
    const state = orderState();
    const address = { street: 'Sommarvägen 2', postalCode: '312 95', city: 'Mellbystrand' };
    const orderNo = placedNo(
      run(
        state,
        place({
          delivery: { address, contactName: 'Dottern Lisa', contactPhone: '070-123 45 67', partial: false },
          otherInfo: 'Ring först.',
        }),
      ),
    );
    expect(order(state, orderNo)).toMatchObject({
      deliveryAddress: address,
      temporaryAddress: true,
      contactName: 'Dottern Lisa',
      contactPhone: '070-123 45 67',
      otherInfo: 'Ring först.',
    });
  });
});

describe('order.place: articles, rules and lines', () => {
  it('given the prescribing rules, then an OT may not prescribe a voice amplifier (forbidden_article) but a speech therapist may', () => {
    const state = orderState();
    expect(codeOf(run(state, place({ lines: [{ artNo: ART.voiceAmp, quantity: 1 }] })))).toBe('forbidden_article');
    expect(codeOf(run(state, place({ userId: 'slp1', lines: [{ artNo: ART.voiceAmp, quantity: 1 }] })))).toBe(
      'accepted',
    );
  });

  it('given an article the profession may not prescribe, then the quote shows the true balance, not 0, and says why', () => {
    const state = orderState();
    const quote = quoteOrder(
      state,
      'slp1',
      OPS['order.quote'].args.parse({
        recipient: { kind: 'patient', pnr: PNR.resident },
        lines: [{ artNo: ART.rollator, quantity: 1 }],
      }),
      T0,
    ) as { ok: true; result: QuoteResult };
    expect(quote.result.lines[0]).toMatchObject({
      outcome: 'problem',
      available: 5,
      problem: { code: 'forbidden_article' },
    });
    expect(quote.result.lines[0].problem?.message).toMatch(/får inte förskriva/);
  });

  it('given an admin rule change, then the profession may prescribe the new codes at once; unknown codes are refused', () => {
    const state = orderState();
    expect(codeOf(run(state, place({ userId: 'slp1' })))).toBe('forbidden_article');
    expect(
      codeOf(
        run(state, { type: 'prescribingRule.set', userId: 'admin', profession: 'slp', isoPrefixes: ['22', '12 06'] }),
      ),
    ).toBe('accepted');
    expect(state.prescribingRules.get('slp')!.isoPrefixes).toEqual(['12 06', '22']);
    expect(codeOf(run(state, place({ userId: 'slp1' })))).toBe('accepted');
    expect(
      codeOf(run(state, { type: 'prescribingRule.set', userId: 'admin', profession: 'slp', isoPrefixes: ['12 99'] })),
    ).toBe('unknown_iso_code');
  });

  it('given an unknown article or the same article twice, then unknown_article or duplicate_line', () => {
    const state = orderState();
    expect(codeOf(run(state, place({ lines: [{ artNo: '999999', quantity: 1 }] })))).toBe('unknown_article');
    expect(
      codeOf(
        run(
          state,
          place({
            lines: [
              { artNo: ART.basket, quantity: 1 },
              { artNo: ART.basket, quantity: 2 },
            ],
          }),
        ),
      ),
    ).toBe('duplicate_line');
  });

  it('given an article with a set part, then the set part is added as its own line, reserved with it', () => {
    const state = orderState();
    const orderNo = placedNo(run(state, place({ lines: [{ artNo: ART.bed, quantity: 1 }] })));
    expect(order(state, orderNo).lines.map((l) => [l.lineNo, l.artNo, l.setPartOf, l.status])).toEqual([
      [1, ART.bed, null, 'registered'],
      [2, ART.mattress, 1, 'registered'],
    ]);
    expect(stockOf(state, ART.mattress).reserved).toBe(1);
  });

  it('given a delivered individual of the patient, then a component line K-<indNo> is accepted; another holder is not_holder', () => {
    const state = orderState();
    const orderNo = placedNo(run(state, place({ lines: [{ artNo: ART.basket, quantity: 1, forIndividual: 56314 }] })));
    expect(order(state, orderNo).lines[0].forIndividual).toBe(56314);
    const ot1 = state.users.get('ot1')!;
    const view = getOrder(state, ot1, orderNo);
    expect(view.ok && view.result.lines[0].component).toBe('K-56314');
    expect(codeOf(run(state, place({ lines: [{ artNo: ART.basket, quantity: 1, forIndividual: 56400 }] })))).toBe(
      'not_holder',
    );
    expect(codeOf(run(state, place({ lines: [{ artNo: ART.basket, quantity: 1, forIndividual: 70001 }] })))).toBe(
      'not_holder',
    );
    expect(
      codeOf(
        run(
          state,
          place({
            recipient: { kind: 'careUnit', customerNo: '130001' },
            lines: [{ artNo: ART.basket, quantity: 1, forIndividual: 56314 }],
          }),
        ),
      ),
    ).toBe('not_holder');
    expect(codeOf(run(state, place({ lines: [{ artNo: ART.basket, quantity: 1, forIndividual: 12345 }] })))).toBe(
      'not_found',
    );
  });

  it('given the quote, then accessories are offered (not forced) and set parts and purpose needs are shown', () => {
    const state = orderState();
    const quote = quoteOrder(
      state,
      'ot1',
      OPS['order.quote'].args.parse({
        recipient: { kind: 'patient', pnr: PNR.resident },
        lines: [
          { artNo: ART.rollator, quantity: 1 },
          { artNo: ART.bed, quantity: 1 },
        ],
      }),
      T0,
    );
    expect(quote.ok).toBe(true);
    const result = (quote as { result: QuoteResult }).result;
    expect(result.accessories.map((a) => a.artNo)).toEqual([ART.basket]);
    expect(result.lines[0]).toMatchObject({
      outcome: 'available',
      available: 5,
      purpose: { required: false, allowed: [] },
    });
    expect(result.lines[1].setParts).toEqual([
      { artNo: ART.mattress, name: 'Madrass Etude', quantity: 1, outcome: 'available' },
    ]);
    expect(result.delivery.address.street).toBe('Storgatan 3');
    expect(state.seq).toBe(0);
  });
});

describe('order.place: availability and the replacement chain', () => {
  it('given an article without stock whose replacement has stock, then the quote proposes it and place needs a decision', () => {
    const state = orderState();
    const quote = quoteOrder(
      state,
      'ot1',
      OPS['order.quote'].args.parse({
        recipient: { kind: 'patient', pnr: PNR.resident },
        lines: [{ artNo: ART.rollatorOld, quantity: 1 }],
      }),
      T0,
    ) as { ok: true; result: QuoteResult };
    expect(quote.result.lines[0]).toMatchObject({
      outcome: 'proposal',
      available: 0,
      proposal: { artNo: ART.rollator, hops: 1 },
    });
    expect(codeOf(run(state, place({ lines: [{ artNo: ART.rollatorOld, quantity: 1 }] })))).toBe(
      'replacement_required',
    );
  });

  it('given accept, then the line orders the replacement and records what was asked for', () => {
    const state = orderState();
    const orderNo = placedNo(
      run(state, place({ lines: [{ artNo: ART.rollatorOld, quantity: 1, replacement: 'accept' }] })),
    );
    expect(order(state, orderNo).lines[0]).toMatchObject({
      artNo: ART.rollator,
      replacedFrom: ART.rollatorOld,
      status: 'registered',
    });
    expect(stockOf(state, ART.rollator).reserved).toBe(1);
    const view = getOrder(state, state.users.get('ot1')!, orderNo);
    expect(view.ok && view.result.lines[0].replacedFrom).toEqual({
      artNo: ART.rollatorOld,
      name: 'Rollator Dolomite Jazz',
    });
  });

  it('given refuse, then the line waits on the original as a backorder saying the alternative must not be delivered', () => {
    const state = orderState();
    const orderNo = placedNo(
      run(state, place({ lines: [{ artNo: ART.rollatorOld, quantity: 1, replacement: 'refuse' }] })),
    );
    expect(order(state, orderNo).lines[0]).toMatchObject({
      artNo: ART.rollatorOld,
      status: 'backorder',
      note: 'Alternativ får inte levereras.',
    });
    expect(stockOf(state, ART.rollator).reserved).toBe(0);
  });

  it('given a two-hop chain through an article without stock, then the first equivalent with stock is proposed', () => {
    const state = orderState();
    const quote = quoteOrder(
      state,
      'ot1',
      OPS['order.quote'].args.parse({
        recipient: { kind: 'patient', pnr: PNR.resident },
        lines: [{ artNo: ART.futura, quantity: 2 }],
      }),
      T0,
    ) as { ok: true; result: QuoteResult };
    expect(quote.result.lines[0].proposal).toMatchObject({ artNo: ART.rollator, hops: 2 });
    // Asking for more than the replacement has: nothing to propose, and a discontinued article cannot wait.
    expect(codeOf(run(state, place({ lines: [{ artNo: ART.futura, quantity: 6 }] })))).toBe('article_discontinued');
    expect(codeOf(run(state, place({ lines: [{ artNo: ART.discontinued, quantity: 1 }] })))).toBe(
      'article_discontinued',
    );
  });

  it('given an outgoing article with 0 available, then the line is a backorder and the next received unit serves the oldest order first', () => {
    const state = orderState();
    const first = placedNo(run(state, place({ lines: [{ artNo: ART.outgoing, quantity: 1 }] })));
    const second = placedNo(run(state, place({ userId: 'ot2', lines: [{ artNo: ART.outgoing, quantity: 1 }] })));
    expect(order(state, first).lines[0]).toMatchObject({
      status: 'backorder',
      note: 'Utgående artikel: levereras när HMC får en enhet i retur.',
    });
    expect(order(state, first).plannedDeliveryDate).toBeNull();
    const returned = run(state, { ...received(ART.outgoing), reason: 'returned' } as Command, T0 + DAY_MS);
    expect(returned.ok && returned.events.map((e) => e.type)).toEqual(['stock.adjusted', 'order.lineServed']);
    expect(order(state, first).lines[0]).toMatchObject({ status: 'registered', note: '' });
    expect(order(state, first).plannedDeliveryDate).toBe('2026-11-30');
    expect(order(state, second).lines[0].status).toBe('backorder');
    expect(stockOf(state, ART.outgoing)).toEqual({ onHand: 1, reserved: 1 });
    run(state, received(ART.outgoing));
    expect(order(state, second).lines[0].status).toBe('registered');
    expect(state.orderIndex.backorders.size).toBe(0);
  });

  it('given a waiting backorder, then a new order for the same stock queues behind it even when a unit is free', () => {
    const state = orderState();
    const big = placedNo(run(state, place({ lines: [{ artNo: ART.showerChair, quantity: 5 }] })));
    expect(order(state, big).lines[0].status).toBe('backorder');
    const small = placedNo(run(state, place({ userId: 'ot2', lines: [{ artNo: ART.showerChair, quantity: 1 }] })));
    expect(order(state, small).lines[0].status).toBe('backorder');
    // Two arrive: the oldest (5) is served; the small one behind it still waits (strictly oldest first).
    run(state, received(ART.showerChair, 2));
    expect([order(state, big).lines[0].status, order(state, small).lines[0].status]).toEqual([
      'registered',
      'backorder',
    ]);
    expect(stockOf(state, ART.showerChair)).toEqual({ onHand: 5, reserved: 5 });
    run(state, received(ART.showerChair, 1));
    expect(order(state, small).lines[0].status).toBe('registered');
    expect(stockOf(state, ART.showerChair)).toEqual({ onHand: 6, reserved: 6 });
  });

  it('given two prescribers racing for the last units, then exactly the available quantity is reserved', () => {
    const state = orderState();
    const outcomes = Array.from({ length: 8 }, (_, i) =>
      run(
        state,
        place({
          userId: i % 2 === 0 ? 'ot1' : 'pt1',
          workplaceId: undefined,
          lines: [{ artNo: ART.rollator, quantity: 1 }],
        }),
      ),
    );
    const statuses = outcomes.map((d) => order(state, placedNo(d)).lines[0].status);
    expect(statuses.filter((s) => s === 'registered')).toHaveLength(5);
    expect(statuses.slice(5)).toEqual(['backorder', 'backorder', 'backorder']);
    expect(stockOf(state, ART.rollator)).toEqual({ onHand: 5, reserved: 5 });
  });
});

describe('order.place: purpose codes', () => {
  const stocking = (purpose?: 'PV' | 'BA' | 'ÖM') =>
    place({ userId: 'nurse1', lines: [{ artNo: ART.stocking, quantity: 2, ...(purpose ? { purpose } : {}) }] });

  it('given compression stockings, then a purpose is required, PV is refused and BA is accepted', () => {
    const state = orderState();
    expect(codeOf(run(state, stocking()))).toBe('purpose_required');
    expect(codeOf(run(state, stocking('PV')))).toBe('purpose_invalid');
    const orderNo = placedNo(run(state, stocking('ÖM')));
    expect(order(state, orderNo).lines[0].purpose).toBe('ÖM');
  });

  it('given an ordinary device, then no purpose, or PV only for a palliative patient', () => {
    const state = orderState();
    expect(codeOf(run(state, place({ lines: [{ artNo: ART.rollator, quantity: 1, purpose: 'PV' }] })))).toBe(
      'purpose_invalid',
    );
    expect(codeOf(run(state, place({ lines: [{ artNo: ART.rollator, quantity: 1, purpose: 'BA' }] })))).toBe(
      'purpose_invalid',
    );
    expect(
      codeOf(
        run(
          state,
          place({
            recipient: { kind: 'patient', pnr: PNR.palliative },
            lines: [{ artNo: ART.rollator, quantity: 1, purpose: 'PV' }],
          }),
        ),
      ),
    ).toBe('accepted');
    const quote = quoteOrder(
      state,
      'ot1',
      OPS['order.quote'].args.parse({
        recipient: { kind: 'patient', pnr: PNR.palliative },
        lines: [{ artNo: ART.rollator, quantity: 1 }],
      }),
      T0,
    );
    expect(quote.ok && (quote.result as QuoteResult).lines[0].purpose).toEqual({ required: false, allowed: ['PV'] });
  });
});

describe('joint and partial delivery', () => {
  it('given joint delivery with a backorder line, then no dates and nothing can be picked until all is there', () => {
    const state = orderState();
    const orderNo = placedNo(
      run(
        state,
        place({
          lines: [
            { artNo: ART.rollator, quantity: 1 },
            { artNo: ART.outgoing, quantity: 1 },
          ],
        }),
      ),
    );
    expect(order(state, orderNo).plannedPickDate).toBeNull();
    expect(codeOf(run(state, step('pick', orderNo)))).toBe('invalid_transition');
    run(state, received(ART.outgoing));
    expect(order(state, orderNo).plannedPickDate).toBe('2026-11-26');
    expect(codeOf(run(state, step('pick', orderNo)))).toBe('accepted');
  });

  it('given partial delivery, then the available lines go first', () => {
    const state = orderState();
    const orderNo = placedNo(
      run(
        state,
        place({
          delivery: { partial: true },
          lines: [
            { artNo: ART.rollator, quantity: 1 },
            { artNo: ART.outgoing, quantity: 1 },
          ],
        }),
      ),
    );
    expect(order(state, orderNo).plannedPickDate).toBe('2026-11-26');
    const picked = run(state, step('pick', orderNo));
    expect(picked.ok && picked.events.map((e) => e.type === 'order.linePicking' && e.lineNo)).toEqual([1]);
    expect(order(state, orderNo).lines.map((l) => l.status)).toEqual(['picking', 'backorder']);
  });
});

describe('idempotency', () => {
  it('given a placed order, when the same key comes again, then no second order (duplicate_request) and the key maps to the first', () => {
    const state = orderState();
    const first = placedNo(run(state, place({ idempotencyKey: 'ord-1' })));
    const again = run(state, place({ idempotencyKey: 'ord-1', lines: [{ artNo: ART.basket, quantity: 3 }] }));
    expect(codeOf(again)).toBe('duplicate_request');
    expect(state.orders.size).toBe(1);
    expect(state.orderIndex.byKey.find(state.orders, 'ot1', 'ord-1')).toBe(first);
    expect(state.orderIndex.byKey.find(state.orders, 'ot2', 'ord-1')).toBeUndefined();
    expect(stockOf(state, ART.basket).reserved).toBe(0);
    // Keys are per user.
    expect(codeOf(run(state, place({ userId: 'ot2', idempotencyKey: 'ord-1' })))).toBe('accepted');
  });

  it('given a restart, then the keys, queues and counts are rebuilt from the tables alone', () => {
    const state = orderState();
    placedNo(run(state, place({ idempotencyKey: 'ord-1' })));
    placedNo(run(state, place({ lines: [{ artNo: ART.outgoing, quantity: 1 }] })));
    const tables = tablesOf(state);
    const rebuilt = stateFromTables(tables, state.seq);
    expect(rebuilt.orderIndex.byKey).toEqual(state.orderIndex.byKey);
    expect(rebuilt.orderIndex.backorders).toEqual(state.orderIndex.backorders);
    expect(rebuilt.orderIndex.lineCounts).toEqual(state.orderIndex.lineCounts);
    expect(rebuilt.orderIndex.nextOrderNo).toBe(state.orderIndex.nextOrderNo);
    expect(codeOf(run(rebuilt, place({ idempotencyKey: 'ord-1' })))).toBe('duplicate_request');
  });
});

describe('fulfilment', () => {
  it('given a rental line, when picked, then free individuals of warehouse 10 are taken, lowest first, with a fixed pick date', () => {
    const state = orderState();
    const a = placedNo(run(state, place({ lines: [{ artNo: ART.rollator, quantity: 2 }] })));
    const b = placedNo(run(state, place({ lines: [{ artNo: ART.rollator, quantity: 1 }] })));
    run(state, step('pick', a));
    run(state, step('pick', b), T0 + DAY_MS);
    expect(order(state, a).lines[0]).toMatchObject({
      status: 'picking',
      individuals: [70001, 70002],
      pickDate: '2026-11-25',
    });
    expect(order(state, b).lines[0]).toMatchObject({ individuals: [70003], pickDate: '2026-11-26' });
  });

  it('given rental units received, then each becomes an individual on the shelf and picking finds one per line', () => {
    const state = orderState();
    const decision = run(state, received(ART.bed)); // onHand 2 → 3: a third bed individual
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'stock.adjusted', individuals: [state.lastIndNo] }] });
    expect(state.individuals.get(state.lastIndNo)).toEqual({
      indNo: state.lastIndNo,
      artNo: ART.bed,
      location: { kind: 'warehouse', warehouse: '10' },
    });
    const orders = [1, 2, 3].map(() => placedNo(run(state, place({ lines: [{ artNo: ART.bed, quantity: 1 }] }))));
    for (const orderNo of orders) expect(codeOf(run(state, step('pick', orderNo)))).toBe('accepted');
    expect(order(state, orders[2]).lines[0].individuals).toEqual([state.lastIndNo]);
  });

  it('given a rental write-off, then the given free units (else the newest) leave the shelf and a picked unit cannot', () => {
    const state = orderState();
    const picked = placedNo(run(state, place({ lines: [{ artNo: ART.showerChair, quantity: 1 }] })));
    run(state, step('pick', picked)); // takes 81001
    const writeOff = (individuals?: number[]): Command => ({
      type: 'stock.adjust',
      userId: 'hmc1',
      warehouse: '10',
      artNo: ART.showerChair,
      delta: -1,
      reason: 'damaged',
      note: '',
      ...(individuals ? { individuals } : {}),
    });
    expect(codeOf(run(state, writeOff([81001])))).toBe('no_individual');
    expect(run(state, writeOff([81002]))).toMatchObject({ ok: true, events: [{ individuals: [81002] }] });
    expect(state.individuals.get(81002)!.location).toEqual({ kind: 'writtenOff', warehouse: '10' });
    expect(run(state, writeOff())).toMatchObject({ ok: true, events: [{ individuals: [81003] }] }); // the newest free unit
    expect(codeOf(run(state, writeOff()))).toBe('insufficient_stock'); // onHand 1 = reserved 1: the picked unit stays
    expect(codeOf(run(state, received(ART.basket, 1)))).toBe('accepted');
    expect(codeOf(run(state, { ...received(ART.basket, 1), individuals: [1] } as Command))).toBe('no_individual');
  });

  it('given a picked order, when dispatched and delivered, then stock leaves and the individual is registered to the patient', () => {
    const state = orderState();
    const orderNo = placedNo(
      run(
        state,
        place({
          lines: [
            { artNo: ART.rollator, quantity: 1 },
            { artNo: ART.basket, quantity: 2 },
          ],
        }),
      ),
    );
    run(state, step('pick', orderNo));
    expect(codeOf(run(state, step('deliver', orderNo)))).toBe('invalid_transition');
    run(state, step('dispatch', orderNo));
    expect(stockOf(state, ART.rollator)).toEqual({ onHand: 4, reserved: 0 });
    expect(stockOf(state, ART.basket)).toEqual({ onHand: 18, reserved: 0 });
    expect(state.individuals.get(70001)!.location).toEqual({ kind: 'transit', orderNo });
    run(state, step('deliver', orderNo), T0 + 2 * DAY_MS);
    expect(state.individuals.get(70001)!.location).toEqual({ kind: 'patient', pnr: PNR.resident });
    expect(state.individualsByPnr.get(PNR.resident)).toContain(70001);
    expect(order(state, orderNo).lines.map((l) => [l.status, l.deliveredDate])).toEqual([
      ['delivered', '2026-11-27'],
      ['delivered', '2026-11-27'],
    ]);
    expect(state.orderIndex.open.has(orderNo)).toBe(false);
    expect(codeOf(run(state, step('deliver', orderNo)))).toBe('invalid_transition');
  });

  it("given a care unit's rental order, when delivered, then the individual is registered to the care unit", () => {
    const state = orderState();
    const orderNo = placedNo(run(state, place({ recipient: { kind: 'careUnit', customerNo: '130001' } })));
    for (const s of ['pick', 'dispatch', 'deliver'] as const) run(state, step(s, orderNo));
    expect(state.individuals.get(70001)!.location).toEqual({ kind: 'careUnit', customerNo: '130001' });
  });

  it('given named lines, then only they move; a line in the wrong status is invalid_transition, an unknown one not_found', () => {
    const state = orderState();
    const orderNo = placedNo(
      run(
        state,
        place({
          lines: [
            { artNo: ART.rollator, quantity: 1 },
            { artNo: ART.basket, quantity: 1 },
          ],
        }),
      ),
    );
    run(state, step('pick', orderNo, [2]));
    expect(order(state, orderNo).lines.map((l) => l.status)).toEqual(['registered', 'picking']);
    expect(codeOf(run(state, step('dispatch', orderNo, [1])))).toBe('invalid_transition');
    expect(codeOf(run(state, step('pick', orderNo, [9])))).toBe('not_found');
    expect(codeOf(run(state, step('pick', 424242)))).toBe('not_found');
  });

  it('given a picked rental line, when HMC cancels it, then the unit and the reservation go back, to the oldest backorder first', () => {
    const state = orderState();
    const taker = placedNo(run(state, place({ lines: [{ artNo: ART.rollator, quantity: 5 }] })));
    const waiting = placedNo(run(state, place({ userId: 'ot2', lines: [{ artNo: ART.rollator, quantity: 2 }] })));
    run(state, step('pick', taker));
    expect(state.orderIndex.taken.size).toBe(5);
    const cancelled = run(state, step('cancel', taker));
    expect(cancelled.ok && cancelled.events.map((e) => e.type)).toEqual(['order.lineCancelled', 'order.lineServed']);
    expect(state.orderIndex.taken.size).toBe(0);
    expect(order(state, waiting).lines[0].status).toBe('registered');
    expect(stockOf(state, ART.rollator)).toEqual({ onHand: 5, reserved: 2 });
    expect(codeOf(run(state, step('dispatch', taker)))).toBe('invalid_transition');
  });
});

describe('order.cancel by the prescriber', () => {
  it('given an order nothing of which is picked, then its own prescriber cancels it and the reservations go back', () => {
    const state = orderState();
    const orderNo = placedNo(
      run(
        state,
        place({
          lines: [
            { artNo: ART.rollator, quantity: 2 },
            { artNo: ART.outgoing, quantity: 1 },
          ],
        }),
      ),
    );
    expect(codeOf(run(state, { type: 'order.cancel', userId: 'ot2', orderNo }))).toBe('forbidden');
    expect(codeOf(run(state, { type: 'order.cancel', userId: 'ot1', orderNo }))).toBe('accepted');
    expect(order(state, orderNo).lines.map((l) => l.status)).toEqual(['cancelled', 'cancelled']);
    expect(stockOf(state, ART.rollator).reserved).toBe(0);
    expect(state.orderIndex.backorders.size).toBe(0);
    expect(codeOf(run(state, { type: 'order.cancel', userId: 'ot1', orderNo }))).toBe('order_not_cancellable');
  });

  it('given a line in picking, then order_not_cancellable', () => {
    const state = orderState();
    const orderNo = placedNo(run(state, place()));
    run(state, step('pick', orderNo));
    expect(codeOf(run(state, { type: 'order.cancel', userId: 'ot1', orderNo }))).toBe('order_not_cancellable');
    expect(codeOf(run(state, { type: 'order.cancel', userId: 'ot1', orderNo: 99 }))).toBe('not_found');
  });
});

describe('delivery date changes and messages', () => {
  it('given a new delivery date, then the order has it and its prescriber gets a message that only they can delete', () => {
    const state = orderState();
    const orderNo = placedNo(run(state, place()));
    const changed = run(state, {
      type: 'order.setDeliveryDate',
      userId: 'hmc1',
      orderNo,
      date: '2026-12-03',
      note: 'Leverantören är sen.',
    });
    expect(changed.ok && changed.events.map((e) => e.type)).toEqual(['order.deliveryDateChanged', 'message.created']);
    expect(order(state, orderNo).plannedDeliveryDate).toBe('2026-12-03');
    const ot1 = state.users.get('ot1')!;
    const inbox = listMessages(state, ot1, { limit: 10, offset: 0 });
    expect(inbox.ok && inbox.result.messages).toEqual([
      expect.objectContaining({
        orderNo,
        previousDate: '2026-11-27',
        newDate: '2026-12-03',
        text: `Ändrat leveransdatum för order ${orderNo}: 2026-12-03 (tidigare 2026-11-27). Leverantören är sen.`,
      }),
    ]);
    const messageNo = (inbox as Extract<typeof inbox, { ok: true }>).result.messages[0].messageNo;
    expect(codeOf(run(state, { type: 'message.delete', userId: 'ot2', messageNo }))).toBe('forbidden');
    expect(codeOf(run(state, { type: 'message.delete', userId: 'ot1', messageNo }))).toBe('accepted');
    expect(codeOf(run(state, { type: 'message.delete', userId: 'ot1', messageNo }))).toBe('not_found');
    const after = listMessages(state, ot1, { limit: 10, offset: 0 });
    expect(after.ok && after.result.total).toBe(0);
  });

  it('given a past, impossible or unchanged date, then invalid_date; a closed order is invalid_transition', () => {
    const state = orderState();
    const orderNo = placedNo(run(state, place()));
    const set = (date: string) =>
      codeOf(run(state, { type: 'order.setDeliveryDate', userId: 'hmc1', orderNo, date, note: '' }));
    expect(set('2026-11-24')).toBe('invalid_date');
    expect(set('2026-02-30')).toBe('invalid_date');
    expect(set('2026-11-27')).toBe('invalid_date');
    run(state, { type: 'order.cancel', userId: 'ot1', orderNo });
    expect(set('2026-12-01')).toBe('invalid_transition');
  });

  it('given a weekend, a holiday or an eve HMC does not work, when HMC sets it, then not_working_day names the day', () => {
    const state = orderState();
    const orderNo = placedNo(run(state, place()));
    const set = (date: string) =>
      run(state, { type: 'order.setDeliveryDate', userId: 'hmc1', orderNo, date, note: '' });
    const refusal = (date: string) => {
      const decision = set(date);
      return decision.ok ? 'accepted' : `${decision.code}: ${decision.message}`;
    };
    expect(refusal('2026-12-05')).toBe('not_working_day: 2026-12-05 är en lördag, ingen arbetsdag.');
    expect(refusal('2026-12-06')).toBe('not_working_day: 2026-12-06 är en söndag, ingen arbetsdag.');
    expect(refusal('2026-12-25')).toBe('not_working_day: 2026-12-25 är juldagen, ingen arbetsdag.');
    expect(refusal('2026-12-24')).toBe('not_working_day: 2026-12-24 är julafton, ingen arbetsdag.');
    expect(refusal('2027-01-06')).toBe('not_working_day: 2027-01-06 är trettondedag jul, ingen arbetsdag.');
    expect(refusal('2027-05-06')).toBe('not_working_day: 2027-05-06 är Kristi himmelsfärdsdag, ingen arbetsdag.');
    expect(refusal('2027-06-25')).toBe('not_working_day: 2027-06-25 är midsommarafton, ingen arbetsdag.');
    expect(order(state, orderNo).plannedDeliveryDate).toBe('2026-11-27');
    const inbox = listMessages(state, state.users.get('ot1')!, { limit: 10, offset: 0 });
    expect(inbox.ok && inbox.result.total).toBe(0);
    expect(refusal('2026-12-28')).toBe('accepted');
  });
});

describe('order.list', () => {
  it('given orders of several prescribers and patients, then the criteria combine, newest first, paged', () => {
    const state = orderState();
    const a = placedNo(run(state, place()));
    const b = placedNo(
      run(state, place({ userId: 'ot2', recipient: { kind: 'patient', pnr: PNR.otherResident } }), T0 + DAY_MS),
    );
    const c = placedNo(run(state, place({ lines: [{ artNo: ART.basket, quantity: 1 }] }), T0 + 2 * DAY_MS));
    run(state, step('pick', c));
    run(state, step('dispatch', c));
    run(state, step('deliver', c));
    const hmc = state.users.get('hmc1')!;
    const ot1 = state.users.get('ot1')!;
    const nos = (args: Record<string, unknown>, who = hmc) => {
      const r = listOrders(state, who, listArgs(args), T0);
      return r.ok ? r.result.orders.map((o) => o.orderNo) : r.code;
    };
    expect(nos({})).toEqual([c, b, a]);
    expect(nos({ open: true })).toEqual([b, a]);
    expect(nos({ mine: true }, ot1)).toEqual([c, a]);
    expect(nos({ prescriberId: 'ot2' })).toEqual([b]);
    expect(nos({ pnr: '19400101-1230' })).toEqual([c, a]);
    expect(nos({ customerNo: '130002' })).toEqual([b]);
    expect(nos({ workplaceId: 'w1', open: true })).toEqual([a]);
    expect(nos({ status: 'delivered' })).toEqual([c]);
    expect(nos({ fromDate: '2026-11-26', toDate: '2026-11-26' })).toEqual([b]);
    expect(nos({ limit: 1, offset: 1 })).toEqual([b]);
    expect(nos({ pnr: '19400101-1231' })).toBe('invalid_pnr');
    const all = listOrders(state, hmc, listArgs(), T0);
    expect(all.ok && all.result.counts).toMatchObject({ registered: 2, delivered: 1, picking: 0 });
  });
});

describe('rejection codes', () => {
  const ORDER_CODES = [
    'forbidden_article',
    'purpose_required',
    'purpose_invalid',
    'not_holder',
    'duplicate_line',
    'duplicate_request',
    'replacement_required',
    'article_discontinued',
    'order_not_cancellable',
    'invalid_transition',
    'no_individual',
    'invalid_date',
    'not_working_day',
    'not_resident',
    'forbidden',
    'not_found',
    'invalid_pnr',
    'unknown_article',
    'unknown_iso_code',
  ] as const;

  /** One given/when per code, in the order the codes are declared; each must produce exactly that code. */
  const CASES: Record<(typeof ORDER_CODES)[number], (s: State) => ReturnType<typeof run>> = {
    forbidden_article: (s) => run(s, place({ lines: [{ artNo: ART.voiceAmp, quantity: 1 }] })),
    purpose_required: (s) => run(s, place({ userId: 'nurse1', lines: [{ artNo: ART.stocking, quantity: 1 }] })),
    purpose_invalid: (s) =>
      run(s, place({ userId: 'nurse1', lines: [{ artNo: ART.stocking, quantity: 1, purpose: 'PV' }] })),
    not_holder: (s) => run(s, place({ lines: [{ artNo: ART.basket, quantity: 1, forIndividual: 56400 }] })),
    duplicate_line: (s) =>
      run(
        s,
        place({
          lines: [
            { artNo: ART.basket, quantity: 1 },
            { artNo: ART.basket, quantity: 1 },
          ],
        }),
      ),
    duplicate_request: (s) => {
      run(s, place({ idempotencyKey: 'x' }));
      return run(s, place({ idempotencyKey: 'x' }));
    },
    replacement_required: (s) => run(s, place({ lines: [{ artNo: ART.rollatorOld, quantity: 1 }] })),
    article_discontinued: (s) => run(s, place({ lines: [{ artNo: ART.discontinued, quantity: 1 }] })),
    order_not_cancellable: (s) => {
      const n = placedNo(run(s, place()));
      run(s, step('pick', n));
      return run(s, { type: 'order.cancel', userId: 'ot1', orderNo: n });
    },
    invalid_transition: (s) => run(s, step('dispatch', placedNo(run(s, place())))),
    no_individual: (s) =>
      run(s, {
        type: 'stock.adjust',
        userId: 'hmc1',
        warehouse: '10',
        artNo: ART.rollator,
        delta: -1,
        reason: 'damaged',
        note: '',
        individuals: [56314],
      }),
    invalid_date: (s) =>
      run(s, {
        type: 'order.setDeliveryDate',
        userId: 'hmc1',
        orderNo: placedNo(run(s, place())),
        date: '2020-01-01',
        note: '',
      }),
    not_working_day: (s) =>
      run(s, {
        type: 'order.setDeliveryDate',
        userId: 'hmc1',
        orderNo: placedNo(run(s, place())),
        date: '2026-12-25',
        note: '',
      }),
    not_resident: (s) => run(s, place({ recipient: { kind: 'patient', pnr: PNR.nonResident } })),
    forbidden: (s) => run(s, place({ userId: 'ot2', source: 'buffer' })),
    not_found: (s) => run(s, step('pick', 1)),
    invalid_pnr: (s) => run(s, place({ recipient: { kind: 'patient', pnr: '194001011231' } })),
    unknown_article: (s) => run(s, place({ lines: [{ artNo: '123456', quantity: 1 }] })),
    unknown_iso_code: (s) =>
      run(s, { type: 'prescribingRule.set', userId: 'admin', profession: 'ot', isoPrefixes: ['99'] }),
  };

  for (const code of ORDER_CODES) {
    it(`walks ${code}`, () => {
      const state = orderState();
      const decision = CASES[code](state);
      expect(codeOf(decision)).toBe(code);
      expect(!decision.ok && decision.message.length).toBeGreaterThan(10);
    });
  }
});

describe('invariants', () => {
  it('decide is pure: the same command on the same state gives the same events and changes nothing', () => {
    const state = orderState();
    const before = JSON.stringify([...state.stock.values()]);
    const command = place({
      idempotencyKey: 'same',
      lines: [
        { artNo: ART.bed, quantity: 1 },
        { artNo: ART.outgoing, quantity: 1 },
      ],
    });
    const a = decide(state, command, { timeMs: T0, seq: 1 });
    const b = decide(state, command, { timeMs: T0, seq: 1 });
    expect(a).toEqual(b);
    expect(JSON.stringify([...state.stock.values()])).toBe(before);
    expect(state.orders.size).toBe(0);
  });

  it('given an event decided on a stale state that would reserve more than is on hand, then apply asserts', () => {
    const state = orderState();
    const stale = decide(state, place({ lines: [{ artNo: ART.rollator, quantity: 5 }] }), { timeMs: T0, seq: 1 });
    run(state, place({ lines: [{ artNo: ART.rollator, quantity: 1 }] }));
    const event = stale.ok ? stale.events[0] : null;
    if (event === null || event.type !== 'order.placed') throw new Error('expected order.placed');
    const replay = { ...event, order: { ...event.order, orderNo: state.orderIndex.nextOrderNo } };
    expect(() => apply(state, replay)).toThrow(AssertionError);
  });
});

describe('order schemas at the edge', () => {
  const minimal = {
    idempotencyKey: 'k-1',
    recipient: { kind: 'patient', pnr: '19400101-1230' },
    lines: [{ artNo: '100001', quantity: 1 }],
  };
  const placeArgs = OPS['order.place'].args;

  it('order.place accepts a minimal order and fills the defaults', () => {
    expect(placeArgs.parse(minimal)).toMatchObject({ source: 'main', delivery: { partial: false }, otherInfo: '' });
  });

  it('order.place refuses bad quantities, keys, decisions, purposes, long texts, too many lines and extra fields', () => {
    const bad: Array<Record<string, unknown>> = [
      { ...minimal, lines: [{ artNo: '100001', quantity: 0 }] },
      { ...minimal, lines: [{ artNo: '100001', quantity: 1000 }] },
      { ...minimal, idempotencyKey: 'has space' },
      { ...minimal, idempotencyKey: 'x'.repeat(65) },
      { ...minimal, lines: [{ artNo: '100001', quantity: 1, replacement: 'maybe' }] },
      { ...minimal, lines: [{ artNo: '100001', quantity: 1, purpose: 'XX' }] },
      { ...minimal, otherInfo: 'x'.repeat(256) },
      { ...minimal, delivery: { contactPhone: 'call me', partial: false } },
      { ...minimal, lines: Array.from({ length: 26 }, (_, i) => ({ artNo: String(100001 + i), quantity: 1 })) },
      { ...minimal, recipient: { kind: 'careUnit', customerNo: '12' } },
      { ...minimal, extra: true },
    ];
    for (const args of bad) expect(placeArgs.safeParse(args).success, JSON.stringify(args).slice(0, 80)).toBe(false);
  });

  it('topics: orders, pickups, orders/<userId>, messages/<userId> and stock/<artNo>, nothing else; staff topics for staff', () => {
    const topic = OPS.subscribe.args;
    for (const ok of ['orders', 'pickups', 'orders/ot1', 'messages/ot1', 'stock/100001'])
      expect(topic.safeParse({ topic: ok }).success).toBe(true);
    for (const bad of ['orders/', 'orders/OT1', 'messages', 'order/ot1', 'stock/1', 'pickups/ot1'])
      expect(topic.safeParse({ topic: bad }).success).toBe(false);
    const state = orderState();
    const ot1 = state.users.get('ot1')!;
    const hmc1 = state.users.get('hmc1')!;
    const access = (user: typeof ot1, t: string) => {
      const refusal = refuseTopic(user, t);
      return refusal === null || refusal.ok ? 'ok' : refusal.code;
    };
    expect(['orders', 'pickups', 'orders/ot1', 'messages/ot1', 'orders/ot2'].map((t) => access(ot1, t))).toEqual([
      'forbidden',
      'forbidden',
      'ok',
      'ok',
      'forbidden',
    ]);
    expect(['orders', 'pickups'].map((t) => access(hmc1, t))).toEqual(['ok', 'ok']);
  });

  it('fulfilment and date changes validate order numbers and dates', () => {
    expect(OPS['fulfil.pick'].args.safeParse({ orderNo: 1000001 }).success).toBe(true);
    expect(OPS['fulfil.pick'].args.safeParse({ orderNo: 1000001, lineNos: [] }).success).toBe(false);
    expect(OPS['fulfil.setDeliveryDate'].args.safeParse({ orderNo: 1, date: '2026-1-5' }).success).toBe(false);
  });
});
