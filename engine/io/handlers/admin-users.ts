// Handlers of the user administration (issue 14, Användare och arbetsplatser): list and read accounts, create and
// edit them, deactivate (every open session of the account ends once that is durable) and activate, and set a
// password (demo auth): the scrypt hash is computed here, off the core, as sign-in checks it; the core stores it.
import crypto from 'node:crypto';
import { GENERATED_PASSWORD_CHARS } from '../../../schemas/limits.ts';
import { getUser, listUsers, userRow, workplaceOptions } from '../../core/users/queries.ts';
import { scryptHash } from '../auth.ts';
import { type HandlerContext, type HandlerTable, me, type Outcome } from '../handler-types.ts';

type UserAdminOp =
  | 'admin.userList'
  | 'admin.user'
  | 'admin.workplaceOptions'
  | 'admin.userUpsert'
  | 'admin.userDeactivate'
  | 'admin.userActivate'
  | 'admin.passwordReset';

/** No 0/O, 1/l/I: a password read aloud or copied from the screen. */
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function generatedPassword(): string {
  let out = '';
  for (let i = 0; i < GENERATED_PASSWORD_CHARS; i++)
    out += PASSWORD_ALPHABET[crypto.randomInt(PASSWORD_ALPHABET.length)];
  return out;
}

/** The account as the list shows it, after an accepted command (the handler's reply). */
function accountReply(ctx: HandlerContext, seq: number, userId: string, nowMs: number): Outcome {
  const user = ctx.engine.state.users.get(userId);
  if (user === undefined) throw new Error(`user ${userId} exists after an accepted command`);
  return { ok: true, result: { seq, user: userRow(user, nowMs) } };
}

export const USER_ADMIN_HANDLERS: HandlerTable<UserAdminOp> = {
  'admin.userList': (ctx, args) => listUsers(ctx.engine.state, args, ctx.nowMs),
  'admin.user': (ctx, args) => getUser(ctx.engine.state, args.userId, ctx.nowMs),
  'admin.workplaceOptions': (ctx) => workplaceOptions(ctx.engine.state),
  'admin.userUpsert': async (ctx, args) => {
    const { nowMs } = ctx; // read before the await
    const command = { type: 'user.upsert', userId: me(ctx).id, user: args.user, expectNew: args.expectNew } as const;
    const outcome = await ctx.engine.execute(command);
    return outcome.ok ? accountReply(ctx, outcome.seq, args.user.id, nowMs) : outcome;
  },
  'admin.userDeactivate': async (ctx, args) => {
    const { nowMs, sessions } = ctx;
    const outcome = await ctx.engine.execute({
      type: 'user.deactivate',
      userId: me(ctx).id,
      targetUserId: args.userId,
    });
    if (!outcome.ok) return outcome;
    // Durable first: the account is refused at sign-in from now on, and its sessions answer unauthorized next time.
    const sessionsEnded = sessions.deleteUser(args.userId);
    const reply = accountReply(ctx, outcome.seq, args.userId, nowMs);
    return reply.ok ? { ok: true, result: { ...(reply.result as object), sessionsEnded } } : reply;
  },
  'admin.userActivate': async (ctx, args) => {
    const { nowMs } = ctx;
    const outcome = await ctx.engine.execute({ type: 'user.activate', userId: me(ctx).id, targetUserId: args.userId });
    return outcome.ok ? accountReply(ctx, outcome.seq, args.userId, nowMs) : outcome;
  },
  'admin.passwordReset': async (ctx, args) => {
    const { nowMs } = ctx;
    const adminId = me(ctx).id;
    if (!ctx.engine.state.users.has(args.userId))
      return { ok: false, code: 'not_found', message: `Användaren ${args.userId} finns inte.` };
    const password = args.password ?? generatedPassword();
    const passwordHash = await scryptHash(password);
    const command = { type: 'user.passwordReset', userId: adminId, targetUserId: args.userId, passwordHash } as const;
    const outcome = await ctx.engine.execute(command);
    if (!outcome.ok) return outcome;
    const reply = accountReply(ctx, outcome.seq, args.userId, nowMs);
    if (!reply.ok || args.password !== undefined) return reply;
    return { ok: true, result: { ...(reply.result as object), password } };
  },
};
