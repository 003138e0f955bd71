// The user administration's reads (issue 14): the user list with its filters and flags, one user, and what a
// workplace may link to. No reply ever carries a password hash: rows are built field by field from profileOf.
import type { UserListArgs } from '../../../schemas/admin-users.ts';
import type { User } from '../../../schemas/entities.ts';
import { ACCOUNT_DORMANT_MS } from '../../../schemas/limits.ts';
import type { z } from 'zod';
import { careProviderOf, DEFAULT_CARE_PROVIDER } from '../patient-access/care-provider.ts';
import { found, type QueryResult } from '../query-result.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { profileOf } from './decide-admin.ts';

export type UserRow = ReturnType<typeof profileOf> & {
  lastSignInMs: number | null;
  deactivatedMs: number | null;
  /** Unused for ACCOUNT_DORMANT_MS: sign-in refuses it until an admin reactivates it. */
  dormant: boolean;
  /** Demo auth: a password is set (a new account has none until an admin sets one). */
  hasPassword: boolean;
};

export function isDormant(user: User, nowMs: number): boolean {
  return user.lastSignInMs !== undefined && nowMs - user.lastSignInMs > ACCOUNT_DORMANT_MS;
}

export function userRow(user: User, nowMs: number): UserRow {
  return {
    ...profileOf(user),
    lastSignInMs: user.lastSignInMs ?? null,
    deactivatedMs: user.deactivatedMs ?? null,
    dormant: isDormant(user, nowMs),
    hasPassword: user.passwordHash !== '',
  };
}

function matches(user: User, args: z.output<typeof UserListArgs>, nowMs: number): boolean {
  if (args.profession !== undefined && user.profession !== args.profession) return false;
  if (args.role !== undefined && !user.roles.includes(args.role)) return false;
  if (args.flagged && !isDormant(user, nowMs) && user.deactivatedMs === undefined) return false;
  if (args.text === '') return true;
  const text = args.text.toLocaleLowerCase('sv');
  return [user.name, user.username, user.id].some((field) => field.toLocaleLowerCase('sv').includes(text));
}

/** admin.userList: by name, filtered, paged; `flaggedCount` counts dormant or deactivated accounts of the filter. */
export function listUsers(state: State, args: z.output<typeof UserListArgs>, nowMs: number) {
  const hits = [...state.users.values()].filter((user) => matches(user, args, nowMs));
  hits.sort((a, b) => a.name.localeCompare(b.name, 'sv') || (a.id < b.id ? -1 : 1));
  const flaggedCount = hits.filter((user) => isDormant(user, nowMs) || user.deactivatedMs !== undefined).length;
  const page = hits.slice(args.offset, args.offset + args.limit).map((user) => userRow(user, nowMs));
  return found({ users: page, total: hits.length, flaggedCount });
}

export function getUser(state: State, userId: string, nowMs: number): QueryResult<{ user: UserRow }> {
  const user = state.users.get(userId);
  if (user === undefined) return reject('not_found', `Användaren ${userId} finns inte.`);
  return found({ user: userRow(user, nowMs) });
}

/** What a workplace may link to: the buffer warehouses, and the care providers known from workplaces (region first). */
export function workplaceOptions(state: State) {
  const bufferWarehouses = [...state.warehouses.values()]
    .filter((warehouse) => warehouse.kind === 'buffer')
    .map(({ id, name, customerNo }) => ({ id, name, customerNo }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const providers = new Map([[DEFAULT_CARE_PROVIDER.id, DEFAULT_CARE_PROVIDER]]);
  for (const user of state.users.values()) {
    for (const workplace of user.workplaces) {
      const provider = careProviderOf(workplace);
      if (!providers.has(provider.id)) providers.set(provider.id, provider);
    }
  }
  return found({ bufferWarehouses, careProviders: [...providers.values()] });
}
