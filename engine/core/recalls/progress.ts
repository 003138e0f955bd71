// A holder's progress in a recall: none → contacted → replaced or returned (done). A leaf shared by decide and queries.
import type { RecallProgress } from '../../../schemas/recalls.ts';

export function isDone(progress: RecallProgress | undefined): boolean {
  return progress === 'replaced' || progress === 'returned';
}
