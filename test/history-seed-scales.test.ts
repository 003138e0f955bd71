// The history seed's scales and its numbering by time: SEED_SCALE accepts both history sizes, Stockholm is Halland
// scaled by residents, and renumbering in place gives every row the number of its place in time (ties in the order
// the rows were made), checked against a plain sort.
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../engine/config.ts';
import { SCALES } from '../engine/seed/generate.ts';
import { prescriberCount } from '../engine/seed/history/history-prescribers.ts';
import { renumberByTime, TimeOrder } from '../engine/seed/history/time-order.ts';
import { Prng } from '../engine/seed/prng.ts';
import { isHistoryScale, SEED_SCALES } from '../engine/seed/seed-scale.ts';

describe('history seed scales', () => {
  it('SEED_SCALE takes history-stockholm, and only the two history scales generate history', () => {
    expect(configFromEnv({ SEED_SCALE: 'history-stockholm' }).seedScale).toBe('history-stockholm');
    expect(() => configFromEnv({ SEED_SCALE: 'stockholm' })).toThrow(/history-stockholm/);
    expect(SEED_SCALES.filter(isHistoryScale)).toEqual(['history', 'history-stockholm']);
  });

  it('sizes Stockholm as Halland scaled by its residents', () => {
    const halland = SCALES.history;
    const stockholm = SCALES['history-stockholm'];
    const ratio = stockholm.persons / halland.persons;
    expect(stockholm.individuals / halland.individuals).toBeCloseTo(ratio, 2);
    expect(prescriberCount(stockholm.persons) / prescriberCount(halland.persons)).toBeCloseTo(ratio, 2);
  });
});

describe('renumberByTime', () => {
  const FIRST = 101;

  function run(times: readonly number[]) {
    const order = new TimeOrder(FIRST);
    const table = new Map<number, { no: number; madeAs: number; timeMs: number }>();
    for (const timeMs of times) {
      const no = order.add(timeMs);
      table.set(no, { no, madeAs: no, timeMs });
    }
    const rank = renumberByTime(table, order, (row, no) => Object.assign(row, { no }));
    return { table, rank, order };
  }

  it('numbers rows by time, ties in the order they were made, and maps provisional numbers to final ones', () => {
    const prng = new Prng(3);
    const times = Array.from({ length: 3_000 }, () => prng.int(0, 500));
    const { table, rank, order } = run(times);
    const expected = times.map((timeMs, i) => ({ timeMs, madeAs: FIRST + i })).sort((a, b) => a.timeMs - b.timeMs);
    expect([...table.keys()].sort((a, b) => a - b)).toEqual(expected.map((_, i) => FIRST + i));
    for (let i = 0; i < expected.length; i++) {
      const row = table.get(FIRST + i)!;
      expect(row.no).toBe(FIRST + i);
      expect([row.timeMs, row.madeAs]).toEqual([expected[i].timeMs, expected[i].madeAs]);
      expect(TimeOrder.finalNo(order, rank, row.madeAs)).toBe(FIRST + i);
    }
    expect(TimeOrder.finalNo(order, rank, FIRST - 1)).toBe(FIRST - 1);
  });

  it('leaves rows already in time order where they are, and fails on a missing row', () => {
    const { table } = run([1, 2, 3]);
    expect([...table.values()].map((r) => r.madeAs)).toEqual([101, 102, 103]);
    const order = new TimeOrder(1);
    order.add(5);
    expect(() => renumberByTime(new Map(), order, (row) => row)).toThrow(/no row 1/);
  });
});
