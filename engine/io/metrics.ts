// Operational metrics in the Prometheus text format: connections, requests and errors per op, latency
// histograms per op, commit batch sizes, pushes, journal size. Counting is a few array writes per request.

export const LATENCY_BUCKETS_S = [
  0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1,
];
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

/** Prometheus-style buckets; exported for the read workers, which count their replication lag in one (issue 17). */
export class Histogram {
  readonly counts: number[];
  sum = 0;
  count = 0;

  constructor(readonly bounds: readonly number[]) {
    this.counts = new Array(bounds.length + 1).fill(0);
  }

  observe(value: number): void {
    let i = 0;
    while (i < this.bounds.length && value > this.bounds[i]) i++;
    this.counts[i]++;
    this.sum += value;
    this.count++;
  }

  render(name: string, labels: string): string[] {
    const out: string[] = [];
    let cumulative = 0;
    const sep = labels === '' ? '' : ',';
    for (let i = 0; i < this.bounds.length; i++) {
      cumulative += this.counts[i];
      out.push(`${name}_bucket{${labels}${sep}le="${this.bounds[i]}"} ${cumulative}`);
    }
    out.push(`${name}_bucket{${labels}${sep}le="+Inf"} ${this.count}`);
    const braces = labels === '' ? '' : `{${labels}}`;
    out.push(`${name}_sum${braces} ${this.sum}`, `${name}_count${braces} ${this.count}`);
    return out;
  }
}

export type MetricType = 'gauge' | 'counter';
/** One sample of a family: its labels as written between the braces (`op="x"`), and its value (null: NaN). */
export interface Sample {
  labels?: string;
  value: number | null;
}

/**
 * One metric family in the text format: HELP (when given), TYPE and its samples. Every module that reports metrics
 * (this one, the read pool, the replication node) writes through it, so none spells the format by hand.
 */
export function family(
  name: string,
  type: MetricType,
  help: string,
  samples: number | null | readonly Sample[],
): string[] {
  const lines = help === '' ? [] : [`# HELP ${name} ${help}`];
  lines.push(`# TYPE ${name} ${type}`);
  const list: readonly Sample[] = Array.isArray(samples) ? samples : [{ value: samples as number | null }];
  for (const { labels, value } of list) lines.push(`${name}${labels ? `{${labels}}` : ''} ${value ?? 'NaN'}`);
  return lines;
}

/** A histogram family: HELP, TYPE and each labelled histogram's buckets, sum and count. */
export function histogramFamily(name: string, help: string, histograms: ReadonlyArray<[string, Histogram]>): string[] {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
  for (const [labels, histogram] of histograms) lines.push(...histogram.render(name, labels));
  return lines;
}

export interface Gauges {
  connections: number;
  sessions: number;
  journalEntries: number;
  bytesOnDisk: number;
  commitsInFlight: number;
  seq: number;
}

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly errors = new Map<string, number>();
  private readonly latency = new Map<string, Histogram>();
  private readonly batches = new Histogram(BATCH_BUCKETS);
  pushes = 0;
  framesRejected = 0;
  loginLockouts = 0;

  request(op: string, seconds: number): void {
    this.requests.set(op, (this.requests.get(op) ?? 0) + 1);
    let histogram = this.latency.get(op);
    if (histogram === undefined) {
      histogram = new Histogram(LATENCY_BUCKETS_S);
      this.latency.set(op, histogram);
    }
    histogram.observe(seconds);
  }

  error(op: string, code: string): void {
    const key = `op="${op}",code="${code}"`;
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
  }

  commitBatch(commands: number): void {
    this.batches.observe(commands);
  }

  render(gauges: Gauges): string {
    const lines = [
      ...family('aidstock_connections', 'gauge', 'Open WebSocket connections.', gauges.connections),
      ...family('aidstock_sessions', 'gauge', '', gauges.sessions),
      ...family('aidstock_journal_entries', 'gauge', 'Commands in the LMDB journal.', gauges.journalEntries),
      ...family('aidstock_store_bytes', 'gauge', '', gauges.bytesOnDisk),
      ...family('aidstock_commits_in_flight', 'gauge', '', gauges.commitsInFlight),
      ...family('aidstock_seq', 'gauge', '', gauges.seq),
      ...family('aidstock_pushes_total', 'counter', '', this.pushes),
      ...family('aidstock_frames_rejected_total', 'counter', '', this.framesRejected),
      ...family(
        'aidstock_requests_total',
        'counter',
        'Requests answered, per op.',
        [...this.requests].map(([op, value]) => ({ labels: `op="${op}"`, value })),
      ),
      ...family(
        'aidstock_errors_total',
        'counter',
        'Error replies, per op and code.',
        [...this.errors].map(([labels, value]) => ({ labels, value })),
      ),
      ...histogramFamily(
        'aidstock_request_duration_seconds',
        'From frame received to reply sent.',
        [...this.latency].map(([op, h]) => [`op="${op}"`, h] as [string, Histogram]),
      ),
      ...histogramFamily('aidstock_commit_batch_commands', 'Commands per group commit.', [['', this.batches]]),
      // Sign-in (issue 13, sign-in part).
      ...family(
        'aidstock_login_lockouts_total',
        'counter',
        'Password sign-in lockouts (per client address or username).',
        this.loginLockouts,
      ),
    ];
    return `${lines.join('\n')}\n`;
  }
}
