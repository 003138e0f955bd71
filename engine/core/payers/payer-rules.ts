// Betalare (payer) of a device: region or the patient's municipality, by the device's ISO code. The rules are reference
// data in the `payerRules` table (seeded with DEFAULT_PAYER_RULES, keyed by prefix); the longest matching prefix wins,
// so a subclass can differ from its class (lifts are the municipality's although mobility is the region's).
import type { Person } from '../../../schemas/entities.ts';
import type { PayerKind, PayerRule } from '../../../schemas/payers.ts';
import { assert } from '../assert.ts';

/** The region's name as the payer column shows it. */
export const REGION_PAYER_NAME = 'Region Halland';
/** A protected person's municipality is never shown, not even as the payer. */
export const PROTECTED_MUNICIPALITY_PAYER_NAME = 'Kommunen';

/**
 * A realistic split for Halland, after the shared cost responsibility (delat kostnadsansvar) of Swedish regions and
 * municipalities: the municipality pays for devices of daily care in the home and in special housing (beds and
 * furnishing, lifts and transfer aids, hygiene and toilet aids, incontinence, pressure-ulcer prevention, household);
 * the region pays for treatment, training, orthoses and prostheses, walking aids and wheelchairs, communication and
 * cognition. An ISO code no rule covers is the region's (HMC is the region's service).
 */
export const DEFAULT_PAYER_RULES: readonly PayerRule[] = [
  { isoPrefix: '04', payer: 'region', note: 'Hjälpmedel för medicinsk behandling' },
  { isoPrefix: '04 33', payer: 'municipality', note: 'Trycksårsförebyggande hjälpmedel' },
  { isoPrefix: '05', payer: 'region', note: 'Hjälpmedel för träning av färdigheter' },
  { isoPrefix: '06', payer: 'region', note: 'Ortoser och proteser' },
  { isoPrefix: '09', payer: 'region', note: 'Hjälpmedel för personlig vård' },
  { isoPrefix: '09 12', payer: 'municipality', note: 'Toaletthjälpmedel' },
  { isoPrefix: '09 30', payer: 'municipality', note: 'Inkontinenshjälpmedel' },
  { isoPrefix: '09 33', payer: 'municipality', note: 'Hjälpmedel för tvättning, bad och dusch' },
  { isoPrefix: '12', payer: 'region', note: 'Gånghjälpmedel, rullstolar och annan förflyttning' },
  { isoPrefix: '12 31', payer: 'municipality', note: 'Hjälpmedel för förflyttning och vändning' },
  { isoPrefix: '12 36', payer: 'municipality', note: 'Lyftar och lyftselar' },
  { isoPrefix: '15', payer: 'municipality', note: 'Hushållshjälpmedel' },
  { isoPrefix: '18', payer: 'municipality', note: 'Sängar, inredning och anpassning av bostaden' },
  { isoPrefix: '22', payer: 'region', note: 'Kommunikation, information och kognition' },
  { isoPrefix: '24', payer: 'region', note: 'Hjälpmedel för att hantera föremål' },
];

export function defaultPayerRuleRows(): Map<string, PayerRule> {
  return new Map(DEFAULT_PAYER_RULES.map((rule) => [rule.isoPrefix, { ...rule }]));
}

export interface PayerView {
  kind: PayerKind;
  /** "Region Halland" or "<kommun> kommun" (e.g. "Varbergs kommun"). */
  name: string;
  /** The rule that decided, or null when none covers the code (the region's then). */
  isoPrefix: string | null;
}

/** "Varberg" → "Varbergs kommun", "Kungsbacka" → "Kungsbacka kommun" (no genitive s after a vowel or s, x, z). */
export function municipalityPayerName(municipality: string): string {
  const trimmed = municipality.trim();
  if (trimmed === '') return PROTECTED_MUNICIPALITY_PAYER_NAME;
  return /[aeiouyåäösxz]$/i.test(trimmed) ? `${trimmed} kommun` : `${trimmed}s kommun`;
}

/** The rule of the longest prefix of `isoCode` ("12 36 03", then "12 36", then "12"), or undefined. */
export function payerRuleFor(rules: ReadonlyMap<string, PayerRule>, isoCode: string): PayerRule | undefined {
  const parts = isoCode.split(' ');
  assert(parts.length >= 1 && parts.length <= 3, `ISO code ${isoCode} has one to three levels`);
  for (let n = parts.length; n >= 1; n--) {
    const rule = rules.get(parts.slice(0, n).join(' '));
    if (rule !== undefined) return rule;
  }
  return undefined;
}

/**
 * Who pays for an article of `isoCode` that `person` holds: the region, or the person's municipality by name (a
 * protected identity's municipality stays hidden). Pure: the rules come from the state's table.
 */
export function payerOf(
  rules: ReadonlyMap<string, PayerRule>,
  isoCode: string,
  person: Pick<Person, 'municipality' | 'protectedIdentity'>,
): PayerView {
  const rule = payerRuleFor(rules, isoCode);
  const isoPrefix = rule?.isoPrefix ?? null;
  if (rule?.payer !== 'municipality') return { kind: 'region', name: REGION_PAYER_NAME, isoPrefix };
  const name = person.protectedIdentity
    ? PROTECTED_MUNICIPALITY_PAYER_NAME
    : municipalityPayerName(person.municipality);
  return { kind: 'municipality', name, isoPrefix };
}
