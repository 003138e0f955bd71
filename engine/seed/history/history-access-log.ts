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
import { HISTORY_END_MS } from './generate-history.ts';
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

/** The history's orders to patients (the seed's own demo orders come first in the table and are left out). */
function* patientOrders(tables: Tables) {
  for (const o of tables.orders.values())
    if (o.idempotencyKey.startsWith('history-') && o.recipient.kind === 'patient') yield { o, pnr: o.recipient.pnr };
}

function streams(tables: Tables, who: Who, staffIds: readonly string[], root: Prng): Stream[] {
  const follow = root.fork(1);
  const staffOf = (prng: Prng) => () => who.of(prng.pick(staffIds), undefined);
  const woStaff = staffOf(root.fork(2));
  const devStaff = staffOf(root.fork(3));
  const hasStaff = staffIds.length > 0;
  return [
    stream(patientOrders(tables), ({ o, pnr }) =>
      entry(who.of(o.prescriberId, o.workplaceId), o.placedMs - LOOKUP_LEAD_MS, pnr, 'patient.get', PERSON),
    ),
    stream(patientOrders(tables), ({ o, pnr }) =>
      follow.chance(FOLLOW_UP_SHARE)
        ? entry(who.of(o.prescriberId, o.workplaceId), o.placedMs + FOLLOW_UP_AFTER_MS, pnr, 'order.get', {
            kind: 'order',
            no: o.orderNo,
          })
        : undefined,
    ),
    stream(tables.pickups.values(), (p) =>
      entry(who.of(p.prescriberId, p.workplaceId), p.placedMs - LOOKUP_LEAD_MS, p.pnr, 'patient.get', PERSON),
    ),
    stream(tables.pickups.values(), (p) =>
      entry(who.of(p.prescriberId, p.workplaceId), p.placedMs, p.pnr, 'pickup.create', {
        kind: 'pickup',
        no: p.pickupNo,
      }),
    ),
    stream(tables.workOrders.values(), (w) =>
      w.pnr === null
        ? undefined
        : entry(who.of(w.prescriberId, w.workplaceId), w.createdMs, w.pnr, 'workorder.create', {
            kind: 'workOrder',
            no: w.woNo,
          }),
    ),
    stream(tables.workOrders.values(), (w) =>
      w.pnr === null || !hasStaff
        ? undefined
        : entry(woStaff(), w.createdMs + STAFF_READ_AFTER_MS, w.pnr, 'workorder.update', {
            kind: 'workOrder',
            no: w.woNo,
          }),
    ),
    stream(tables.deviations.values(), (d) =>
      d.pnr === null
        ? undefined
        : entry(who.of(d.reporterId, d.workplaceId), d.createdMs, d.pnr, 'deviation.create', {
            kind: 'deviation',
            no: d.deviationNo,
          }),
    ),
    stream(tables.deviations.values(), (d) =>
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
export function historyAccessEntries(tables: Tables, seed: number): Generator<NewAccessEntry> {
  const staffIds: string[] = [];
  for (const u of tables.users.values()) if (u.roles.includes('staff') && u.profession === 'hmc') staffIds.push(u.id);
  return merged(streams(tables, new Who(tables.users), staffIds, new Prng(seed).fork(PRNG_SALT)));
}

/** About how many entries historyAccessEntries yields (for a progress bar): a little more than this. */
export function historyAccessEstimate(tables: Tables): number {
  return Math.round(
    tables.orders.size * (1 + FOLLOW_UP_SHARE) +
      2 * (tables.pickups.size + tables.workOrders.size + tables.deviations.size),
  );
}
