// Handlers of the payer rules (betalare per ISO prefix): reference data everyone reads; seeded, not edited over the API.
import { listPayerRules } from '../../core/payers/queries.ts';
import type { HandlerTable } from '../handler-types.ts';

export const PAYER_HANDLERS: HandlerTable<'payer.rules'> = {
  'payer.rules': (ctx) => listPayerRules(ctx.engine.state),
};
