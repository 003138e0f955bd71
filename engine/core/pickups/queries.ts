// pickup.list: a prescriber's own pickup orders (HMC staff see all), newest first, optionally only open ones or one
// patient's; each with the patient (protected identities only to the prescriber and HMC), units and article names.
import type { User } from '../../../schemas/entities.ts';
import type { Pickup, PickupListArgs } from '../../../schemas/pickups.ts';
import { isStaff } from '../users/roles.ts';
import { swedishDate } from '../orders/working-days.ts';
import { formatPnr, parsePnr } from '../personnummer.ts';
import { found, type QueryResult } from '../query-result.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { type Acting, defaultActing } from '../patient-access/care-provider.ts';
import { canReadEntry } from '../patient-access/boundary.ts';
import { shownAddress, shownName } from '../patient-access/protected-identity.ts';
import { oversight } from '../oversight/flags.ts';

export function pickupView(state: State, pickup: Pickup) {
  const person = state.persons.get(pickup.pnr);
  const prescriber = state.users.get(pickup.prescriberId);
  return {
    ...pickup,
    // A protected identity's pickup goes through the handling address, also for rows stored with the home address.
    address: shownAddress(person, pickup.address),
    placedDate: swedishDate(pickup.placedMs),
    patient: {
      pnr: pickup.pnr,
      pnrDisplay: formatPnr(pickup.pnr),
      name: shownName(person),
      protectedIdentity: person?.protectedIdentity ?? false,
    },
    prescriber: {
      id: pickup.prescriberId,
      name: prescriber?.name ?? pickup.prescriberId,
      phone: prescriber?.phone ?? '',
    },
    units: pickup.units.map((u) => ({ ...u, name: state.articles.get(u.artNo)?.name ?? u.artNo })),
  };
}

/** A row of pickup.list: the view with its age in working days and its flag (HMC oversight). */
export type ListedPickup = ReturnType<typeof pickupView> & { ageWorkingDays: number; flagged: boolean };

/**
 * Each pickup carries its age in working days as of `nowMs`, flagged while it waits (`requested`) more than
 * `oversight.pickupOpenWorkingDays`; `oversight.flagged` counts the flagged ones among all that match.
 */
export function listPickups(
  state: State,
  user: User,
  args: PickupListArgs,
  nowMs: number,
  acting: Acting = defaultActing(user),
): QueryResult<{
  total: number;
  pickups: ListedPickup[];
  withheld: number;
  oversight: { thresholdWorkingDays: number; flagged: number };
}> {
  const staff = isStaff(user);
  let candidates: readonly number[];
  if (args.pnr !== undefined) {
    const parsed = parsePnr(args.pnr, nowMs);
    if (!parsed.ok) return reject('invalid_pnr', `Ogiltigt personnummer: ${parsed.reason}.`);
    candidates = state.pickupIndex.byPnr.get(parsed.pnr12) ?? [];
  } else candidates = staff ? state.pickupIndex.all : (state.pickupIndex.byPrescriber.get(user.id) ?? []);
  const pickups: ListedPickup[] = [];
  const watch = oversight(state, 'oversight.pickupOpenWorkingDays', nowMs);
  let total = 0;
  let withheld = 0;
  let flaggedCount = 0;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const pickup = state.pickups.get(candidates[i]!)!;
    if (args.open === true && pickup.status !== 'requested') continue;
    // Another care provider's pickup (address, reason) only with consent or emergency access: left out, counted.
    if (!canReadEntry(state, acting, pickup)) {
      withheld++;
      continue;
    }
    // A protected identity is shown to the prescriber who asked and to HMC only.
    if (!staff && pickup.prescriberId !== user.id && (state.persons.get(pickup.pnr)?.protectedIdentity ?? false))
      continue;
    const ageWorkingDays = watch.ages.of(pickup.placedMs);
    const flagged = pickup.status === 'requested' && ageWorkingDays > watch.thresholdWorkingDays;
    if (flagged) flaggedCount++;
    if (pickups.length < args.limit) pickups.push({ ...pickupView(state, pickup), ageWorkingDays, flagged });
    total++;
  }
  const overview = { thresholdWorkingDays: watch.thresholdWorkingDays, flagged: flaggedCount };
  return found({ total, pickups, withheld, oversight: overview });
}
