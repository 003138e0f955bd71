// Event groups: one list of event type names per unit of the core, and a type guard per list, so the dispatchers
// (apply.ts, projection.ts) hand an event to its unit without repeating case lists. A new event of a unit is added to
// its list here and handled in the unit; an event type no list claims is a compile error in the dispatchers (their
// `unreachable(event)` after the guards). A leaf: schema types only.
import type { Event, EventType } from '../../schemas/events.ts';

export const ORDER_EVENT_TYPES = [
  'order.placed',
  'order.lineServed',
  'order.linePicking',
  'order.lineDispatched',
  'order.lineDelivered',
  'order.lineCancelled',
  'order.deliveryDateChanged',
] as const satisfies readonly EventType[];
export const MESSAGE_EVENT_TYPES = ['message.created', 'message.deleted'] as const satisfies readonly EventType[];
export const PRESCRIBING_RULE_EVENT_TYPES = ['prescribingRule.set'] as const satisfies readonly EventType[];
export const STOCK_EVENT_TYPES = ['stock.adjusted', 'stock.minLevelSet'] as const satisfies readonly EventType[];
export const ARTICLE_EVENT_TYPES = ['article.upserted'] as const satisfies readonly EventType[];
export const USER_EVENT_TYPES = [
  'user.contactChanged',
  'user.signedIn',
  'user.reactivated',
  // Issue 14, Användare och arbetsplatser:
  'user.upserted',
  'user.deactivated',
  'user.activated',
  'user.passwordReset',
] as const satisfies readonly EventType[];
export const PICKUP_EVENT_TYPES = [
  'pickup.created',
  'pickup.cancelled',
  'pickup.unitReturned',
] as const satisfies readonly EventType[];
export const NEWS_EVENT_TYPES = ['news.published', 'news.deleted'] as const satisfies readonly EventType[];
export const WORK_ORDER_EVENT_TYPES = [
  'workOrder.created',
  'workOrder.updated',
] as const satisfies readonly EventType[];

export const PATIENT_ACCESS_EVENT_TYPES = ['patient.accessGranted'] as const satisfies readonly EventType[];
// Issue 14, ISO 9999 + Leverantörer: reference data an admin keeps.
export const REFERENCE_EVENT_TYPES = ['iso.titleSet', 'supplier.upserted'] as const satisfies readonly EventType[];
// Issue 14, HMC oversight:
export const SETTING_EVENT_TYPES = ['setting.set'] as const satisfies readonly EventType[];
// Issue 15, desk:
export const NOTE_EVENT_TYPES = [
  'note.created',
  'note.updated',
  'note.deleted',
] as const satisfies readonly EventType[];
export const DEVIATION_EVENT_TYPES = [
  'deviation.created',
  'deviation.commented',
  'deviation.statusSet',
] as const satisfies readonly EventType[];
// Issue 15, loans:
export const LOAN_EVENT_TYPES = [
  'loan.opened',
  'loan.closed',
  'loan.madePermanent',
  'loan.extended',
  'loan.reminded',
] as const satisfies readonly EventType[];
// Issue 15, recalls:
export const RECALL_EVENT_TYPES = [
  'recall.created',
  'recall.progressSet',
  'recall.closed',
] as const satisfies readonly EventType[];
// Issue 15, returns:
export const RETURN_EVENT_TYPES = [
  'return.registered',
  'return.received',
  'return.unitRecorded',
] as const satisfies readonly EventType[];

/** Every unit's list, by unit (the README's units; a test checks each event type is in exactly one). */
export const EVENT_TYPES_BY_UNIT = {
  orders: ORDER_EVENT_TYPES,
  messages: MESSAGE_EVENT_TYPES,
  prescribingRules: PRESCRIBING_RULE_EVENT_TYPES,
  stock: STOCK_EVENT_TYPES,
  articles: ARTICLE_EVENT_TYPES,
  users: USER_EVENT_TYPES,
  pickups: PICKUP_EVENT_TYPES,
  news: NEWS_EVENT_TYPES,
  workOrders: WORK_ORDER_EVENT_TYPES,
  patientAccess: PATIENT_ACCESS_EVENT_TYPES,
  reference: REFERENCE_EVENT_TYPES,
  // Issue 14, HMC oversight:
  settings: SETTING_EVENT_TYPES,
  // Issue 15, desk:
  notes: NOTE_EVENT_TYPES,
  deviations: DEVIATION_EVENT_TYPES,
  // Issue 15, loans:
  loans: LOAN_EVENT_TYPES,
  // Issue 15, recalls:
  recalls: RECALL_EVENT_TYPES,
  // Issue 15, returns:
  returns: RETURN_EVENT_TYPES,
} as const;

