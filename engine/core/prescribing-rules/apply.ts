// Prescribing rule events into state: a profession's rule is replaced whole (a copy, so the event keeps its own list).
import type { PrescribingRuleEvent } from '../event-groups.ts';
import type { State } from '../state.ts';

export function applyPrescribingRuleEvent(state: State, event: PrescribingRuleEvent): void {
  state.prescribingRules.set(event.rule.profession, { ...event.rule, isoPrefixes: [...event.rule.isoPrefixes] });
}
