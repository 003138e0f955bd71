// The Prometheus text every /metrics reporter writes through (engine/io/metrics.ts): HELP only when given, TYPE, a
// sample per label set, NaN for an unknown value, histograms cumulative with +Inf, sum and count.
import { describe, expect, it } from 'vitest';
import { family, Histogram, histogramFamily } from '../engine/io/metrics.ts';

describe('metrics text format', () => {
  it('writes a family with and without help, labels and an unknown value', () => {
    expect(family('a_total', 'counter', '', 3)).toEqual(['# TYPE a_total counter', 'a_total 3']);
    expect(family('lag', 'gauge', 'Lag.', null)).toEqual(['# HELP lag Lag.', '# TYPE lag gauge', 'lag NaN']);
    expect(
      family('seq', 'gauge', '', [
        { labels: 'worker="0"', value: 7 },
        { labels: 'worker="1"', value: 8 },
      ]),
    ).toEqual(['# TYPE seq gauge', 'seq{worker="0"} 7', 'seq{worker="1"} 8']);
    expect(family('none', 'gauge', '', [])).toEqual(['# TYPE none gauge']);
  });

  it('writes histograms cumulatively, per label set', () => {
    const h = new Histogram([1, 2]);
    for (const v of [0.5, 1.5, 1.5, 9]) h.observe(v);
    expect(histogramFamily('d', 'D.', [['op="x"', h]])).toEqual([
      '# HELP d D.',
      '# TYPE d histogram',
      'd_bucket{op="x",le="1"} 1',
      'd_bucket{op="x",le="2"} 3',
      'd_bucket{op="x",le="+Inf"} 4',
      'd_sum{op="x"} 12.5',
      'd_count{op="x"} 4',
    ]);
  });
});
