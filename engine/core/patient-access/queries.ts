// On what grounds a care provider reads a patient's entries (for the boundary and the access log), and the list of
// consents and emergency accesses a reviewer goes through.
import type { ConsentListArgs } from '../../../schemas/patient-access.ts';
import { formatPnr, parsePnr } from '../personnummer.ts';
import { found } from '../query-result.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { entryCareProviderId } from './care-provider.ts';

/**
 * 'own': no order, pickup or work order about the patient belongs to another care provider; 'consent' / 'emergency':
 * some do, and the patient's consent or an emergency access still valid at `timeMs` lets this care provider read them;
 * null: some do and nothing lets it (they are refused or left out).
 */
export type AccessGrounds = 'own' | 'consent' | 'emergency' | null;

export function accessGrounds(state: State, pnr: string, careProviderId: string, timeMs: number): AccessGrounds {
  if (!hasForeignEntries(state, pnr, careProviderId)) return 'own';
  return grantGrounds(state, pnr, careProviderId, timeMs);
}

/** The consent or valid emergency access this care provider holds for the patient (consent first), or null. */
export function grantGrounds(
  state: State,
  pnr: string,
  careProviderId: string,
  timeMs: number,
): 'consent' | 'emergency' | null {
  let emergency = false;
  for (const grantNo of state.accessIndex.byPnr.get(pnr) ?? []) {
    const grant = state.patientAccess.get(grantNo)!;
    if (grant.careProviderId !== careProviderId) continue;
    if (grant.kind === 'consent') return 'consent';
    if (grant.expiresMs !== null && grant.timeMs <= timeMs && timeMs < grant.expiresMs) emergency = true;
  }
  return emergency ? 'emergency' : null;
}

function hasForeignEntries(state: State, pnr: string, careProviderId: string): boolean {
  const foreign = (prescriberId: string, workplaceId: string | undefined) =>
    entryCareProviderId(state, prescriberId, workplaceId) !== careProviderId;
  for (const orderNo of state.orderIndex.byPnr.get(pnr) ?? []) {
    const order = state.orders.get(orderNo)!;
    if (foreign(order.prescriberId, order.workplaceId)) return true;
  }
  for (const pickupNo of state.pickupIndex.byPnr.get(pnr) ?? []) {
    const pickup = state.pickups.get(pickupNo)!;
    if (foreign(pickup.prescriberId, pickup.workplaceId)) return true;
  }
  for (const woNo of state.workOrderIndex.byPnr.get(pnr) ?? []) {
    const workOrder = state.workOrders.get(woNo)!;
    if (foreign(workOrder.prescriberId, workOrder.workplaceId)) return true;
  }
  return false;
}

/** consent.list: grants newest first, each with who recorded it, for a reviewer. */
export function listGrants(state: State, args: ConsentListArgs, nowMs: number) {
  let candidates: readonly number[] = state.accessIndex.all;
  if (args.pnr !== undefined) {
    const parsed = parsePnr(args.pnr, nowMs);
    if (!parsed.ok) return reject('invalid_pnr', `Ogiltigt personnummer: ${parsed.reason}.`);
    candidates = state.accessIndex.byPnr.get(parsed.pnr12) ?? [];
  }
  const grants = [];
  let total = 0;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const grant = state.patientAccess.get(candidates[i]!)!;
    if (args.kind !== undefined && grant.kind !== args.kind) continue;
    total++;
    if (grants.length >= args.limit) continue;
    const user = state.users.get(grant.userId);
    grants.push({
      ...grant,
      pnrDisplay: formatPnr(grant.pnr),
      user: { id: grant.userId, name: user?.name ?? grant.userId },
      activeNow: grant.expiresMs === null || nowMs < grant.expiresMs,
    });
  }
  return found({ total, grants });
}
