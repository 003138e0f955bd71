// Consent and emergency-access events into state: a grant is added, never changed.
import { assert } from '../assert.ts';
import type { PatientAccessEvent } from '../event-groups.ts';
import type { State } from '../state.ts';
import { indexGrant } from './access-index.ts';

export function applyPatientAccessEvent(state: State, event: PatientAccessEvent): void {
  assert(!state.patientAccess.has(event.grant.grantNo), `grant ${event.grant.grantNo} is new`);
  state.patientAccess.set(event.grant.grantNo, event.grant);
  indexGrant(state.accessIndex, event.grant);
}
