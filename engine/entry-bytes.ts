// A journal entry's bytes as it travels between threads and machines (issue 17): plain msgpack (no records, so any
// reader decodes it without the writer's structures), encoded once per entry and shared. The primary's publish to the
// journal stream and its read-worker feed take the same bytes; a standby keeps each entry's slice of the stream
// message it decoded, so its read workers get those bytes without a second encoding. The local LMDB store keeps its
// own encoding (with shared record structures, smaller on disk).
import { Packr } from 'msgpackr';
import type { JournalEntry } from '../schemas/events.ts';

// Entries are plain data (schemas/events.ts: objects, arrays, strings, numbers, booleans, null; no Map, Set or Date),
// which msgpack carries exactly.
const packr = new Packr({ useRecords: false });
const known = new WeakMap<JournalEntry, Uint8Array>();

/**
 * The entry's bytes, encoded on first use: a buffer of their own and exact size (msgpackr hands out views of a larger
 * buffer, and a structured clone to a worker would copy all of it).
 */
export function entryBytes(entry: JournalEntry): Uint8Array {
  let bytes = known.get(entry);
  if (bytes === undefined) {
    bytes = new Uint8Array(packr.pack(entry));
    known.set(entry, bytes);
  }
  return bytes;
}

export function decodeEntry(bytes: Uint8Array): JournalEntry {
  return packr.unpack(bytes) as JournalEntry;
}

/** A stream message's entries (msgpack values one after another), each remembered with its own slice of the bytes. */
export function decodeEntries(data: Uint8Array): JournalEntry[] {
  const entries: JournalEntry[] = [];
  packr.unpackMultiple(data, (value: JournalEntry, start?: number, end?: number) => {
    entries.push(value);
    if (start !== undefined && end !== undefined) known.set(value, new Uint8Array(data.subarray(start, end)));
  });
  return entries;
}
