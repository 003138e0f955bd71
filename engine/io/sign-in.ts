// What every sign-in path shares: whether password sign-in is on, the password-guessing throttle, the one-time
// codes the OIDC callback hands the portal, and the durable record of a sign-in (refused for a dormant account).
// A leaf for the handlers and the HTTP routes: it holds no route and no handler.
import { SIGNIN_CODE_MS_MAX, SIGNIN_CODES_MAX, SIGNIN_RECORD_INTERVAL_MS } from '../../schemas/limits.ts';
import type { CommandOutcome, Engine } from '../engine.ts';
import { ExpiringMap } from './expiring-map.ts';
import { type Lockout, LoginThrottle } from './login-throttle.ts';

export interface SignIn {
  /** Password sign-in (demo data); off in production, where users sign in through the region's IdP. */
  passwordEnabled: boolean;
  /** Set when OIDC is configured (GET /auth/login is served). */
  oidcEnabled: boolean;
  throttle: LoginThrottle;
  /** One-time code → user id, after a verified OIDC callback. */
  codes: ExpiringMap<string>;
}

export function newSignIn(
  options: { passwordEnabled: boolean; oidcEnabled: boolean },
  clockMs: () => number,
  onLockout: (lockout: Lockout) => void,
): SignIn {
  return {
    ...options,
    throttle: new LoginThrottle(clockMs, onLockout),
    codes: new ExpiringMap<string>(SIGNIN_CODE_MS_MAX, SIGNIN_CODES_MAX, clockMs),
  };
}

/** The engine's refusal as it is, so what it carries reaches the reply (a standby's `read_only` names the primary). */
export type SignInRecorded = { ok: true } | Exclude<CommandOutcome, { ok: true }>;

/**
 * Journals `user.signedIn` (durable before the session exists); a dormant or deactivated account is refused by the
 * core. An active user who signed in within SIGNIN_RECORD_INTERVAL_MS is neither dormant nor recorded again.
 */
export async function recordSignIn(engine: Engine, userId: string, nowMs: number): Promise<SignInRecorded> {
  const user = engine.state.users.get(userId);
  const last = user?.lastSignInMs;
  // A deactivated account (issue 14) always goes to the core, which refuses it.
  if (
    user?.deactivatedMs === undefined &&
    last !== undefined &&
    nowMs - last >= 0 &&
    nowMs - last < SIGNIN_RECORD_INTERVAL_MS
  )
    return { ok: true };
  const outcome = await engine.execute({ type: 'user.signIn', userId });
  return outcome.ok ? { ok: true } : outcome;
}

/** The stdout line of a lockout: the address or username (no password), the failures and the window. */
export function lockoutLine(lockout: Lockout): string {
  return `aidstock: sign-in lockout ${lockout.key}=${JSON.stringify(lockout.value)} after ${lockout.failures} failures for ${lockout.lockoutMs / 1000} s`;
}
