// @ts-check
// useQuote: order.quote for the order being written, debounced, again after a stock change of its articles (someone
// else's reservation, a unit back in stock), an article change pushed on `articles`, or a reconnect; an answer for older lines never replaces a newer one.
import { useState, useEffect, useRef } from './html.js';
import * as api from './api.js';
import { useArticlePushes } from './use-article-pushes.js';

const QUOTE_DEBOUNCE_MS = 200;

/** @typedef {import('./types.d.ts').QuoteState} QuoteState */
/** @typedef {import('./types.d.ts').QuoteReply} QuoteReply */

/**
 * Runs order.quote while the order is being written, again after stock of its articles changes or a reconnect.
 * @param {import("../../schemas/orders.ts").QuoteArgs | null} args
 * @param {boolean} enabled
 * @returns {[QuoteState, () => void]}
 */
export function useQuote(args, enabled) {
  const [quote, setQuote] = useState(/** @type {QuoteState} */ ({ key: '', result: null, error: null, busy: false }));
  const [tick, setTick] = useState(0);
  const key = args === null ? '' : JSON.stringify(args);
  const seq = useRef(0);

  useEffect(() => {
    if (!enabled || args === null) {
      seq.current++;
      setQuote({ key: '', result: null, error: null, busy: false });
      return undefined;
    }
    const mine = ++seq.current;
    setQuote((current) => ({ ...current, busy: true }));
    const timer = setTimeout(() => {
      api.call('order.quote', args).then(
        (/** @type {QuoteReply} */ result) => {
          if (mine === seq.current) setQuote({ key, result, error: null, busy: false });
        },
        (failure) => {
          if (mine === seq.current) setQuote({ key, result: null, error: failure, busy: false });
        },
      );
    }, QUOTE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, enabled, tick]);

  // Live: a reservation by someone else (or a unit back in stock) changes what this order can get.
  const watched = [
    ...new Set([
      ...(args?.lines ?? []).map((l) => l.artNo),
      ...(quote.result?.lines ?? [])
        .flatMap((q) => [q.proposal?.artNo, ...q.setParts.map((p) => p.artNo)])
        .filter(Boolean),
    ]),
  ]
    .sort()
    .join(',');
  useEffect(() => {
    if (!enabled || watched === '') return undefined;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const again = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setTick((n) => n + 1), QUOTE_DEBOUNCE_MS);
    };
    const offs = watched.split(',').map((artNo) => api.subscribe(`stock/${artNo}`, again));
    const offReconnect = api.on('reconnected', again);
    return () => {
      clearTimeout(timer);
      for (const off of offs) off();
      offReconnect();
    };
  }, [watched, enabled]);

  // An admin's article change (status, price, name, replacement chain) can change every proposal: quote again.
  useArticlePushes(() => setTick((n) => n + 1), enabled && key !== '');

  return [quote, () => setTick((n) => n + 1)];
}
