// The user administration and the prescribing-rule preview over a real WebSocket (issue 14): every new op refused
// to prescribers and HMC staff (`forbidden`) and to bad input (`invalid_request`) while the engine keeps serving; an
// admin creates an account, sets its password (given and generated), and a deactivated account's open session ends
// at once and its sign-in is refused until it is activated again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const codeOf = (reply: { ok: boolean; error?: { code: string } }) => (reply.ok ? 'ok' : reply.error!.code);

const workplace = {
  id: 'w-kba',
  name: 'Rehab Kungsbacka',
  customerNo: '130077',
  deliveryAddress: { street: 'Storgatan 1', postalCode: '434 30', city: 'Kungsbacka' },
  bufferWarehouse: null,
  careProvider: { id: 'kungsbacka-kommun', name: 'Kungsbacka kommun' },
};
const newUser = {
  id: 'ot7',
  username: 'ot7',
  name: 'Nina Nyström',
  profession: 'ot',
  roles: ['prescriber'],
  workplaces: [workplace],
  email: 'nina@example.se',
  phone: '0300-12 34 56',
};

/** A valid call of every new op: refused by role before anything is looked up. */
const VALID: Array<[string, unknown]> = [
  ['admin.userList', {}],
  ['admin.user', { userId: 'pt1' }],
  ['admin.workplaceOptions', {}],
  ['admin.userUpsert', { user: newUser, expectNew: true }],
  ['admin.userDeactivate', { userId: 'slp1' }],
  ['admin.userActivate', { userId: 'slp1' }],
  ['admin.passwordReset', { userId: 'slp1', password: 'hemligt-lösen' }],
  ['admin.prescribingRulePreview', { profession: 'pt', isoPrefixes: ['12'] }],
];

const BAD: Array<[string, unknown]> = [
  ['admin.userList', { limit: 0 }],
  ['admin.userList', { profession: 'doctor' }],
  ['admin.userList', { text: 'x'.repeat(65) }],
  ['admin.user', { userId: 'Not An Id' }],
  ['admin.user', {}],
  ['admin.workplaceOptions', { extra: 1 }],
  ['admin.userUpsert', { user: { ...newUser, passwordHash: 'scrypt$00$00' } }],
  ['admin.userUpsert', { user: { ...newUser, username: 'Has Spaces' } }],
  ['admin.userUpsert', { user: { ...newUser, roles: ['prescriber', 'prescriber'] } }],
  ['admin.userUpsert', { user: { ...newUser, email: 'not-an-email' } }],
  ['admin.userUpsert', { user: { ...newUser, workplaces: [{ ...workplace, customerNo: 'abc' }] } }],
  ['admin.userUpsert', { user: { ...newUser, workplaces: Array(21).fill(workplace) } }],
  ['admin.userUpsert', { user: { ...newUser, lastSignInMs: 1 } }],
  ['admin.userDeactivate', { userId: 42 }],
  ['admin.userActivate', null],
  ['admin.passwordReset', { userId: 'slp1', password: 'short' }],
  ['admin.passwordReset', { userId: 'slp1', password: 'x'.repeat(257) }],
  ['admin.prescribingRulePreview', { profession: 'pt', isoPrefixes: ['12 x'] }],
  ['admin.prescribingRulePreview', { profession: 'pt' }],
];

