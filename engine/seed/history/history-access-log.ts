// The access-log entries (åtkomstlogg) the history's look-ups would have written: a prescriber opens the patient before
// placing an order or a pickup, follows some orders up a week later, files work orders and deviations; HMC staff read
// the new work orders and deviations the next day. Derived from the rows (after they have their final numbers) and
// yielded in time order by merging one stream per kind of look-up, each already in time order, so the seeding can
// append them in batches without ever holding them all (millions at Halland's size).
import type { NewAccessEntry } from '../../../schemas/access-log.ts';
import type { User, Workplace } from '../../../schemas/entities.ts';
import { userWorkplace } from '../../core/patient-access/care-provider.ts';
import type { Tables } from '../../core/state.ts';
import { Prng } from '../prng.ts';
import { swedishDayNo } from '../../core/orders/working-days.ts';
import { HISTORY_END_MS, type HistorySummary, type NumberRange } from './generate-history.ts';
import { dayStartMs } from './history-calendar.ts';

/** The look-up of the patient comes this long before the order or pickup it leads to. */
const LOOKUP_LEAD_MS = 3 * 60_000;
/** A prescriber follows up this share of their patient orders, a week after placing them. */
const FOLLOW_UP_SHARE = 0.3;
const FOLLOW_UP_AFTER_MS = 7 * 86_400_000;
/** HMC staff read a new work order or deviation report the next day. */
const STAFF_READ_AFTER_MS = 86_400_000;
const PRNG_SALT = 16;
/** Nothing after the history's last day (the day HISTORY_END_MS falls on is the first day not in it). */
const END_MS = dayStartMs(swedishDayNo(HISTORY_END_MS));

type Shown = NewAccessEntry['shown'];
type HistoryRanges = HistorySummary['ranges'];

/** One kind of look-up: times never go backwards within a stream. */
type Stream = Iterator<NewAccessEntry>;

/** Names of users and workplaces, looked up once per pair. */
class Who {
  private readonly cache = new Map<
    string,
    Pick<NewAccessEntry, 'userId' | 'userName' | 'workplaceId' | 'workplaceName'>
  >();
  constructor(private readonly users: Map<string, User>) {}

  of(userId: string, workplaceId: string | undefined) {
    const key = `${userId}\t${workplaceId ?? ''}`;
    let found = this.cache.get(key);
    if (found === undefined) {
      const user = this.users.get(userId);
      if (user === undefined) throw new Error(`history access log: no user ${userId}`);
      const place: Workplace | null = userWorkplace(user, workplaceId) ?? userWorkplace(user);
      found = { userId, userName: user.name, workplaceId: place?.id ?? '', workplaceName: place?.name ?? '' };
      this.cache.set(key, found);
    }
    return found;
  }
}

function entry(who: ReturnType<Who['of']>, timeMs: number, pnr: string, action: string, shown: Shown): NewAccessEntry {
  return { timeMs, ...who, pnr, action, shown };
}

/** One look-up per row that makes one (rows in time order, `look` at a fixed offset, so the stream is in order). */
function* stream<R>(rows: Iterable<R>, look: (row: R) => NewAccessEntry | undefined): Generator<NewAccessEntry> {
  for (const row of rows) {
    const e = look(row);
    if (e !== undefined && e.timeMs < END_MS) yield e;
  }
}

const PERSON: Shown = { kind: 'person', no: null };

/** The history's rows of a table in number order, which is time order (the seed's own rows are left out). */
function* rows<T>(table: Map<number, T>, range: NumberRange): Generator<T> {
  for (let no = range.first; no < range.first + range.count; no++) {
    const row = table.get(no);
    if (row === undefined) throw new Error(`history access log: no row ${no}`);
    yield row;
  }
}

function* patientOrders(tables: Tables, range: NumberRange) {
  for (const o of rows(tables.orders, range)) if (o.recipient.kind === 'patient') yield { o, pnr: o.recipient.pnr };
}

