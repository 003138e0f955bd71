// Read models of the returns unit, answered from memory: the sale articles a patient holds (on patient.get), what a
// patient previously held and returned (patient.returned), HMC's list of sent-back returns on their way (return.list)
// and the units kept in a buffer after de-registrations (return.kept).
import type { OpArgs } from '../../../schemas/ops.ts';
import { RETURN_LIST_MAX } from '../../../schemas/limits.ts';
import type { ReturnDisposition, ReturnRecord, ReturnStatus } from '../../../schemas/returns.ts';
import { canReadEntry } from '../patient-access/boundary.ts';
import type { Acting } from '../patient-access/care-provider.ts';
import { formatPnr, parsePnr } from '../personnummer.ts';
import { found, type QueryResult } from '../query-result.ts';
import { personView, type PersonView } from '../register-queries.ts';
import { reject } from '../rejections.ts';
import type { State } from '../state.ts';
import { swedishDate } from '../orders/working-days.ts';

/** How a device left the patient: a collected pickup, a rental unit received at HMC, a de-registration. */
export type ReturnedHow = 'pickup' | 'return' | 'deregistration';

export interface ReturnedView {
  timeMs: number;
  date: string;
  how: ReturnedHow;
  artNo: string;
  name: string;
  isoCode: string;
  quantity: number;
  /** The rental unit (pickup, return); null for sale articles. */
  indNo: number | null;
  pickupNo: number | null;
  returnNo: number | null;
  /** What became of de-registered articles. */
  disposition: ReturnDisposition | null;
}

function deregistrationViews(state: State, record: ReturnRecord): ReturnedView[] {
  return record.lines.map((line) => {
    const article = state.articles.get(line.artNo);
    return {
      timeMs: record.timeMs,
      date: record.date,
      how: 'deregistration' as const,
      artNo: line.artNo,
      name: article?.name ?? line.artNo,
      isoCode: article?.isoCode ?? '',
      quantity: line.quantity,
      indNo: null,
      pickupNo: null,
      returnNo: record.returnNo,
      disposition: record.disposition,
    };
  });
}

function unitView(
  state: State,
  how: 'pickup' | 'return',
  artNo: string,
  indNo: number,
  timeMs: number,
  pickupNo: number | null,
): ReturnedView {
  const article = state.articles.get(artNo);
  const name = article?.name ?? artNo;
  const isoCode = article?.isoCode ?? '';
  const date = swedishDate(timeMs);
  return { timeMs, date, how, artNo, name, isoCode, quantity: 1, indNo, pickupNo, returnNo: null, disposition: null };
}

/**
 * patient.returned: everything the patient held and returned, newest first. De-registrations and pickups are entries
 * of the care provider they were made under (left out and counted in `withheld` across the boundary); a unit HMC
 * received back is the shared register's and always shown.
 */
export function patientReturned(
  state: State,
  args: OpArgs<'patient.returned'>,
  nowMs: number,
  acting?: Acting,
): QueryResult<{ person: PersonView; returned: ReturnedView[]; withheld: number }> {
  const parsed = parsePnr(args.pnr, nowMs);
  if (!parsed.ok) return reject('invalid_pnr', `Ogiltigt personnummer: ${parsed.reason}.`);
  const person = state.persons.get(parsed.pnr12);
  if (person === undefined) return reject('not_found', `Ingen person med personnummer ${formatPnr(parsed.pnr12)}.`);
  const pnr = person.pnr;
  const readable = (prescriberId: string, workplaceId: string | undefined) =>
    acting === undefined || canReadEntry(state, acting, { prescriberId, workplaceId, pnr });
  let withheld = 0;
  const returned: ReturnedView[] = [];
  for (const returnNo of state.returnIndex.returnsByPnr.get(pnr) ?? []) {
    const record = state.returns.get(returnNo)!;
    if (readable(record.userId, record.workplaceId)) returned.push(...deregistrationViews(state, record));
    else withheld++;
  }
  for (const entryNo of state.returnIndex.unitsByPnr.get(pnr) ?? []) {
    const unit = state.returnedUnits.get(entryNo)!;
    returned.push(unitView(state, 'return', unit.artNo, unit.indNo, unit.timeMs, null));
  }
  for (const pickupNo of state.pickupIndex.byPnr.get(pnr) ?? []) {
    const pickup = state.pickups.get(pickupNo)!;
    const back = pickup.units.filter((u) => u.returnedMs !== null);
    if (back.length === 0) continue;
    if (!readable(pickup.prescriberId, pickup.workplaceId)) withheld++;
    else for (const u of back) returned.push(unitView(state, 'pickup', u.artNo, u.indNo, u.returnedMs!, pickupNo));
  }
  returned.sort((a, b) => b.timeMs - a.timeMs);
  return found({ person: personView(person), returned: returned.slice(0, RETURN_LIST_MAX), withheld });
}

