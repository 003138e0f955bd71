// The users' own commands: profile.update (Dina uppgifter), a sign-in's record (refused for a dormant account) and
// an admin's reactivation. The edge has checked the values; a signing-in or updating user is authenticated, so it
// exists.
import { ACCOUNT_DORMANT_MS } from '../../../schemas/limits.ts';
import { assert } from '../assert.ts';
import type { CommandContext, ProfileUpdate, UserReactivate, UserSignIn } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';

const DORMANT_MONTHS = Math.round(ACCOUNT_DORMANT_MS / (30 * 24 * 60 * 60 * 1000));

export function decideProfileUpdate(state: State, command: ProfileUpdate): Decision {
  assert(state.users.has(command.userId), `user ${command.userId} exists`);
  return {
    ok: true,
    events: [{ type: 'user.contactChanged', userId: command.userId, email: command.email, phone: command.phone }],
  };
}

/** The sign-in is recorded (durably, before the session exists); an account unused past ACCOUNT_DORMANT_MS is not. */
export function decideUserSignIn(state: State, command: UserSignIn, context: CommandContext): Decision {
  const user = state.users.get(command.userId);
  assert(user !== undefined, `user ${command.userId} exists`);
  // Issue 14: an account an admin deactivated does not sign in (password or OIDC).
  if (user.deactivatedMs !== undefined) {
    return reject('account_deactivated', 'Kontot är avstängt. Kontakta Hjälpmedelscentrums administratör.');
  }
  if (user.lastSignInMs !== undefined && context.timeMs - user.lastSignInMs > ACCOUNT_DORMANT_MS) {
    return reject(
      'account_inactive',
      `Kontot har inte använts på ${DORMANT_MONTHS} månader och är spärrat. Be Hjälpmedelscentrums administratör att återaktivera det.`,
    );
  }
  return { ok: true, events: [{ type: 'user.signedIn', userId: user.id, timeMs: context.timeMs }] };
}

export function decideUserReactivate(state: State, command: UserReactivate, context: CommandContext): Decision {
  if (!state.users.has(command.userId)) return reject('not_found', `Användaren ${command.userId} finns inte.`);
  return {
    ok: true,
    events: [{ type: 'user.reactivated', userId: command.userId, byUserId: command.byUserId, timeMs: context.timeMs }],
  };
}
