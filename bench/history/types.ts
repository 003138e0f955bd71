// The shape of bench/results/history-<scale>.json: what `npm run bench:history` measured on one history data dir. A
// leaf: types only, shared by the run (bench/history.ts), its parts (bench/history/*.ts) and the markdown builder.
import type { MachineInfo } from '../results.ts';

/** What the engine holds, read from it (ready line, ops) and from the data dir (pickups). */
export interface DataSize {
  articles: number;
  persons: number;
  individuals: number;
  orders: number;
  orderLines: number;
  pickups: number;
  /** Care accesses in the patient-data access log (accessLog.sample's population over all time). */
  accessLogEntries: number;
  /** Journal seq at ready. */
  seq: number;
}

/** The request subjects with the longest histories, found by one scan of the data dir before the cold start. */
export interface Subjects {
  /** Patient with the most orders, and how many. */
  patientPnr: string;
  patientOrders: number;
  /** Individual held by a patient now that was delivered the most times (one holder per delivery), and how many. */
  indNo: number;
  indDeliveries: number;
  /** Prescriber with the most orders, and how many. */
  prescriberId: string;
  prescriberOrders: number;
  /** Residents who received orders: patients for order.place where the register search finds none. */
  orderingPnrs: string[];
  /** Orders placed by earlier bench runs in a reused data dir (idempotency key `bench.`), left out of the picks. */
  benchOrders: number;
  scanS: number;
}

export interface ColdStartFigures {
  /** Spawn to the ready line, and the engine's own figure (process start to serving). */
  readyWallS: number;
  readySelfS: number;
  /** After SETTLE_MS idle. */
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  lmdbDiskMb: number;
  lmdbFileMb: number;
  /** Online backup beside the running engine (engine/store/lmdb-backup.ts backupDataDir, as `npm run backup`). */
  backupS: number;
  backupMb: number;
  /** RSS at the end of the run, after every load. */
  rssEndMb?: number;
}

/** One 1x1 latency probe of a single op against the engine, and the echo of the same frames just before. */
export interface LatencyRow {
  label: string;
  op: string;
  /** True when every reply waited for an access-log write (fsync) before it was sent. */
  accessLogged: boolean;
  requests: number;
  errors: number;
  p50Us: number;
  p99Us: number;
  echoP50Us: number;
  echoP99Us: number;
  /** Echo p99 + LATENCY_BUDGET_US. */
  budgetUs: number;
  pass: boolean;
  /** Why the probe did not run at 1x1 (one call took longer than PROBE_CALL_MS_MAX): the figures are that call's. */
  skipped?: string;
}

/** One 16x16 workload at one engine (history or demo), with the echo of the same frames and the engine's GC. */
export interface LoadFigures {
  throughputPerS: number;
  p50Us: number;
  p99Us: number;
  errors: number;
  engineCpuPct: number;
  gcCount: number;
  gcMaxMs: number;
  /** Share of the run's wall time the engine spent in GC pauses, %. */
  gcSharePct: number;
}

export interface ThroughputRow {
  workload: string;
  shape: string;
  history: LoadFigures;
  demo: LoadFigures;
  echoThroughputPerS: number;
  echoP99Us: number;
  /** (history - demo) / demo, %: negative is slower at history. */
  throughputDiffPct: number;
  p99DiffPct: number;
  /** Throughput within HOT_PATH_SLOWDOWN_PCT_MAX of demo. */
  within: boolean;
}

/** GC pauses in the engine over a stretch of read load. */
export interface GcFigures {
  label: string;
  wallS: number;
  count: number;
  maxMs: number;
  totalMs: number;
  sharePct: number;
}

export interface HistoryResult {
  scale: string;
  startedAt: string;
  elapsedS: number;
  machine: MachineInfo;
  git: { commit: string; dirty: boolean };
  command: string;
  dataDirReused: boolean;
  /** First start on an empty data dir (seeding), when this run did it. */
  seedingS: number | null;
  data: DataSize;
  subjects: Subjects;
  coldStart: ColdStartFigures;
  /** The article whose stock ledger the ledger probe pages (filled to JOURNAL_CHANGES changes before the clock). */
  ledger: { artNo: string; pages: number };
  latency: LatencyRow[];
  throughput: ThroughputRow[];
  gc: GcFigures[];
  notes: string[];
}