/** A sent-back return as HMC's list shows it: no patient (HMC receives articles, not a person's data). */
export interface ReturnListView {
  returnNo: number;
  timeMs: number;
  date: string;
  warehouse: string;
  workplaceName: string;
  prescriberName: string;
  status: ReturnStatus;
  lines: Array<{ artNo: string; name: string; quantity: number }>;
  handledByName: string | null;
  handledMs: number | null;
}

function listView(state: State, record: ReturnRecord): ReturnListView {
  const user = state.users.get(record.userId);
  const workplace = user?.workplaces.find((w) => w.id === record.workplaceId);
  return {
    returnNo: record.returnNo,
    timeMs: record.timeMs,
    date: record.date,
    warehouse: record.warehouse,
    workplaceName: workplace?.name ?? record.workplaceId,
    prescriberName: user?.name ?? record.userId,
    status: record.status,
    lines: record.lines.map((l) => ({ ...l, name: state.articles.get(l.artNo)?.name ?? l.artNo })),
    handledByName: record.handledBy === null ? null : (state.users.get(record.handledBy)?.name ?? record.handledBy),
    handledMs: record.handledMs,
  };
}

/** return.list: sent-back returns on their way (oldest first, the order they arrive), or every sent-back return. */
export function listReturns(
  state: State,
  args: OpArgs<'return.list'>,
): QueryResult<{ returns: ReturnListView[]; pending: number }> {
  const numbers = args.pending
    ? [...state.returnIndex.pending].sort((a, b) => a - b)
    : [...state.returns.values()]
        .filter((r) => r.disposition === 'sendBack')
        .map((r) => r.returnNo)
        .sort((a, b) => b - a);
  const returns = numbers.slice(0, RETURN_LIST_MAX).map((no) => listView(state, state.returns.get(no)!));
  return found({ returns, pending: state.returnIndex.pending.size });
}

/** One article of a buffer: its prescribable balance and the units kept after de-registrations (not prescribable). */
export interface BufferRowView {
  artNo: string;
  name: string;
  onHand: number;
  reserved: number;
  available: number;
  kept: number;
}

/** return.bufferStock: the acting workplace's buffer, article by article ("Sparade, ej förskrivningsbara" apart). */
export function bufferStock(
  state: State,
  warehouse: string | null,
): QueryResult<{ warehouse: string | null; rows: BufferRowView[] }> {
  if (warehouse === null) return found({ warehouse, rows: [] });
  const rows = new Map<string, BufferRowView>();
  const row = (artNo: string): BufferRowView => {
    let view = rows.get(artNo);
    if (view === undefined) {
      const name = state.articles.get(artNo)?.name ?? artNo;
      view = { artNo, name, onHand: 0, reserved: 0, available: 0, kept: 0 };
      rows.set(artNo, view);
    }
    return view;
  };
  for (const stock of state.stock.values()) {
    if (stock.warehouse !== warehouse || (stock.onHand === 0 && stock.reserved === 0)) continue;
    Object.assign(row(stock.artNo), {
      onHand: stock.onHand,
      reserved: stock.reserved,
      available: stock.onHand - stock.reserved,
    });
  }
  for (const [artNo, kept] of state.returnIndex.keptByBuffer.get(warehouse) ?? []) row(artNo).kept = kept;
  const sorted = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv') || (a.artNo < b.artNo ? -1 : 1));
  return found({ warehouse, rows: sorted.slice(0, RETURN_LIST_MAX) });
}
