// A command's decision: the events to apply, or a typed rejection. A leaf, so every unit's decider can name it
// without importing the dispatcher in decide.ts.
import type { Event } from '../../schemas/events.ts';
import type { Rejection } from './rejections.ts';

export interface Accepted {
  ok: true;
  events: Event[];
}
export type Decision = Accepted | Rejection;
