// useQuery: one engine read held by a component. It loads when mounted and when op or args change, drops answers
// that come late (after unmount, or for older args), reads again after a reconnect (pushes sent while the
// connection was down are lost) and, with a topic, follows its pushes: each push reloads, or onPush patches the data.
import { useState, useEffect, useRef } from './html.js';
import * as api from './api.js';

/**
 * Why data changed: the first read of these args, a reload asked for by the component, a push, or a reconnect.
 * @typedef {'load' | 'reload' | 'push' | 'reconnect'} QueryReason
 */

/**
 * @template T
 * @typedef {object} QueryControl
 * @property {(why?: QueryReason) => void} reload  read again, keeping the data shown meanwhile
 * @property {(update: (data: T) => T) => void} patch  change the data in place (a push applied without a read)
 * @property {boolean} replayed  onPush only: the push came before the first answer and is replayed after it
 */

/**
 * @template T
 * @typedef {object} QueryOptions
 * @property {string | null} [topic]  push topic to follow; subscribed before the first read, so no change falls between
 * @property {(event: unknown, control: QueryControl<T>) => void} [onPush]  without it every push reloads; with it,
 *   called once the first answer is in (earlier pushes are dropped, or replayed after it with replayEarly)
 * @property {boolean} [replayEarly]
 * @property {(result: any) => T} [select]  the data kept from a reply (default: the reply itself)
 * @property {(next: T, previous: T | null, why: QueryReason) => void} [onData]  after each answer is taken
 * @property {boolean} [keepData]  keep the old data on screen while new args load (default: blank it)
 */

/**
 * @template T
 * @typedef {object} QueryResult
 * @property {T | null} data  the newest answer, null before the first
 * @property {any} error  the failure of the newest read (an ApiError), null once a read succeeds
 * @property {boolean} loading  from a change of op or args until its first answer
 * @property {() => void} reload
 * @property {(update: (data: T) => T) => void} patch
 */

/**
 * Reads `op` with `args` (null op: nothing to read; args are compared by value). op may also be a module-level
 * function (args) => Promise, for a read made of several calls.
 * @template T
 * @param {string | ((args: any) => Promise<any>) | null} op
 * @param {object} [args]
 * @param {QueryOptions<T>} [options]
 * @returns {QueryResult<T>}
 */
export function useQuery(op, args = {}, options = {}) {
  /** @type {[{ data: T | null, error: any, loading: boolean }, (next: any) => void]} */
  const [state, setState] = useState(() => ({ data: null, error: null, loading: op !== null }));
  const optionsRef = useRef(options);
  optionsRef.current = options;
  /** @type {{ current: (why?: QueryReason) => void }} */
  const reloadRef = useRef(() => {});
  /** @type {{ current: (update: (data: T) => T) => void }} */
  const patchRef = useRef(() => {});
  const argsKey = JSON.stringify(args);
  const topic = options.topic ?? null;

  useEffect(() => {
    let alive = true;
    let loaded = false;
    let seq = 0;
    /** @type {unknown[]} */
    let early = [];
    /** @type {T | null} */
    let last = null;
    setState((current) => ({
      data: optionsRef.current.keepData && op !== null ? current.data : null,
      error: null,
      loading: op !== null,
    }));
    if (op === null) {
      reloadRef.current = () => {};
      patchRef.current = () => {};
      return undefined;
    }

    /** @param {(data: T) => T} update */
    const patch = (update) =>
      setState((current) => {
        if (current.data === null) return current;
        last = update(current.data);
        return { ...current, data: last };
      });
    /** @param {QueryReason} [why] */
    const load = (why = 'reload') => {
      const mine = ++seq;
      (typeof op === 'string' ? api.call(op, args) : op(args)).then(
        (result) => {
          if (!alive || mine !== seq) return;
          const { select, onData } = optionsRef.current;
          const next = select ? select(result) : /** @type {T} */ (result);
          const previous = last;
          last = next;
          loaded = true;
          setState({ data: next, error: null, loading: false });
          onData?.(next, previous, why);
          for (const event of early.splice(0)) deliver(event, true);
        },
        (failure) => {
          if (!alive || mine !== seq) return;
          setState((current) => ({ ...current, error: failure, loading: false }));
        },
      );
    };
    /** @param {unknown} event @param {boolean} replayed */
    const deliver = (event, replayed) => {
      const { onPush } = optionsRef.current;
      if (onPush) onPush(event, { reload: load, patch, replayed });
    };
    /** @param {unknown} event */
    const onPush = (event) => {
      if (!alive) return;
      const { onPush: handler, replayEarly } = optionsRef.current;
      if (!handler) load('push');
      else if (loaded) deliver(event, false);
      else if (replayEarly) early.push(event);
    };
    const unsubscribe = topic === null ? () => {} : api.subscribe(topic, onPush);
    reloadRef.current = load;
    patchRef.current = patch;
    load('load');
    const offReconnect = api.on('reconnected', () => load('reconnect'));
    return () => {
      alive = false;
      early = [];
      unsubscribe();
      offReconnect();
    };
  }, [op, argsKey, topic]);

  return {
    ...state,
    reload: () => reloadRef.current('reload'),
    patch: (update) => patchRef.current(update),
  };
}
