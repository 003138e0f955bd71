// Handlers of sign-in, resume and sign-out: they bind or unbind the connection's session. Password sign-in is
// throttled (login-throttle.ts, checked before the hash runs) and recorded durably through the core, which refuses a
// dormant account; OIDC sign-in ends in `session.exchange` of the one-time code the callback gave the portal.
import { type HandlerContext, type HandlerTable, me, type Outcome } from '../handler-types.ts';
import { throttledMessage } from '../login-throttle.ts';
import { recordSignIn } from '../sign-in.ts';
import { publicUser } from './public-user.ts';

type SessionOp = 'session.login' | 'session.resume' | 'session.logout' | 'session.exchange' | 'session.logoutAll';

/** A recorded sign-in becomes a session bound to this connection; the reply is session.login's. */
async function startSession(ctx: HandlerContext, userId: string, nowMs: number): Promise<Outcome> {
  const recorded = await recordSignIn(ctx.engine, userId, nowMs);
  if (!recorded.ok) return recorded;
  const session = ctx.sessions.create(userId);
  ctx.bindSession(session.token, userId);
  return { ok: true, result: { token: session.token, user: publicUser(ctx.engine.state.users.get(userId)!) } };
}

async function passwordLogin(ctx: HandlerContext, username: string, password: string): Promise<Outcome> {
  const { signIn, address, nowMs } = ctx; // read before the await: later messages refresh the context
  if (!signIn.passwordEnabled) {
    return {
      ok: false,
      code: 'signin_method_off',
      message: 'Inloggning med lösenord är avstängd; logga in med SITHS.',
    };
  }
  const throttled = signIn.throttle.check(address, username);
  if (throttled !== null) return { ok: false, code: 'too_many_attempts', message: throttledMessage(throttled) };
  const userId = await ctx.auth.authenticate({ username, password });
  if (userId === null) {
    signIn.throttle.failed(address, username);
    return { ok: false, code: 'bad_credentials', message: 'Fel användarnamn eller lösenord.' };
  }
  signIn.throttle.succeeded(address, username);
  return startSession(ctx, userId, nowMs);
}

export const SESSION_HANDLERS: HandlerTable<SessionOp> = {
  'session.login': (ctx, args) => passwordLogin(ctx, args.username, args.password),
  'session.exchange': (ctx, args) => {
    const userId = ctx.signIn.codes.take(args.code);
    if (userId === undefined) {
      return {
        ok: false,
        code: 'unauthorized',
        message: 'Inloggningen har gått ut eller redan använts; logga in igen.',
      };
    }
    // The callback recorded the sign-in already; the code is the session's only way in. Issue 14: unless an admin
    // deactivated the account in the meantime.
    if (ctx.engine.state.users.get(userId)?.deactivatedMs !== undefined)
      return {
        ok: false,
        code: 'account_deactivated',
        message: 'Kontot är avstängt. Kontakta Hjälpmedelscentrums administratör.',
      };
    const session = ctx.sessions.create(userId);
    ctx.bindSession(session.token, userId);
    return { ok: true, result: { token: session.token, user: publicUser(ctx.engine.state.users.get(userId)!) } };
  },
  'session.resume': (ctx, args) => {
    const session = ctx.sessions.get(args.token);
    if (session === null) return { ok: false, code: 'unauthorized', message: 'Sessionen har gått ut; logga in igen.' };
    ctx.bindSession(session.token, session.userId);
    return { ok: true, result: { user: publicUser(ctx.engine.state.users.get(session.userId)!) } };
  },
  'session.logout': (ctx) => {
    ctx.unbindSession();
    return { ok: true, result: {} };
  },
  'session.logoutAll': (ctx) => {
    const userId = me(ctx).id;
    ctx.unbindSession();
    const ended = ctx.sessions.deleteUser(userId);
    return { ok: true, result: { sessionsEnded: ended + 1 } };
  },
};
