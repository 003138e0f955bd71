// The single writer: decide → apply → journal (group commit) → after fsync, publish and answer.
// Queries read the same in-memory state synchronously. One thread, no locks (the LMAX shape).
import type { Event, JournalEntry } from '../schemas/events.ts';
import { COMMIT_QUEUE_MAX } from '../schemas/limits.ts';
import { apply } from './core/apply.ts';
import { assert } from './core/assert.ts';
import type { Command } from './core/commands.ts';
import { decide } from './core/decide.ts';
import { rowsTouched } from './core/projection.ts';
import type { Rejection } from './core/rejections.ts';
import { stateFromTables } from './core/load-state.ts';
import type { State, TableName } from './core/state.ts';
import type { Loaded, RowWrite, Store } from './store/store.ts';

/**
 * Tables whose rows apply replaces and never changes in place (engine/core/<unit>/apply.ts): the row object as
 * written stays as it was, so it is handed on without a copy. Other rows (stock balances) change in place.
 */
const COPY_ON_WRITE_TABLES: ReadonlySet<string> = new Set([
  'orders',
  'individuals',
  'messages',
  'pickups',
  'news',
  'workOrders',
]);

export type CommandOutcome = { ok: true; seq: number; events: Event[] } | Rejection | Overloaded;
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
  private durableSeq: number;
  private durableWaiters: Array<{ seq: number; resolve: () => void }> = [];
  readonly stats: EngineStats = { commandsAccepted: 0, commandsRejected: 0 };
  /** Told how many commands shared each group commit (one event-loop turn). */
  onBatch: (commands: number) => void = () => {};

  /** Loads the state from the store, or takes tables just written to it (seeding) to skip reading them back. */
  constructor(
    readonly store: Store,
    private readonly clockMs: () => number,
    preloaded?: Loaded,
  ) {
    const loaded = preloaded ?? store.load();
    this.state = stateFromTables(loaded.tables, loaded.seq);
    this.durableSeq = loaded.seq;
  }

  /** Resolves once every command up to `seq` is durable (at once if it already is). */
  whenDurable(seq: number): Promise<void> {
    if (seq <= this.durableSeq) return Promise.resolve();
    return new Promise((resolve) => this.durableWaiters.push({ seq, resolve }));
  }

  private markDurable(seq: number): void {
    if (seq <= this.durableSeq) return;
    this.durableSeq = seq;
    if (this.durableWaiters.length === 0) return;
    const waiting = this.durableWaiters;
    this.durableWaiters = [];
    for (const waiter of waiting) {
      if (waiter.seq <= seq) waiter.resolve();
      else this.durableWaiters.push(waiter);
    }
  }

  onCommitted(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  /** Resolves after the command's events are durable (or at once with a rejection; nothing was written). */
  execute(command: Command): Promise<CommandOutcome> {
    if (this.inFlight >= COMMIT_QUEUE_MAX) {
      return Promise.resolve({ ok: false, code: 'overloaded', message: 'Motorn är överbelastad; försök igen.' });
    }
    const context = { timeMs: this.clockMs(), seq: this.state.seq + 1 };
    const decision = decide(this.state, command, context);
    if (!decision.ok) {
      this.stats.commandsRejected++;
      return Promise.resolve(decision);
    }
    for (const event of decision.events) apply(this.state, event);
    this.state.seq = context.seq;
    const entry: JournalEntry = { seq: context.seq, timeMs: context.timeMs, events: decision.events };
    this.stats.commandsAccepted++;
    return this.commit(entry);
  }

  private async commit(entry: JournalEntry): Promise<CommandOutcome> {
    this.inFlight++;
    this.countTurnBatch();
    const rows = this.rowsOf(entry.events);
    await this.store.append([entry], rows);
    this.inFlight--;
    this.markDurable(entry.seq);
    for (const listener of this.listeners) listener(entry, rows);
    return { ok: true, seq: entry.seq, events: entry.events };
  }

  /**
   * The current values of every row the events touched: encoded by the store synchronously, and copies (or rows never
   * changed in place), so later commands cannot change what the commit listeners see.
   */
  private rowsOf(events: readonly Event[]): RowWrite[] {
    const rows: RowWrite[] = [];
    // Several events of one command often touch the same row (an order's lines): write and publish it once.
    const seen = events.length > 1 ? new Set<string>() : null;
    for (const event of events) {
      for (const [table, key] of rowsTouched(event)) {
        if (seen !== null) {
          const id = `${table}/${key}`;
          if (seen.has(id)) continue;
          seen.add(id);
        }
        const value = (this.state[table] as Map<string | number, unknown>).get(key);
        assert(value !== undefined, `row ${table}/${key} exists after ${event.type}`);
        rows.push({ table: table as TableName, key, value: COPY_ON_WRITE_TABLES.has(table) ? value : { ...value } });
      }
    }
    return rows;
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
