// Betalare: who pays for a device a patient holds. Region and municipalities share the cost of personally prescribed
// devices by kind of device, so the rule is per ISO code: the longest matching prefix decides region or municipality.
import { z } from 'zod';
import { PAYER_RULE_NOTE_CHARS_MAX } from './limits.ts';
import { IsoCode } from './primitives.ts';

/** `region`: Region Halland pays; `municipality`: the patient's municipality (folkbokföringskommun) pays. */
export const PayerKind = z.enum(['region', 'municipality']);

export const PayerRule = z.object({
  /** ISO 9999 class, subclass or division the rule covers, with everything under it. */
  isoPrefix: IsoCode,
  payer: PayerKind,
  /** What the rule covers, in Swedish, as the rule list shows it. */
  note: z.string().max(PAYER_RULE_NOTE_CHARS_MAX),
});

export type PayerKind = z.infer<typeof PayerKind>;
export type PayerRule = z.infer<typeof PayerRule>;
