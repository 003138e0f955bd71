// payer.rules: the payer rules (betalare per ISO prefix), read-only reference data, in ISO order.
import type { PayerRule } from '../../../schemas/payers.ts';
import { found, type QueryResult } from '../query-result.ts';
import type { State } from '../state.ts';
import { REGION_PAYER_NAME } from './payer-rules.ts';

export function listPayerRules(
  state: State,
): QueryResult<{ rules: PayerRule[]; defaultPayer: { kind: 'region'; name: string } }> {
  const rules = [...state.payerRules.values()].sort((a, b) => (a.isoPrefix < b.isoPrefix ? -1 : 1));
  return found({ rules, defaultPayer: { kind: 'region', name: REGION_PAYER_NAME } });
}
