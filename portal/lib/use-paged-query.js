// @ts-check
// usePagedQuery: a list read page by page by cursor (newest first), as the stock ledger and the change log are. The
// first page is a useQuery (reloaded by pushes on the topic, if any); "Visa äldre" appends the next page. A reload
// of the first page starts the list over, so older pages never sit under a newer first page.
import { useState } from './html.js';
import * as api from './api.js';
import { errorText } from './order-errors.js';
import { useQuery } from './use-query.js';

/**
 * @template Item
 * @param {string | null} op
 * @param {Record<string, unknown>} args
 * @param {(page: any) => Item[]} itemsOf the items of one page
 * @param {string | null} [topic]
 */
export function usePagedQuery(op, args, itemsOf, topic = null) {
  const [older, setOlder] = useState(/** @type {{ items: Item[], next: string | null } | null} */ (null));
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState('');
  const first = useQuery(op, args, { topic, keepData: true, onData: () => setOlder(null) });
  const items = [...(first.data ? itemsOf(first.data) : []), ...(older?.items ?? [])];
  const next = older !== null ? older.next : /** @type {{ next?: string | null } | null} */ (first.data?.next ?? null);
  const loadMore = async () => {
    if (op === null || next === null) return;
    setBusy(true);
    setMoreError('');
    try {
      const page = await api.call(op, { ...args, cursor: next });
      setOlder((current) => ({ items: [...(current?.items ?? []), ...itemsOf(page)], next: page.next ?? null }));
    } catch (failure) {
      setMoreError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };
  const error = first.error ? errorText(first.error) : moreError;
  return { items, next, loadMore, busy, loading: first.loading && first.data === null, error, reload: first.reload };
}
