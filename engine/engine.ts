// The single writer: decide → apply → journal (group commit) → after fsync, publish and answer.
// Queries read the same in-memory state synchronously. One thread, no locks (the LMAX shape).
// A failed commit (full disk) answers its commands `storage_unavailable`, puts the state back to what is durable and
// refuses commands until a probe write succeeds (storage-health.ts).
import type { Event, JournalEntry } from '../schemas/events.ts';
import { COMMIT_QUEUE_MAX, STORAGE_PROBE_INTERVAL_MS } from '../schemas/limits.ts';
import { applyEntry } from './core/apply.ts';
import type { Command } from './core/commands.ts';
import { decide } from './core/decide.ts';
import type { Rejection } from './core/rejections.ts';
import { stateFromTables } from './core/load-state.ts';
import type { State } from './core/state.ts';
import type { Loaded, RowWrite, Store } from './store/store.ts';
import type { AccessLog } from './store/access-log.ts';
import { rowsWritten } from './rows-written.ts';
import { STORAGE_UNAVAILABLE, type StorageStatus, type StorageUnavailable, writableStatus } from './storage-health.ts';
// Issue 17, primary and standby:
import { Attachments } from './attachments.ts';
import { NotReplicated, outcomeUnknown, type ReadOnly, type ReplicationHook, readOnly } from './replication/hook.ts';

export type CommandOutcome =
  | { ok: true; seq: number; events: Event[] }
  | Rejection
  | Overloaded
  | StorageUnavailable
  | ReadOnly;
export interface Overloaded {
  ok: false;
  code: 'overloaded';
  message: string;
}

/** Called after an entry is durable, with the rows as they were written (copies: later commands cannot change them). */
export type CommitListener = (entry: JournalEntry, rows: readonly RowWrite[]) => void;

export interface EngineStats {
  commandsAccepted: number;
  commandsRejected: number;
}

export class Engine {
  readonly state: State;
  private readonly listeners: CommitListener[] = [];
  private inFlight = 0;
  private turnBatch = 0;
  /** Highest seq known durable, and who waits for a higher one (idempotent replays answer only after the original). */
  private durable: number;
  private durableWaiters: Array<{ seq: number; resolve: (durable: boolean) => void }> = [];
  /** Full disk: whether commands are accepted; the probe timer while they are not. */
  readonly storage: StorageStatus = writableStatus();
  private probeTimer: NodeJS.Timeout | null = null;
  /** A commit failed: the state goes back to what is durable once no commit is in flight. */
  private restorePending = false;
  readonly stats: EngineStats = { commandsAccepted: 0, commandsRejected: 0 };
  /** Told how many commands shared each group commit (one event-loop turn). */
  onBatch: (commands: number) => void = () => {};
  /** Issue 17: set with REPLICATION=jetstream; null (the default) changes nothing. */
  replication: ReplicationHook | null = null;
  /**
   * The patient-data access log handlers write to and read from: the store's own, or with replication one that every
   * node's reads go through (replication/access-stream.ts).
   */
  accessLog: AccessLog;
  /** Uploaded files: the local store and quotas, and with replication the bucket every node shares. */
  readonly attachments: Attachments;

  /** Loads the state from the store, or takes tables just written to it (seeding) to skip reading them back. */
  constructor(
    readonly store: Store,
    private readonly clockMs: () => number,
    preloaded?: Loaded,
  ) {
    const loaded = preloaded ?? store.load();
    this.state = stateFromTables(loaded.tables, loaded.seq);
    this.durable = loaded.seq;
    this.attachments = new Attachments(store);
    this.accessLog = store.accessLog;
  }

  /** The highest seq known durable: a command acknowledged to a client is at or below it (issue 17, read workers). */
  get durableSeq(): number {
    return this.durable;
  }

