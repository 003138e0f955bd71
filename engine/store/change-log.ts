// Ändringslogg: administrative changes newest first, a page at a time, from the journal index (which entry and event,
// under the entity, the user or the time) and the journal (the event, read by seq and described again). A page reads
// at most CHANGE_LOG_SCAN_MAX keys: a second filter that skips keys ends the page early with a cursor.
import type { JournalEntry } from '../../schemas/events.ts';
import type { ChangeLogArgs } from '../../schemas/stock-admin.ts';
import { CHANGE_LOG_SCAN_MAX } from '../../schemas/limits.ts';
import { describeChange } from '../core/change-log/describe.ts';
import { diffFields, type FieldChange } from '../core/change-log/diff.ts';
import {
  CHANGE_ENTITY,
  CHANGE_TIME,
  CHANGE_USER,
  type IndexKey,
  type IndexValue,
  type JournalIndex,
  KEY_NUMBER_MAX,
} from './journal-index.ts';

export interface ChangeLogLine {
  seq: number;
  timeMs: number;
  /** The event's position in its entry. */
  n: number;
  type: string;
  userId: string;
  entityKind: string;
  entityId: string;
  /** False for changes journaled before events carried their `before` (the portal shows "före: okänt"). */
  beforeKnown: boolean;
  /** True when the entity was removed (after is null). */
  removed: boolean;
  /** What the change was made in or with (a stock change's warehouse, reason and note); null: nothing. */
  context: Record<string, string | number> | null;
  /** The fields that changed, before → after (every field of the entity after when it is new or its before unknown). */
  fields: FieldChange[];
}

export interface ChangeLogPage {
  changes: ChangeLogLine[];
  /** The cursor of the next (older) page; null on the last. */
  next: string | null;
}

/** Which index answers the filters, and what its values must hold for a key to count. */
function plan(args: ChangeLogArgs): { prefix: IndexKey; keep: (value: IndexValue) => boolean } {
  if (args.entityKind !== undefined && args.entityId !== undefined) {
    const userId = args.userId;
    return {
      prefix: [CHANGE_ENTITY, args.entityKind, args.entityId],
      keep: (v) => userId === undefined || v[0] === userId,
    };
  }
  const kind = args.entityKind;
  if (args.userId !== undefined)
    return { prefix: [CHANGE_USER, args.userId], keep: (v) => kind === undefined || v[0] === kind };
  return { prefix: [CHANGE_TIME], keep: (v) => kind === undefined || v[0] === kind };
}

function parseCursor(cursor: string): [number, number, number] {
  const [timeMs, seq, n] = cursor.split('.').map(Number);
  return [timeMs ?? 0, seq ?? 0, n ?? 0];
}

/**
 * The last entry read: consecutive changes of one entry (an import batch journals up to IMPORT_BATCH_ARTICLES_MAX
 * articles in one) decode it once per page, not once per change.
 */
interface EntryMemo {
  seq: number;
  entry: JournalEntry | undefined;
}

function lineOf(index: JournalIndex, seq: number, n: number, memo: EntryMemo): ChangeLogLine {
  if (memo.seq !== seq) {
    memo.seq = seq;
    memo.entry = index.entry(seq);
  }
  const entry = memo.entry;
  const event = entry?.events[n];
  if (entry === undefined || event === undefined)
    throw new Error(`journal index names event ${seq}.${n}, which the journal lacks`);
  const change = describeChange(event);
  if (change === null) throw new Error(`journal index names event ${seq}.${n} (${event.type}), which is no change`);
  const beforeKnown = change.before !== undefined;
  const { entityKind, entityId, userId, after } = change;
  const fields = diffFields(beforeKnown ? change.before : null, after);
  const removed = after === null;
  const context = change.context ?? null;
  return {
    seq,
    timeMs: entry.timeMs,
    n,
    type: event.type,
    userId,
    entityKind,
    entityId,
    beforeKnown,
    removed,
    context,
    fields,
  };
}

export function changeLogPage(index: JournalIndex, args: ChangeLogArgs): ChangeLogPage {
  const { prefix, keep } = plan(args);
  const after = args.cursor === undefined ? null : parseCursor(args.cursor);
  const start = after !== null ? [...prefix, ...after] : [...prefix, args.toMs ?? KEY_NUMBER_MAX];
  const end = [...prefix, args.fromMs ?? 0];
  const changes: ChangeLogLine[] = [];
  let lastKey: IndexKey | null = null;
  let scanned = 0;
  const memo: EntryMemo = { seq: -1, entry: undefined };
  for (const { key, value } of index.range({ start, end, reverse: true, limit: CHANGE_LOG_SCAN_MAX + 2 })) {
    const at = key.slice(prefix.length) as [number, number, number];
    if (after !== null && at[0] === after[0] && at[1] === after[1] && at[2] === after[2]) continue;
    if (changes.length === args.limit || ++scanned > CHANGE_LOG_SCAN_MAX) {
      return { changes, next: cursorOf(lastKey ?? key, prefix) };
    }
    lastKey = key;
    if (keep(value)) changes.push(lineOf(index, at[1], at[2], memo));
  }
  return { changes, next: null };
}

function cursorOf(key: IndexKey, prefix: IndexKey): string {
  return key.slice(prefix.length).join('.');
}
