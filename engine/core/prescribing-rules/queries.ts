// prescribingRule.list: every profession's ISO prefixes, in profession order.
import { found } from '../query-result.ts';
import type { State } from '../state.ts';

export function listPrescribingRules(state: State) {
  const rules = [...state.prescribingRules.values()].sort((a, b) => (a.profession < b.profession ? -1 : 1));
  return found({ rules });
}
