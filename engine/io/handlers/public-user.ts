// A user as its own client may see it: everything but the password hash (session and profile replies carry it).
import type { User } from '../../../schemas/entities.ts';

export function publicUser(user: User): Omit<User, 'passwordHash'> {
  const { passwordHash: _hidden, ...rest } = user;
  return rest;
}
