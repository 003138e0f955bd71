// The loan sweep's timer: the core has no clock, so the io layer asks it, once at start and every
// LOAN_SWEEP_INTERVAL_MS, whether due messages are owed at the time now; only then does it send `loan.sweep`, which the
// engine decides with its own time (an idle sweep would journal an entry without events). A sweep that finds nothing
// by the time it runs, or meets a full disk, is simply tried again at the next tick: messages are owed until sent.
import { LOAN_SWEEP_INTERVAL_MS } from '../../schemas/limits.ts';
import { owedDueMessages } from '../core/loans/due-messages.ts';
import type { Engine } from '../engine.ts';

export interface LoanSweepTimer {
  stop(): void;
  /** One sweep now (tests, and the start); resolves when its command is settled. */
  runOnce(): Promise<number>;
}

/** Starts the timer; `intervalMs` only differs in tests. Returns how many messages each run sent. */
export function startLoanSweep(
  engine: Engine,
  clockMs: () => number,
  intervalMs: number = LOAN_SWEEP_INTERVAL_MS,
): LoanSweepTimer {
  let running = false;
  const runOnce = async (): Promise<number> => {
    if (running || owedDueMessages(engine.state, clockMs()).length === 0) return 0;
    running = true;
    try {
      const outcome = await engine.execute({ type: 'loan.sweep' });
      return outcome.ok ? outcome.events.filter((e) => e.type === 'message.created').length : 0;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void runOnce(), intervalMs);
  timer.unref();
  void runOnce();
  return { stop: () => clearInterval(timer), runOnce };
}
