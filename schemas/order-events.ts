// Events of orders, fulfilment, messages and prescribing rules: each carries what `apply` needs and what a journal reader wants to see.
import { z } from 'zod';
import { IndividualLocation } from './entities.ts';
import { Message, Order, OrderNo, IsoDate, LineStatus, MessageNo, PrescribingRule } from './orders.ts';
import { ArtNo, IndNo, UserId, WarehouseId } from './primitives.ts';

const LineRef = { orderNo: OrderNo, lineNo: z.number().int().min(1) };
/** The stock row a line reserves from or releases to. */
const StockRef = { warehouse: WarehouseId, artNo: ArtNo, quantity: z.number().int().min(1) };

/** A new order; every line with status `registered` reserves its quantity in the order's warehouse. */
export const OrderPlaced = z.object({
  type: z.literal('order.placed'),
  userId: UserId,
  order: Order,
});

/** A backorder line got its stock (a unit came back or arrived, or another order released it): it is reserved now. */
export const OrderLineServed = z.object({
  type: z.literal('order.lineServed'),
  userId: UserId,
  ...LineRef,
  ...StockRef,
  /** Set when this serving makes the order ready to pick (dates were unknown until then). */
  plannedPickDate: IsoDate.nullable(),
  plannedDeliveryDate: IsoDate.nullable(),
});

export const OrderLinePicking = z.object({
  type: z.literal('order.linePicking'),
  userId: UserId,
  ...LineRef,
  pickDate: IsoDate,
  /** Rental units taken for the line, still in the warehouse until dispatch. */
  individuals: z.array(IndNo),
});

/** Left the warehouse: onHand and reserved go down by the quantity; the line's individuals are in transit. */
export const OrderLineDispatched = z.object({
  type: z.literal('order.lineDispatched'),
  userId: UserId,
  ...LineRef,
  ...StockRef,
  date: IsoDate,
  individuals: z.array(IndNo),
});

/** With the recipient: the line's individuals are registered to the patient (or the care unit). */
export const OrderLineDelivered = z.object({
  type: z.literal('order.lineDelivered'),
  userId: UserId,
  ...LineRef,
  date: IsoDate,
  individuals: z.array(IndNo),
  holder: IndividualLocation,
});

export const OrderLineCancelled = z.object({
  type: z.literal('order.lineCancelled'),
  userId: UserId,
  ...LineRef,
  from: LineStatus.extract(['backorder', 'registered', 'picking']),
  warehouse: WarehouseId,
  artNo: ArtNo,
  /** Reserved units given back (0 for a backorder line). */
  released: z.number().int().min(0),
  individuals: z.array(IndNo),
});

export const OrderDeliveryDateChanged = z.object({
  type: z.literal('order.deliveryDateChanged'),
  userId: UserId,
  orderNo: OrderNo,
  previousDate: IsoDate.nullable(),
  date: IsoDate,
});

export const MessageCreated = z.object({
  type: z.literal('message.created'),
  message: Message,
});

export const MessageDeleted = z.object({
  type: z.literal('message.deleted'),
  userId: UserId,
  messageNo: MessageNo,
  deletedMs: z.number().int(),
});

export const PrescribingRuleSet = z.object({
  type: z.literal('prescribingRule.set'),
  userId: UserId,
  rule: PrescribingRule,
  /** The rule it replaced (null: the profession had none), for the change log; absent in entries older than issue 14. */
  before: PrescribingRule.nullable().optional(),
});

export const ORDER_EVENTS = [
  OrderPlaced,
  OrderLineServed,
  OrderLinePicking,
  OrderLineDispatched,
  OrderLineDelivered,
  OrderLineCancelled,
  OrderDeliveryDateChanged,
  MessageCreated,
  MessageDeleted,
  PrescribingRuleSet,
] as const;

export type OrderPlaced = z.infer<typeof OrderPlaced>;
export type OrderLineServed = z.infer<typeof OrderLineServed>;
export type OrderLinePicking = z.infer<typeof OrderLinePicking>;
export type OrderLineDispatched = z.infer<typeof OrderLineDispatched>;
export type OrderLineDelivered = z.infer<typeof OrderLineDelivered>;
export type OrderLineCancelled = z.infer<typeof OrderLineCancelled>;
export type OrderDeliveryDateChanged = z.infer<typeof OrderDeliveryDateChanged>;
export type MessageCreated = z.infer<typeof MessageCreated>;
export type MessageDeleted = z.infer<typeof MessageDeleted>;
export type PrescribingRuleSet = z.infer<typeof PrescribingRuleSet>;
