// The benchmark's WebSocket workloads as data: a name, a kind, who signs in, and an op mix over real catalog data.
// A later issue adds its workload with one more entry in WORKLOADS (e.g. order placement, or an 80/15/5 mix).
import type { Workload, WorkloadOp } from './driver/workload.ts';

/** Real data sampled from the running engine before the clock (see engine-client.ts sampleCatalog). */
export interface BenchCatalog {
  /** Existing article numbers, spread over the whole ISO tree. */
  artNos: string[];
  /** ISO subclasses (level 2) that hold articles. */
  isoCodes: string[];
  /** Names and suppliers of sampled articles: the search queries are made from them. */
  articles: SampledArticle[];
  /** What order placement needs (engine-client.ts sampleOrdering); absent where no workload places orders. */
  ordering?: BenchOrdering;
  /** Issue 14: an article with a long stock ledger and the page cursors of it and of the change log (journal-bench.ts). */
  journal?: BenchJournal;
}

/** Issue 14: an article with a long stock ledger, and page cursors of it and of the change log (journal-bench.ts). */
export interface BenchJournal {
  artNo: string;
  /** Cursors of every ledger page (undefined: the first). */
  ledgerCursors: Array<string | undefined>;
  /** Args of change-log pages: unfiltered at every depth, by entity and by user. */
  changeLogArgs: Array<Record<string, unknown>>;
}

export interface SampledArticle {
  artNo: string;
  name: string;
  supplierName: string;
}

/** Prescribable resident patients and in-stock articles the prescriber may order, stock replenished before the clock. */
export interface BenchOrdering {
  /** 12-digit personnummer. */
  pnrs: string[];
  artNos: string[];
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
  /** Pre-encoded frames in the ring (power of two; default RING_FRAMES). Order workloads need one key per request sent. */
  ringFrames?: number;
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
/** The portal's search page size. */
const SEARCH_LIMIT = 20;
/** One search in SEARCH_IN_STOCK_EVERY asks for articles in stock only (the portal's "inkl. tillgängligt saldo"). */
const SEARCH_IN_STOCK_EVERY = 4;
/** Ring of an order workload: every request carries its own idempotency key, so no frame may be sent twice in a run. */
export const ORDER_RING_FRAMES = 2 ** 17;
/** One order in ORDER_TWO_LINES_EVERY has two lines. */
export const ORDER_TWO_LINES_EVERY = 3;

export function pick<T>(list: readonly T[], i: number): T {
  return list[(i * STRIDE) % list.length]!;
}

export const articleOp = (c: BenchCatalog, weight = 1): WorkloadOp => ({
  weight,
  op: 'catalog.article',
  args: (i) => ({ artNo: pick(c.artNos, i) }),
});
export const stockGetOp = (c: BenchCatalog, weight = 1): WorkloadOp => ({
  weight,
  op: 'stock.get',
  args: (i) => ({ artNo: pick(c.artNos, i) }),
});
export const listOp = (c: BenchCatalog, weight = 1): WorkloadOp => ({
  weight,
  op: 'catalog.list',
  args: (i) => ({ isoCode: pick(c.isoCodes, i), limit: LIST_PAGE_LIMIT }),
});
export const stockAdjustOp = (artNos: readonly string[], weight = 1): WorkloadOp => ({
  weight,
  op: 'admin.stockAdjust',
  args: (i) => ({
    warehouse: MAIN_WAREHOUSE,
    artNo: pick(artNos, i),
    delta: 1 + (i % STOCK_DELTA_SPAN),
    reason: 'received',
  }),
});

export const searchOp = (c: BenchCatalog, weight = 1): WorkloadOp => {
  const queries = searchQueries(c.articles, c.artNos);
  return { weight, op: 'catalog.search', args: (i) => pick(queries, i) };
};

/** A fresh nonce per process and a counter per ring slot built: no key repeats within a run, nor across runs on one DATA_DIR. */
const RUN_NONCE = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
let orderKeysMade = 0;
/** Issue 16, bench: the idempotency keys of the bench's orders start so (bench/history leaves them out of its picks). */
export const BENCH_ORDER_KEY_PREFIX = 'bench.';
export const orderKey = (slot: number): string =>
  `${BENCH_ORDER_KEY_PREFIX}${RUN_NONCE}.${(orderKeysMade++).toString(36)}.${slot}`;

/** order.place args for ring slot i: a sampled patient, 1-2 lines of quantity 1, a unique idempotency key. */
export function placeArgs(o: BenchOrdering, i: number): unknown {
  const lines = [{ artNo: pick(o.artNos, i), quantity: 1 }];
  const second = pick(o.artNos, i + 1);
  if (i % ORDER_TWO_LINES_EVERY === 0 && second !== lines[0]!.artNo) lines.push({ artNo: second, quantity: 1 });
  return { idempotencyKey: orderKey(i), recipient: { kind: 'patient', pnr: pick(o.pnrs, i) }, source: 'main', lines };
}

export const placeOp = (c: BenchCatalog, weight = 1): WorkloadOp => {
  const ordering = c.ordering;
  if (ordering === undefined || ordering.pnrs.length === 0 || ordering.artNos.length === 0)
    throw new Error('order.place needs sampled patients and articles (sampleOrdering)');
  return { weight, op: 'order.place', args: (i) => placeArgs(ordering, i) };
};

/** Swedish function words in article names that nobody searches for alone. */
const STOP_WORDS = new Set(['för', 'och', 'att', 'med', 'till', 'av', 'på', 'som', 'utan', 'vid', 'mot', 'en', 'ett']);
/** Words of a name as typed: lower case, letters and digits only, no function words. */
const wordsOf = (name: string): string[] =>
  name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
const FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', ü: 'u' };
const fold = (w: string): string => w.replace(/[åäöéü]/g, (ch) => FOLD[ch]!);
/** Words that match nothing in a Swedish assistive-device catalog. */
const NO_HIT_WORDS = ['qxzvy', 'blorptang', 'zzkrm', 'vxwqj'];
/** Letters a typo may insert or substitute. */
const TYPO_LETTERS = 'aeiorstnlk';
/** Words at least this long get a typo (one edit). */
const TYPO_WORD_CHARS_MIN = 4;
const PREFIX_CHARS = [3, 4, 5];
const ARTNO_PREFIX_DIGITS = 4;

/** One edit, varied by k: substitute, delete, transpose or insert a letter, never at the first letter. */
function typo(w: string, k: number): string {
  const at = 1 + (k % (w.length - 1));
  const letter = TYPO_LETTERS[k % TYPO_LETTERS.length]!;
  switch (k % 4) {
    case 0:
      return w.slice(0, at) + (w[at] === letter ? 'u' : letter) + w.slice(at + 1);
    case 1:
      return w.slice(0, at) + w.slice(at + 1);
    case 2:
      return at + 1 < w.length
        ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2)
        : w.slice(0, at) + letter + w.slice(at);
    default:
      return w.slice(0, at) + letter + w.slice(at);
  }
}

