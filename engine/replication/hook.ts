// What the engine sees of replication (issue 17): a refusal while this node does not lead, and a publish awaited before
// the local write. A leaf of types and one error class, so engine.ts imports no NATS code (REPLICATION unset: no hook).
import type { JournalEntry } from '../../schemas/events.ts';
import type { Sessions } from '../io/sessions.ts';

/** The reply to a command on a node that does not lead; `primary` is the leader's address (null: none known). */
export interface ReadOnly {
  ok: false;
  code: 'read_only';
  message: string;
  primary: string | null;
}

export function readOnly(primary: string | null): ReadOnly {
  return {
    ok: false,
    code: 'read_only',
    message:
      primary === null
        ? 'Den här noden tar bara emot läsningar och ingen primärnod är vald just nu; försök igen om en stund.'
        : `Den här noden tar bara emot läsningar; skicka ändringar till primärnoden ${primary}.`,
    primary,
  };
}

/**
 * A command that may have run: its publish failed or timed out, or the lease ran out while it was written. No primary
 * is named, so a client does not send it again on its own (a command without an idempotency key would run twice).
 */
export function outcomeUnknown(): ReadOnly {
  return {
    ok: false,
    code: 'read_only',
    message:
      'Noden slutade vara primärnod medan ändringen sparades; den kan ha sparats. Kontrollera innan du försöker igen.',
    primary: null,
  };
}

export interface ReplicationHook {
  /** Null while this node leads and accepts commands; otherwise the refusal to answer them with. */
  refusal(): ReadOnly | null;
  /**
   * Resolves once the entry is in the replicated stream and this node still held its lease when the ack came.
   * Rejects with NotReplicated otherwise, and then for every later entry too (the node steps down).
   */
  replicate(entry: JournalEntry): Promise<void>;
  /** The `replication` object of /health: role, leader, applied seq, lag. */
  health(): Record<string, unknown>;
  /** Prometheus lines appended to /metrics. */
  metrics(): string;
  /** Shares the sessions of this node with the others (a client resumes on the new primary after a failover). */
  shareSessions(sessions: Sessions): void;
}

/** A publish refused (fenced by a newer primary), failed or late: the entry is not acknowledged and not written. */
export class NotReplicated extends Error {
  constructor(
    message: string,
    readonly primary: string | null,
  ) {
    super(message);
    this.name = 'NotReplicated';
  }
}
