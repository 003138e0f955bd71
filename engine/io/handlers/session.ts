// Handlers of sign-in, resume and sign-out: they bind or unbind the connection's session, nothing else.
import type { HandlerTable } from '../handler-types.ts';
import { publicUser } from './public-user.ts';

type SessionOp = 'session.login' | 'session.resume' | 'session.logout';

export const SESSION_HANDLERS: HandlerTable<SessionOp> = {
  'session.login': async (ctx, args) => {
    const userId = await ctx.auth.authenticate(args);
    if (userId === null) return { ok: false, code: 'bad_credentials', message: 'Fel användarnamn eller lösenord.' };
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
};
