// The history bench's page (bench/history/markdown.ts) and its small pure parts: the pass/fail marks follow the
// figures (echo p99 + 200 µs at 1x1, 10 % of demo at 16x16, the cold-start goals), a probe too slow to run shows its
// one call, the ready line's counts are read, and the subject picks are deterministic.
import { describe, expect, it } from 'vitest';
import { readyCounts } from '../bench/history/data-size.ts';
import { LATENCY_BUDGET_US } from '../bench/history/latency.ts';
import { historyMarkdown, mdTable } from '../bench/history/markdown.ts';
import { topOf } from '../bench/history/subjects.ts';
import type { HistoryResult, LatencyRow, LoadFigures, ThroughputRow } from '../bench/history/types.ts';

const load = (throughputPerS: number, p99Us: number): LoadFigures => ({
  throughputPerS,
  p50Us: p99Us / 4,
  p99Us,
  errors: 0,
  engineCpuPct: 99,
  gcCount: 3,
  gcMaxMs: 1.2,
  gcSharePct: 0.8,
});

const latencyRow = (label: string, p99Us: number, echoP99Us: number, extra: Partial<LatencyRow> = {}): LatencyRow => ({
  label,
  op: label.split(',')[0]!,
  accessLogged: false,
  requests: 1000,
  errors: 0,
  p50Us: p99Us / 2,
  p99Us,
  echoP50Us: echoP99Us / 2,
  echoP99Us,
  budgetUs: echoP99Us + LATENCY_BUDGET_US,
  pass: p99Us <= echoP99Us + LATENCY_BUDGET_US,
  ...extra,
});

const throughputRow = (workload: string, history: number, demo: number): ThroughputRow => {
  const diff = Math.round(((history - demo) / demo) * 1000) / 10;
  return {
    workload,
    shape: '16x16',
    history: load(history, 2000),
    demo: load(demo, 1800),
    echoThroughputPerS: 400_000,
    echoP99Us: 900,
    throughputDiffPct: diff,
    p99DiffPct: 11.1,
    within: diff >= -10,
  };
};

function result(): HistoryResult {
  return {
    scale: 'history',
    startedAt: '2026-12-05T06:00:00.000Z',
    elapsedS: 300,
    machine: {
      platform: 'Linux',
      arch: 'x64',
      cpuModel: 'AMD EPYC',
      cpus: 2,
      memoryGb: 23.5,
      node: 'v20',
      loadAvgStart: 1,
      loadAvgEnd: 1,
      cpuPressureStart: 0,
      cpuPressureEnd: 0,
    },
    git: { commit: 'abc1234', dirty: false },
    command: 'npm run bench:history -- history --data-dir d',
    dataDirReused: true,
    seedingS: null,
    data: {
      articles: 20_000,
      persons: 340_000,
      individuals: 280_000,
      orders: 1_510_000,
      orderLines: 3_360_000,
      pickups: 590_000,
      accessLogEntries: 12_345,
      seq: 77,
    },
    subjects: {
      patientPnr: '194001011234',
      patientOrders: 41,
      indNo: 17,
      indDeliveries: 9,
      prescriberId: 'ot1',
      prescriberOrders: 380_000,
      orderingPnrs: [],
      benchOrders: 16_000,
      scanS: 4.2,
    },
    coldStart: {
      readyWallS: 6.1,
      readySelfS: 4.9,
      rssMb: 3000,
      heapUsedMb: 1500,
      heapTotalMb: 1700,
      lmdbDiskMb: 900,
      lmdbFileMb: 1000,
      backupS: 2.5,
      backupMb: 900,
    },
    ledger: { artNo: '100101', pages: 201 },
    latency: [
      latencyRow('patient.get, longest history', 150, 40, { accessLogged: true }),
      latencyRow('order.list, prescriber ot1 (mine)', 900, 40),
      latencyRow('order.list, that patient', Number.NaN, Number.NaN, {
        pass: false,
        skipped: 'one call took 12.00 s (over 1000 ms): not run at 1x1',
      }),
    ],
    throughput: [throughputRow('stock.get', 95_000, 100_000), throughputRow('order.place', 8_000, 10_000)],
    gc: [{ label: 'stock.get 16x16 at history', wallS: 3, count: 12, maxMs: 2.3, totalMs: 30, sharePct: 1 }],
    notes: ['A note.'],
  };
}

