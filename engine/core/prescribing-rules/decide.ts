// Admins edit the prescribing rules: a profession's ISO prefixes, each an existing node of the ISO tree.
import type { PrescribingRuleSetCommand } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';

export function decidePrescribingRuleSet(state: State, command: PrescribingRuleSetCommand): Decision {
  for (const prefix of command.isoPrefixes) {
    if (!state.iso.has(prefix)) return reject('unknown_iso_code', `ISO-koden ${prefix} finns inte i trädet.`);
  }
  const isoPrefixes = [...new Set(command.isoPrefixes)].sort();
  return {
    ok: true,
    events: [
      {
        type: 'prescribingRule.set',
        userId: command.userId,
        rule: { profession: command.profession, isoPrefixes },
        before: state.prescribingRules.get(command.profession) ?? null,
      },
    ],
  };
}
