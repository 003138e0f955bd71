// Hämtorder rules: the units must be held by the patient and not already waiting for another pickup; the prescriber
// who asked (or HMC staff) may cancel while no unit has come back. A return of a waiting unit completes it.
import type { Event } from '../../../schemas/events.ts';
import type { PickupUnitReturned } from '../../../schemas/pickups.ts';
import type { CommandContext, PickupCancel, PickupCreate } from '../commands.ts';
import type { Decision } from '../decision.ts';
import { isStaff } from '../users/roles.ts';
import { parsePnr } from '../personnummer.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { userWorkplace } from '../patient-access/care-provider.ts';
import { isProtected, PROTECTED_HANDLING_ADDRESS } from '../patient-access/protected-identity.ts';

export function decidePickupCreate(state: State, command: PickupCreate, context: CommandContext): Decision {
  const parsed = parsePnr(command.pnr, context.timeMs);
  if (!parsed.ok) return reject('invalid_pnr', `Ogiltigt personnummer: ${parsed.reason}.`);
  const person = state.persons.get(parsed.pnr12);
  if (person === undefined) return reject('not_found', 'Ingen person med det personnumret finns i folkbokföringen.');
  if (isProtected(person) && command.address !== undefined) {
    return reject(
      'protected_address',
      'Personen har skyddad identitet: hämtningen går via Region Hallands adress för skyddade personuppgifter. Ange ingen adress.',
    );
  }
  if (new Set(command.indNos).size !== command.indNos.length)
    return reject('duplicate_line', 'Samma individ finns två gånger i hämtordern.');
  const units = [];
  for (const indNo of command.indNos) {
    const ind = state.individuals.get(indNo);
    if (ind === undefined || ind.location.kind !== 'patient' || ind.location.pnr !== person.pnr) {
      return reject('not_holder', `Individ ${indNo} är inte registrerad på brukaren.`);
    }
    const waiting = state.pickupIndex.waiting.get(indNo);
    if (waiting !== undefined) return reject('pickup_exists', `Individ ${indNo} finns redan i hämtorder ${waiting}.`);
    units.push({ indNo, artNo: ind.artNo, returnedMs: null });
  }
  const user = state.users.get(command.userId);
  const workplaceId = user === undefined ? undefined : userWorkplace(user, command.workplaceId)?.id;
  const pickup = {
    pickupNo: state.pickupIndex.nextPickupNo,
    placedMs: context.timeMs,
    prescriberId: command.userId,
    ...(workplaceId === undefined ? {} : { workplaceId }),
    pnr: person.pnr,
    units,
    address: command.address ?? (isProtected(person) ? { ...PROTECTED_HANDLING_ADDRESS } : person.address),
    contactName: command.contactName,
    contactPhone: command.contactPhone,
    reason: command.reason,
    status: 'requested' as const,
  };
  return { ok: true, events: [{ type: 'pickup.created', userId: command.userId, pickup }] };
}

export function decidePickupCancel(state: State, command: PickupCancel): Decision {
  const pickup = state.pickups.get(command.pickupNo);
  if (pickup === undefined) return reject('not_found', `Hämtorder ${command.pickupNo} finns inte.`);
  const user = state.users.get(command.userId)!;
  if (pickup.prescriberId !== user.id && !isStaff(user)) {
    return reject('forbidden', 'Bara förskrivaren som beställde hämtningen (eller HMC) kan makulera den.');
  }
  if (pickup.status !== 'requested' || pickup.units.some((u) => u.returnedMs !== null)) {
    return reject(
      'pickup_not_cancellable',
      `Hämtorder ${pickup.pickupNo} kan inte makuleras: ${pickup.status === 'cancelled' ? 'den är redan makulerad' : 'HMC har redan tagit emot hjälpmedel'}.`,
    );
  }
  return { ok: true, events: [{ type: 'pickup.cancelled', userId: command.userId, pickupNo: pickup.pickupNo }] };
}

/** The waiting pickups a return of these units completes (one event per unit), decided with the return. */
export function pickupReturns(state: State, indNos: readonly number[], userId: string, timeMs: number): Event[] {
  const events: PickupUnitReturned[] = [];
  for (const indNo of indNos) {
    const pickupNo = state.pickupIndex.waiting.get(indNo);
    if (pickupNo !== undefined) events.push({ type: 'pickup.unitReturned', userId, pickupNo, indNo, timeMs });
  }
  return events;
}