function streams(tables: Tables, ranges: HistoryRanges, who: Who, staffIds: readonly string[], root: Prng): Stream[] {
  const follow = root.fork(1);
  const staffOf = (prng: Prng) => () => who.of(prng.pick(staffIds), undefined);
  const woStaff = staffOf(root.fork(2));
  const devStaff = staffOf(root.fork(3));
  const hasStaff = staffIds.length > 0;
  return [
    stream(patientOrders(tables, ranges.orders), ({ o, pnr }) =>
      entry(who.of(o.prescriberId, o.workplaceId), o.placedMs - LOOKUP_LEAD_MS, pnr, 'patient.get', PERSON),
    ),
    stream(patientOrders(tables, ranges.orders), ({ o, pnr }) =>
      follow.chance(FOLLOW_UP_SHARE)
        ? entry(who.of(o.prescriberId, o.workplaceId), o.placedMs + FOLLOW_UP_AFTER_MS, pnr, 'order.get', {
            kind: 'order',
            no: o.orderNo,
          })
        : undefined,
    ),
    stream(rows(tables.pickups, ranges.pickups), (p) =>
      entry(who.of(p.prescriberId, p.workplaceId), p.placedMs - LOOKUP_LEAD_MS, p.pnr, 'patient.get', PERSON),
    ),
    stream(rows(tables.pickups, ranges.pickups), (p) =>
      entry(who.of(p.prescriberId, p.workplaceId), p.placedMs, p.pnr, 'pickup.create', {
        kind: 'pickup',
        no: p.pickupNo,
      }),
    ),
    stream(rows(tables.workOrders, ranges.workOrders), (w) =>
      w.pnr === null
        ? undefined
        : entry(who.of(w.prescriberId, w.workplaceId), w.createdMs, w.pnr, 'workorder.create', {
            kind: 'workOrder',
            no: w.woNo,
          }),
    ),
    stream(rows(tables.workOrders, ranges.workOrders), (w) =>
      w.pnr === null || !hasStaff
        ? undefined
        : entry(woStaff(), w.createdMs + STAFF_READ_AFTER_MS, w.pnr, 'workorder.update', {
            kind: 'workOrder',
            no: w.woNo,
          }),
    ),
    stream(rows(tables.deviations, ranges.deviations), (d) =>
      d.pnr === null
        ? undefined
        : entry(who.of(d.reporterId, d.workplaceId), d.createdMs, d.pnr, 'deviation.create', {
            kind: 'deviation',
            no: d.deviationNo,
          }),
    ),
    stream(rows(tables.deviations, ranges.deviations), (d) =>
      d.pnr === null || !hasStaff
        ? undefined
        : entry(devStaff(), d.createdMs + STAFF_READ_AFTER_MS, d.pnr, 'deviation.get', {
            kind: 'deviation',
            no: d.deviationNo,
          }),
    ),
  ];
}

/** The streams merged: heads compared by time, ties by stream order, each stream checked to stay in time order. */
function* merged(streams: Stream[]): Generator<NewAccessEntry> {
  const heads = streams.map((s) => s.next());
  const lastMs = streams.map(() => Number.NEGATIVE_INFINITY);
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const head = heads[i];
      if (head.done) continue;
      if (best < 0 || head.value.timeMs < (heads[best].value as NewAccessEntry).timeMs) best = i;
    }
    if (best < 0) return;
    const value = heads[best].value as NewAccessEntry;
    if (value.timeMs < lastMs[best]) throw new Error(`history access log: stream ${best} goes back in time`);
    lastMs[best] = value.timeMs;
    yield value;
    heads[best] = streams[best].next();
  }
}

/** Every access-log entry of the history in time order (deterministic from `seed`); ids come from the log. */
export function historyAccessEntries(tables: Tables, ranges: HistoryRanges, seed: number): Generator<NewAccessEntry> {
  const staffIds: string[] = [];
  for (const u of tables.users.values()) if (u.roles.includes('staff') && u.profession === 'hmc') staffIds.push(u.id);
  return merged(streams(tables, ranges, new Who(tables.users), staffIds, new Prng(seed).fork(PRNG_SALT)));
}

/** About how many entries historyAccessEntries yields (for a progress bar): a little more than this. */
export function historyAccessEstimate(ranges: HistoryRanges): number {
  const { orders, pickups, workOrders, deviations } = ranges;
  return Math.round(orders.count * (1 + FOLLOW_UP_SHARE) + 2 * (pickups.count + workOrders.count + deviations.count));
}
