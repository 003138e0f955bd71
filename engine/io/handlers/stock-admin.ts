// Handlers of Lager and Ändringslogg (issue 14): the stock ledger and the change log read the journal through its
// index (ctx.engine.store.journalIndex); balances, minimum levels and the below-minimum list come from memory.
import { belowMinPage, stockLevels } from '../../core/stock/min-level-queries.ts';
import { changeLogPage } from '../../store/change-log.ts';
import { ledgerPage } from '../../store/stock-ledger.ts';
import { firstEvent, type HandlerTable, me } from '../handler-types.ts';

type StockAdminOp = 'stock.ledger' | 'stock.levels' | 'stock.belowMin' | 'admin.stockMinSet' | 'admin.changeLog';

export const STOCK_ADMIN_HANDLERS: HandlerTable<StockAdminOp> = {
  'stock.ledger': (ctx, args) => {
    const state = ctx.engine.state;
    if (!state.articles.has(args.artNo))
      return { ok: false, code: 'not_found', message: `Artikel ${args.artNo} finns inte.` };
    if (args.warehouse !== undefined && !state.warehouses.has(args.warehouse)) {
      return { ok: false, code: 'not_found', message: `Lager ${args.warehouse} finns inte.` };
    }
    return { ok: true, result: ledgerPage(ctx.engine.store.journalIndex, args) };
  },
  'stock.levels': (ctx, args) => stockLevels(ctx.engine.state, args.artNo),
  'stock.belowMin': (ctx, args) => belowMinPage(ctx.engine.state, args),
  'admin.stockMinSet': async (ctx, args) => {
    const outcome = await ctx.engine.execute({ type: 'stock.minSet', userId: me(ctx).id, ...args });
    if (!outcome.ok) return outcome;
    const event = firstEvent(outcome, 'stock.minLevelSet');
    const { warehouse, artNo, minLevel, before } = event;
    return { ok: true, result: { seq: outcome.seq, warehouse, artNo, minLevel, before } };
  },
  'admin.changeLog': (ctx, args) => ({ ok: true, result: changeLogPage(ctx.engine.store.journalIndex, args) }),
};
