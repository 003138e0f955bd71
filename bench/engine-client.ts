// A small request/reply client for preparing benchmarks before the clock: sign in, sample the catalog. Not for load.
import { pack, unpack } from 'msgpackr';
import { RawWsClient } from '../common/ws-client-raw.ts';
import { DEFAULT_PRESCRIBING_RULES } from '../engine/core/prescribing-rules/rules.ts';
import { MAIN_WAREHOUSE, type BenchCatalog, type BenchOrdering, type SampledArticle } from './workloads.ts';

const CALL_TIMEOUT_MS = 30_000;
/** The demo users' password (README). */
export const DEMO_PASSWORD = 'demo';
/** Articles sampled for workloads: enough that requests do not hit the same few rows. */
export const CATALOG_ARTNOS_MAX = 4096;
/** ISO subclasses sampled for catalog.list. */
export const CATALOG_ISO_CODES_MAX = 256;
/** catalog.list page size while sampling (the schema's maximum). */
const SAMPLE_PAGE_LIMIT = 200;
/** Municipalities of Region Halland searched for prescribable patients, and hits taken from each. */
const PATIENT_TOWNS = ['Halmstad', 'Varberg', 'Kungsbacka'];
const PATIENT_HITS_PER_TOWN = 100;
/** In-stock articles taken per ISO code the prescriber may prescribe, and in all. */
const ORDER_ARTNOS_PER_CODE = 8;
const ORDER_ARTNOS_MAX = 64;
/** Order articles are topped up to this onHand in warehouse 10 before the clock (one adjustment moves at most 100 000). */
const REPLENISH_ON_HAND = 100_000;

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string };
}

export class BenchClient {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  private raw!: RawWsClient;

  static async connect(url: string): Promise<BenchClient> {
    const client = new BenchClient();
    client.raw = await RawWsClient.connect(url, {
      onMessage: (isBinary, buf, start, end) => {
        if (!isBinary) return;
        const msg = unpack(buf.subarray(start, end)) as Reply;
        if (typeof msg.id !== 'number') return; // a push
        client.waiting.get(msg.id)?.(msg);
        client.waiting.delete(msg.id);
      },
    });
    return client;
  }

