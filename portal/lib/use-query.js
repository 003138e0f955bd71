// @ts-check
// useQuery: one engine read held by a component. It loads when mounted and when op or args change, drops answers
// that come late (after unmount, or for older args), reads again after a reconnect (pushes sent while the
// connection was down are lost) and, with a topic, follows its pushes: each push reloads, or onPush patches the data.
import { useState, useEffect, useRef } from './html.js';
import * as api from './api.js';
import { QuerySession } from './query-session.js';

/** @template T @typedef {import('./query-session.js').QueryOptions<T>} QueryOptions */
/** @template T @typedef {import('./query-session.js').QueryState<T>} QueryState */

/**
 * @template T
 * @typedef {QueryState<T> & { reload: () => void, patch: (update: (data: T) => T) => void }} QueryResult
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
  const [state, setState] = useState(/** @type {QueryState<T>} */ ({ data: null, error: null, loading: op !== null }));
  const optionsRef = useRef(options);
  optionsRef.current = options;
  /** @type {{ current: QuerySession<T> | null }} */
  const session = useRef(null);
  const argsKey = JSON.stringify(args);
  const topic = options.topic ?? null;

  useEffect(() => {
    setState((current) => ({
      data: optionsRef.current.keepData && op !== null ? current.data : null,
      error: null,
      loading: op !== null,
    }));
    if (op === null) return undefined;
    const current = new QuerySession({
      read: () => (typeof op === 'string' ? api.call(op, args) : op(args)),
      options: () => optionsRef.current,
      setState,
      subscribe: api.subscribe,
      onReconnect: (handler) => api.on('reconnected', handler),
    });
    session.current = current;
    current.start();
    return () => {
      current.close();
      if (session.current === current) session.current = null;
    };
  }, [op, argsKey, topic]);

  return {
    ...state,
    reload: () => session.current?.load('reload'),
    patch: (update) => session.current?.patch(update),
  };
}
