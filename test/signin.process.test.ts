// Sign-in over a real WebSocket against the engine process: password guessing is throttled (growing delay, then a
// lockout that is logged and counted in /metrics, answered without scrypt), logout everywhere, the admin's
// reactivation, and password sign-in off in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_ADDRESS_FAILURES_MAX, LOGIN_ADDRESS_FREE_FAILURES } from '../schemas/limits.ts';
import { startEngine, type EngineProcess } from './helpers/engine-process.ts';
import { TestClient } from './helpers/ws-client.ts';

const codeOf = (reply: { ok: boolean; error?: { code: string } }) => (reply.ok ? 'ok' : reply.error!.code);

describe('password guessing', () => {
  let engine: EngineProcess;
  beforeAll(async () => {
    engine = await startEngine({ scale: 'tiny' });
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('is throttled: free failures, then too_many_attempts without scrypt, a logged lockout, and the right password waits too', async () => {
    const c = await TestClient.connect(engine.wsUrl, 'json');
    const codes: string[] = [];
    for (let i = 0; i < LOGIN_ADDRESS_FREE_FAILURES; i++) {
      codes.push(codeOf(await c.request('session.login', { username: 'slp1', password: `wrong${i}` })));
    }
    expect(codes).toEqual(Array(LOGIN_ADDRESS_FREE_FAILURES).fill('bad_credentials'));
    // 2 000 guesses in a row: all answered at once, none checked against the password.
    const started = performance.now();
    const replies = await Promise.all(
      Array.from({ length: 2_000 }, (_, i) => c.request('session.login', { username: 'slp1', password: `guess${i}` })),
    );
    const elapsedMs = performance.now() - started;
    expect(new Set(replies.map(codeOf))).toEqual(new Set(['too_many_attempts']));
    const first = replies[0];
    expect(first.ok ? '' : first.error.message).toMatch(
      /^För många misslyckade inloggningsförsök\. Vänta \d+ sekunder/,
    );
    // scrypt costs ~50 ms a call: 2 000 of them would take over a minute.
    expect(elapsedMs).toBeLessThan(10_000);
    const right = await c.request('session.login', { username: 'slp1', password: 'demo' });
    expect(codeOf(right)).toBe('too_many_attempts');
    await c.close();
  });

  it('locks the address out after the maximum, logs it and counts it in /metrics', async () => {
    const c = await TestClient.connect(engine.wsUrl, 'json');
    // Wait out each delay the engine names until the address is locked.
    for (let failures = LOGIN_ADDRESS_FREE_FAILURES; failures < LOGIN_ADDRESS_FAILURES_MAX; ) {
      const reply = await c.request('session.login', { username: 'nurse1', password: 'wrong' });
      if (codeOf(reply) === 'bad_credentials') failures++;
      else await new Promise((r) => setTimeout(r, 250));
    }
    await expect.poll(() => engine.output()).toMatch(/sign-in lockout address=".+" after \d+ failures for 300 s/);
    const metrics = await (await fetch(`${engine.url}/metrics`)).text();
    expect(metrics).toMatch(/^aidstock_login_lockouts_total [1-9]\d*$/m);
    const locked = await c.request('session.login', { username: 'pt1', password: 'demo' });
    expect(locked.ok ? '' : locked.error.message).toContain('Vänta 5 minuter');
    await c.close();
  }, 90_000);
});

describe('sessions and accounts', () => {
  let engine: EngineProcess;
  beforeAll(async () => {
    engine = await startEngine({ scale: 'tiny' });
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('session.logoutAll ends every session of the user, not others', async () => {
    const [a, b, other] = await Promise.all([1, 2, 3].map(() => TestClient.connect(engine.wsUrl, 'json')));
    await a.login('ot1');
    const second = await b.login('ot1');
    await other.login('pt1');
    const ended = await a.request('session.logoutAll', {});
    expect(ended).toMatchObject({ ok: true, result: { sessionsEnded: 2 } });
    expect(codeOf(await a.request('news.list', {}))).toBe('unauthorized');
    expect(codeOf(await b.request('news.list', {}))).toBe('unauthorized');
    const fresh = await TestClient.connect(engine.wsUrl, 'json');
    expect(codeOf(await fresh.request('session.resume', { token: second.token }))).toBe('unauthorized');
    expect(codeOf(await other.request('news.list', {}))).toBe('ok');
    await Promise.all([a, b, other, fresh].map((c) => c.close()));
  });

  it('admin.userReactivate is for admins, and records the time as a sign-in', async () => {
    const admin = await TestClient.connect(engine.wsUrl, 'json');
    const prescriber = await TestClient.connect(engine.wsUrl, 'json');
    await admin.login('admin');
    await prescriber.login('pt1');
    expect(codeOf(await prescriber.request('admin.userReactivate', { userId: 'slp1' }))).toBe('forbidden');
    expect(codeOf(await admin.request('admin.userReactivate', { userId: 'nobody' }))).toBe('not_found');
    const done = await admin.request('admin.userReactivate', { userId: 'slp1' });
    expect(done).toMatchObject({ ok: true, result: { user: { id: 'slp1', lastSignInMs: expect.any(Number) } } });
    await Promise.all([admin.close(), prescriber.close()]);
  });
});

describe('password sign-in off (production)', () => {
  it('refuses session.login with signin_method_off and says so on /auth/config', async () => {
    const engine = await startEngine({ scale: 'tiny', store: 'memory', env: { PASSWORD_SIGNIN: 'off' } });
    try {
      const config = await (await fetch(`${engine.url}/auth/config`)).json();
      expect(config).toEqual({ password: false, oidc: false, idpName: null, nodes: [] });
      const c = await TestClient.connect(engine.wsUrl, 'json');
      const refused = await c.request('session.login', { username: 'ot1', password: 'demo' });
      expect(codeOf(refused)).toBe('signin_method_off');
      expect((await fetch(`${engine.url}/auth/login`)).status).toBe(404);
      await c.close();
    } finally {
      await engine.stop();
    }
  });
});
