// REPLICATION and its settings (issue 17): unset changes nothing; jetstream needs NATS_URL; bad values are refused with
// the variable's name; the journal entry codec keeps what the events hold.
import { describe, expect, it } from 'vitest';
import { replicationConfigFromEnv } from '../engine/replication/config.ts';
import { readOnly } from '../engine/replication/hook.ts';
import { decodeEntries, decodeEntry, entryBytes as encodeEntry } from '../engine/entry-bytes.ts';
import type { JournalEntry } from '../schemas/events.ts';
import { LEASE_TTL_MS_DEFAULT } from '../schemas/limits.ts';

describe('replication config', () => {
  it('is off without REPLICATION (or with off)', () => {
    expect(replicationConfigFromEnv({})).toBeNull();
    expect(replicationConfigFromEnv({ REPLICATION: 'off', NATS_URL: 'nats://x:4222' })).toBeNull();
  });

  it('reads jetstream with its defaults', () => {
    const config = replicationConfigFromEnv({ REPLICATION: 'jetstream', NATS_URL: 'nats://a:4222, nats://b:4222' });
    expect(config).toMatchObject({
      natsUrl: ['nats://a:4222', 'nats://b:4222'],
      role: 'primary',
      leaseTtlMs: LEASE_TTL_MS_DEFAULT,
      prefix: 'aidstock',
      advertiseUrl: null,
    });
  });

  it('refuses what it cannot use, naming the variable', () => {
    const base = { REPLICATION: 'jetstream', NATS_URL: 'nats://a:4222' };
    expect(() => replicationConfigFromEnv({ REPLICATION: 'raft' })).toThrow(/REPLICATION/);
    expect(() => replicationConfigFromEnv({ REPLICATION: 'jetstream' })).toThrow(/NATS_URL/);
    expect(() => replicationConfigFromEnv({ ...base, ROLE: 'leader' })).toThrow(/ROLE/);
    expect(() => replicationConfigFromEnv({ ...base, LEASE_TTL_MS: '100' })).toThrow(/LEASE_TTL_MS/);
    expect(() => replicationConfigFromEnv({ ...base, REPLICATION_PREFIX: 'a.b' })).toThrow(/REPLICATION_PREFIX/);
  });

  it('read_only names the primary in Swedish and machine-readably', () => {
    expect(readOnly('http://b:8080')).toMatchObject({ ok: false, code: 'read_only', primary: 'http://b:8080' });
    expect(readOnly('http://b:8080').message).toContain('primärnoden http://b:8080');
    expect(readOnly(null).primary).toBeNull();
  });

  it('the stream codec gives back the entry the primary applied', () => {
    const entry = {
      seq: 7,
      timeMs: 1_764_000_000_000,
      events: [{ type: 'x', nested: { list: [1, 'två', null, true], missing: undefined, n: -1.5, big: 2 ** 40 } }],
    } as unknown as JournalEntry;
    expect(decodeEntry(encodeEntry(entry))).toEqual(entry);
    // One message carries a turn's entries, each packed as it was decided.
    const next = { ...entry, seq: 8 };
    const message = Buffer.concat([encodeEntry(entry), encodeEntry(next)]);
    const decoded = decodeEntries(message);
    expect(decoded).toEqual([entry, next]);
    // Encoded once: the same bytes again for the read workers, and a standby's entries keep their slice of the message.
    expect(encodeEntry(entry)).toBe(encodeEntry(entry));
    expect(encodeEntry(decoded[1]!)).toEqual(encodeEntry(next));
    expect(encodeEntry(decoded[1]!).buffer).not.toBe(message.buffer); // a buffer of its own, exact size
  });
});
