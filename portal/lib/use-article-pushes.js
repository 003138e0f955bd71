// @ts-check
// useArticlePushes: follow the `articles` topic (every article an admin creates or changes) and tell the screen, once
// per burst (a catalog import pushes many), so it reads its current view again: a renamed, repriced, outgoing or
// newly created article then shows without a reload. A reconnect counts as a change (pushes sent meanwhile are lost).
import { useEffect, useRef } from './html.js';
import * as api from './api.js';

/** One read per burst of pushes; short enough to feel live, long enough to fold an import's pushes into one read. */
export const ARTICLE_PUSH_DEBOUNCE_MS = 250;
export const ARTICLES_TOPIC = 'articles';

/** @typedef {import('./types.d.ts').ArticlePush} ArticlePush */

/**
 * Calls onChange (debounced) after pushes on `articles` that `relevant` accepts (default: every push), and after a
 * reconnect. Nothing is subscribed while `enabled` is false.
 * @param {(pushes: ArticlePush[]) => void} onChange  the pushes of the burst, oldest first (empty after a reconnect)
 * @param {boolean} [enabled]
 * @param {(push: ArticlePush) => boolean} [relevant]
 */
export function useArticlePushes(onChange, enabled = true, relevant) {
  const latest = useRef({ onChange, relevant });
  latest.current = { onChange, relevant };
  useEffect(() => {
    if (!enabled) return undefined;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    /** @type {ArticlePush[]} */
    let burst = [];
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const pushes = burst;
        burst = [];
        latest.current.onChange(pushes);
      }, ARTICLE_PUSH_DEBOUNCE_MS);
    };
    const off = api.subscribe(ARTICLES_TOPIC, (/** @type {ArticlePush} */ event) => {
      if (event?.type !== 'article' || typeof event.article?.artNo !== 'string') return;
      const { relevant: wanted } = latest.current;
      if (wanted !== undefined && !wanted(event)) return;
      burst.push(event);
      later();
    });
    const offReconnect = api.on('reconnected', later);
    return () => {
      clearTimeout(timer);
      off();
      offReconnect();
    };
  }, [enabled]);
}
