// The password-guessing throttle with an injected clock: free failures, a doubling delay, a short lockout, the
// address stopped before the user, a success that clears, and the window that forgets.
import { describe, expect, it } from 'vitest';
import { type Lockout, LoginThrottle, throttledMessage } from '../engine/io/login-throttle.ts';
import {
  LOGIN_ADDRESS_FAILURES_MAX,
  LOGIN_ADDRESS_FREE_FAILURES,
  LOGIN_ADDRESS_LOCKOUT_MS,
  LOGIN_DELAY_BASE_MS,
  LOGIN_DELAY_MS_MAX,
  LOGIN_FAILURE_WINDOW_MS,
  LOGIN_USER_FAILURES_MAX,
  LOGIN_USER_LOCKOUT_MS,
} from '../schemas/limits.ts';

function world() {
  const clock = { now: 1_000_000 };
  const lockouts: Lockout[] = [];
  const throttle = new LoginThrottle(
    () => clock.now,
    (l) => lockouts.push(l),
  );
  /** Fails as often as the throttle lets it, waiting out each delay; returns the waits seen. */
  const guess = (address: string, username: string, times: number) => {
    const waits: number[] = [];
    for (let i = 0; i < times; i++) {
      const throttled = throttle.check(address, username);
      if (throttled !== null) {
        waits.push(throttled.waitMs);
        clock.now += throttled.waitMs;
      }
      throttle.failed(address, username);
    }
    return waits;
  };
  return { clock, lockouts, throttle, guess };
}

describe('login throttle', () => {
  it('lets the free failures through, then makes each attempt wait a doubling delay', () => {
    const { throttle, clock } = world();
    for (let i = 0; i < LOGIN_ADDRESS_FREE_FAILURES - 1; i++) {
      expect(throttle.check('10.0.0.1', 'ot1')).toBeNull();
      throttle.failed('10.0.0.1', 'ot1');
    }
    expect(throttle.check('10.0.0.1', 'ot1')).toBeNull();
    throttle.failed('10.0.0.1', 'ot1');
    expect(throttle.check('10.0.0.1', 'ot1')).toEqual({ waitMs: LOGIN_DELAY_BASE_MS, by: 'address' });
    clock.now += LOGIN_DELAY_BASE_MS;
    expect(throttle.check('10.0.0.1', 'ot1')).toBeNull();
    throttle.failed('10.0.0.1', 'ot1');
    expect(throttle.check('10.0.0.1', 'ot1')?.waitMs).toBe(2 * LOGIN_DELAY_BASE_MS);
  });

  it('locks the address out after its maximum, logged once per lockout, and lets it in after the window', () => {
    const { throttle, clock, lockouts, guess } = world();
    guess('10.0.0.1', 'ot1', LOGIN_ADDRESS_FAILURES_MAX);
    expect(lockouts).toEqual([
      { key: 'address', value: '10.0.0.1', failures: LOGIN_ADDRESS_FAILURES_MAX, lockoutMs: LOGIN_ADDRESS_LOCKOUT_MS },
    ]);
    expect(throttle.lockouts).toBe(1);
    expect(throttle.check('10.0.0.1', 'ot1')).toEqual({ waitMs: LOGIN_ADDRESS_LOCKOUT_MS, by: 'address' });
    // Another address may still try the same user: the address was stopped before the user's lockout.
    const fromElsewhere = throttle.check('10.0.0.2', 'ot1');
    expect(fromElsewhere === null || fromElsewhere.waitMs <= LOGIN_DELAY_MS_MAX).toBe(true);
    clock.now += LOGIN_ADDRESS_LOCKOUT_MS;
    expect(throttle.check('10.0.0.1', 'ot1')).toBeNull();
  });

  it('locks a user guessed at from many addresses only for the short user lockout', () => {
    const { throttle, clock, lockouts } = world();
    for (let i = 0; i < LOGIN_USER_FAILURES_MAX; i++) {
      const address = `10.0.1.${i}`;
      const throttled = throttle.check(address, 'ot1');
      if (throttled !== null) clock.now += throttled.waitMs;
      throttle.failed(address, 'ot1');
    }
    expect(lockouts.at(-1)).toMatchObject({ key: 'user', value: 'ot1', lockoutMs: LOGIN_USER_LOCKOUT_MS });
    expect(throttle.check('10.9.9.9', 'ot1')).toEqual({ waitMs: LOGIN_USER_LOCKOUT_MS, by: 'user' });
    expect(throttle.check('10.9.9.9', 'pt1')).toBeNull();
    clock.now += LOGIN_USER_LOCKOUT_MS;
    expect(throttle.check('10.9.9.9', 'ot1')).toBeNull();
  });

  it('caps the delay, clears on success and forgets failures after the window', () => {
    const { throttle, clock, guess } = world();
    const waits = guess('10.0.0.1', 'ot1', LOGIN_ADDRESS_FAILURES_MAX - 1);
    expect(Math.max(...waits)).toBeLessThanOrEqual(LOGIN_DELAY_MS_MAX);
    throttle.succeeded('10.0.0.1', 'ot1');
    expect(throttle.check('10.0.0.1', 'ot1')).toBeNull();
    guess('10.0.0.1', 'ot1', LOGIN_ADDRESS_FREE_FAILURES);
    expect(throttle.check('10.0.0.1', 'ot1')).not.toBeNull();
    clock.now += LOGIN_FAILURE_WINDOW_MS + 1;
    expect(throttle.check('10.0.0.1', 'ot1')).toBeNull();
    expect(throttle.size).toBe(0);
  });

  it('answers in Swedish with the wait', () => {
    expect(throttledMessage({ waitMs: 1_500, by: 'user' })).toBe(
      'För många misslyckade inloggningsförsök. Vänta 2 sekunder och försök igen.',
    );
    expect(throttledMessage({ waitMs: LOGIN_ADDRESS_LOCKOUT_MS, by: 'address' })).toContain('Vänta 5 minuter');
  });
});
