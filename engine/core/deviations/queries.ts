// The deviation reads: deviation.list (a reporter's own, or for HMC staff the whole desk, filtered), deviation.get and
// deviation.countsByArticle (reports per article and category for the admin side). A view shows the patient only as
// the work order views do (protected identity hidden); the edge logs every person a reply shows.
import type { User } from '../../../schemas/entities.ts';
import type { Deviation, DeviationCountsArgs, DeviationListArgs } from '../../../schemas/deviations.ts';
import { canReadEntry } from '../patient-access/boundary.ts';
import { type Acting, defaultActing } from '../patient-access/care-provider.ts';
import { shownPatient } from '../patient-access/protected-identity.ts';
import { boundaryRejection } from '../patient-access/boundary.ts';
import { found, type QueryResult } from '../query-result.ts';
import type { State } from '../state.ts';
import { isStaff } from '../users/roles.ts';
import { visibleDeviation } from './decide.ts';
import { NEXT_STATUSES } from './status-flow.ts';

export function deviationView(state: State, deviation: Deviation) {
  const person = deviation.pnr === null ? undefined : state.persons.get(deviation.pnr);
  const nameOf = (userId: string) => state.users.get(userId)?.name ?? userId;
  return {
    ...deviation,
    articleName: state.articles.get(deviation.artNo)?.name ?? deviation.artNo,
    patient: shownPatient(person),
    reporter: { id: deviation.reporterId, name: nameOf(deviation.reporterId) },
    comments: deviation.comments.map((c) => ({ ...c, author: nameOf(c.userId) })),
    /** The statuses HMC may move it to next. */
    nextStatuses: NEXT_STATUSES[deviation.status],
  };
}
export type DeviationView = ReturnType<typeof deviationView>;

const asEntry = (d: Deviation) => ({ prescriberId: d.reporterId, workplaceId: d.workplaceId, pnr: d.pnr });

export function listDeviations(
  state: State,
  user: User,
  args: DeviationListArgs,
  acting: Acting = defaultActing(user),
): QueryResult<{ total: number; deviations: DeviationView[]; withheld: number }> {
  const candidates = isStaff(user) ? state.deviationIndex.all : (state.deviationIndex.byReporter.get(user.id) ?? []);
  const deviations: DeviationView[] = [];
  let total = 0;
  let withheld = 0;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const deviation = state.deviations.get(candidates[i]!)!;
    if (args.status !== undefined && deviation.status !== args.status) continue;
    if (args.category !== undefined && deviation.category !== args.category) continue;
    if (args.artNo !== undefined && deviation.artNo !== args.artNo) continue;
    if (!canReadEntry(state, acting, asEntry(deviation))) {
      withheld++;
      continue;
    }
    total++;
    if (deviations.length < args.limit) deviations.push(deviationView(state, deviation));
  }
  return found({ total, deviations, withheld });
}

export function getDeviation(
  state: State,
  user: User,
  deviationNo: number,
  acting: Acting = defaultActing(user),
): QueryResult<DeviationView> {
  const deviation = visibleDeviation(state, user.id, deviationNo);
  if ('ok' in deviation) return deviation;
  if (!canReadEntry(state, acting, asEntry(deviation))) return boundaryRejection(`Avvikelse ${deviationNo}`);
  return found(deviationView(state, deviation));
}

/** Reports per article and category, most reported first (no person: counts and article names only). */
export function deviationCounts(state: State, args: DeviationCountsArgs) {
  const rows: Array<{
    artNo: string;
    name: string;
    incident: number;
    risk: number;
    productFault: number;
    total: number;
  }> = [];
  for (const [artNo, counts] of state.deviationIndex.countsByArticle) {
    if (args.artNo !== undefined && artNo !== args.artNo) continue;
    const total = counts.incident + counts.risk + counts.productFault;
    rows.push({ artNo, name: state.articles.get(artNo)?.name ?? artNo, ...counts, total });
  }
  rows.sort((a, b) => b.total - a.total || a.artNo.localeCompare(b.artNo));
  return found({ articles: rows.length, rows: rows.slice(0, args.limit) });
}