/**
 * Realistic search box input from sampled articles: whole words and prefixes of names, two-word queries, typos,
 * diacritics left out, supplier names, article numbers and their prefixes, and a few words that match nothing.
 */
export function searchQueries(
  articles: readonly SampledArticle[],
  artNos: readonly string[],
): Array<Record<string, unknown>> {
  const texts: string[] = [];
  articles.forEach((a, k) => {
    const words = wordsOf(a.name).filter((w) => !/^\d+$/.test(w));
    if (words.length === 0) return;
    const w = words[k % words.length]!;
    texts.push(w);
    texts.push(w.slice(0, PREFIX_CHARS[k % PREFIX_CHARS.length]));
    if (words.length > 1) texts.push(`${words[0]} ${words[1]!.slice(0, PREFIX_CHARS[k % PREFIX_CHARS.length])}`);
    const long = words.find((x) => x.length >= TYPO_WORD_CHARS_MIN);
    if (long !== undefined) texts.push(typo(long, k));
    const accented = words.find((x) => fold(x) !== x);
    if (accented !== undefined) texts.push(fold(accented));
    if (k % 8 === 0 && a.supplierName !== '') texts.push(a.supplierName.toLowerCase());
  });
  artNos.forEach((artNo, k) => {
    if (k % 8 === 0) texts.push(artNo);
    else if (k % 8 === 4) texts.push(artNo.slice(0, ARTNO_PREFIX_DIGITS));
  });
  const noHit = Math.max(1, Math.floor(texts.length / 50));
  for (let k = 0; k < noHit; k++) texts.push(NO_HIT_WORDS[k % NO_HIT_WORDS.length]!);
  if (texts.length === 0) throw new Error('no article names to make search queries from');
  return texts.map((text, k) =>
    k % SEARCH_IN_STOCK_EVERY === 0 ? { text, limit: SEARCH_LIMIT, inStockOnly: true } : { text, limit: SEARCH_LIMIT },
  );
}

