// Care providers (vårdgivare): which one a workplace, and so an entry made under it, belongs to. Rows stored before
// workplaces named their care provider, and entries stored before they named their workplace, belong to the region.
import type { CareProvider, User, Workplace } from '../../../schemas/entities.ts';
import type { State } from '../state.ts';

/** The region: HMC's own care provider and the default of rows without one. */
export const DEFAULT_CARE_PROVIDER: CareProvider = { id: 'region-halland', name: 'Region Halland' };

/** Who reads, and for which workplace: the acting workplace's care provider decides; the time bounds emergency access. */
export interface Acting {
  user: User;
  workplace: Workplace | null;
  timeMs: number;
}

export function careProviderOf(workplace: Workplace | null | undefined): CareProvider {
  return workplace?.careProvider ?? DEFAULT_CARE_PROVIDER;
}

/** The user's workplace of this id, or (no id) the first; null when the id is not the user's or they have none. */
export function userWorkplace(user: User, workplaceId?: string): Workplace | null {
  if (workplaceId === undefined) return user.workplaces[0] ?? null;
  return user.workplaces.find((w) => w.id === workplaceId) ?? null;
}

/** The acting context a query gets when the caller names none: the user's first workplace, and no emergency access. */
export function defaultActing(user: User): Acting {
  return { user, workplace: userWorkplace(user), timeMs: Number.NEGATIVE_INFINITY };
}

/** The care provider of an entry (order, pickup, work order): that of the workplace its prescriber made it under. */
export function entryCareProviderId(state: State, prescriberId: string, workplaceId: string | undefined): string {
  const prescriber = state.users.get(prescriberId);
  if (prescriber === undefined) return DEFAULT_CARE_PROVIDER.id;
  return careProviderOf(userWorkplace(prescriber, workplaceId) ?? userWorkplace(prescriber)).id;
}