/** The table row whose first cell is `first`, split into cells. */
function rowOf(md: string, first: string): string[] {
  const line = md.split('\n').find((l) => l.startsWith(`| ${first} |`));
  if (line === undefined) throw new Error(`no row ${first}`);
  return line
    .slice(2, -2)
    .split(' | ')
    .map((c) => c.trim());
}

describe('history bench markdown', () => {
  const md = historyMarkdown(result());

  it('marks each 1x1 read against echo p99 + 200 µs, and a skipped probe with its one call', () => {
    expect(rowOf(md, 'patient.get, longest history')).toEqual([
      'patient.get, longest history',
      'yes',
      '75 µs',
      '150 µs',
      '40 µs',
      '240 µs',
      '1,000',
      '✅',
    ]);
    expect(rowOf(md, 'order.list, prescriber ot1 (mine)').at(-1)).toBe('❌');
    const skipped = rowOf(md, 'order.list, that patient');
    expect(skipped.slice(2, 6)).toEqual(['—', '—', '—', '—']);
    expect(skipped.at(-2)).toContain('12.00 s');
    expect(skipped.at(-1)).toBe('❌');
  });

  it('compares the hot paths with demo within 10 %', () => {
    expect(rowOf(md, 'stock.get').slice(2, 5)).toEqual(['95,000/s', '100,000/s', '-5%']);
    expect(rowOf(md, 'stock.get').at(-1)).toBe('✅');
    expect(rowOf(md, 'order.place')[4]).toBe('-20%');
    expect(rowOf(md, 'order.place').at(-1)).toBe('❌');
  });

  it('checks the cold start and RSS goals and states the data size and machine', () => {
    expect(rowOf(md, 'cold start, spawn to ready line').at(-1)).toBe('❌');
    expect(rowOf(md, "cold start, the engine's own figure").at(-1)).toBe('✅');
    expect(rowOf(md, 'RSS after settling').at(-1)).toBe('✅');
    expect(md).toContain(
      '1,510,000 orders, 3,360,000 order lines, 590,000 pickups, 340,000 persons, 280,000 individuals',
    );
    expect(md).toContain('12,345 access-log entries');
    expect(md).toContain('AMD EPYC, 2 cores');
    expect(md).toContain('The data dir was reused');
    expect(md).toContain('16,000 orders placed by earlier runs');
    expect(md).toContain('- A note.');
  });

  it('escapes a pipe inside a cell', () => {
    expect(mdTable(['a'], [['x|y']])).toBe('| a |\n|---|\n| x\\|y |');
  });
});

describe('history bench helpers', () => {
  it('reads the counts of the engine ready line', () => {
    const line =
      'aidstock ready on http://localhost:4321 in 4.20 s, rss 2900 MB (seq 12, 20000 articles, 340000 persons, 281234 individuals, store lmdb)';
    expect(readyCounts(line)).toEqual({ seq: 12, articles: 20_000, persons: 340_000, individuals: 281_234 });
    expect(() => readyCounts('aidstock ready on http://localhost:1 in 1 s, rss 1 MB')).toThrow(/no counts/);
  });

  it('picks the highest count, the smallest key on a tie', () => {
    expect(
      topOf(
        new Map([
          ['b', 3],
          ['a', 3],
          ['c', 2],
        ]),
      ),
    ).toEqual({ key: 'a', count: 3 });
    expect(
      topOf(
        new Map([
          [9, 1],
          [4, 7],
        ]),
      ),
    ).toEqual({ key: 4, count: 7 });
    expect(() => topOf(new Map())).toThrow(/no rows/);
  });
});