describe('user administration over the WebSocket', () => {
  let engine: EngineProcess;
  let admin: TestClient;
  beforeAll(async () => {
    engine = await startEngine({ scale: 'tiny' });
    admin = await TestClient.connect(engine.wsUrl, 'json');
    await admin.login('admin');
  });
  afterAll(async () => {
    await admin?.close();
    await engine?.stop();
  });

  it('refuses every new op to prescribers and HMC staff with forbidden', async () => {
    for (const username of ['pt1', 'hmc1']) {
      const c = await TestClient.connect(engine.wsUrl, 'msgpack');
      await c.login(username);
      for (const [op, args] of VALID) expect([op, codeOf(await c.request(op, args))]).toEqual([op, 'forbidden']);
      await c.close();
    }
    const anonymous = await TestClient.connect(engine.wsUrl, 'json');
    expect(codeOf(await anonymous.request('admin.userList', {}))).toBe('unauthorized');
    await anonymous.close();
  });

  it('refuses bad input with invalid_request and keeps serving', async () => {
    for (const [op, args] of BAD) expect([op, codeOf(await admin.request(op, args))]).toEqual([op, 'invalid_request']);
    expect(codeOf(await admin.request('admin.userList', {}))).toBe('ok');
  });

  it('lists accounts paged and filtered, never with a password hash', async () => {
    const all = await admin.call('admin.userList', {});
    expect(all.total).toBeGreaterThanOrEqual(7);
    expect(JSON.stringify(all)).not.toMatch(/scrypt|passwordHash/);
    const page = await admin.call('admin.userList', { limit: 2, offset: 1 });
    expect(page.users.map((u: { id: string }) => u.id)).toEqual(all.users.slice(1, 3).map((u: { id: string }) => u.id));
    const pts = await admin.call('admin.userList', { profession: 'pt' });
    expect(pts.users.map((u: { id: string }) => u.id)).toEqual(['pt1']);
    const one = await admin.call('admin.user', { userId: 'ot1' });
    expect(one.user).toMatchObject({ id: 'ot1', dormant: false, deactivatedMs: null, hasPassword: true });
    expect(codeOf(await admin.request('admin.user', { userId: 'nobody' }))).toBe('not_found');
    const options = await admin.call('admin.workplaceOptions', {});
    expect(options.bufferWarehouses.length).toBeGreaterThan(0);
    expect(options.careProviders[0].id).toBe('region-halland');
  });

  it('creates an account, refuses the rejections, sets a given and a generated password that sign in', async () => {
    const options = await admin.call('admin.workplaceOptions', {});
    const buffer = options.bufferWarehouses[0].id;
    const bad = { ...newUser, workplaces: [{ ...workplace, bufferWarehouse: '10' }] };
    expect(codeOf(await admin.request('admin.userUpsert', { user: bad, expectNew: true }))).toBe(
      'not_buffer_warehouse',
    );
    const taken = { ...newUser, username: 'pt1' };
    expect(codeOf(await admin.request('admin.userUpsert', { user: taken, expectNew: true }))).toBe('username_taken');
    expect(codeOf(await admin.request('admin.userUpsert', { user: newUser }))).toBe('not_found');
    const user = { ...newUser, workplaces: [{ ...workplace, bufferWarehouse: buffer }] };
    const created = await admin.call('admin.userUpsert', { user, expectNew: true });
    expect(created.user).toMatchObject({ id: 'ot7', hasPassword: false, workplaces: [{ bufferWarehouse: buffer }] });
    expect(codeOf(await admin.request('admin.userUpsert', { user, expectNew: true }))).toBe('user_exists');
    const c = await TestClient.connect(engine.wsUrl, 'json');
    expect(codeOf(await c.request('session.login', { username: 'ot7', password: 'demo' }))).toBe('bad_credentials');
    const given = await admin.call('admin.passwordReset', { userId: 'ot7', password: 'ett-nytt-lösen' });
    expect(given.password).toBeUndefined();
    expect(given.user.hasPassword).toBe(true);
    expect((await c.login('ot7', 'ett-nytt-lösen')).user.name).toBe('Nina Nyström');
    const generated = await admin.call('admin.passwordReset', { userId: 'ot7' });
    expect(generated.password).toMatch(/^[A-Za-z2-9]{14}$/);
    expect((await c.login('ot7', generated.password)).user.id).toBe('ot7');
    expect(codeOf(await admin.request('admin.passwordReset', { userId: 'nobody', password: '12345678' }))).toBe(
      'not_found',
    );
    await c.close();
  });

  it("ends a deactivated user's open session at once and refuses its sign-in until activated", async () => {
    const nurse = await TestClient.connect(engine.wsUrl, 'msgpack');
    await nurse.login('nurse1');
    expect(codeOf(await nurse.request('message.list', {}))).toBe('ok');
    const off = await admin.call('admin.userDeactivate', { userId: 'nurse1' });
    expect(off.sessionsEnded).toBe(1);
    expect(off.user.deactivatedMs).toEqual(expect.any(Number));
    expect(codeOf(await nurse.request('message.list', {}))).toBe('unauthorized');
    const again = await nurse.request('session.login', { username: 'nurse1', password: 'demo' });
    expect(codeOf(again)).toBe('account_deactivated');
    expect(again.ok ? '' : again.error.message).toContain('avstängt');
    const flagged = await admin.call('admin.userList', { flagged: true });
    expect(flagged.users.map((u: { id: string }) => u.id)).toContain('nurse1');
    await admin.call('admin.userActivate', { userId: 'nurse1' });
    expect((await nurse.login('nurse1')).user.id).toBe('nurse1');
    await nurse.close();
  });

  it('refuses an admin deactivating themselves and removing the last admin role', async () => {
    const self = await admin.request('admin.userDeactivate', { userId: 'admin' });
    expect(codeOf(self)).toBe('self_deactivate');
    const me = (await admin.call('admin.user', { userId: 'admin' })).user;
    const { dormant: _d, deactivatedMs: _o, lastSignInMs: _l, hasPassword: _h, ...profile } = me;
    const demoted = await admin.request('admin.userUpsert', { user: { ...profile, roles: ['staff'] } });
    expect(codeOf(demoted)).toBe('last_admin');
    expect(codeOf(await admin.request('admin.userDeactivate', { userId: 'nobody' }))).toBe('not_found');
  });

  it('previews a prescribing-rule change per profession, then the saved rule holds', async () => {
    const preview = await admin.call('admin.prescribingRulePreview', { profession: 'pt', isoPrefixes: ['04 48'] });
    expect(preview.lost.count).toBeGreaterThan(0);
    expect(preview.lost.examples.length).toBeGreaterThan(0);
    expect(preview.before).toContain('12');
    const unknown = await admin.request('admin.prescribingRulePreview', { profession: 'pt', isoPrefixes: ['99 99'] });
    expect(codeOf(unknown)).toBe('unknown_iso_code');
    const rules = await admin.call('prescribingRule.list', {});
    expect(rules.rules.find((r: { profession: string }) => r.profession === 'pt').isoPrefixes).toContain('12');
  });
});
