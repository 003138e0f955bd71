// Smoke run of `npm run bench:history` on a small history (runHistory with --small and short runs): every figure of
// issue 16 is measured and plausible, every probe answered, and the run leaves no temp data dir behind. It asserts
// nothing about speed.
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { runHistory } from '../bench/history/run-history.ts';
import type { HistoryResult } from '../bench/history/types.ts';

const SMOKE_TIMEOUT_MS = 180_000;
const TEMP_PREFIX = 'aidstock-bench-history-';

const historyTempDirs = (): string[] => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(TEMP_PREFIX));

describe('bench:history smoke', () => {
  it(
    'measures cold start, the long-history reads, the hot paths against demo and GC, then cleans up',
    async () => {
      const before = new Set(historyTempDirs());
      const lines: string[] = [];
      const r: HistoryResult = await runHistory({
        scale: 'history',
        dataDir: null,
        small: true,
        warmupMs: 50,
        durationMs: 400,
        command: 'smoke',
        progress: (line) => lines.push(line),
      });
      expect(r.seedingS).toBeGreaterThan(0);
      expect(r.data.orders).toBeGreaterThan(1000);
      expect(r.data.orderLines).toBeGreaterThan(r.data.orders);
      expect(r.data.pickups).toBeGreaterThan(0);
      expect(r.subjects.patientOrders).toBeGreaterThan(1);
      expect(r.subjects.benchOrders).toBe(0);
      expect(r.coldStart.readySelfS).toBeGreaterThan(0);
      expect(r.coldStart.readyWallS).toBeGreaterThanOrEqual(r.coldStart.readySelfS);
      expect(r.coldStart.backupMb).toBeGreaterThan(0);
      expect(r.latency.map((row) => row.op)).toEqual([
        'patient.get',
        'individual.get',
        'order.list',
        'order.list',
        'stock.ledger',
        'accessLog.patient',
        'accessLog.user',
      ]);
      for (const row of r.latency) {
        expect(row.errors, row.label).toBe(0);
        expect(row.requests, row.label).toBeGreaterThan(0);
      }
      expect(r.latency[0]!.accessLogged).toBe(true);
      expect(r.throughput.map((row) => row.workload)).toEqual(['stock.get', 'catalog.search', 'order.place']);
      for (const row of r.throughput) {
        expect(row.history.throughputPerS, row.workload).toBeGreaterThan(0);
        expect(row.demo.throughputPerS, row.workload).toBeGreaterThan(0);
        expect(row.echoThroughputPerS, row.workload).toBeGreaterThan(0);
      }
      expect(r.gc.length).toBe(5);
      expect(r.gc.every((g) => g.wallS > 0 && g.sharePct >= 0)).toBe(true);
      expect(historyTempDirs().filter((d) => !before.has(d))).toEqual([]);
    },
    SMOKE_TIMEOUT_MS,
  );
});
