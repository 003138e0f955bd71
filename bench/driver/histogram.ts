// Log-linear latency histogram (HDR-style, <0.8% relative error): O(1) allocation-free record, percentiles in microseconds.

/** Recording resolution: values are stored as integer tenths of a microsecond (100 ns). */
const UNITS_PER_US = 10;
/** Sub-buckets per power of two: 2^SUB_BUCKET_BITS; relative bucket width <= 1/128. */
const SUB_BUCKET_BITS = 7;
const SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
/** Values below LINEAR_UNITS are stored exactly. */
const LINEAR_UNITS = SUB_BUCKETS * 2;
/** Largest recordable latency; larger values are clamped (and still reported exactly in max). */
export const LATENCY_US_MAX = 100_000_000;
const VALUE_UNITS_MAX = LATENCY_US_MAX * UNITS_PER_US;
const EXPONENT_MAX = 31 - Math.clz32(VALUE_UNITS_MAX);
const BUCKETS = LINEAR_UNITS + (EXPONENT_MAX - SUB_BUCKET_BITS) * SUB_BUCKETS;

export interface LatencySummaryUs {
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sumUs = 0;
  maxUs = 0;
  minUs = Infinity;

  /** Record one latency in microseconds. */
  record(latencyUs: number): void {
    const us = Math.max(latencyUs, 0);
    this.count++;
    this.sumUs += us;
    if (us > this.maxUs) this.maxUs = us;
    if (us < this.minUs) this.minUs = us;
    let units = (us * UNITS_PER_US) | 0;
    if (us >= LATENCY_US_MAX) units = VALUE_UNITS_MAX;
    this.counts[bucketOf(units)]!++;
  }

  merge(other: LatencyHistogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i]!;
    this.count += other.count;
    this.sumUs += other.sumUs;
    if (other.maxUs > this.maxUs) this.maxUs = other.maxUs;
    if (other.minUs < this.minUs) this.minUs = other.minUs;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sumUs = 0;
    this.maxUs = 0;
    this.minUs = Infinity;
  }

  /** Latency (us) at quantile q in [0, 1]: the midpoint of the bucket holding it, clamped to [min, max]. */
  quantileUs(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) {
        const mid = bucketMidUnits(i) / UNITS_PER_US;
        return Math.min(this.maxUs, Math.max(this.minUs, mid));
      }
    }
    return this.maxUs;
  }

  meanUs(): number {
    return this.count === 0 ? 0 : this.sumUs / this.count;
  }

  summary(): LatencySummaryUs {
    return {
      p50: round1(this.quantileUs(0.5)),
      p90: round1(this.quantileUs(0.9)),
      p99: round1(this.quantileUs(0.99)),
      p999: round1(this.quantileUs(0.999)),
      max: round1(this.maxUs),
    };
  }
}

function bucketOf(units: number): number {
  if (units < LINEAR_UNITS) return units;
  const exponent = 31 - Math.clz32(units); // >= SUB_BUCKET_BITS + 1
  const shift = exponent - SUB_BUCKET_BITS;
  return LINEAR_UNITS + (shift - 1) * SUB_BUCKETS + ((units >>> shift) - SUB_BUCKETS);
}

function bucketMidUnits(index: number): number {
  if (index < LINEAR_UNITS) return index;
  const k = index - LINEAR_UNITS;
  const shift = Math.floor(k / SUB_BUCKETS) + 1;
  const sub = (k % SUB_BUCKETS) + SUB_BUCKETS;
  return sub * 2 ** shift + (2 ** shift - 1) / 2;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
