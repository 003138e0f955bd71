// The user index, derived from the table on load: username → user id, for sign-in. A contact change keeps the
// username, so apply never has to touch it.
import type { User } from '../../../schemas/entities.ts';

export function buildUsersByUsername(users: ReadonlyMap<string, User>): Map<string, string> {
  const byUsername = new Map<string, string>();
  for (const user of users.values()) byUsername.set(user.username, user.id);
  return byUsername;
}
