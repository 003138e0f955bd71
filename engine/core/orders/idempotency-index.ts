// Which order a user's idempotency key placed. Keyed by a 32-bit hash of (user, key) instead of the key string: after
// ten years a region has millions of orders, and a Map of their key strings held 550 MB of the heap (issue 16). A hash
// hit is confirmed against the order row itself; distinct keys that share a hash keep a list of order numbers.
import type { Order } from '../../../schemas/orders.ts';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Separates the user id from the key in the hash (user ids have no colon). */
const SEPARATOR = 0x3a;

export function keyHash(userId: string, key: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < userId.length; i++) hash = Math.imul(hash ^ userId.charCodeAt(i), FNV_PRIME);
  hash = Math.imul(hash ^ SEPARATOR, FNV_PRIME);
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

export class IdempotencyIndex {
  /** Hash → the order number, or the numbers (ascending) of orders whose keys share the hash. */
  private readonly byHash = new Map<number, number | number[]>();

  add(userId: string, key: string, orderNo: number): void {
    const hash = keyHash(userId, key);
    const before = this.byHash.get(hash);
    if (before === undefined) this.byHash.set(hash, orderNo);
    else if (typeof before === 'number') this.byHash.set(hash, [before, orderNo]);
    else before.push(orderNo);
  }

  /** The order the user placed with this key, if any (read from `orders` to rule out another key's hash). */
  find(orders: ReadonlyMap<number, Order>, userId: string, key: string): number | undefined {
    const hit = this.byHash.get(keyHash(userId, key));
    if (hit === undefined) return undefined;
    for (const orderNo of typeof hit === 'number' ? [hit] : hit) {
      const order = orders.get(orderNo);
      if (order !== undefined && order.prescriberId === userId && order.idempotencyKey === key) return orderNo;
    }
    return undefined;
  }

  get size(): number {
    return this.byHash.size;
  }
}
