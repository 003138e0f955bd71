// The core's sign-in record: a dormant account (no sign-in for ACCOUNT_DORMANT_MS) is refused until an admin
// reactivates it; every sign-in moves the mark.
import { describe, expect, it } from 'vitest';
import { ACCOUNT_DORMANT_MS } from '../schemas/limits.ts';
import { orderState, run, T0 } from './helpers/order-fixture.ts';

describe('user sign-in and reactivation (core)', () => {
  it('records a sign-in with its time', () => {
    const state = orderState();
    const decision = run(state, { type: 'user.signIn', userId: 'ot1' }, T0);
    expect(decision).toEqual({ ok: true, events: [{ type: 'user.signedIn', userId: 'ot1', timeMs: T0 }] });
    expect(state.users.get('ot1')?.lastSignInMs).toBe(T0);
  });

  it('refuses a dormant account until reactivated, then lets it sign in', () => {
    const state = orderState();
    run(state, { type: 'user.signIn', userId: 'ot1' }, T0);
    expect(run(state, { type: 'user.signIn', userId: 'ot1' }, T0 + ACCOUNT_DORMANT_MS).ok).toBe(true);
    const late = T0 + 2 * ACCOUNT_DORMANT_MS + 1;
    const refused = run(state, { type: 'user.signIn', userId: 'ot1' }, late);
    expect(refused).toMatchObject({ ok: false, code: 'account_inactive' });
    expect(refused.ok ? '' : refused.message).toContain('12 månader');
    expect(state.users.get('ot1')?.lastSignInMs).toBe(T0 + ACCOUNT_DORMANT_MS);
    const reactivated = run(state, { type: 'user.reactivate', userId: 'ot1', byUserId: 'admin' }, late);
    expect(reactivated).toEqual({
      ok: true,
      events: [{ type: 'user.reactivated', userId: 'ot1', byUserId: 'admin', timeMs: late }],
    });
    expect(run(state, { type: 'user.signIn', userId: 'ot1' }, late + 1000).ok).toBe(true);
  });

  it('lets a never signed-in account in, and refuses reactivating an unknown user', () => {
    const state = orderState();
    expect(run(state, { type: 'user.signIn', userId: 'pt1' }, T0 + 10 * ACCOUNT_DORMANT_MS).ok).toBe(true);
    expect(run(state, { type: 'user.reactivate', userId: 'nobody', byUserId: 'admin' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});
