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
      '# HELP aidstock_connections Open WebSocket connections.',
      '# TYPE aidstock_connections gauge',
      `aidstock_connections ${gauges.connections}`,
      '# TYPE aidstock_sessions gauge',
      `aidstock_sessions ${gauges.sessions}`,
      '# HELP aidstock_journal_entries Commands in the LMDB journal.',
      '# TYPE aidstock_journal_entries gauge',
      `aidstock_journal_entries ${gauges.journalEntries}`,
      '# TYPE aidstock_store_bytes gauge',
      `aidstock_store_bytes ${gauges.bytesOnDisk}`,
      '# TYPE aidstock_commits_in_flight gauge',
      `aidstock_commits_in_flight ${gauges.commitsInFlight}`,
      '# TYPE aidstock_seq gauge',
      `aidstock_seq ${gauges.seq}`,
      '# TYPE aidstock_pushes_total counter',
      `aidstock_pushes_total ${this.pushes}`,
      '# TYPE aidstock_frames_rejected_total counter',
      `aidstock_frames_rejected_total ${this.framesRejected}`,
      '# HELP aidstock_requests_total Requests answered, per op.',
      '# TYPE aidstock_requests_total counter',
    ];
    for (const [op, n] of this.requests) lines.push(`aidstock_requests_total{op="${op}"} ${n}`);
    lines.push('# HELP aidstock_errors_total Error replies, per op and code.', '# TYPE aidstock_errors_total counter');
    for (const [key, n] of this.errors) lines.push(`aidstock_errors_total{${key}} ${n}`);
    lines.push(
      '# HELP aidstock_request_duration_seconds From frame received to reply sent.',
      '# TYPE aidstock_request_duration_seconds histogram',
    );
    for (const [op, h] of this.latency) lines.push(...h.render('aidstock_request_duration_seconds', `op="${op}"`));
    lines.push(
      '# HELP aidstock_commit_batch_commands Commands per group commit.',
      '# TYPE aidstock_commit_batch_commands histogram',
      ...this.batches.render('aidstock_commit_batch_commands', ''),
    );
    // Sign-in (issue 13, sign-in part).
    lines.push(
      '# HELP aidstock_login_lockouts_total Password sign-in lockouts (per client address or username).',
      '# TYPE aidstock_login_lockouts_total counter',
      `aidstock_login_lockouts_total ${this.loginLockouts}`,
    );
    return `${lines.join('\n')}\n`;
  }
}
