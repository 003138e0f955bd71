// A promise-based WebSocket client for tests: call(op, args) → reply, pushes collected per topic. Built on the
// bench driver's raw client, in msgpack (binary) or JSON (text).
import { pack, unpack } from 'msgpackr';
import type { User } from '../../schemas/entities.ts';
import type { LineStatus, Message, Order } from '../../schemas/orders.ts';
import type { ErrorBody, RequestIdT } from '../../schemas/protocol.ts';
import { RawWsClient } from '../../common/ws-client-raw.ts';

/**
 * A result as decoded from the wire. The schemas type every op's arguments but not its result (the handlers return
 * `unknown`), so a result is as loosely typed as the decoder hands it over and each test asserts the shape it reads.
 */
export type DecodedResult = ReturnType<typeof unpack>;

export interface ReplyOk {
  id: RequestIdT;
  ok: true;
  result: DecodedResult;
}
export interface ReplyErr {
  id: RequestIdT | null;
  ok: false;
  error: ErrorBody;
}
export type Reply = ReplyOk | ReplyErr;

/** One order in an order-topic push (`orders`, `orders/<userId>`): see the `subscribe` doc in schemas/ops.ts. */
export interface OrderPushEntry {
  type: 'order';
  change: 'placed' | 'status' | 'deliveryDate';
  seq: number;
  orderNo: number;
  prescriberId: string;
  warehouse: string;
  status: LineStatus;
  plannedPickDate: Order['plannedPickDate'];
  plannedDeliveryDate: Order['plannedDeliveryDate'];
  lines: Array<{ lineNo: number; artNo: string; quantity: number; status: LineStatus }>;
}

/** A push's event; `type` says which of the optional parts it carries (stock fields, an order batch, a message). */
export interface PushEvent {
  type: string;
  seq: number;
  /** `type: 'orders'`: the commit's order changes in seq order, and line counts per status on `orders` only. */
  orders?: OrderPushEntry[];
  counts?: Record<LineStatus, number>;
  /** `type: 'message'`. */
  message?: Omit<Message, 'deletedMs'>;
  [field: string]: unknown;
}
export interface Push {
  topic: string;
  event: PushEvent;
}
export type OrderBatch = PushEvent & { type: 'orders'; orders: OrderPushEntry[] };

/** A user as the API shows it: never with the password hash. */
export type PublicUser = Omit<User, 'passwordHash'> & { passwordHash?: never };

function isPush(message: Reply | Push): message is Push {
  return message && typeof (message as Push).topic === 'string';
}

export class TestClient {
  private nextId = 1;
  private readonly waiting = new Map<RequestIdT | null, (reply: Reply) => void>();
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

  private receive(message: Reply | Push): void {
    if (isPush(message)) {
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
  async call(op: string, args?: unknown): Promise<DecodedResult> {
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
    match: (order: OrderPushEntry) => boolean,
    timeoutMs = 5_000,
  ): Promise<{ batch: OrderBatch; order: OrderPushEntry }> {
    const push = await this.waitForPush(
      (p) => p.topic === topic && p.event.type === 'orders' && p.event.orders!.some(match),
      timeoutMs,
    );
    const batch = push.event as OrderBatch;
    return { batch, order: batch.orders.find(match)! };
  }

  async waitClosed(timeoutMs = 5_000): Promise<number> {
    const until = Date.now() + timeoutMs;
    while (this.closeCode === null) {
      if (Date.now() > until) throw new Error('connection not closed');
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.closeCode;
  }

  async login(username: string, password = 'demo'): Promise<{ token: string; user: PublicUser }> {
    return this.call('session.login', { username, password });
  }

  close(): Promise<void> {
    return this.raw.close();
  }
}
