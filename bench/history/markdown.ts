// The page `npm run bench:history` writes to bench/results/history-<scale>.md (bench/report.ts includes it in REPORT.md
// like the recall and import runs): the machine and the data, then one table per figure of issue 16, each with the
// echo measured in the same run.
import { LATENCY_BUDGET_US } from './latency.ts';
import { HOT_PATH_SLOWDOWN_PCT_MAX } from './throughput.ts';
import type { HistoryResult, LatencyRow, ThroughputRow } from './types.ts';

/** The issue's goals for a cold start (at Stockholm's size). */
export const COLD_START_S_GOAL = 5;
export const RSS_MB_GOAL = 4 * 1024;

const n0 = (x: number): string => Math.round(x).toLocaleString('en-US');
const us = (x: number): string =>
  Number.isNaN(x) ? '—' : Math.abs(x) >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${Math.round(x)} µs`;
const mark = (ok: boolean): string => (ok ? '✅' : '❌');
const signed = (x: number): string => `${x > 0 ? '+' : ''}${x}%`;

export function mdTable(head: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.map((c) => String(c).replaceAll('|', '\\|')).join(' | ')} |`);
  return lines.join('\n');
}

function header(r: HistoryResult): string[] {
  const m = r.machine;
  const d = r.data;
  return [
    `# History at scale (issue 16): \`${r.scale}\``,
    '',
    `_Written by \`${r.command}\` on ${r.startedAt} in ${r.elapsedS} s (commit \`${r.git.commit}\`${r.git.dirty ? ' with uncommitted changes' : ''}). Raw figures: \`bench/results/history-${r.scale}.json\`._`,
    '',
    `**Machine**: ${m.cpuModel}, ${m.cpus} cores, ${m.memoryGb} GB, Node ${m.node}; load average ${m.loadAvgStart} at start, ${m.loadAvgEnd} at end; CPU pressure ${m.cpuPressureStart}% / ${m.cpuPressureEnd}%.`,
    '',
    `**Data** (asked from the engine): ${n0(d.orders)} orders, ${n0(d.orderLines)} order lines, ${n0(d.pickups)} pickups, ` +
      `${n0(d.persons)} persons, ${n0(d.individuals)} individuals, ${n0(d.articles)} articles, ${n0(d.accessLogEntries)} access-log entries, journal seq ${n0(d.seq)}. ` +
      (r.seedingS === null
        ? 'The data dir was reused (seeded by an earlier run).'
        : `Seeded by this run in ${r.seedingS} s.`),
    '',
  ];
}

function coldStart(r: HistoryResult): string[] {
  const c = r.coldStart;
  return [
    '## Cold start, memory, disk, backup',
    '',
    mdTable(
      ['figure', 'measured', `goal (Stockholm)`, ''],
      [
        [
          'cold start, spawn to ready line',
          `${c.readyWallS} s`,
          `< ${COLD_START_S_GOAL} s`,
          mark(c.readyWallS < COLD_START_S_GOAL),
        ],
        [
          "cold start, the engine's own figure",
          `${c.readySelfS} s`,
          `< ${COLD_START_S_GOAL} s`,
          mark(c.readySelfS < COLD_START_S_GOAL),
        ],
        ['RSS after settling', `${n0(c.rssMb)} MB`, `< ${n0(RSS_MB_GOAL)} MB`, mark(c.rssMb < RSS_MB_GOAL)],
        ...(c.rssEndMb === undefined ? [] : [['RSS at the end of the run', `${n0(c.rssEndMb)} MB`, '', '']]),
        ['heap used / total', `${n0(c.heapUsedMb)} / ${n0(c.heapTotalMb)} MB`, '', ''],
        ['LMDB on disk (allocated / file size)', `${n0(c.lmdbDiskMb)} / ${n0(c.lmdbFileMb)} MB`, '', ''],
        ['online backup beside the engine', `${c.backupS} s (${n0(c.backupMb)} MB)`, '', ''],
      ],
    ),
    '',
  ];
}

