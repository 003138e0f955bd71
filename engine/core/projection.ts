// Which table rows an event changes, so the store can write them in the same transaction as the journal entry.
// A dispatcher only: each event goes to its unit's rows.ts by group (event-groups.ts), like apply.ts.
import type { Event } from '../../schemas/events.ts';
import { articleRowsTouched } from './articles/rows.ts';
import { unreachable } from './assert.ts';
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
import { messageRowsTouched } from './messages/rows.ts';
import { newsRowsTouched } from './news/rows.ts';
import { orderRowsTouched } from './orders/rows.ts';
import { pickupRowsTouched } from './pickups/rows.ts';
import { prescribingRuleRowsTouched } from './prescribing-rules/rows.ts';
import type { RowRef } from './row-ref.ts';
import { stockRowsTouched } from './stock/rows.ts';
import { userRowsTouched } from './users/rows.ts';
import { workOrderRowsTouched } from './work-orders/rows.ts';
import { patientAccessRowsTouched } from './patient-access/rows.ts';
import { referenceRowsTouched } from './reference/rows.ts';
// Issue 14, HMC oversight:
import { settingRowsTouched } from './settings/rows.ts';
// Issue 15, desk:
import { isDeviationEvent, isNoteEvent } from './event-groups.ts';
import { noteRowsTouched } from './notes/rows.ts';
import { deviationRowsTouched } from './deviations/rows.ts';
// Issue 15, loans:
import { isLoanEvent } from './event-groups.ts';
import { loanRowsTouched } from './loans/rows.ts';
// Issue 15, recalls:
import { recallRowsTouched } from './recalls/rows.ts';
// Issue 15, returns:
import { isReturnEvent } from './event-groups.ts';
import { returnRowsTouched } from './returns/rows.ts';

export function rowsTouched(event: Event): RowRef[] {
  if (isOrderEvent(event)) return orderRowsTouched(event);
  if (isStockEvent(event)) return stockRowsTouched(event);
  if (isMessageEvent(event)) return messageRowsTouched(event);
  if (isPickupEvent(event)) return pickupRowsTouched(event);
  if (isWorkOrderEvent(event)) return workOrderRowsTouched(event);
  if (isArticleEvent(event)) return articleRowsTouched(event);
  if (isNewsEvent(event)) return newsRowsTouched(event);
  if (isUserEvent(event)) return userRowsTouched(event);
  if (isPrescribingRuleEvent(event)) return prescribingRuleRowsTouched(event);
  if (isPatientAccessEvent(event)) return patientAccessRowsTouched(event);
  if (isReferenceEvent(event)) return referenceRowsTouched(event);
  if (isSettingEvent(event)) return settingRowsTouched(event);
  // Issue 15, desk:
  if (isNoteEvent(event)) return noteRowsTouched(event);
  if (isDeviationEvent(event)) return deviationRowsTouched(event);
  // Issue 15, loans:
  if (isLoanEvent(event)) return loanRowsTouched(event);
  // Issue 15, recalls:
  if (isRecallEvent(event)) return recallRowsTouched(event);
  // Issue 15, returns:
  if (isReturnEvent(event)) return returnRowsTouched(event);
  return unreachable(event, 'event');
}
