// The message (meddelande) a reporter gets when someone else comments on or moves their deviation report. It names
// the report's number and what happened, never the patient (the message list is not access-logged).
import type { Deviation, DeviationStatus } from '../../../schemas/deviations.ts';
import type { Message } from '../../../schemas/orders.ts';
import { STATUS_SV } from './status-flow.ts';

export function deviationMessage(
  messageNo: number,
  deviation: Deviation,
  change: { status: DeviationStatus | null; commented: boolean },
  timeMs: number,
): Message {
  const parts: string[] = [];
  if (change.status !== null) parts.push(`ny status: ${STATUS_SV[change.status]}`);
  if (change.commented) parts.push('HMC har skrivit en kommentar');
  return {
    messageNo,
    userId: deviation.reporterId,
    timeMs,
    kind: 'deviationUpdated',
    deviationNo: deviation.deviationNo,
    text: `Avvikelse ${deviation.deviationNo} (artikel ${deviation.artNo}): ${parts.join(', ')}.`,
    deletedMs: null,
  };
}
