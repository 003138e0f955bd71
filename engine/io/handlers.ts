// One handler per op: validated args in, a result or a typed error out. Queries answer synchronously from
// memory; commands resolve after their events are durable.
import type { User } from '../../schemas/entities.ts';
import type { OpArgs, OpName } from '../../schemas/ops.ts';
import type { ErrorCode } from '../../schemas/protocol.ts';
import { articlePage, isoTree, listArticles } from '../core/articles/queries.ts';
import { stockOf } from '../core/stock/queries.ts';
import { catalogSearch, catalogSuggest } from '../core/catalog-search.ts';
import { individualCard } from '../core/individual-card.ts';
import { listPickups, pickupView } from '../core/pickups/queries.ts';
import { listNews } from '../core/news/queries.ts';
import { listWorkOrders, workOrderView } from '../core/work-orders/queries.ts';
import { patientView, searchRegister } from '../core/register-queries.ts';
import type { Engine } from '../engine.ts';
import type { Authenticator } from './auth.ts';
import { ORDER_HANDLERS } from './order-handlers.ts';
import type { Sessions } from './sessions.ts';
import { refuseTopic } from './topic-access.ts';

export type Outcome = { ok: true; result: unknown } | { ok: false; code: ErrorCode; message: string };

/** What a handler may touch: the engine, the caller and its connection. */
export interface HandlerContext {
  engine: Engine;
  sessions: Sessions;
  auth: Authenticator;
  nowMs: number;
  /** The signed-in user; handlers of ops with roles always get one. */
  user: User | null;
  bindSession(token: string, userId: string): void;
  unbindSession(): void;
  subscribe(topic: string): Outcome;
  unsubscribe(topic: string): Outcome;
}

export type Handler<O extends OpName> = (ctx: HandlerContext, args: OpArgs<O>) => Outcome | Promise<Outcome>;
type HandlerTable = { [O in OpName]: Handler<O> };

function publicUser(user: User) {
  const { passwordHash: _hidden, ...rest } = user;
  return rest;
}

function me(ctx: HandlerContext): User {
  if (ctx.user === null) throw new Error('handler of a role-checked op ran without a user');
  return ctx.user;
}