  /** Resolves true once every command up to `seq` is durable (at once if it already is), false if its commit failed. */
  whenDurable(seq: number): Promise<boolean> {
    if (seq <= this.durable) return Promise.resolve(true);
    return new Promise((resolve) => this.durableWaiters.push({ seq, resolve }));
  }

  private markDurable(seq: number): void {
    if (seq <= this.durable) return;
    this.durable = seq;
    if (this.durableWaiters.length === 0) return;
    const waiting = this.durableWaiters;
    this.durableWaiters = [];
    for (const waiter of waiting) {
      if (waiter.seq <= seq) waiter.resolve(true);
      else this.durableWaiters.push(waiter);
    }
  }

  onCommitted(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  /** Resolves after the command's events are durable (or at once with a rejection; nothing was written). */
  execute(command: Command): Promise<CommandOutcome> {
    if (!this.storage.writable) return Promise.resolve(STORAGE_UNAVAILABLE);
    const refusal = this.replication?.refusal() ?? null;
    if (refusal !== null) return Promise.resolve(refusal);
    if (this.inFlight >= COMMIT_QUEUE_MAX) {
      return Promise.resolve({ ok: false, code: 'overloaded', message: 'Motorn är överbelastad; försök igen.' });
    }
    const context = { timeMs: this.clockMs(), seq: this.state.seq + 1 };
    const decision = decide(this.state, command, context);
    if (!decision.ok) {
      this.stats.commandsRejected++;
      return Promise.resolve(decision);
    }
    const entry: JournalEntry = { seq: context.seq, timeMs: context.timeMs, events: decision.events };
    applyEntry(this.state, entry);
    this.stats.commandsAccepted++;
    return this.commit(entry);
  }

  private async commit(entry: JournalEntry): Promise<CommandOutcome> {
    this.inFlight++;
    this.countTurnBatch();
    const rows = rowsWritten(this.state, entry.events);
    try {
      // Issue 17: the stream first, the local write after its ack, so the local journal never holds an entry the
      // stream lacks (a fenced primary discards its unreplicated tail by reloading what is on disk; README).
      if (this.replication !== null) {
        await this.replication.replicate(entry);
        await this.appendCoalesced(entry, rows);
      } else await this.store.append([entry], rows);
    } catch (error) {
      this.inFlight--;
      this.stats.commandsAccepted--;
      // The node steps down (replication/node.ts). Refused before publishing: it did not run, send it to the primary.
      // A failed publish may have reached the stream: outcome unknown.
      if (error instanceof NotReplicated) return error.primary === null ? outcomeUnknown() : readOnly(error.primary);
      this.commitFailed(error);
      this.restoreWhenSettled();
      return STORAGE_UNAVAILABLE;
    }
    this.inFlight--;
    this.markDurable(entry.seq);
    for (const listener of this.listeners) listener(entry, rows);
    // An earlier transaction's flush can end after a later one failed: durable, so answered ok.
    this.restoreWhenSettled();
    // Issue 17: in the stream and on disk, but a primary paused during the fsync may have lost its lease meanwhile and
    // must not acknowledge after that; the client's retry with the same idempotency key finds it on the new primary.
    if (this.replication !== null && this.replication.refusal() !== null) return outcomeUnknown();
    return { ok: true, seq: entry.seq, events: entry.events };
  }

  /**
   * A commit failed: refuse commands from now on. Once no commit is in flight (the store fails every append queued
   * after the failed one, so those come back failed too), put the state back to what is on disk and start probing.
   */
  private commitFailed(error: unknown): void {
    this.storage.failedCommits++;
    if (this.storage.writable) {
      this.storage.writable = false;
      this.storage.reason = error instanceof Error ? error.message : String(error);
      this.storage.sinceMs = this.clockMs();
      console.error(`aidstock: storage unavailable, refusing commands: ${this.storage.reason}`);
    }
    this.restorePending = true;
  }

  private restoreWhenSettled(): void {
    if (!this.restorePending || this.inFlight > 0) return;
    this.restorePending = false;
    this.restoreDurableState();
  }

  /** The state as on disk, read back as on a restart; the object stays the same (io holds it). */
  private restoreDurableState(): void {
    this.reloadDurableState();
    this.scheduleProbe();
  }

  /**
   * Issue 17: a primary that stepped down drops what it applied but could not replicate; call with no commit in
   * flight. Waiters for seqs that never became durable get false.
   */
  reloadDurableState(): void {
    if (this.inFlight !== 0) throw new Error(`reloadDurableState with ${this.inFlight} commits in flight`);
    const loaded = this.store.load();
    Object.assign(this.state, stateFromTables(loaded.tables, loaded.seq));
    this.durable = loaded.seq;
    const waiting = this.durableWaiters;
    this.durableWaiters = [];
    for (const waiter of waiting) waiter.resolve(false);
  }

  /**
   * Issue 17, standby: an entry the primary decided, applied here as it was there (applyEntry asserts its seq follows),
   * written to the local store and pushed to subscribers once durable. Rejects if the local write fails.
   */
  async applyReplicated(entry: JournalEntry): Promise<void> {
    applyEntry(this.state, entry);
    const rows = rowsWritten(this.state, entry.events);
    this.inFlight++;
    try {
      await this.appendCoalesced(entry, rows);
    } finally {
      this.inFlight--;
    }
    this.markDurable(entry.seq);
    for (const listener of this.listeners) listener(entry, rows);
  }

  /**
   * Issue 17: stream acks (and a standby's entries) arrive spread over many event-loop turns, so the store's group
   * commit per turn would pay one fsync each. Instead, entries that arrive while a write is in flight wait and go
   * together in the next one (in order: acks resolve in journal order). A failed write fails its whole batch; the
   * store then refuses every later append until it is reloaded.
   */
  private appendQueue: Array<{
    entry: JournalEntry;
    rows: readonly RowWrite[];
    resolve: () => void;
    reject: (error: unknown) => void;
  }> = [];
  private appending = false;

  private appendCoalesced(entry: JournalEntry, rows: readonly RowWrite[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.appendQueue.push({ entry, rows, resolve, reject });
      if (!this.appending) this.flushAppends();
    });
  }

