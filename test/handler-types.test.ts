// The helpers every op handler shares (engine/io/handler-types.ts): the event an accepted command must have produced,
// the signed-in user of a role-checked op, and the op → handler table covering exactly the ops of the contract.
import { describe, expect, it } from 'vitest';
import { firstEvent, type HandlerContext, me } from '../engine/io/handler-types.ts';
import { HANDLERS } from '../engine/io/handlers.ts';
import { OPS } from '../schemas/ops.ts';
import { orderState, place, run } from './helpers/order-fixture.ts';

describe('firstEvent', () => {
  it('returns the first event of an accepted command, typed by its type', () => {
    const decision = run(orderState(), place());
    const placed = firstEvent(decision, 'order.placed');
    expect(placed.order.lines[0]?.quantity).toBe(1);
    expect(placed).toBe(decision.ok ? decision.events[0] : null);
  });

  it('throws when the first event is of another type (a broken invariant, not a refusal)', () => {
    const decision = run(orderState(), place());
    expect(() => firstEvent(decision, 'pickup.created')).toThrow('expected pickup.created, got order.placed');
    expect(() => firstEvent({ ok: true, events: [] }, 'order.placed')).toThrow('expected order.placed, got no event');
  });

  it('throws with the code and message of a refused command', () => {
    const refused = run(orderState(), place({ lines: [{ artNo: 'no-such-article', quantity: 1 }] }));
    expect(refused.ok).toBe(false);
    expect(() => firstEvent(refused, 'order.placed')).toThrow(/^expected order\.placed, got [a-z_]+: /);
  });
});

describe('me', () => {
  it('is the signed-in user, and throws when a role-checked op runs without one', () => {
    const state = orderState();
    const user = state.users.get('ot1')!;
    expect(me({ user } as HandlerContext)).toBe(user);
    expect(() => me({ user: null } as HandlerContext)).toThrow('without a user');
  });
});

describe('HANDLERS', () => {
  it('has one handler for every op of the contract and none besides', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(Object.keys(OPS).sort());
    for (const handler of Object.values(HANDLERS)) expect(typeof handler).toBe('function');
  });
});
