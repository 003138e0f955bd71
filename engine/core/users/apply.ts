// User events into state: each replaces the user row (its username, and so usersByUsername, stays).
import { assert, unreachable } from '../assert.ts';
import type { UserEvent } from '../event-groups.ts';
import type { State } from '../state.ts';

export function applyUserEvent(state: State, event: UserEvent): void {
  const user = state.users.get(event.userId);
  assert(user !== undefined, `user ${event.userId} exists`);
  switch (event.type) {
    case 'user.contactChanged':
      state.users.set(user.id, { ...user, email: event.email, phone: event.phone });
      return;
    case 'user.signedIn':
    case 'user.reactivated':
      state.users.set(user.id, { ...user, lastSignInMs: event.timeMs });
      return;
    default:
      unreachable(event, 'user event');
  }
}
