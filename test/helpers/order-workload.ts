// The orders workload of test/orders-model.test.ts, shared with the read-replica test (issue 17): a seeded random mix
// of placements, cancels, fulfilment steps, date changes, returns and stock adjustments over the order fixture.
import { mulberry32 } from '../../common/prng.ts';
import type { Command } from '../../engine/core/commands.ts';
import type { State } from '../../engine/core/state.ts';
import { ART, PNR, place } from './order-fixture.ts';

/** mulberry32: small, fast, good enough to drive a workload. */
export function prng(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}

export const USERS = ['ot1', 'ot2', 'pt1'] as const;
export const PATIENTS = [PNR.resident, PNR.otherResident, PNR.palliative, PNR.protected] as const;
export const ARTICLES = [
  ART.rollator,
  ART.rollatorOld,
  ART.basket,
  ART.outgoing,
  ART.showerChair,
  ART.wheelchair,
  ART.futura,
] as const;

export function randomCommand(r: ReturnType<typeof prng>, state: State, i: number): Command {
  const roll = r.next();
  const orders = state.orderIndex.all;
  const someOrder = () => (orders.length === 0 ? 1 : r.pick(orders));
  if (roll < 0.35 || orders.length === 0) {
    const lines = Array.from({ length: r.int(1, 3) }, () => ({
      artNo: r.pick(ARTICLES),
      quantity: r.int(1, 3),
      ...(r.next() < 0.5 ? { replacement: r.pick(['accept', 'refuse'] as const) } : {}),
    }));
    const userId = r.pick(USERS);
    return place({
      userId,
      idempotencyKey: `m${r.int(0, i)}`,
      recipient: { kind: 'patient', pnr: r.pick(PATIENTS) },
      lines,
      source: userId === 'ot1' && r.next() < 0.2 ? 'buffer' : 'main',
      delivery: { partial: r.next() < 0.5 },
    });
  }
  if (roll < 0.45) return { type: 'order.cancel', userId: r.pick(USERS), orderNo: someOrder() };
  if (roll < 0.8) {
    return {
      type: 'fulfil.step',
      userId: 'hmc1',
      step: r.pick(['pick', 'pick', 'dispatch', 'deliver', 'cancel'] as const),
      orderNo: someOrder(),
      lineNos: null,
    };
  }
  if (roll < 0.83)
    return { type: 'order.setDeliveryDate', userId: 'hmc1', orderNo: someOrder(), date: '2027-01-15', note: '' };
  if (roll < 0.86) {
    // A return of a unit a patient holds (delivered by an earlier order, or from the fixture): back on the shelf in 10.
    const held = [...state.individualsByPnr.values()].flat();
    if (held.length > 0) {
      const ind = state.individuals.get(r.pick(held))!;
      return {
        type: 'stock.adjust',
        userId: 'hmc1',
        warehouse: '10',
        artNo: ind.artNo,
        delta: 1,
        reason: 'returned',
        note: '',
        individuals: [ind.indNo],
      };
    }
  }
  const delta = r.next() < 0.7 ? r.int(1, 4) : -r.int(1, 3);
  return {
    type: 'stock.adjust',
    userId: 'hmc1',
    warehouse: r.next() < 0.9 ? '10' : 'B101',
    artNo: r.pick(ARTICLES),
    delta,
    reason: delta > 0 ? r.pick(['received', 'returned'] as const) : 'damaged',
    note: '',
  };
}