  private flushAppends(): void {
    const batch = this.appendQueue;
    this.appendQueue = [];
    if (batch.length === 0) return;
    this.appending = true;
    const rows = batch.length === 1 ? batch[0]!.rows : batch.flatMap((item) => item.rows);
    this.store
      .append(
        batch.map((item) => item.entry),
        rows,
      )
      .then(
        () => {
          for (const item of batch) item.resolve();
        },
        (error: unknown) => {
          for (const item of batch) item.reject(error);
        },
      )
      .finally(() => {
        this.appending = false;
        this.flushAppends();
      });
  }

  private scheduleProbe(): void {
    if (this.probeTimer !== null) return;
    this.probeTimer = setTimeout(() => void this.probe(), STORAGE_PROBE_INTERVAL_MS);
    this.probeTimer.unref();
  }

  /** A write of the store's own: when it is durable, commands are accepted again. */
  private async probe(): Promise<void> {
    this.probeTimer = null;
    try {
      await this.store.probe();
    } catch {
      this.scheduleProbe();
      return;
    }
    console.log(`aidstock: storage writable again after ${this.clockMs() - (this.storage.sinceMs ?? 0)} ms`);
    Object.assign(this.storage, {
      writable: true,
      reason: null,
      sinceMs: null,
      recoveries: this.storage.recoveries + 1,
    });
  }

  /** Stops probing (tests, shutdown). */
  stop(): void {
    if (this.probeTimer !== null) clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  private countTurnBatch(): void {
    if (this.turnBatch++ > 0) return;
    setImmediate(() => {
      this.onBatch(this.turnBatch);
      this.turnBatch = 0;
    });
  }

  get commitsInFlight(): number {
    return this.inFlight;
  }
}
