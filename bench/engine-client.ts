// A small request/reply client for preparing benchmarks before the clock: sign in, sample the catalog. Not for load.
import { pack, unpack } from 'msgpackr';
import { RawWsClient } from './driver/ws-client-raw.ts';
import type { BenchCatalog } from './workloads.ts';

const CALL_TIMEOUT_MS = 30_000;
/** The demo users' password (README). */
export const DEMO_PASSWORD = 'demo';
/** Articles sampled for workloads: enough that requests do not hit the same few rows. */
export const CATALOG_ARTNOS_MAX = 4096;
/** ISO subclasses sampled for catalog.list. */
export const CATALOG_ISO_CODES_MAX = 256;
/** catalog.list page size while sampling (the schema's maximum). */
const SAMPLE_PAGE_LIMIT = 200;

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
    const isoCodes = spread(nodes.filter((n) => n.level === 2 && n.articleCount > 0).map((n) => n.code), CATALOG_ISO_CODES_MAX);
    // Take an equal share of each division so the sample covers the whole catalog, not its first pages.
    const perDivision = Math.max(1, Math.ceil(artNosMax / Math.max(1, divisions.length)));
    const artNos: string[] = [];
    for (const division of divisions) {
      if (artNos.length >= artNosMax) break;
      const { articles } = await client.call<{ articles: Array<{ artNo: string }> }>('catalog.list', {
        isoCode: division.code, limit: Math.min(SAMPLE_PAGE_LIMIT, perDivision),
      });
      for (const a of articles) if (artNos.length < artNosMax) artNos.push(a.artNo);
    }
    if (artNos.length === 0 || isoCodes.length === 0) throw new Error('the engine has no articles to benchmark with');
    return { artNos, isoCodes };
  } finally {
    await client.close();
  }
}
