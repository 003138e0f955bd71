// Scale: seeding and cold start (seconds to ready, RSS, heap, LMDB bytes on disk) and how read latency and write
// throughput change with the data size. The first start on an empty DATA_DIR seeds, so the cold start is the second.
import fs from 'node:fs';
import path from 'node:path';
import { runLoad } from './driver/load.ts';
import { loginTokens, sampleCatalog } from './engine-client.ts';
import { diskBytes, processRssBytes } from './proc-stats.ts';
import { startBenchEngine, tempDir, type BenchEngine, type SeedScale } from './start-engine.ts';
import { buildWorkload, shapeName, WORKLOADS, type Shape } from './workloads.ts';

const MB = 2 ** 20;
/**
 * Idle time after a cold start before the probe: right after loading a big heap V8 runs its follow-up major GCs
 * (up to ~10 ms pauses at `large`), which would be charged to the first requests.
 */
const SETTLE_MS = 3_000;
/** What the scale table compares: a cheap read, the article page, and the durable write. */
export const SCALE_WORKLOADS: readonly string[] = ['stock.get', 'catalog.article', 'admin.stockAdjust'];
export const SCALE_SHAPES: readonly Shape[] = [
  { connections: 1, pipeline: 1 },
  { connections: 16, pipeline: 16 },
];

export interface ColdStart {
  scale: SeedScale;
  /** First start on an empty DATA_DIR: generate + write every table, then serve. */
  seedingWallS: number;
  seedingRssMb: number;
  /** Second start on the same DATA_DIR: what a restart costs. Wall = spawn to ready line; self = the engine's own figure. */
  readyWallS: number;
  readySelfS: number;
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  /** LMDB file: bytes allocated on disk, and its apparent size. */
  lmdbDiskMb: number;
  lmdbFileMb: number;
}

export interface ScaleProbeRow {
  scale: SeedScale;
  workload: string;
  shape: string;
  throughputPerS: number;
  latencyUsP50: number;
  latencyUsP99: number;
  errors: number;
}

export interface ScaleResult {
  coldStarts: ColdStart[];
  probe: ScaleProbeRow[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Start again on a DATA_DIR that holds data (the cold start) and measure; the engine is left running. */
export async function restartForColdStart(
  scale: SeedScale,
  dataDir: string,
  seeding: { wallS: number; rssMb: number },
): Promise<{ figures: ColdStart; engine: BenchEngine }> {
  const engine = await startBenchEngine({ scale, dataDir });
  const mem = await engine.memory();
  const file = path.join(dataDir, 'aidstock.mdb');
  const figures: ColdStart = {
    scale,
    seedingWallS: seeding.wallS,
    seedingRssMb: seeding.rssMb,
    readyWallS: engine.readyWallS,
    readySelfS: engine.readySelfS,
    rssMb: round1(mem.rss / MB),
    heapUsedMb: round1(mem.heapUsed / MB),
    heapTotalMb: round1(mem.heapTotal / MB),
    externalMb: round1(mem.external / MB),
    lmdbDiskMb: round1(diskBytes(dataDir) / MB),
    lmdbFileMb: round1((fs.existsSync(file) ? fs.statSync(file).size : 0) / MB),
  };
  return { figures, engine };
}

/** Seed a fresh DATA_DIR, stop, start again: returns the figures and the engine still running on the cold start. */
export async function coldStart(
  scale: SeedScale,
  progress?: (line: string) => void,
): Promise<{ figures: ColdStart; engine: BenchEngine }> {
  const dataDir = tempDir(`scale-${scale}`);
  progress?.(`  ${scale}: seeding a fresh temp DATA_DIR ...`);
  const seeding = await startBenchEngine({ scale, dataDir });
  const seedingRssMb = round1(processRssBytes(seeding.pid) / MB);
  await seeding.stop();
  progress?.(`  ${scale}: seeded in ${seeding.readyWallS} s; restarting on the same data for the cold start`);
  const started = await restartForColdStart(scale, dataDir, { wallS: seeding.readyWallS, rssMb: seedingRssMb });
  progress?.(describeColdStart(started.figures));
  return started;
}

export function describeColdStart(c: ColdStart): string {
  return (
    `  ${c.scale}: cold start ${c.readyWallS} s to ready (engine says ${c.readySelfS} s), rss ${c.rssMb} MB, ` +
    `heap ${c.heapUsedMb} MB, LMDB ${c.lmdbDiskMb} MB on disk`
  );
}

/** Engine-only runs of SCALE_WORKLOADS x SCALE_SHAPES against a running engine, with data sampled from it. */
export async function scaleProbe(
  engine: BenchEngine,
  scale: SeedScale,
  warmupMs: number,
  durationMs: number,
  progress?: (line: string) => void,
): Promise<ScaleProbeRow[]> {
  const specs = WORKLOADS.filter((w) => SCALE_WORKLOADS.includes(w.name));
  const tokens = await loginTokens(
    engine.wsUrl,
    specs.map((s) => s.username),
  );
  const catalog = await sampleCatalog(engine.wsUrl, tokens[specs[0]!.username]!);
  const rows: ScaleProbeRow[] = [];
  for (const spec of specs) {
    for (const shape of SCALE_SHAPES) {
      const r = await runLoad({
        url: engine.wsUrl,
        connections: shape.connections,
        pipeline: shape.pipeline,
        warmupMs,
        durationMs,
        mode: 'reply',
        encoding: 'msgpack',
        workload: buildWorkload(spec, catalog),
        setup: () => [{ op: 'session.resume', args: { token: tokens[spec.username] } }],
      });
      const row: ScaleProbeRow = {
        scale,
        workload: spec.name,
        shape: shapeName(shape),
        throughputPerS: r.throughputPerS,
        latencyUsP50: r.latencyUs.p50,
        latencyUsP99: r.latencyUs.p99,
        errors: r.errors,
      };
      rows.push(row);
      progress?.(
        `  ${scale} ${spec.name.padEnd(18)} ${row.shape.padEnd(6)} ${row.throughputPerS}/s p50 ${row.latencyUsP50} us p99 ${row.latencyUsP99} us err ${row.errors}`,
      );
    }
  }
  return rows;
}

/** Cold start at `scale` plus the probe on it; stops the engine and removes its data afterwards. */
export async function runScale(
  scale: SeedScale,
  warmupMs: number,
  durationMs: number,
  progress?: (line: string) => void,
): Promise<{ coldStart: ColdStart; probe: ScaleProbeRow[] }> {
  const { figures, engine } = await coldStart(scale, progress);
  try {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const probe = await scaleProbe(engine, scale, warmupMs, durationMs, progress);
    return { coldStart: figures, probe };
  } finally {
    await engine.stop();
    fs.rmSync(engine.dataDir, { recursive: true, force: true });
  }
}
