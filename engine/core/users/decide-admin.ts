// An admin's user administration (issue 14): create and edit an account, deactivate and activate it, set its password
// (demo auth). Checks run in the order of the rejections below; every event names the admin (`userId`), the account
// (`targetUserId`) and what it was before, and none carries a password hash but the reset's own field.
import type { User } from '../../../schemas/entities.ts';
import type { UserProfile, UserStatus } from '../../../schemas/admin-users.ts';
import { assert } from '../assert.ts';
import type {
  CommandContext,
  UserActivate,
  UserDeactivate,
  UserPasswordResetCommand,
  UserUpsert,
} from '../commands.ts';
import type { Decision } from '../decision.ts';
import { reject, type Rejection } from '../rejections.ts';
import type { State } from '../state.ts';

/** The editable profile of a stored user: no hash, no sign-in time, no deactivation. */
export function profileOf(user: User): UserProfile {
  const { passwordHash: _hash, lastSignInMs: _last, deactivatedMs: _off, ...profile } = user;
  return profile;
}

export function statusOf(user: User): UserStatus {
  return { deactivatedMs: user.deactivatedMs ?? null };
}

const isActiveAdmin = (user: User) => user.roles.includes('admin') && user.deactivatedMs === undefined;

/** True when `user` is the only active admin left: taking their admin role or account away locks the region out. */
function lastAdmin(state: State, user: User): boolean {
  if (!isActiveAdmin(user)) return false;
  for (const other of state.users.values()) if (other.id !== user.id && isActiveAdmin(other)) return false;
  return true;
}

const unknownUser = (userId: string) => reject('not_found', `Användaren ${userId} finns inte.`);

function checkWorkplaces(state: State, profile: UserProfile): Rejection | null {
  for (const workplace of profile.workplaces) {
    const id = workplace.bufferWarehouse;
    if (id === null) continue;
    const warehouse = state.warehouses.get(id);
    if (warehouse === undefined || warehouse.kind !== 'buffer') {
      return reject(
        'not_buffer_warehouse',
        `Lager ${id} är inget buffertlager; ${workplace.name} kan bara kopplas till ett buffertlager.`,
      );
    }
  }
  return null;
}

/** Rejections in order: user_exists / not_found, username_taken, not_buffer_warehouse, last_admin. */
export function decideUserUpsert(state: State, command: UserUpsert): Decision {
  const profile = command.user;
  const existing = state.users.get(profile.id);
  if (command.expectNew && existing !== undefined)
    return reject('user_exists', `Det finns redan en användare med id ${profile.id}.`);
  if (!command.expectNew && existing === undefined) return unknownUser(profile.id);
  const holder = state.usersByUsername.get(profile.username);
  if (holder !== undefined && holder !== profile.id)
    return reject('username_taken', `Användarnamnet ${profile.username} används redan av ett annat konto.`);
  const badWorkplace = checkWorkplaces(state, profile);
  if (badWorkplace !== null) return badWorkplace;
  if (existing !== undefined && !profile.roles.includes('admin') && lastAdmin(state, existing))
    return reject('last_admin', `${existing.name} är den sista aktiva administratören och måste behålla rollen.`);
  return {
    ok: true,
    events: [
      {
        type: 'user.upserted',
        userId: command.userId,
        targetUserId: profile.id,
        profile,
        before: existing === undefined ? null : profileOf(existing),
      },
    ],
  };
}

/** Rejections in order: not_found, self_deactivate, last_admin. Deactivating a deactivated account changes nothing. */
export function decideUserDeactivate(state: State, command: UserDeactivate, context: CommandContext): Decision {
  const target = state.users.get(command.targetUserId);
  if (target === undefined) return unknownUser(command.targetUserId);
  if (target.id === command.userId)
    return reject('self_deactivate', 'Du kan inte inaktivera ditt eget konto; be en annan administratör.');
  if (lastAdmin(state, target))
    return reject('last_admin', `${target.name} är den sista aktiva administratören och kan inte inaktiveras.`);
  const before = statusOf(target);
  const status = { deactivatedMs: before.deactivatedMs ?? context.timeMs };
  return {
    ok: true,
    events: [
      {
        type: 'user.deactivated',
        userId: command.userId,
        targetUserId: target.id,
        timeMs: context.timeMs,
        status,
        before,
      },
    ],
  };
}

/** Rejection: not_found. Activating an active account changes nothing. */
export function decideUserActivate(state: State, command: UserActivate, context: CommandContext): Decision {
  const target = state.users.get(command.targetUserId);
  if (target === undefined) return unknownUser(command.targetUserId);
  return {
    ok: true,
    events: [
      {
        type: 'user.activated',
        userId: command.userId,
        targetUserId: target.id,
        timeMs: context.timeMs,
        status: { deactivatedMs: null },
        before: statusOf(target),
      },
    ],
  };
}

/** Rejection: not_found. The edge computed the scrypt hash (random salt); the core only stores it. */
export function decidePasswordReset(
  state: State,
  command: UserPasswordResetCommand,
  context: CommandContext,
): Decision {
  assert(command.passwordHash.startsWith('scrypt$'), 'the edge hands the core a scrypt hash');
  if (!state.users.has(command.targetUserId)) return unknownUser(command.targetUserId);
  return {
    ok: true,
    events: [
      {
        type: 'user.passwordReset',
        userId: command.userId,
        targetUserId: command.targetUserId,
        timeMs: context.timeMs,
        passwordHash: command.passwordHash,
      },
    ],
  };
}