type Of<Types extends readonly EventType[]> = Extract<Event, { type: Types[number] }>;
export type OrderEvent = Of<typeof ORDER_EVENT_TYPES>;
export type MessageEvent = Of<typeof MESSAGE_EVENT_TYPES>;
export type PrescribingRuleEvent = Of<typeof PRESCRIBING_RULE_EVENT_TYPES>;
export type StockEvent = Of<typeof STOCK_EVENT_TYPES>;
export type ArticleEvent = Of<typeof ARTICLE_EVENT_TYPES>;
export type UserEvent = Of<typeof USER_EVENT_TYPES>;
export type PickupEvent = Of<typeof PICKUP_EVENT_TYPES>;
export type NewsEvent = Of<typeof NEWS_EVENT_TYPES>;
export type WorkOrderEvent = Of<typeof WORK_ORDER_EVENT_TYPES>;
export type PatientAccessEvent = Of<typeof PATIENT_ACCESS_EVENT_TYPES>;
export type ReferenceEvent = Of<typeof REFERENCE_EVENT_TYPES>;
// Issue 14, HMC oversight:
export type SettingEvent = Of<typeof SETTING_EVENT_TYPES>;
// Issue 15, desk:
export type NoteEvent = Of<typeof NOTE_EVENT_TYPES>;
export type DeviationEvent = Of<typeof DEVIATION_EVENT_TYPES>;
// Issue 15, loans:
export type LoanEvent = Of<typeof LOAN_EVENT_TYPES>;
// Issue 15, recalls:
export type RecallEvent = Of<typeof RECALL_EVENT_TYPES>;
// Issue 15, returns:
export type ReturnEvent = Of<typeof RETURN_EVENT_TYPES>;

// One Set per group, built once at load: a guard is one lookup and allocates nothing (apply and rowsTouched run for
// every event of every command).
const ORDER: ReadonlySet<string> = new Set(ORDER_EVENT_TYPES);
const MESSAGE: ReadonlySet<string> = new Set(MESSAGE_EVENT_TYPES);
const PRESCRIBING_RULE: ReadonlySet<string> = new Set(PRESCRIBING_RULE_EVENT_TYPES);
const STOCK: ReadonlySet<string> = new Set(STOCK_EVENT_TYPES);
const ARTICLE: ReadonlySet<string> = new Set(ARTICLE_EVENT_TYPES);
const USER: ReadonlySet<string> = new Set(USER_EVENT_TYPES);
const PICKUP: ReadonlySet<string> = new Set(PICKUP_EVENT_TYPES);
const NEWS: ReadonlySet<string> = new Set(NEWS_EVENT_TYPES);
const WORK_ORDER: ReadonlySet<string> = new Set(WORK_ORDER_EVENT_TYPES);
const PATIENT_ACCESS: ReadonlySet<string> = new Set(PATIENT_ACCESS_EVENT_TYPES);
const REFERENCE: ReadonlySet<string> = new Set(REFERENCE_EVENT_TYPES);
// Issue 14, HMC oversight:
const SETTING: ReadonlySet<string> = new Set(SETTING_EVENT_TYPES);
// Issue 15, desk:
const NOTE: ReadonlySet<string> = new Set(NOTE_EVENT_TYPES);
const DEVIATION: ReadonlySet<string> = new Set(DEVIATION_EVENT_TYPES);
// Issue 15, loans:
const LOAN: ReadonlySet<string> = new Set(LOAN_EVENT_TYPES);
// Issue 15, recalls:
const RECALL: ReadonlySet<string> = new Set(RECALL_EVENT_TYPES);
// Issue 15, returns:
const RETURN: ReadonlySet<string> = new Set(RETURN_EVENT_TYPES);

export const isOrderEvent = (event: Event): event is OrderEvent => ORDER.has(event.type);
export const isMessageEvent = (event: Event): event is MessageEvent => MESSAGE.has(event.type);
export const isPrescribingRuleEvent = (event: Event): event is PrescribingRuleEvent => PRESCRIBING_RULE.has(event.type);
export const isStockEvent = (event: Event): event is StockEvent => STOCK.has(event.type);
export const isArticleEvent = (event: Event): event is ArticleEvent => ARTICLE.has(event.type);
export const isUserEvent = (event: Event): event is UserEvent => USER.has(event.type);
export const isPickupEvent = (event: Event): event is PickupEvent => PICKUP.has(event.type);
export const isNewsEvent = (event: Event): event is NewsEvent => NEWS.has(event.type);
export const isWorkOrderEvent = (event: Event): event is WorkOrderEvent => WORK_ORDER.has(event.type);
export const isPatientAccessEvent = (event: Event): event is PatientAccessEvent => PATIENT_ACCESS.has(event.type);
export const isReferenceEvent = (event: Event): event is ReferenceEvent => REFERENCE.has(event.type);
// Issue 14, HMC oversight:
export const isSettingEvent = (event: Event): event is SettingEvent => SETTING.has(event.type);
// Issue 15, desk:
export const isNoteEvent = (event: Event): event is NoteEvent => NOTE.has(event.type);
export const isDeviationEvent = (event: Event): event is DeviationEvent => DEVIATION.has(event.type);
// Issue 15, loans:
export const isLoanEvent = (event: Event): event is LoanEvent => LOAN.has(event.type);
// Issue 15, recalls:
export const isRecallEvent = (event: Event): event is RecallEvent => RECALL.has(event.type);
// Issue 15, returns:
export const isReturnEvent = (event: Event): event is ReturnEvent => RETURN.has(event.type);
