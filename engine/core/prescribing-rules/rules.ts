// Prescribing rules (hjälpmedelsanvisningar): which professions may prescribe which ISO codes. The default table seeds new stores.
import type { PrescribingRule } from '../../../schemas/orders.ts';
import type { Profession } from '../../../schemas/primitives.ts';
import type { State } from '../state.ts';

/**
 * A realistic default for Region Halland: occupational therapists prescribe self-care, mobility, household,
 * furnishing and handling devices, some cognitive/communication aids and pressure-ulcer prevention; physiotherapists
 * training equipment, orthoses and mobility; speech therapists communication; nurses compression stockings,
 * incontinence products and pressure-ulcer prevention. HMC staff and administrators do not prescribe.
 */
export const DEFAULT_PRESCRIBING_RULES: readonly PrescribingRule[] = [
  {
    profession: 'ot',
    isoPrefixes: ['04 33', '09', '12', '15', '18', '22 12', '22 24', '22 27', '22 30', '22 36', '24'],
  },
  { profession: 'pt', isoPrefixes: ['04 48', '05', '06', '12'] },
  { profession: 'slp', isoPrefixes: ['22'] },
  { profession: 'nurse', isoPrefixes: ['04 06 06', '04 33', '09 30'] },
];

export function defaultPrescribingRuleRows(): Map<string, PrescribingRule> {
  return new Map(
    DEFAULT_PRESCRIBING_RULES.map((rule) => [rule.profession, { ...rule, isoPrefixes: [...rule.isoPrefixes] }]),
  );
}

/** True when `code` is `prefix` or lies under it (codes are groups of two digits separated by spaces). */
export function isoUnder(code: string, prefix: string): boolean {
  return code.startsWith(prefix) && (code.length === prefix.length || code.charCodeAt(prefix.length) === 32);
}

export function mayPrescribe(state: State, profession: Profession, isoCode: string): boolean {
  const rule = state.prescribingRules.get(profession);
  if (rule === undefined) return false;
  for (const prefix of rule.isoPrefixes) if (isoUnder(isoCode, prefix)) return true;
  return false;
}
