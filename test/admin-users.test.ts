// The user administration in the core (issue 14): given a state, when an admin creates, edits, deactivates,
// activates or resets an account, then these events (naming the admin, the account and what it was before, never a
// hash outside the reset's own field) or this rejection, each rejection code in the order the checks run.
import { describe, expect, it } from 'vitest';
import type { UserProfile } from '../schemas/admin-users.ts';
import { Event } from '../schemas/events.ts';
import { ACCOUNT_DORMANT_MS } from '../schemas/limits.ts';
import { getUser, listUsers, workplaceOptions } from '../engine/core/users/queries.ts';
import { profileOf } from '../engine/core/users/decide-admin.ts';
import { codeOf, orderState, run, T0 } from './helpers/order-fixture.ts';

const HASH = `scrypt$${'ab'.repeat(16)}$${'cd'.repeat(32)}`;

function newProfile(over: Partial<UserProfile> = {}): UserProfile {
  return {
    id: 'ot9',
    username: 'ot9',
    name: 'Nina Arbetsterapeut',
    profession: 'ot',
    roles: ['prescriber'],
    workplaces: [
      {
        id: 'w9',
        name: 'Rehab Kungsbacka',
        customerNo: '130009',
        deliveryAddress: { street: 'Storgatan 1', postalCode: '434 30', city: 'Kungsbacka' },
        bufferWarehouse: 'B101',
        careProvider: { id: 'kungsbacka-kommun', name: 'Kungsbacka kommun' },
      },
    ],
    email: 'nina@example.se',
    phone: '0300-123 45',
    hsaId: 'SE2321000131-E000000000099',
    ...over,
  };
}

const upsert = (user: UserProfile, expectNew = false, userId = 'admin') =>
  ({ type: 'user.upsert', userId, user, expectNew }) as const;
const listArgs = { text: '', flagged: false, limit: 50, offset: 0 };

describe('admin.userUpsert (core)', () => {
  it('creates an account without a password: the event names the admin, the account and before = null', () => {
    const state = orderState();
    const decision = run(state, upsert(newProfile(), true));
    expect(decision).toEqual({
      ok: true,
      events: [{ type: 'user.upserted', userId: 'admin', targetUserId: 'ot9', profile: newProfile(), before: null }],
    });
    expect(Event.safeParse(decision.ok && decision.events[0]).success).toBe(true);
    expect(state.users.get('ot9')).toMatchObject({ ...newProfile(), passwordHash: '' });
    expect(state.usersByUsername.get('ot9')).toBe('ot9');
  });

  it('edits an account: before is the old profile without hash or sign-in time; hash and sign-in are kept', () => {
    const state = orderState();
    run(state, { type: 'user.signIn', userId: 'pt1' }, T0);
    const old = state.users.get('pt1')!;
    const changed = { ...profileOf(old), name: 'Per Fysioterapeut', username: 'per.f', hsaId: undefined };
    delete changed.hsaId;
    const decision = run(state, upsert(changed));
    expect(decision.ok && decision.events[0]).toMatchObject({ before: profileOf(old), profile: changed });
    expect(JSON.stringify(decision)).not.toContain('passwordHash');
    expect(state.users.get('pt1')).toMatchObject({ name: 'Per Fysioterapeut', passwordHash: old.passwordHash });
    expect(state.users.get('pt1')?.lastSignInMs).toBe(T0);
    expect(state.usersByUsername.get('per.f')).toBe('pt1');
    expect(state.usersByUsername.has('pt1')).toBe(false);
  });

  it('refuses, in order: user_exists / not_found, username_taken, not_buffer_warehouse, last_admin', () => {
    const state = orderState();
    expect(codeOf(run(state, upsert(newProfile({ id: 'ot1' }), true)))).toBe('user_exists');
    expect(codeOf(run(state, upsert(newProfile())))).toBe('not_found');
    expect(codeOf(run(state, upsert(newProfile({ username: 'pt1' }), true)))).toBe('username_taken');
    const [workplace] = newProfile().workplaces;
    const main = newProfile({ workplaces: [{ ...workplace, bufferWarehouse: '10' }] });
    const missing = newProfile({ workplaces: [{ ...workplace, bufferWarehouse: 'B999' }] });
    const refused = run(state, upsert(main, true));
    expect(codeOf(refused)).toBe('not_buffer_warehouse');
    expect(refused.ok ? '' : refused.message).toContain('inget buffertlager');
    expect(codeOf(run(state, upsert(missing, true)))).toBe('not_buffer_warehouse');
    const admin = profileOf(state.users.get('admin')!);
    const lastAdmin = run(state, upsert({ ...admin, roles: ['staff'] }));
    expect(codeOf(lastAdmin)).toBe('last_admin');
    expect(lastAdmin.ok ? '' : lastAdmin.message).toContain('sista aktiva administratören');
    expect(state.users.has('ot9')).toBe(false);
  });

  it('lets an admin role go when another active admin remains', () => {
    const state = orderState();
    run(state, upsert(newProfile({ id: 'admin2', username: 'admin2', roles: ['admin'] }), true));
    const admin = profileOf(state.users.get('admin')!);
    expect(codeOf(run(state, upsert({ ...admin, roles: ['staff'] }), T0))).toBe('accepted');
    expect(state.users.get('admin')?.roles).toEqual(['staff']);
  });
});

