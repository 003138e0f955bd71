// Skyddad identitet: a protected person's name and address are never shown; deliveries and pickups go through the
// region's handling address for protected personal data instead of the home address.
import type { Address, Person } from '../../../schemas/entities.ts';
import { formatPnr } from '../personnummer.ts';

/** What every view shows instead of a protected person's name. */
export const PROTECTED_NAME = 'Skyddad identitet';

/** Region Halland's handling address for protected personal data: HMC sends and fetches through it. */
export const PROTECTED_HANDLING_ADDRESS: Readonly<Address> = {
  street: 'Region Halland, Skyddade personuppgifter, Box 517',
  postalCode: '301 80',
  city: 'Halmstad',
};

export function isProtected(person: Person | undefined): boolean {
  return person?.protectedIdentity ?? false;
}

/** The name to show: the person's, or PROTECTED_NAME for a protected identity ('' for an unknown person). */
export function shownName(person: Person | undefined): string {
  if (person === undefined) return '';
  return person.protectedIdentity ? PROTECTED_NAME : `${person.givenName} ${person.familyName}`;
}

/** The address of an entry about this person as shown: the handling address for a protected identity. */
export function shownAddress(person: Person | undefined, address: Address): Address {
  return isProtected(person) ? { ...PROTECTED_HANDLING_ADDRESS } : address;
}

/** A patient as the lists of work orders, notes and deviation reports show them (null: no patient). */
export function shownPatient(person: Person | undefined) {
  if (person === undefined) return null;
  return {
    pnr: person.pnr,
    pnrDisplay: formatPnr(person.pnr),
    name: shownName(person),
    protectedIdentity: person.protectedIdentity,
  };
}