export const HANDLERS: HandlerTable = {
  'session.login': async (ctx, args) => {
    const userId = await ctx.auth.authenticate(args);
    if (userId === null) return { ok: false, code: 'bad_credentials', message: 'Fel användarnamn eller lösenord.' };
    const session = ctx.sessions.create(userId);
    ctx.bindSession(session.token, userId);
    return { ok: true, result: { token: session.token, user: publicUser(ctx.engine.state.users.get(userId)!) } };
  },
  'profile.update': async (ctx, args) => {
    const userId = me(ctx).id; // read before the await: the connection's context moves on with later messages
    const outcome = await ctx.engine.execute({ type: 'profile.update', userId, email: args.email, phone: args.phone });
    if (!outcome.ok) return outcome;
    return { ok: true, result: { seq: outcome.seq, user: publicUser(ctx.engine.state.users.get(userId)!) } };
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
  'catalog.isoTree': (ctx, args) => isoTree(ctx.engine.state, args),
  'catalog.list': (ctx, args) => listArticles(ctx.engine.state, me(ctx), args),
  'catalog.article': (ctx, args) => articlePage(ctx.engine.state, me(ctx), args),
  'catalog.search': (ctx, args) => catalogSearch(ctx.engine.state, me(ctx), args),
  'catalog.suggest': (ctx, args) => catalogSuggest(ctx.engine.state, args),
  'stock.get': (ctx, args) => stockOf(ctx.engine.state, args),
  'register.search': (ctx, args) => searchRegister(ctx.engine.state, args, ctx.nowMs),
  'patient.get': (ctx, args) => {
    const outcome = patientView(ctx.engine.state, args, ctx.nowMs);
    if (outcome.ok) {
      ctx.engine.store.audit({
        timeMs: ctx.nowMs,
        userId: me(ctx).id,
        action: 'patient.get',
        subject: outcome.result.person.pnr,
      });
    }
    return outcome;
  },
  'workorder.create': async (ctx, args) => {
    const userId = me(ctx).id;
    const attachments = [];
    for (const id of args.attachments) {
      const blob = ctx.engine.store.getBlob(id);
      if (blob === undefined || blob.ownerId !== userId)
        return { ok: false, code: 'not_found', message: `Bilagan ${id} finns inte bland dina uppladdade filer.` };
      attachments.push({ id, name: blob.name, contentType: blob.contentType, bytes: blob.bytes.length });
    }
    const outcome = await ctx.engine.execute({ type: 'workOrder.create', userId, ...args, attachments });
    if (!outcome.ok) return outcome;
    const event = outcome.events[0];
    if (event.type !== 'workOrder.created') throw new Error(`workOrder.create produced ${event.type}`);
    return { ok: true, result: { seq: outcome.seq, workOrder: workOrderView(ctx.engine.state, event.workOrder) } };
  },
  'workorder.list': (ctx, args) => listWorkOrders(ctx.engine.state, me(ctx), args),
  'workorder.update': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'workOrder.update', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    return {
      ok: true,
      result: {
        seq: outcome.seq,
        workOrder: workOrderView(ctx.engine.state, ctx.engine.state.workOrders.get(args.woNo)!),
      },
    };
  },
  'news.list': (ctx, args) => listNews(ctx.engine.state, args.limit),
  'admin.newsPublish': async (ctx, args) => {
    const outcome = await ctx.engine.execute({
      type: 'news.publish',
      userId: me(ctx).id,
      title: args.title,
      text: args.text,
    });
    if (!outcome.ok) return outcome;
    const event = outcome.events[0];
    if (event.type !== 'news.published') throw new Error(`news.publish produced ${event.type}`);
    return { ok: true, result: { seq: outcome.seq, item: event.item } };
  },
  'admin.newsDelete': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'news.delete', userId: me(ctx).id, newsNo: args.newsNo });
    return outcome.ok ? { ok: true, result: { seq: outcome.seq, newsNo: args.newsNo } } : outcome;
  },
  'pickup.create': async (ctx, args) => {
    const userId = me(ctx).id;
    const outcome = await ctx.engine.execute({ type: 'pickup.create', userId, ...args });
    if (!outcome.ok) return outcome;
    const created = outcome.events[0];
    if (created.type !== 'pickup.created') throw new Error(`pickup.create produced ${created.type}`);
    return { ok: true, result: { seq: outcome.seq, pickup: pickupView(ctx.engine.state, created.pickup) } };
  },
  'pickup.list': (ctx, args) => listPickups(ctx.engine.state, me(ctx), args, ctx.nowMs),
  'pickup.cancel': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'pickup.cancel', userId: me(ctx).id, pickupNo: args.pickupNo });
    return outcome.ok ? { ok: true, result: { seq: outcome.seq, pickupNo: args.pickupNo } } : outcome;
  },
  'individual.get': (ctx, args) => {
    const outcome = individualCard(ctx.engine.state, args);
    if (!outcome.ok) return outcome;
    const { revealedPnr, ...card } = outcome.result;
    if (revealedPnr !== null)
      ctx.engine.store.audit({ timeMs: ctx.nowMs, userId: me(ctx).id, action: 'individual.get', subject: revealedPnr });
    return { ok: true, result: card };
  },
  subscribe: (ctx, args) => refuseTopic(me(ctx), args.topic) ?? ctx.subscribe(args.topic),
  unsubscribe: (ctx, args) => ctx.unsubscribe(args.topic),
  'admin.stockAdjust': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'stock.adjust', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    const event = outcome.events[0];
    if (event.type !== 'stock.adjusted') throw new Error(`stock.adjust produced ${event.type}`);
    const backordersServed = outcome.events.filter((e) => e.type === 'order.lineServed').length;
    const pickupsCompleted = outcome.events.flatMap((e) => (e.type === 'pickup.unitReturned' ? [e.pickupNo] : []));
    return {
      ok: true,
      result: {
        seq: outcome.seq,
        warehouse: event.warehouse,
        artNo: event.artNo,
        onHand: event.onHandAfter,
        individuals: event.individuals,
        backordersServed,
        pickups: pickupsCompleted,
      },
    };
  },
  'admin.articleUpsert': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'article.upsert', userId: me(ctx).id, article: args.article });
    if (!outcome.ok) return outcome;
    return { ok: true, result: { seq: outcome.seq, article: args.article } };
  },
  ...ORDER_HANDLERS,
};
