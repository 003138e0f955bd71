// The region's prescribers beyond the four demo users: a region has hundreds (about one per RESIDENTS_PER_PRESCRIBER
// residents), each working at one or two care units, so a prescriber's order list is as long as a real one. They have
// no password (OIDC sign-in only; the demo users keep theirs) and are drawn for history rows like the demo users.
import type { User } from '../../../schemas/entities.ts';
import type { Profession } from '../../../schemas/primitives.ts';
import { bufferOwners } from '../care-units.ts';
import { FAMILY_NAMES, FEMALE_NAMES_MIDDLE, MALE_NAMES_MIDDLE } from '../names.ts';
import type { Prng } from '../prng.ts';
import { demoHsaId, phone, workplace } from '../users.ts';
import { bufferWarehouseId } from '../warehouses.ts';

export const RESIDENTS_PER_PRESCRIBER = 1_000;
/** Prescribers per care unit on average; the units are the buffer owners' list extended (care-units.ts). */
const PRESCRIBERS_PER_UNIT = 4;
/** bufferOwners runs out of distinct type × locality names a little above 300. */
const CARE_UNITS_MAX = 250;
const SECOND_WORKPLACE_SHARE = 0.2;
const PROFESSIONS: readonly Profession[] = ['ot', 'pt', 'nurse', 'slp'];
const PROFESSION_WEIGHTS = [0.45, 0.3, 0.2, 0.05];
/** HSA-ids after the demo users' (demoHsaId numbers them from 1). */
const HSA_INDEX_FIRST = 1_000;
const EMAIL_DOMAIN = 'regionhalland.se';

/** The generated prescribers' ids: f00001, f00002, … (no demo user's id looks like that). */
export function generatedPrescriberId(index: number): string {
  return `f${String(index + 1).padStart(5, '0')}`;
}

/** How many prescribers a region of `residents` has. */
export function prescriberCount(residents: number): number {
  return Math.round(residents / RESIDENTS_PER_PRESCRIBER);
}

/** `count` prescribers at the care units of a region with `buffers` buffer warehouses (the first units own them). */
export function historyPrescribers(prng: Prng, count: number, buffers: number): User[] {
  const unitCount = Math.min(CARE_UNITS_MAX, Math.max(buffers, Math.ceil(count / PRESCRIBERS_PER_UNIT)));
  const places = bufferOwners(unitCount).map((unit, i) => workplace(unit, i < buffers ? bufferWarehouseId(i) : null));
  const families = Object.keys(FAMILY_NAMES);
  const users: User[] = [];
  for (let i = 0; i < count; i++) {
    const female = prng.chance(0.7);
    const name = `${prng.pick(female ? FEMALE_NAMES_MIDDLE : MALE_NAMES_MIDDLE)} ${prng.pick(families)}`;
    const first = prng.pick(places);
    const second = prng.chance(SECOND_WORKPLACE_SHARE) ? prng.pick(places) : first;
    const id = generatedPrescriberId(i);
    users.push({
      id,
      username: id,
      name,
      profession: prng.weighted(PROFESSIONS, PROFESSION_WEIGHTS),
      roles: ['prescriber'],
      workplaces: (second.id === first.id ? [first] : [first, second]).map((w) => ({
        ...w,
        deliveryAddress: { ...w.deliveryAddress },
      })),
      email: `${id}@${EMAIL_DOMAIN}`,
      phone: phone(prng),
      passwordHash: '',
      hsaId: demoHsaId(HSA_INDEX_FIRST + i),
    });
  }
  return users;
}
