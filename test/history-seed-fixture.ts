// The small history both history-seed test files check: a few thousand residents over two years, with a share of
// generated prescribers, made once per seed.
import type { Tables } from '../engine/core/state.ts';
import { SCALES, generateTables } from '../engine/seed/generate.ts';
import type { HistorySummary } from '../engine/seed/history/generate-history.ts';

export const SIZE = {
  ...SCALES.history,
  articles: 600,
  persons: 2_000,
  individuals: 1_200,
  buffers: 6,
  investigationArticles: 3,
  prescribers: 30,
};
export const YEARS = 2;

export function historyTables(seed: number): { tables: Tables; summary: HistorySummary } {
  let summary: HistorySummary | undefined;
  const tables = generateTables({
    scale: 'history',
    size: SIZE,
    seed,
    historyYears: YEARS,
    onHistory: (s) => (summary = s),
  });
  return { tables, summary: summary! };
}

/** The orders the history stage made (the seed's few demo orders come first and may be open). */
export function historyOrders(tables: Tables) {
  return [...tables.orders.values()].filter((o) => o.idempotencyKey.startsWith('history-'));
}
