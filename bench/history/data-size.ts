// How much the engine holds, asked from the engine itself: articles, persons and individuals from its ready line,
// orders and order lines from order.list (total and the line counts per status), access-log entries from
// accessLog.sample's population over all time. Pickups come from the data dir scan (no op counts them all).
import { BenchClient } from '../engine-client.ts';
import type { DataSize } from './types.ts';

const READY_COUNTS = /\(seq (\d+), (\d+) articles, (\d+) persons, (\d+) individuals/;
/** accessLog.sample's period ends this far ahead, so entries written this second count too. */
const PERIOD_AHEAD_MS = 86_400_000;

/** The counts of an engine ready line; throws when the line has none (an engine that prints another line). */
export function readyCounts(line: string): Pick<DataSize, 'seq' | 'articles' | 'persons' | 'individuals'> {
  const m = READY_COUNTS.exec(line);
  if (m === null) throw new Error(`no counts in the ready line: ${line}`);
  return { seq: Number(m[1]), articles: Number(m[2]), persons: Number(m[3]), individuals: Number(m[4]) };
}

/** Orders and lines as staff (`staffToken`), access-log entries as a log reviewer (`reviewerToken`). */
export async function dataSize(
  url: string,
  readyLine: string,
  staffToken: string,
  reviewerToken: string,
  pickups: number,
): Promise<DataSize> {
  const client = await BenchClient.connect(url);
  try {
    await client.call('session.resume', { token: staffToken });
    const listed = await client.call<{ total: number; counts: Record<string, number> }>('order.list', { limit: 1 });
    await client.call('session.resume', { token: reviewerToken });
    const sample = await client.call<{ total: number }>('accessLog.sample', {
      fromMs: 0,
      toMs: Date.now() + PERIOD_AHEAD_MS,
      size: 1,
      seed: 0,
    });
    const orderLines = Object.values(listed.counts).reduce((a, b) => a + b, 0);
    return {
      ...readyCounts(readyLine),
      orders: listed.total,
      orderLines,
      pickups,
      accessLogEntries: sample.total,
    };
  } finally {
    await client.close();
  }
}
