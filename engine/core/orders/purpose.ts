// Förskrivningssyfte: ordinary devices take none, or PV for a patient in palliative care; compression stockings
// (ISO 04 06 06) need one of BA, BT, LÖ, TR, VB, ÖM and never PV (the manual: "OBS! Välj inte PV").
import type { Person } from '../../../schemas/entities.ts';
import type { PurposeCode } from '../../../schemas/orders.ts';
import { reject, type Rejection } from '../rejections.ts';
import { isoUnder } from '../prescribing-rules/rules.ts';

export const COMPRESSION_ISO = '04 06 06';
export const COMPRESSION_PURPOSES: readonly PurposeCode[] = ['BA', 'BT', 'LÖ', 'TR', 'VB', 'ÖM'];
export const PALLIATIVE_PURPOSE: PurposeCode = 'PV';

export interface PurposeRule {
  required: boolean;
  allowed: readonly PurposeCode[];
}

const NONE: PurposeRule = { required: false, allowed: [] };
const PALLIATIVE: PurposeRule = { required: false, allowed: [PALLIATIVE_PURPOSE] };
const COMPRESSION: PurposeRule = { required: true, allowed: COMPRESSION_PURPOSES };

/** What the order wizard must ask for an article and recipient (`patient` null for a care unit). */
export function purposeRule(isoCode: string, patient: Person | null): PurposeRule {
  if (isoUnder(isoCode, COMPRESSION_ISO)) return COMPRESSION;
  return patient?.palliative ? PALLIATIVE : NONE;
}

export function checkPurpose(
  artNo: string,
  isoCode: string,
  patient: Person | null,
  purpose: PurposeCode | undefined,
): Rejection | null {
  const rule = purposeRule(isoCode, patient);
  if (purpose === undefined) {
    if (!rule.required) return null;
    return reject(
      'purpose_required',
      `Artikel ${artNo} är en kompressionsstrumpa: ange förskrivningssyfte (${COMPRESSION_PURPOSES.join(', ')}).`,
    );
  }
  if (rule.allowed.includes(purpose)) return null;
  if (rule === COMPRESSION) {
    return reject(
      'purpose_invalid',
      `Förskrivningssyfte ${purpose} gäller inte kompressionsstrumpor; välj ${COMPRESSION_PURPOSES.join(', ')} (inte PV).`,
    );
  }
  return reject(
    'purpose_invalid',
    purpose === PALLIATIVE_PURPOSE
      ? 'Förskrivningssyfte PV anges endast när brukaren vårdas palliativt.'
      : `Förskrivningssyfte ${purpose} anges endast för kompressionsstrumpor.`,
  );
}
