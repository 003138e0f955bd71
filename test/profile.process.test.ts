// Dina uppgifter: a user keeps the e-mail and phone HMC reaches them on. Core given/when/then, the edge's validation,
// and over a real WebSocket: the change is acknowledged, seen at the next sign-in, and survives a restart.
import { describe, expect, it } from 'vitest';
import { rowsTouched } from '../engine/core/projection.ts';
import { OPS } from '../schemas/ops.ts';
import { startEngine, tempDataDir } from './helpers/engine-process.ts';
import { orderState, run } from './helpers/order-fixture.ts';
import { TestClient } from './helpers/ws-client.ts';

describe('profile.update in the core', () => {
  it('given ot1, when the contact details change, then the user has them and only the users row is touched', () => {
    const state = orderState();
    const decision = run(state, {
      type: 'profile.update',
      userId: 'ot1',
      email: 'anna.ny@regionhalland.se',
      phone: '035-13 10 00',
    });
    expect(decision.ok && decision.events).toEqual([
      { type: 'user.contactChanged', userId: 'ot1', email: 'anna.ny@regionhalland.se', phone: '035-13 10 00' },
    ]);
    expect(state.users.get('ot1')).toMatchObject({
      email: 'anna.ny@regionhalland.se',
      phone: '035-13 10 00',
      roles: ['prescriber'],
    });
    if (decision.ok) expect(decision.events.flatMap((e) => rowsTouched(e))).toEqual([['users', 'ot1']]);
  });

  it('refuses at the edge an address that is not an e-mail, a phone with letters, and over-long values', () => {
    const args = OPS['profile.update'].args;
    expect(args.safeParse({ email: ' anna@example.se ', phone: '+46 35 13 10 00' }).success).toBe(true);
    for (const bad of [
      { email: 'anna', phone: '035-131000' },
      { email: 'anna@example.se', phone: 'ring mig' },
      { email: `${'a'.repeat(96)}@x.se`, phone: '035-131000' },
      { email: 'anna@example.se', phone: '0'.repeat(31) },
      { email: 'anna@example.se', phone: '035-131000', name: 'x' },
    ]) {
      expect(args.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('profile.update over the WebSocket', () => {
  it('is acknowledged with the user, shown at the next sign-in, and still there after a restart', async () => {
    const dataDir = tempDataDir('profile');
    let engine = await startEngine({ dataDir });
    try {
      const ot = await TestClient.connect(engine.wsUrl);
      await ot.login('ot1');
      const { user } = await ot.call('profile.update', {
        email: 'anna.bergstrom@regionhalland.se',
        phone: '035-17 50 00',
      });
      expect(user).toMatchObject({ id: 'ot1', email: 'anna.bergstrom@regionhalland.se', phone: '035-17 50 00' });
      expect(user.passwordHash).toBeUndefined();
      const bad = await ot.request('profile.update', { email: 'nope', phone: '035-17 50 00' });
      expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid_request');
      await engine.stop();
      engine = await startEngine({ dataDir });
      const again = await TestClient.connect(engine.wsUrl);
      expect((await again.login('ot1')).user).toMatchObject({
        email: 'anna.bergstrom@regionhalland.se',
        phone: '035-17 50 00',
      });
    } finally {
      await engine.stop();
    }
  });
});
