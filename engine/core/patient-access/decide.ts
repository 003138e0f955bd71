// Consent and emergency access: recorded for the acting workplace's care provider, about a person in the register.
// Checks in this order: personnummer (`invalid_pnr`), person (`not_found`), workplace the user's (`forbidden`).
import { EMERGENCY_ACCESS_VALID_MS } from '../../../schemas/limits.ts';
import type { AccessGrant } from '../../../schemas/patient-access.ts';
import type {
  CommandContext,
  PatientAccessCommand,
  PatientEmergencyAccess,
  PatientRecordConsent,
} from '../commands.ts';
import type { Decision } from '../decision.ts';
import { parsePnr } from '../personnummer.ts';
import { reject, type Rejection } from '../rejections.ts';
import type { State } from '../state.ts';
import { careProviderOf, userWorkplace } from './care-provider.ts';

/** The grant a command records, or why not; the kind-specific fields come after. */
function grantOf(state: State, command: PatientAccessCommand, context: CommandContext): AccessGrant | Rejection {
  const parsed = parsePnr(command.pnr, context.timeMs);
  if (!parsed.ok) return reject('invalid_pnr', `Ogiltigt personnummer: ${parsed.reason}.`);
  if (!state.persons.has(parsed.pnr12)) return reject('not_found', 'Ingen person med det personnumret finns.');
  const user = state.users.get(command.userId);
  const workplace = user === undefined ? null : userWorkplace(user, command.workplaceId);
  if (workplace === null) return reject('forbidden', `Arbetsplatsen ${command.workplaceId} hör inte till dig.`);
  return {
    grantNo: state.accessIndex.nextGrantNo,
    kind: 'consent',
    pnr: parsed.pnr12,
    careProviderId: careProviderOf(workplace).id,
    workplaceId: workplace.id,
    userId: command.userId,
    timeMs: context.timeMs,
    expiresMs: null,
    reason: '',
    flaggedForReview: true,
  };
}

export function decideRecordConsent(state: State, command: PatientRecordConsent, context: CommandContext): Decision {
  const grant = grantOf(state, command, context);
  if ('ok' in grant) return grant;
  return { ok: true, events: [{ type: 'patient.accessGranted', grant }] };
}

export function decideEmergencyAccess(
  state: State,
  command: PatientEmergencyAccess,
  context: CommandContext,
): Decision {
  const grant = grantOf(state, command, context);
  if ('ok' in grant) return grant;
  const emergency: AccessGrant = {
    ...grant,
    kind: 'emergency',
    expiresMs: context.timeMs + EMERGENCY_ACCESS_VALID_MS,
    reason: command.reason,
  };
  return { ok: true, events: [{ type: 'patient.accessGranted', grant: emergency }] };
}
