// profile.update (Dina uppgifter): the caller's own e-mail and phone, as HMC reaches them. The edge has checked the
// values; the user is the authenticated caller, so it exists.
import { assert } from '../assert.ts';
import type { ProfileUpdate } from '../commands.ts';
import type { Decision } from '../decision.ts';
import type { State } from '../state.ts';

export function decideProfileUpdate(state: State, command: ProfileUpdate): Decision {
  assert(state.users.has(command.userId), `user ${command.userId} exists`);
  return {
    ok: true,
    events: [{ type: 'user.contactChanged', userId: command.userId, email: command.email, phone: command.phone }],
  };
}
