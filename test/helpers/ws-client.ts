// A promise-based WebSocket client for tests: call(op, args) → reply, pushes collected per topic. Built on the
// bench driver's raw client, in msgpack (binary) or JSON (text).
import { pack, unpack } from 'msgpackr';
import { RawWsClient } from '../../shared/ws-client-raw.ts';

export interface ReplyOk {
  id: number | string;
  ok: true;
  result: any;
}
export interface ReplyErr {
  id: number | string | null;
  ok: false;
  error: { code: string; message: string; issues?: unknown[] };
}
export type Reply = ReplyOk | ReplyErr;
export interface Push {
  topic: string;
  event: any;
}

export class TestClient {
  private nextId = 1;
  private readonly waiting = new Map<number | string, (reply: Reply) => void>();
  readonly orphans: Reply[] = [];
  readonly pushes: Push[] = [];
  closeCode: number | null = null;
  private pushWaiters: Array<() => void> = [];
  private raw!: RawWsClient;

  private constructor(readonly encoding: 'msgpack' | 'json') {}

  static async connect(url: string, encoding: 'msgpack' | 'json' = 'msgpack'): Promise<TestClient> {
    const client = new TestClient(encoding);
    client.raw = await RawWsClient.connect(url, {
      onMessage: (isBinary, buf, start, end) =>
        client.receive(isBinary ? unpack(buf.subarray(start, end)) : JSON.parse(buf.toString('utf8', start, end))),
      onClose: (code) => {
        client.closeCode = code;
      },
    });
    return client;
  }

  private receive(message: any): void {
    if (message && typeof message.topic === 'string') {
      this.pushes.push(message);
      for (const wake of this.pushWaiters.splice(0)) wake();
      return;
    }
    const resolve = this.waiting.get(message.id);
    if (resolve === undefined) {
      this.orphans.push(message);
      return;
    }
    this.waiting.delete(message.id);
    resolve(message);
  }

  /** Sends a request and resolves with the whole reply (ok or not). */
  request(op: string, args?: unknown): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.sendRaw({ id, op, args });
    });
  }

  /** Sends a request and resolves with the result, or rejects with an Error carrying the code. */
  async call(op: string, args?: unknown): Promise<any> {
    const reply = await this.request(op, args);
    if (reply.ok) return reply.result;
    throw Object.assign(new Error(`${op}: ${reply.error.code}: ${reply.error.message}`), { code: reply.error.code });
  }

  sendRaw(value: unknown): void {
    if (this.encoding === 'msgpack') this.raw.send(pack(value), true);
    else this.raw.send(JSON.stringify(value), false);
  }

  sendBytes(bytes: Uint8Array | string, isBinary: boolean): void {
    this.raw.send(bytes, isBinary);
  }

  /** The next orphan reply (one without a known id, e.g. to garbage). */
  async nextOrphan(timeoutMs = 5_000): Promise<Reply> {
    const until = Date.now() + timeoutMs;
    while (this.orphans.length === 0) {
      if (Date.now() > until) throw new Error('no reply');
      await new Promise((r) => setTimeout(r, 5));
    }
    return this.orphans.shift()!;
  }

  async waitForPush(match: (push: Push) => boolean, timeoutMs = 5_000): Promise<Push> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.pushes.find(match);
      if (found !== undefined) return found;
      if (Date.now() > until) throw new Error('no matching push');
      await new Promise<void>((resolve) => {
        this.pushWaiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /**
   * The first order event on an order topic (`orders`, `orders/<userId>`) that matches, with the batch push it came in
   * (one push per topic per commit: `{ type: 'orders', seq, orders: [...], counts? }`).
   */
  async waitForOrderPush(
    topic: string,
    match: (order: any) => boolean,
    timeoutMs = 5_000,
  ): Promise<{ batch: any; order: any }> {
    const push = await this.waitForPush(
      (p) => p.topic === topic && p.event.type === 'orders' && p.event.orders.some(match),
      timeoutMs,
    );
    return { batch: push.event, order: push.event.orders.find(match) };
  }

  async waitClosed(timeoutMs = 5_000): Promise<number> {
    const until = Date.now() + timeoutMs;
    while (this.closeCode === null) {
      if (Date.now() > until) throw new Error('connection not closed');
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.closeCode;
  }

  async login(username: string, password = 'demo'): Promise<any> {
    return this.call('session.login', { username, password });
  }

  close(): Promise<void> {
    return this.raw.close();
  }
}
