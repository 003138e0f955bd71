// Event groups: every event type of the schema belongs to exactly one unit's group, and each guard claims its own.
import { describe, expect, it } from 'vitest';
import { Event } from '../schemas/events.ts';
import {
  EVENT_TYPES_BY_UNIT,
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
  // Issue 14, HMC oversight:
  isSettingEvent,
  // Issue 15, desk:
  isNoteEvent,
  isDeviationEvent,
  // Issue 15, loans:
  isLoanEvent,
  // Issue 15, recalls:
  isRecallEvent,
  // Issue 15, returns:
  isReturnEvent,
} from '../engine/core/event-groups.ts';

const GUARDS = {
  orders: isOrderEvent,
  messages: isMessageEvent,
  prescribingRules: isPrescribingRuleEvent,
  stock: isStockEvent,
  articles: isArticleEvent,
  users: isUserEvent,
  pickups: isPickupEvent,
  news: isNewsEvent,
  workOrders: isWorkOrderEvent,
  patientAccess: isPatientAccessEvent,
  reference: isReferenceEvent,
  // Issue 14, HMC oversight:
  settings: isSettingEvent,
  // Issue 15, desk:
  notes: isNoteEvent,
  deviations: isDeviationEvent,
  // Issue 15, loans:
  loans: isLoanEvent,
  // Issue 15, recalls:
  recalls: isRecallEvent,
  // Issue 15, returns:
  returns: isReturnEvent,
} as const;

const schemaTypes = Event.options.map((option) => option.shape.type.value as string);

describe('event groups', () => {
  it('put every event type of the schema in exactly one unit', () => {
    const listed = Object.values(EVENT_TYPES_BY_UNIT).flat() as string[];
    expect([...listed].sort()).toEqual([...schemaTypes].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("have a guard per unit that claims exactly that unit's types", () => {
    expect(Object.keys(GUARDS).sort()).toEqual(Object.keys(EVENT_TYPES_BY_UNIT).sort());
    for (const type of schemaTypes) {
      const event = { type } as Event;
      const claimedBy = Object.entries(GUARDS)
        .filter(([, guard]) => guard(event))
        .map(([unit]) => unit);
      const expected = Object.entries(EVENT_TYPES_BY_UNIT)
        .filter(([, types]) => (types as readonly string[]).includes(type))
        .map(([unit]) => unit);
      expect(claimedBy, type).toEqual(expected);
      expect(claimedBy, type).toHaveLength(1);
    }
  });
});
