// User events into state: each replaces the user row. The user's own events name the account in `userId`; an admin's
// (issue 14) name the admin there and the account in `targetUserId`. Only an admin's edit changes a username, and
// then usersByUsername follows.
import type { User } from '../../../schemas/entities.ts';
import type { UserProfile } from '../../../schemas/admin-users.ts';
import { assert, unreachable } from '../assert.ts';
import type { UserEvent } from '../event-groups.ts';
import type { State } from '../state.ts';

function stored(state: State, userId: string): User {
  const user = state.users.get(userId);
  assert(user !== undefined, `user ${userId} exists`);
  return user;
}

/** An admin's edit: the profile replaced whole (an hsaId left out is removed), hash and sign-in times kept. */
function upsert(state: State, profile: UserProfile): void {
  const existing = state.users.get(profile.id);
  if (existing !== undefined && state.usersByUsername.get(existing.username) === existing.id)
    state.usersByUsername.delete(existing.username);
  const kept =
    existing === undefined
      ? { passwordHash: '' }
      : {
          passwordHash: existing.passwordHash,
          ...(existing.lastSignInMs === undefined ? {} : { lastSignInMs: existing.lastSignInMs }),
          ...(existing.deactivatedMs === undefined ? {} : { deactivatedMs: existing.deactivatedMs }),
        };
  state.users.set(profile.id, { ...profile, ...kept });
  state.usersByUsername.set(profile.username, profile.id);
}

function setDeactivated(state: State, userId: string, deactivatedMs: number | null): void {
  const { deactivatedMs: _old, ...user } = stored(state, userId);
  state.users.set(userId, deactivatedMs === null ? user : { ...user, deactivatedMs });
}

export function applyUserEvent(state: State, event: UserEvent): void {
  switch (event.type) {
    case 'user.contactChanged': {
      const user = stored(state, event.userId);
      state.users.set(user.id, { ...user, email: event.email, phone: event.phone });
      return;
    }
    case 'user.signedIn':
    case 'user.reactivated': {
      const user = stored(state, event.userId);
      state.users.set(user.id, { ...user, lastSignInMs: event.timeMs });
      return;
    }
    case 'user.upserted':
      upsert(state, event.profile);
      return;
    case 'user.deactivated':
    case 'user.activated':
      setDeactivated(state, event.targetUserId, event.status.deactivatedMs);
      return;
    case 'user.passwordReset':
      state.users.set(event.targetUserId, { ...stored(state, event.targetUserId), passwordHash: event.passwordHash });
      return;
    default:
      unreachable(event, 'user event');
  }
}
