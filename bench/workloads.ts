// The benchmark's WebSocket workloads as data: a name, a kind, who signs in, and an op mix over real catalog data.
// A later issue adds its workload with one more entry in WORKLOADS (e.g. order placement, or an 80/15/5 mix).
import type { Workload, WorkloadOp } from './driver/workload.ts';

/** Real data sampled from the running engine before the clock (see engine-client.ts sampleCatalog). */
export interface BenchCatalog {
  /** Existing article numbers, spread over the whole ISO tree. */
  artNos: string[];
  /** ISO subclasses (level 2) that hold articles. */
  isoCodes: string[];
}

export type WorkloadKind = 'read' | 'write' | 'mix';

export interface BenchWorkloadSpec {
  name: string;
  kind: WorkloadKind;
  /** Demo user every connection is bound to (ot1 prescribes; hmc1 may adjust stock). */
  username: string;
  /** One line for the report. */
  doc: string;
  mix(catalog: BenchCatalog): WorkloadOp[];
}

/** Connections x requests in flight per connection. */
export interface Shape {
  connections: number;
  pipeline: number;
}

/** 1x1 is the latency floor; 16x16 and 64x8 saturate a 2-core machine with little and much connection overhead. */
export const SHAPES: readonly Shape[] = [
  { connections: 1, pipeline: 1 },
  { connections: 16, pipeline: 16 },
  { connections: 64, pipeline: 8 },
];
export const isLatencyFloor = (s: Shape): boolean => s.connections === 1 && s.pipeline === 1;
export const shapeName = (s: Shape): string => `${s.connections}x${s.pipeline}`;

/** A prime stride walks the sampled lists in an order unrelated to ISO order (the ring slot i picks item i*STRIDE). */
const STRIDE = 7919;
/** The portal's catalog page size. */
const LIST_PAGE_LIMIT = 50;
/** Deltas 1..STOCK_DELTA_SPAN: positive with reason 'received', so no adjustment is ever refused. */
const STOCK_DELTA_SPAN = 5;
export const MAIN_WAREHOUSE = '10';

export function pick<T>(list: readonly T[], i: number): T {
  return list[(i * STRIDE) % list.length]!;
}

export const articleOp = (c: BenchCatalog, weight = 1): WorkloadOp => ({
  weight, op: 'catalog.article', args: (i) => ({ artNo: pick(c.artNos, i) }),
});
export const stockGetOp = (c: BenchCatalog, weight = 1): WorkloadOp => ({
  weight, op: 'stock.get', args: (i) => ({ artNo: pick(c.artNos, i) }),
});
export const listOp = (c: BenchCatalog, weight = 1): WorkloadOp => ({
  weight, op: 'catalog.list', args: (i) => ({ isoCode: pick(c.isoCodes, i), limit: LIST_PAGE_LIMIT }),
});
export const stockAdjustOp = (artNos: readonly string[], weight = 1): WorkloadOp => ({
  weight,
  op: 'admin.stockAdjust',
  args: (i) => ({ warehouse: MAIN_WAREHOUSE, artNo: pick(artNos, i), delta: 1 + (i % STOCK_DELTA_SPAN), reason: 'received' }),
});

export const WORKLOADS: BenchWorkloadSpec[] = [
  {
    name: 'catalog.article', kind: 'read', username: 'ot1',
    doc: 'article page: article, supplier, ISO path, stock in 10 and the buffer, set parts, accessories',
    mix: (c) => [articleOp(c)],
  },
  {
    name: 'stock.get', kind: 'read', username: 'ot1',
    doc: 'stock balances of one article in every warehouse',
    mix: (c) => [stockGetOp(c)],
  },
  {
    name: 'catalog.list', kind: 'read', username: 'ot1',
    doc: `one page (${LIST_PAGE_LIMIT}) of an ISO subclass, with availability`,
    mix: (c) => [listOp(c)],
  },
  {
    name: 'admin.stockAdjust', kind: 'write', username: 'hmc1',
    doc: 'durable write: +1..5 received in warehouse 10, acknowledged after fsync',
    mix: (c) => [stockAdjustOp(c.artNos)],
  },
  {
    name: 'mix 50/30/15/5', kind: 'mix', username: 'hmc1',
    doc: '50% stock.get, 30% catalog.article, 15% catalog.list, 5% admin.stockAdjust',
    mix: (c) => [stockGetOp(c, 50), articleOp(c, 30), listOp(c, 15), stockAdjustOp(c.artNos, 5)],
  },
];

export function buildWorkload(spec: BenchWorkloadSpec, catalog: BenchCatalog): Workload {
  return { name: spec.name, mix: spec.mix(catalog) };
}

/** Pub/sub fan-out: listeners subscribed to stock topics while one writer adjusts those articles. */
export interface PubSubSpec {
  name: string;
  /** Listening connections (pipeline 0: they only receive pushes). */
  listeners: number;
  /** Distinct `stock/<artNo>` topics; listener i subscribes to topics i*k .. i*k+k-1 (mod topics). */
  topics: number;
  topicsPerListener: number;
  listenerUsername: string;
  writerUsername: string;
  /** Writes in flight on the writer connection (closed loop). */
  writerPipeline: number;
}

export const PUBSUB: PubSubSpec = {
  name: 'stock push fan-out',
  listeners: 1000,
  topics: 100,
  topicsPerListener: 4,
  listenerUsername: 'ot1',
  writerUsername: 'hmc1',
  writerPipeline: 4,
};
