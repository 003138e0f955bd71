// User administration (issue 14, Användare och arbetsplatser): the profile an admin edits, the args of the user ops
// and the events they journal. No profile field and no `before` ever holds a password hash: a reset keeps it in a
// field of its own (`user.passwordReset`), so the change log can say "lösenord återställt" without showing it.
import { z } from 'zod';
import {
  HSA_ID_CHARS_MAX,
  PASSWORD_CHARS_MAX,
  PASSWORD_CHARS_MIN,
  PROFILE_EMAIL_CHARS_MAX,
  PROFILE_PHONE_CHARS_MAX,
  USER_FILTER_CHARS_MAX,
  USER_NAME_CHARS_MAX,
  USER_WORKPLACES_MAX,
  USERNAME_CHARS_MAX,
} from './limits.ts';
import { Workplace } from './entities.ts';
import { Page, Profession, Role, UserId } from './primitives.ts';

/** What an admin edits of a user: everything but the password hash, the last sign-in and the deactivation. */
export const UserProfile = z.object({
  id: UserId,
  username: z
    .string()
    .trim()
    .min(1)
    .max(USERNAME_CHARS_MAX)
    .regex(/^[a-z0-9._@-]+$/, 'username is lower-case letters, digits and . _ @ -'),
  name: z.string().trim().min(1).max(USER_NAME_CHARS_MAX),
  profession: Profession,
  roles: z
    .array(Role)
    .max(Role.options.length)
    .refine((roles) => new Set(roles).size === roles.length, 'a role is listed once'),
  workplaces: z
    .array(Workplace.extend({ id: z.string().trim().min(1).max(40), name: z.string().trim().min(1).max(100) }))
    .max(USER_WORKPLACES_MAX)
    .refine((list) => new Set(list.map((w) => w.id)).size === list.length, 'workplace ids are unique'),
  email: z.union([z.literal(''), z.string().trim().max(PROFILE_EMAIL_CHARS_MAX).pipe(z.email())]),
  phone: z.string().trim().max(PROFILE_PHONE_CHARS_MAX),
  hsaId: z.string().trim().min(1).max(HSA_ID_CHARS_MAX).optional(),
});

/** Whether the account may sign in: `deactivatedMs` null when active. */
export const UserStatus = z.object({ deactivatedMs: z.number().int().nullable() });

export const UserUpsertArgs = z
  .object({
    user: UserProfile.strict(),
    /** Creating: refused with `user_exists` when the id is taken (two admins creating the same account). */
    expectNew: z.boolean().default(false),
  })
  .strict();

export const UserListArgs = z
  .object({
    /** Name, username or id, case-insensitive, any part. */
    text: z.string().trim().max(USER_FILTER_CHARS_MAX).default(''),
    profession: Profession.optional(),
    role: Role.optional(),
    /** Only accounts unused for ACCOUNT_DORMANT_MS, or deactivated ones. */
    flagged: z.boolean().default(false),
    ...Page,
  })
  .strict();

export const PasswordResetArgs = z
  .object({
    userId: UserId,
    /** Absent: the engine generates one and replies with it once. */
    password: z.string().min(PASSWORD_CHARS_MIN).max(PASSWORD_CHARS_MAX).optional(),
  })
  .strict();

/** An admin created (`before` null) or changed a user; `userId` is the admin, `targetUserId` the account. */
export const UserUpserted = z.object({
  type: z.literal('user.upserted'),
  userId: UserId,
  targetUserId: UserId,
  profile: UserProfile,
  before: UserProfile.nullable(),
});

/** An admin deactivated an account: it cannot sign in, and its sessions end. */
export const UserDeactivated = z.object({
  type: z.literal('user.deactivated'),
  userId: UserId,
  targetUserId: UserId,
  timeMs: z.number().int(),
  status: UserStatus,
  before: UserStatus,
});

/** An admin activated a deactivated account again. */
export const UserActivated = z.object({
  type: z.literal('user.activated'),
  userId: UserId,
  targetUserId: UserId,
  timeMs: z.number().int(),
  status: UserStatus,
  before: UserStatus,
});

/** Demo auth: an admin set a new password. The scrypt hash is computed at the edge; it is in this field only. */
export const UserPasswordReset = z.object({
  type: z.literal('user.passwordReset'),
  userId: UserId,
  targetUserId: UserId,
  timeMs: z.number().int(),
  passwordHash: z.string().regex(/^scrypt\$[0-9a-f]+\$[0-9a-f]+$/),
});

export const USER_ADMIN_EVENTS = [UserUpserted, UserDeactivated, UserActivated, UserPasswordReset] as const;

export type UserProfile = z.infer<typeof UserProfile>;
export type UserStatus = z.infer<typeof UserStatus>;
export type UserUpserted = z.infer<typeof UserUpserted>;
