// User events into state: a contact change replaces the user row (its username, and so usersByUsername, stays).
import { assert } from '../assert.ts';
import type { UserEvent } from '../event-groups.ts';
import type { State } from '../state.ts';

export function applyUserEvent(state: State, event: UserEvent): void {
  const user = state.users.get(event.userId);
  assert(user !== undefined, `user ${event.userId} exists`);
  state.users.set(user.id, { ...user, email: event.email, phone: event.phone });
}
