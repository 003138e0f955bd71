// The idempotency index keys orders by a 32-bit hash of (user, key): a hit must be confirmed against the order, and
// two keys that share a hash must both be found.
import { describe, expect, it } from 'vitest';
import type { Order } from '../schemas/orders.ts';
import { IdempotencyIndex, keyHash } from '../engine/core/orders/idempotency-index.ts';

function orderOf(orderNo: number, prescriberId: string, idempotencyKey: string): Order {
  return { orderNo, prescriberId, idempotencyKey } as Order;
}

/** Two keys of user `u` with the same hash, found by trying (a 32-bit hash collides within ~10^5 keys). */
function collidingKeys(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const key = `k-${i}`;
    const hash = keyHash('u', key);
    const other = seen.get(hash);
    if (other !== undefined) return [other, key];
    seen.set(hash, key);
  }
}

describe('idempotency index', () => {
  it('given orders with keys, when asked, then each user finds only their own key', () => {
    const index = new IdempotencyIndex();
    const orders = new Map([
      [1, orderOf(1, 'ot1', 'a')],
      [2, orderOf(2, 'ot2', 'a')],
    ]);
    index.add('ot1', 'a', 1);
    index.add('ot2', 'a', 2);
    expect(index.find(orders, 'ot1', 'a')).toBe(1);
    expect(index.find(orders, 'ot2', 'a')).toBe(2);
    expect(index.find(orders, 'ot3', 'a')).toBeUndefined();
    expect(index.find(orders, 'ot1', 'b')).toBeUndefined();
  });

  it('given two keys with the same hash, then both orders are found and a third key with that hash is not', () => {
    const [first, second] = collidingKeys();
    expect(keyHash('u', first)).toBe(keyHash('u', second));
    const index = new IdempotencyIndex();
    const orders = new Map([[7, orderOf(7, 'u', first)]]);
    index.add('u', first, 7);
    // Only the first is placed: the second key's hash hits, but the order says it is another key.
    expect(index.find(orders, 'u', second)).toBeUndefined();
    orders.set(9, orderOf(9, 'u', second));
    index.add('u', second, 9);
    expect(index.find(orders, 'u', first)).toBe(7);
    expect(index.find(orders, 'u', second)).toBe(9);
    expect(index.size).toBe(1);
  });
});