export const WORKLOADS: BenchWorkloadSpec[] = [
  {
    name: 'catalog.article',
    kind: 'read',
    username: 'ot1',
    doc: 'article page: article, supplier, ISO path, stock in 10 and the buffer, set parts, accessories',
    mix: (c) => [articleOp(c)],
  },
  {
    name: 'stock.get',
    kind: 'read',
    username: 'ot1',
    doc: 'stock balances of one article in every warehouse',
    mix: (c) => [stockGetOp(c)],
  },
  {
    name: 'catalog.list',
    kind: 'read',
    username: 'ot1',
    doc: `one page (${LIST_PAGE_LIMIT}) of an ISO subclass, with availability`,
    mix: (c) => [listOp(c)],
  },
  {
    name: 'admin.stockAdjust',
    kind: 'write',
    username: 'hmc1',
    doc: 'durable write: +1..5 received in warehouse 10, acknowledged after fsync',
    mix: (c) => [stockAdjustOp(c.artNos)],
  },
  {
    name: 'mix 50/30/15/5',
    kind: 'mix',
    username: 'hmc1',
    doc: '50% stock.get, 30% catalog.article, 15% catalog.list, 5% admin.stockAdjust',
    mix: (c) => [stockGetOp(c, 50), articleOp(c, 30), listOp(c, 15), stockAdjustOp(c.artNos, 5)],
  },
  {
    name: 'catalog.search',
    kind: 'read',
    username: 'ot1',
    doc: `search box queries from sampled names (words, prefixes, typos, folded, suppliers, article numbers, no-hit), ${SEARCH_LIMIT} hits, 1 in ${SEARCH_IN_STOCK_EVERY} in stock only`,
    mix: (c) => [searchOp(c)],
  },
  {
    name: 'order.place',
    kind: 'write',
    username: 'ot1',
    doc: 'durable order for a resident patient, 1-2 lines in stock in warehouse 10, unique idempotency key, acknowledged after fsync',
    mix: (c) => [placeOp(c)],
    ringFrames: ORDER_RING_FRAMES,
  },
  {
    name: 'mix 80/15/5',
    kind: 'mix',
    username: 'ot1',
    doc: '80% catalog.search, 15% catalog.article and stock.get, 5% order.place',
    mix: (c) => [searchOp(c, 80), articleOp(c, 8), stockGetOp(c, 7), placeOp(c, 5)],
    ringFrames: ORDER_RING_FRAMES,
  },
];

// Issue 14, Lager and Ändringslogg: journal reads through the journal index, at every page depth.
function journalOf(c: BenchCatalog): BenchJournal {
  if (c.journal === undefined)
    throw new Error('stock.ledger and admin.changeLog need a prepared journal (prepareJournal)');
  return c.journal;
}
WORKLOADS.push(
  {
    name: 'stock.ledger',
    kind: 'read',
    username: 'admin',
    doc: 'a 50-line page of the stock ledger of an article with 10 000 changes, at every page depth (journal index + journal reads)',
    mix: (c) => {
      const j = journalOf(c);
      return [
        {
          weight: 1,
          op: 'stock.ledger',
          args: (i) => ({ artNo: j.artNo, limit: 50, ...cursorArg(pick(j.ledgerCursors, i)) }),
        },
      ];
    },
  },
  {
    name: 'admin.changeLog',
    kind: 'read',
    username: 'admin',
    doc: 'a 50-change page of the change log (all, one entity, one user) at every page depth, with field diffs',
    mix: (c) => {
      const j = journalOf(c);
      return [{ weight: 1, op: 'admin.changeLog', args: (i) => ({ limit: 50, ...pick(j.changeLogArgs, i) }) }];
    },
  },
);

function cursorArg(cursor: string | undefined): { cursor?: string } {
  return cursor === undefined ? {} : { cursor };
}

export function buildWorkload(spec: BenchWorkloadSpec, catalog: BenchCatalog): Workload {
  return { name: spec.name, mix: spec.mix(catalog) };
}

/** Pub/sub fan-out: listeners subscribed to a feed's topics while one writer makes the changes that feed publishes. */
export interface PubSubSpec {
  name: string;
  /**
   * 'stock': `stock/<artNo>` topics, the writer adjusts those articles (admin.stockAdjust);
   * 'orders': the staff feed `orders`, the writer places orders (order.place).
   */
  feed: 'stock' | 'orders';
  /** Listening connections (pipeline 0: they only receive pushes). */
  listeners: number;
  /** Distinct topics; listener i subscribes to topics i*k .. i*k+k-1 (mod topics). The orders feed has one. */
  topics: number;
  topicsPerListener: number;
  listenerUsername: string;
  writerUsername: string;
  /** Writes in flight on the writer connection at most (closed loop when writerRatePerS is absent). */
  writerPipeline: number;
  /** Paced writer: this many writes per second (open loop, capped by writerPipeline in flight). */
  writerRatePerS?: number;
}

export const PUBSUB: PubSubSpec = {
  name: 'stock push fan-out',
  feed: 'stock',
  listeners: 1000,
  topics: 100,
  topicsPerListener: 4,
  listenerUsername: 'ot1',
  writerUsername: 'hmc1',
  writerPipeline: 4,
};

/** Issue 5: every placement reaches the staff screens (hmc1 on `orders`) while a prescriber places ~1 000 orders/s. */
export const ORDER_FEED: PubSubSpec = {
  name: 'staff order feed',
  feed: 'orders',
  listeners: 100,
  topics: 1,
  topicsPerListener: 1,
  listenerUsername: 'hmc1',
  writerUsername: 'ot1',
  writerPipeline: 64,
  writerRatePerS: 1_000,
};