function latencyCells(row: LatencyRow): Array<string | number> {
  return [
    row.label,
    row.accessLogged ? 'yes' : 'no',
    us(row.p50Us),
    us(row.p99Us),
    us(row.echoP99Us),
    us(row.budgetUs),
    row.skipped ?? `${n0(row.requests)}${row.errors > 0 ? ` (${row.errors} errors)` : ''}`,
    mark(row.pass),
  ];
}

function latency(r: HistoryResult): string[] {
  return [
    `## Long-history reads at 1x1 (budget: echo p99 + ${LATENCY_BUDGET_US} µs)`,
    '',
    `Subjects, found by one scan of the data dir (${r.subjects.scanS} s): patient ${r.subjects.patientPnr} with ${n0(r.subjects.patientOrders)} orders, ` +
      `individual ${r.subjects.indNo} delivered ${n0(r.subjects.indDeliveries)} times, prescriber ${r.subjects.prescriberId} with ${n0(r.subjects.prescriberOrders)} orders; ` +
      `the ledger of article ${r.ledger.artNo} (${r.ledger.pages} pages of 50, every depth)` +
      (r.subjects.benchOrders > 0
        ? `; ${n0(r.subjects.benchOrders)} orders placed by earlier runs in this data dir were left out of the picks (they are in the lists).`
        : '.'),
    '',
    mdTable(['read', 'access-logged', 'p50', 'p99', 'echo p99', 'budget', 'requests', ''], r.latency.map(latencyCells)),
    '',
    'A read that shows a person writes an access-log entry and replies only once it is durable (patientdatalagen: no ' +
      'look-up without its log line), so its latency includes an LMDB commit with fsync: "access-logged: yes" rows ' +
      'measure the disk as much as the read. The access-log queries read the entries the look-ups above just wrote.',
    '',
  ];
}

function throughputCells(row: ThroughputRow): Array<string | number> {
  return [
    row.workload,
    row.shape,
    `${n0(row.history.throughputPerS)}/s`,
    `${n0(row.demo.throughputPerS)}/s`,
    signed(row.throughputDiffPct),
    `${us(row.history.p50Us)} / ${us(row.history.p99Us)}`,
    `${us(row.demo.p50Us)} / ${us(row.demo.p99Us)}`,
    `${n0(row.echoThroughputPerS)}/s, p99 ${us(row.echoP99Us)}`,
    row.history.errors + row.demo.errors,
    mark(row.within),
  ];
}

function throughput(r: HistoryResult): string[] {
  return [
    `## Hot paths at 16x16: history against demo (within ${HOT_PATH_SLOWDOWN_PCT_MAX} %)`,
    '',
    mdTable(
      ['workload', 'shape', 'history', 'demo', 'Δ', 'history p50 / p99', 'demo p50 / p99', 'echo', 'errors', ''],
      r.throughput.map(throughputCells),
    ),
    '',
    "Each workload ran as echo, history engine, demo engine back to back (the quick bench's workloads, inputs sampled " +
      'from each engine). `order.place` is durable (acknowledged after fsync).',
    '',
  ];
}

function gc(r: HistoryResult): string[] {
  return [
    '## GC under the read load (from inside the engine)',
    '',
    mdTable(
      ['run', 'wall', 'pauses', 'longest', 'total', 'share of time'],
      r.gc.map((g) => [g.label, `${g.wallS} s`, g.count, `${g.maxMs} ms`, `${g.totalMs} ms`, `${g.sharePct}%`]),
    ),
    '',
  ];
}

export function historyMarkdown(r: HistoryResult): string {
  const notes = r.notes.length === 0 ? [] : ['## Notes', '', ...r.notes.map((n) => `- ${n}`), ''];
  return [...header(r), ...coldStart(r), ...latency(r), ...throughput(r), ...gc(r), ...notes].join('\n');
}
