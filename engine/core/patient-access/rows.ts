// The table rows each consent or emergency-access event changes, written in the same transaction as the journal entry.
import type { PatientAccessEvent } from '../event-groups.ts';
import type { RowRef } from '../row-ref.ts';

export function patientAccessRowsTouched(event: PatientAccessEvent): RowRef[] {
  return [['patientAccess', event.grant.grantNo]];
}
