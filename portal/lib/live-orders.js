// @ts-check
// useLiveOrders: a LiveOrderList held by a screen — `order.list` once (and again after a reconnect, since pushes sent
// while the connection was down are lost), then the pushes of an order topic (`orders` for staff, `orders/<userId>`
// for a prescriber); new orders are filled in by `order.get`.
import { useState, useEffect, useRef } from './html.js';
import * as api from './api.js';
import { LiveOrderList } from './live-order-list.js';

/** @typedef {import('./live-order-list.js').LiveRow} LiveRow */
/** @typedef {import('./live-order-list.js').LiveOrdersView} LiveOrdersView */

/** @type {LiveOrdersView} */
const LOADING = { orders: [], counts: null, loading: true, error: null, withheld: 0, oversight: null };

/**
 * topic: the order topic to follow (null: no live updates). args: order.list criteria (also its deps, by value).
 * match(row): whether a row belongs in this list. detailFirst: see LiveOrderList.
 * @param {{ topic: string | null, args: object, match: (row: LiveRow) => boolean, limit?: number, detailFirst?: boolean }} spec
 * @returns {LiveOrdersView & { reload: () => void }}
 */
export function useLiveOrders({ topic, args, match, limit = 100, detailFirst = false }) {
  const [view, setView] = useState(LOADING);
  const matchRef = useRef(match);
  matchRef.current = match;
  const reloadRef = useRef(() => {});
  const argsKey = JSON.stringify(args);

  useEffect(() => {
    const list = new LiveOrderList({
      limit,
      detailFirst,
      match: (row) => matchRef.current(row),
      fetchDetail: (orderNo) => api.call('order.get', { orderNo }),
      onChange: setView,
    });
    // A changed oversight threshold (admin.settingSet) comes as a `setting` push: read the list again for its flags.
    const onPush = (/** @type {any} */ event) => (event?.type === 'setting' ? load() : list.push(event));
    const unsubscribe = topic ? api.subscribe(topic, onPush) : () => {};
    const load = () => {
      list.reloading();
      api.call('order.list', { ...args, limit }).then(
        (result) => list.snapshot(result),
        (failure) => list.fail(failure),
      );
    };
    reloadRef.current = load;
    setView(LOADING);
    load();
    const offReconnect = api.on('reconnected', load);
    return () => {
      list.close();
      unsubscribe();
      offReconnect();
    };
  }, [topic, argsKey, limit, detailFirst]);

  return { ...view, reload: () => reloadRef.current() };
}
