// apply: folds one event into the state (tables and derived indexes). The only code that mutates the state.
// A dispatcher only: each event goes to its unit by group (event-groups.ts); an event no group claims fails to compile.
import type { Event, JournalEntry } from '../../schemas/events.ts';
import { applyArticleEvent } from './articles/apply.ts';
import { assert, unreachable } from './assert.ts';
import {
  isArticleEvent,
  isMessageEvent,
  isNewsEvent,
  isOrderEvent,
  isPickupEvent,
  isPrescribingRuleEvent,
  isStockEvent,
  isUserEvent,
  isWorkOrderEvent,
  isPatientAccessEvent,
  isReferenceEvent,
  isSettingEvent,
  // Issue 15, recalls:
  isRecallEvent,
} from './event-groups.ts';
import { applyMessageEvent } from './messages/apply.ts';
import { applyNewsEvent } from './news/apply.ts';
import { applyOrderEvent } from './orders/apply.ts';
import { applyPickupEvent } from './pickups/apply.ts';
import { applyPrescribingRuleEvent } from './prescribing-rules/apply.ts';
import type { State } from './state.ts';
import { applyStockEvent } from './stock/apply.ts';
import { applyUserEvent } from './users/apply.ts';
import { applyWorkOrderEvent } from './work-orders/apply.ts';
import { applyPatientAccessEvent } from './patient-access/apply.ts';
import { applyReferenceEvent } from './reference/apply.ts';
// Issue 14, HMC oversight:
import { applySettingEvent } from './settings/apply.ts';
// Issue 15, desk:
import { isDeviationEvent, isNoteEvent } from './event-groups.ts';
import { applyNoteEvent } from './notes/apply.ts';
import { applyDeviationEvent } from './deviations/apply.ts';
// Issue 15, loans:
import { isLoanEvent } from './event-groups.ts';
import { applyLoanEvent } from './loans/apply.ts';
// Issue 15, recalls:
import { applyRecallEvent } from './recalls/apply.ts';
// Issue 15, returns:
import { isReturnEvent } from './event-groups.ts';
import { applyReturnEvent } from './returns/apply.ts';

/** Most frequent groups first (order steps, then stock): a guard is one Set lookup. */
export function apply(state: State, event: Event): void {
  if (isOrderEvent(event)) applyOrderEvent(state, event);
  else if (isStockEvent(event)) applyStockEvent(state, event);
  else if (isMessageEvent(event)) applyMessageEvent(state, event);
  else if (isPickupEvent(event)) applyPickupEvent(state, event);
  else if (isWorkOrderEvent(event)) applyWorkOrderEvent(state, event);
  else if (isArticleEvent(event)) applyArticleEvent(state, event);
  else if (isNewsEvent(event)) applyNewsEvent(state, event);
  else if (isUserEvent(event)) applyUserEvent(state, event);
  else if (isPrescribingRuleEvent(event)) applyPrescribingRuleEvent(state, event);
  else if (isPatientAccessEvent(event)) applyPatientAccessEvent(state, event);
  else if (isReferenceEvent(event)) applyReferenceEvent(state, event);
  else if (isSettingEvent(event)) applySettingEvent(state, event);
  // Issue 15, desk:
  else if (isNoteEvent(event)) applyNoteEvent(state, event);
  else if (isDeviationEvent(event)) applyDeviationEvent(state, event);
  // Issue 15, loans:
  else if (isLoanEvent(event)) applyLoanEvent(state, event);
  // Issue 15, recalls:
  else if (isRecallEvent(event)) applyRecallEvent(state, event);
  // Issue 15, returns:
  else if (isReturnEvent(event)) applyReturnEvent(state, event);
  else unreachable(event, 'event');
}

/**
 * A whole journal entry, as the writer applied it (issue 17): a replica that applies the writer's entries in seq order
 * holds the writer's state. The entry must be the next one: anything else is a gap or a replay, a broken invariant.
 */
export function applyEntry(state: State, entry: JournalEntry): void {
  assert(entry.seq === state.seq + 1, `entry ${entry.seq} applied to state at seq ${state.seq}`);
  for (const event of entry.events) apply(state, event);
  state.seq = entry.seq;
}