describe('admin.userDeactivate / admin.userActivate (core)', () => {
  it('deactivates: sign-in is refused; activation lets it in again; events carry status and before', () => {
    const state = orderState();
    const off = run(state, { type: 'user.deactivate', userId: 'admin', targetUserId: 'pt1' }, T0);
    expect(off).toEqual({
      ok: true,
      events: [
        {
          type: 'user.deactivated',
          userId: 'admin',
          targetUserId: 'pt1',
          timeMs: T0,
          status: { deactivatedMs: T0 },
          before: { deactivatedMs: null },
        },
      ],
    });
    const refused = run(state, { type: 'user.signIn', userId: 'pt1' }, T0 + 1);
    expect(refused).toMatchObject({ ok: false, code: 'account_deactivated' });
    expect(refused.ok ? '' : refused.message).toContain('avstängt');
    const on = run(state, { type: 'user.activate', userId: 'admin', targetUserId: 'pt1' }, T0 + 2);
    expect(on.ok && on.events[0]).toMatchObject({ status: { deactivatedMs: null }, before: { deactivatedMs: T0 } });
    expect(state.users.get('pt1')?.deactivatedMs).toBeUndefined();
    expect(codeOf(run(state, { type: 'user.signIn', userId: 'pt1' }, T0 + 3))).toBe('accepted');
  });

  it('refuses, in order: not_found, self_deactivate, last_admin', () => {
    const state = orderState();
    expect(codeOf(run(state, { type: 'user.deactivate', userId: 'admin', targetUserId: 'nobody' }))).toBe('not_found');
    expect(codeOf(run(state, { type: 'user.activate', userId: 'admin', targetUserId: 'nobody' }))).toBe('not_found');
    expect(codeOf(run(state, { type: 'user.deactivate', userId: 'admin', targetUserId: 'admin' }))).toBe(
      'self_deactivate',
    );
    // A staff member (not an admin) cannot reach the core with it, but the core still guards the last admin.
    expect(codeOf(run(state, { type: 'user.deactivate', userId: 'hmc1', targetUserId: 'admin' }))).toBe('last_admin');
  });

  it('keeps the first deactivation time when deactivated twice', () => {
    const state = orderState();
    run(state, { type: 'user.deactivate', userId: 'admin', targetUserId: 'pt1' }, T0);
    const again = run(state, { type: 'user.deactivate', userId: 'admin', targetUserId: 'pt1' }, T0 + 5);
    expect(again.ok && again.events[0]).toMatchObject({ status: { deactivatedMs: T0 }, before: { deactivatedMs: T0 } });
  });
});

