// The care-provider boundary: may the acting user read an entry (order, pickup, work order) about a patient? HMC staff
// (the region's own service) read every entry they act on; others read their own care provider's entries, and another
// care provider's only with the patient's consent or a valid emergency access. Entries without a patient (care-unit
// orders, standalone work orders) hold no patient data and are not bounded.
import { reject, type Rejection } from '../rejections.ts';
import type { State } from '../state.ts';
import { isStaff } from '../users/roles.ts';
import { type Acting, careProviderOf, entryCareProviderId } from './care-provider.ts';
import { grantGrounds } from './queries.ts';

export interface BoundedEntry {
  prescriberId: string;
  workplaceId?: string | undefined;
  /** The patient the entry is about, or null. */
  pnr: string | null;
}

export function canReadEntry(state: State, acting: Acting, entry: BoundedEntry): boolean {
  if (entry.pnr === null || isStaff(acting.user)) return true;
  const careProviderId = careProviderOf(acting.workplace).id;
  if (entryCareProviderId(state, entry.prescriberId, entry.workplaceId) === careProviderId) return true;
  return grantGrounds(state, entry.pnr, careProviderId, acting.timeMs) !== null;
}

export function boundaryRejection(what: string): Rejection {
  return reject(
    'care_provider_boundary',
    `${what} tillhör en annan vårdgivare. Registrera patientens samtycke eller nödåtkomst för att se den.`,
  );
}
