// The shape of bench/results/<name>.json: machine, versions, settings and every figure of one run.
import type { FsyncResult } from './fsync.ts';
import type { HttpResult } from './http.ts';
import type { InProcessResult } from './in-process.ts';
import type { PubSubResult } from './pubsub.ts';
import type { ColdStart, ScaleProbeRow } from './scale.ts';
import type { SeedScale } from './start-engine.ts';
import type { WsPair } from './ws-suite.ts';

export interface MachineInfo {
  platform: string;
  arch: string;
  cpuModel: string;
  cpus: number;
  memoryGb: number;
  node: string;
  /** 1-minute load average at start and end: other processes on the machine show up here (and as noise in the figures). */
  loadAvgStart: number;
  loadAvgEnd: number;
  /** Linux PSI cpu `some avg60` (%): how much of the last minute runnable tasks waited for a core. */
  cpuPressureStart: number;
  cpuPressureEnd: number;
}

export interface TargetRow {
  figure: string;
  target: string;
  measured: string;
  /** null: not measured in this run. */
  met: boolean | null;
}

export interface BenchResults {
  name: string;
  startedAt: string;
  elapsedS: number;
  machine: MachineInfo;
  git: { commit: string; dirty: boolean };
  /** Seed scale of the engine behind the WebSocket, pub/sub and HTTP figures. */
  dataScale: SeedScale;
  settings: Record<string, unknown>;
  /** Highest driver ceiling (successful requests per driver CPU-second) seen over the echo runs. */
  driverCeilingPerS: number;
  ws: WsPair[];
  pubsub: PubSubResult | null;
  /** The staff order feed (`orders` topic, paced order.place writer); absent in runs from before it existed. */
  feed?: PubSubResult | null;
  fsync: FsyncResult | null;
  inProcess: InProcessResult | null;
  http: HttpResult | null;
  coldStarts: ColdStart[];
  scaleProbe: ScaleProbeRow[];
  search: { markdown?: string; result?: unknown; note: string } | null;
  targets: TargetRow[];
  notes: string[];
}