  /** The result of one request; rejects on ok: false or timeout. */
  call<T = unknown>(op: string, args: unknown = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${op}: no reply within ${CALL_TIMEOUT_MS} ms`));
      }, CALL_TIMEOUT_MS);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.ok) resolve(reply.result as T);
        else reject(new Error(`${op}: ${reply.error?.code}: ${reply.error?.message}`));
      });
      this.raw.send(pack({ id, op, args }), true);
    });
  }

  close(): Promise<void> {
    return this.raw.close();
  }
}

/**
 * One scrypt login per user and run; every load connection then binds to that session with session.resume
 * before the clock. Logging in 1 000 connections would cost ~40 ms of scrypt each and measure nothing we want.
 */
export async function loginTokens(url: string, usernames: readonly string[]): Promise<Record<string, string>> {
  const client = await BenchClient.connect(url);
  try {
    const tokens: Record<string, string> = {};
    for (const username of new Set(usernames)) {
      const { token } = await client.call<{ token: string }>('session.login', { username, password: DEMO_PASSWORD });
      tokens[username] = token;
    }
    return tokens;
  } finally {
    await client.close();
  }
}

interface IsoNodeView {
  code: string;
  level: number;
  articleCount: number;
}

/** Evenly spaced picks from a list, at most `count`. */
function spread<T>(list: readonly T[], count: number): T[] {
  if (list.length <= count) return [...list];
  const out: T[] = [];
  for (let k = 0; k < count; k++) out.push(list[Math.floor((k * list.length) / count)]!);
  return out;
}

/** Real article numbers and ISO subclasses, asked from the running engine (so they match its data and scale). */
export async function sampleCatalog(url: string, token: string, artNosMax = CATALOG_ARTNOS_MAX): Promise<BenchCatalog> {
  const client = await BenchClient.connect(url);
  try {
    await client.call('session.resume', { token });
    const { nodes } = await client.call<{ nodes: IsoNodeView[] }>('catalog.isoTree', { depth: 3 });
    const divisions = nodes.filter((n) => n.level === 3 && n.articleCount > 0);
    const isoCodes = spread(
      nodes.filter((n) => n.level === 2 && n.articleCount > 0).map((n) => n.code),
      CATALOG_ISO_CODES_MAX,
    );
    // Take an equal share of each division so the sample covers the whole catalog, not its first pages.
    const perDivision = Math.max(1, Math.ceil(artNosMax / Math.max(1, divisions.length)));
    const artNos: string[] = [];
    const sampled: SampledArticle[] = [];
    for (const division of divisions) {
      if (artNos.length >= artNosMax) break;
      const { articles } = await client.call<{ articles: SampledArticle[] }>('catalog.list', {
        isoCode: division.code,
        limit: Math.min(SAMPLE_PAGE_LIMIT, perDivision),
      });
      for (const a of articles) {
        if (artNos.length >= artNosMax) break;
        artNos.push(a.artNo);
        sampled.push({ artNo: a.artNo, name: a.name, supplierName: a.supplierName });
      }
    }
    if (artNos.length === 0 || isoCodes.length === 0) throw new Error('the engine has no articles to benchmark with');
    return { artNos, isoCodes, articles: sampled };
  } finally {
    await client.close();
  }
}

interface ListedArticle {
  artNo: string;
  kind: string;
  status: string;
}

/**
 * What order placement needs, from the running engine: prescribable resident patients (register.search by town) and
 * active sale articles in stock in warehouse 10 under the ISO codes the prescriber's profession may prescribe (the
 * default rules). Then, as `stockUsername`'s session, their onHand is topped up so orders are served, not backordered.
 */
export async function sampleOrdering(
  url: string,
  prescriberToken: string,
  stockToken: string,
  profession = 'ot',
  // Issue 16, bench: patients to order for when the register search by Halland town finds none (another region).
  fallbackPnrs: readonly string[] = [],
): Promise<BenchOrdering> {
  const rule = DEFAULT_PRESCRIBING_RULES.find((r) => r.profession === profession);
  if (rule === undefined) throw new Error(`no prescribing rule for ${profession}`);
  const client = await BenchClient.connect(url);
  try {
    await client.call('session.resume', { token: prescriberToken });
    const pnrs: string[] = [];
    for (const text of PATIENT_TOWNS) {
      const { hits } = await client.call<{ hits: Array<{ pnr: string; prescribable: boolean }> }>('register.search', {
        text,
        limit: PATIENT_HITS_PER_TOWN,
      });
      for (const h of hits) if (h.prescribable) pnrs.push(h.pnr);
    }
    if (pnrs.length === 0) pnrs.push(...fallbackPnrs);
    const artNos: string[] = [];
    for (const isoCode of rule.isoPrefixes) {
      const { articles } = await client.call<{ articles: ListedArticle[] }>('catalog.list', {
        isoCode,
        inStockOnly: true,
        limit: SAMPLE_PAGE_LIMIT,
      });
      const usable = articles.filter((a) => a.kind === 'sale' && a.status === 'active').map((a) => a.artNo);
      artNos.push(...spread(usable, ORDER_ARTNOS_PER_CODE));
    }
    const orderArtNos = spread([...new Set(artNos)], ORDER_ARTNOS_MAX);
    if (pnrs.length === 0 || orderArtNos.length === 0)
      throw new Error('the engine has no prescribable patients or in-stock articles to order');
    await client.call('session.resume', { token: stockToken });
    for (const artNo of orderArtNos) {
      const { rows } = await client.call<{ rows: Array<{ onHand: number }> }>('stock.get', {
        artNo,
        warehouse: MAIN_WAREHOUSE,
      });
      const delta = REPLENISH_ON_HAND - (rows[0]?.onHand ?? 0);
      if (delta > 0)
        await client.call('admin.stockAdjust', { warehouse: MAIN_WAREHOUSE, artNo, delta, reason: 'received' });
    }
    return { pnrs, artNos: orderArtNos };
  } finally {
    await client.close();
  }
}
