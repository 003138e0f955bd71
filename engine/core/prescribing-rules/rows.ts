// The table rows each prescribing rule event changes, for the store to write with the journal entry.
import type { PrescribingRuleEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function prescribingRuleRowsTouched(event: PrescribingRuleEvent): RowRef[] {
  return [['prescribingRules', event.rule.profession]];
}
