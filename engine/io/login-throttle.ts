// Password-guessing brake: failures counted per client address and per username. After the free failures each
// attempt must wait a doubling delay; past the maximum the key is locked out for a short window. The address limit
// is lower than the user's, so one guessing address is stopped before it can lock the user out; the user's lockout
// is short, so a guesser with many addresses keeps a real user out for at most a minute at a time. A success clears
// both keys. `check` runs before the password hash, so a throttled attempt costs no scrypt.
import {
  LOGIN_ADDRESS_FAILURES_MAX,
  LOGIN_ADDRESS_FREE_FAILURES,
  LOGIN_ADDRESS_LOCKOUT_MS,
  LOGIN_DELAY_BASE_MS,
  LOGIN_DELAY_MS_MAX,
  LOGIN_FAILURE_WINDOW_MS,
  LOGIN_THROTTLE_ENTRIES_MAX,
  LOGIN_USER_FAILURES_MAX,
  LOGIN_USER_FREE_FAILURES,
  LOGIN_USER_LOCKOUT_MS,
} from '../../schemas/limits.ts';

interface Policy {
  freeFailures: number;
  failuresMax: number;
  lockoutMs: number;
}

const ADDRESS_POLICY: Policy = {
  freeFailures: LOGIN_ADDRESS_FREE_FAILURES,
  failuresMax: LOGIN_ADDRESS_FAILURES_MAX,
  lockoutMs: LOGIN_ADDRESS_LOCKOUT_MS,
};
const USER_POLICY: Policy = {
  freeFailures: LOGIN_USER_FREE_FAILURES,
  failuresMax: LOGIN_USER_FAILURES_MAX,
  lockoutMs: LOGIN_USER_LOCKOUT_MS,
};

interface Entry {
  failures: number;
  lastFailureMs: number;
  blockedUntilMs: number;
}

/** Why an attempt may not run now, and how long to wait. */
export interface Throttled {
  waitMs: number;
  by: 'address' | 'user';
}

/** A lockout that just began, for the log line and the counter. */
export interface Lockout {
  key: 'address' | 'user';
  value: string;
  failures: number;
  lockoutMs: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  lockouts = 0;

  constructor(
    private readonly clockMs: () => number,
    private readonly onLockout: (lockout: Lockout) => void = () => {},
  ) {}

  /** Null when the attempt may run; the address is checked first. */
  check(address: string, username: string): Throttled | null {
    const now = this.clockMs();
    const byAddress = this.waitOf(`a:${address}`, now);
    if (byAddress > 0) return { waitMs: byAddress, by: 'address' };
    const byUser = this.waitOf(`u:${username}`, now);
    return byUser > 0 ? { waitMs: byUser, by: 'user' } : null;
  }

  failed(address: string, username: string): void {
    const now = this.clockMs();
    this.fail('address', address, ADDRESS_POLICY, now);
    this.fail('user', username, USER_POLICY, now);
  }

  succeeded(address: string, username: string): void {
    this.entries.delete(`a:${address}`);
    this.entries.delete(`u:${username}`);
  }

  get size(): number {
    return this.entries.size;
  }

  private waitOf(key: string, now: number): number {
    const entry = this.entries.get(key);
    if (entry === undefined) return 0;
    if (now - entry.lastFailureMs > LOGIN_FAILURE_WINDOW_MS) {
      this.entries.delete(key);
      return 0;
    }
    return Math.max(0, entry.blockedUntilMs - now);
  }

  private fail(kind: 'address' | 'user', value: string, policy: Policy, now: number): void {
    const key = `${kind === 'address' ? 'a' : 'u'}:${value}`;
    let entry = this.entries.get(key);
    if (entry === undefined || now - entry.lastFailureMs > LOGIN_FAILURE_WINDOW_MS) {
      if (entry === undefined && this.entries.size >= LOGIN_THROTTLE_ENTRIES_MAX) {
        this.entries.delete(this.entries.keys().next().value as string);
      }
      entry = { failures: 0, lastFailureMs: now, blockedUntilMs: 0 };
    }
    // Re-insert so the map stays ordered by last failure (the oldest is evicted first).
    this.entries.delete(key);
    this.entries.set(key, entry);
    entry.failures++;
    entry.lastFailureMs = now;
    if (entry.failures >= policy.failuresMax) {
      entry.blockedUntilMs = now + policy.lockoutMs;
      // Every failure at or past the maximum (after a lockout has run out) locks again; each is logged.
      this.lockouts++;
      this.onLockout({ key: kind, value, failures: entry.failures, lockoutMs: policy.lockoutMs });
    } else if (entry.failures >= policy.freeFailures) {
      const doublings = entry.failures - policy.freeFailures;
      entry.blockedUntilMs = now + Math.min(LOGIN_DELAY_BASE_MS * 2 ** doublings, LOGIN_DELAY_MS_MAX);
    }
  }
}

/** The Swedish answer to a throttled attempt, with the wait in whole seconds (at least one). */
export function throttledMessage(throttled: Throttled): string {
  const seconds = Math.max(1, Math.ceil(throttled.waitMs / 1000));
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minuter` : `${seconds} sekunder`;
  return `För många misslyckade inloggningsförsök. Vänta ${wait} och försök igen.`;
}