describe('admin.passwordReset (core)', () => {
  it('stores the hash the edge computed, in the event field of its own only', () => {
    const state = orderState();
    const decision = run(state, {
      type: 'user.passwordReset',
      userId: 'admin',
      targetUserId: 'pt1',
      passwordHash: HASH,
    });
    expect(decision).toEqual({
      ok: true,
      events: [{ type: 'user.passwordReset', userId: 'admin', targetUserId: 'pt1', timeMs: T0, passwordHash: HASH }],
    });
    expect(state.users.get('pt1')?.passwordHash).toBe(HASH);
    const unknown = {
      type: 'user.passwordReset',
      userId: 'admin',
      targetUserId: 'nobody',
      passwordHash: HASH,
    } as const;
    expect(codeOf(run(state, unknown))).toBe('not_found');
  });
});

describe('admin.userList / admin.user / admin.workplaceOptions (core)', () => {
  it('filters, flags dormant and deactivated accounts, and never shows a hash', () => {
    const state = orderState();
    run(state, { type: 'user.signIn', userId: 'slp1' }, T0);
    run(state, { type: 'user.deactivate', userId: 'admin', targetUserId: 'nurse1' }, T0);
    const later = T0 + ACCOUNT_DORMANT_MS + 1;
    const all = listUsers(state, listArgs, later);
    expect(all.ok && all.result.total).toBe(state.users.size);
    expect(JSON.stringify(all)).not.toContain('scrypt');
    const flagged = listUsers(state, { ...listArgs, flagged: true }, later);
    const rows = flagged.ok ? flagged.result.users : [];
    expect(rows.map((u) => [u.id, u.dormant, u.deactivatedMs]).sort()).toEqual([
      ['nurse1', false, T0],
      ['slp1', true, null],
    ]);
    const pts = listUsers(state, { ...listArgs, profession: 'pt' }, later);
    expect(pts.ok && pts.result.users.map((u) => u.id)).toEqual(['pt1']);
    const admins = listUsers(state, { ...listArgs, role: 'admin', text: 'ADM' }, later);
    expect(admins.ok && admins.result.users.map((u) => u.id)).toEqual(['admin']);
    const page = listUsers(state, { ...listArgs, limit: 2, offset: 2 }, later);
    expect(page.ok && page.result.users.length).toBe(2);
    expect(getUser(state, 'nobody', later)).toMatchObject({ ok: false, code: 'not_found' });
    const one = getUser(state, 'slp1', later);
    expect(one.ok && one.result.user).toMatchObject({ id: 'slp1', dormant: true, hasPassword: true });
    expect(one.ok && 'passwordHash' in one.result.user).toBe(false);
  });

  it('offers buffer warehouses only, and the care providers known, the region first', () => {
    const state = orderState();
    run(state, upsert(newProfile(), true));
    const options = workplaceOptions(state);
    expect(options.ok && options.result.bufferWarehouses.map((w) => w.id)).toEqual(['B101']);
    expect(options.ok && options.result.careProviders.map((c) => c.id)).toEqual([
      'region-halland',
      'kungsbacka-kommun',
    ]);
  });
});

describe('user administration schemas', () => {
  it('accepts a profile and refuses a hash, a bad username, repeated roles, a bad customer number', async () => {
    const { PasswordResetArgs, UserUpsertArgs } = await import('../schemas/admin-users.ts');
    expect(UserUpsertArgs.safeParse({ user: newProfile() }).success).toBe(true);
    expect(UserUpsertArgs.parse({ user: newProfile() }).expectNew).toBe(false);
    const refused = (user: unknown) => UserUpsertArgs.safeParse({ user }).success;
    expect(refused({ ...newProfile(), passwordHash: HASH })).toBe(false);
    expect(refused({ ...newProfile(), username: 'Stora Bokstäver' })).toBe(false);
    expect(refused({ ...newProfile(), roles: ['admin', 'admin'] })).toBe(false);
    expect(refused({ ...newProfile(), email: 'nej' })).toBe(false);
    expect(refused({ ...newProfile(), email: '' })).toBe(true);
    const [workplace] = newProfile().workplaces;
    expect(refused({ ...newProfile(), workplaces: [{ ...workplace, customerNo: '12' }] })).toBe(false);
    expect(refused({ ...newProfile(), workplaces: [workplace, workplace] })).toBe(false);
    expect(PasswordResetArgs.safeParse({ userId: 'pt1' }).success).toBe(true);
    expect(PasswordResetArgs.safeParse({ userId: 'pt1', password: 'kort' }).success).toBe(false);
  });
});
