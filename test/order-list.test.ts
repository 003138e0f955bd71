// order.list counts a list whose every order is plainly readable (staff; a prescriber's own orders while all their
// workplaces belong to the acting care provider) from the index alone, and checks each order's head otherwise. Both
// ways must give the same page, totals, withheld and flagged counts: a no-op date filter forces the checked way.
import { describe, expect, it } from 'vitest';
import type { OrderListArgs } from '../schemas/orders.ts';
import type { Workplace } from '../schemas/entities.ts';
import { OPS } from '../schemas/ops.ts';
import { listOrders } from '../engine/core/orders/order-list.ts';
import type { Acting } from '../engine/core/patient-access/care-provider.ts';
import type { State } from '../engine/core/state.ts';
import { Prng } from '../engine/seed/prng.ts';
import { user } from './helpers/fixture.ts';
import { codeOf, firstEvent, orderState, PNR, place, run, T0 } from './helpers/order-fixture.ts';

const DAY_MS = 86_400_000;
const REGION = { id: 'region-halland', name: 'Region Halland' };
const KOMMUN = { id: 'kungsbacka-kommun', name: 'Kungsbacka kommun' };
const address = { street: 'Gatan 1', postalCode: '302 33', city: 'Halmstad' };
const workplace = (id: string, customerNo: string, careProvider: typeof REGION): Workplace => ({
  id,
  name: `Arbetsplats ${id}`,
  customerNo,
  bufferWarehouse: null,
  deliveryAddress: address,
  careProvider,
});
const W1 = workplace('w1', '130001', REGION);
const WK = workplace('wk', '138404', KOMMUN);

/** ot1 orders for the region and the municipality, ot3 for the region; some delivered, some cancelled, over weeks. */
function world(seed: number): State {
  const state = orderState();
  state.users.set('ot1', user('ot1', { workplaces: [W1, WK] }));
  state.users.set('ot3', user('ot3', { workplaces: [W1] }));
  const prng = new Prng(seed);
  const patients = [PNR.resident, PNR.otherResident, PNR.palliative];
  for (let i = 0; i < 40; i++) {
    const userId = prng.pick(['ot1', 'ot1', 'ot3']);
    const workplaceId = userId === 'ot3' || prng.chance(0.6) ? 'w1' : 'wk';
    const timeMs = T0 - (40 - i) * 3 * DAY_MS;
    const recipient = { kind: 'patient' as const, pnr: prng.pick(patients) };
    const decision = run(state, place({ userId, workplaceId, recipient }), timeMs);
    expect(codeOf(decision)).toBe('accepted');
    const orderNo = firstEvent(decision, 'order.placed').order.orderNo;
    if (prng.chance(0.2)) run(state, { type: 'order.cancel', userId, orderNo }, timeMs + 1);
  }
  return state;
}

function both(state: State, acting: Acting, args: Partial<OrderListArgs>) {
  const parse = (a: object) => OPS['order.list'].args.parse(a);
  const plain = listOrders(state, acting.user, parse(args), T0, acting);
  const checked = listOrders(state, acting.user, parse({ ...args, fromDate: '1900-01-01' }), T0, acting);
  return { plain, checked };
}

describe('order.list counted from the index or checked per order', () => {
  for (const seed of [1, 2, 3]) {
    it(`given orders by several prescribers and care providers (seed ${seed}), then both ways agree`, () => {
      const state = world(seed);
      const actings: Acting[] = [
        { user: state.users.get('admin')!, workplace: null, timeMs: T0 },
        { user: state.users.get('ot3')!, workplace: W1, timeMs: T0 },
        { user: state.users.get('ot1')!, workplace: W1, timeMs: T0 },
        { user: state.users.get('ot1')!, workplace: WK, timeMs: T0 },
      ];
      const lists: Partial<OrderListArgs>[] = [
        { mine: true },
        { prescriberId: 'ot1' },
        { pnr: PNR.resident },
        { customerNo: '130001' },
        { open: true },
        {},
      ];
      for (const acting of actings)
        for (const list of lists)
          for (const page of [{}, { limit: 3 }, { offset: 5, limit: 4 }]) {
            const { plain, checked } = both(state, acting, { ...list, ...page });
            expect(plain, `${acting.user.id}@${acting.workplace?.id} ${JSON.stringify(list)}`).toEqual(checked);
          }
      // The fast way was taken for staff and for ot3's own orders, and counted every order there is.
      const all = both(state, actings[0], {}).plain;
      expect(all.ok && all.result.total).toBe(state.orders.size);
    });
  }
});
