// Recall at scale (issue 15 item 7): how long recall.create takes when it touches RECALL_UNITS individuals (default
// 50 000), and what it costs the other requests the engine serves meanwhile (their p50/p99 before and while the recall
// runs). The engine runs as a process on an LMDB store prepared with the scale's generated data plus one rental
// article with that many units (bench/recall/recall-state.ts). Usage:
//   npm run bench:recall -- [demo|large] [units]
// Writes bench/results/recall-<scale>.json; the figures and the machine go into bench/results/recall.md by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchClient, loginTokens } from './engine-client.ts';
import { REPO_ROOT, startBenchEngine, tempDir, type SeedScale } from './start-engine.ts';
import { writeRecallStore } from './recall/recall-state.ts';

const scale = (process.argv[2] ?? 'demo') as SeedScale;
const UNITS = Number(process.argv[3] ?? 50_000);
/** Closed-loop clients reading meanwhile (catalog pages and searches, as prescribers do all day). */
const LOAD_CLIENTS = 8;
const BASELINE_MS = 4_000;
const AFTER_MS = 2_000;

interface Sample {
  startMs: number;
  ms: number;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function stats(samples: Sample[]) {
  const ms = samples.map((s) => s.ms);
  return {
    count: ms.length,
    p50: round(percentile(ms, 50)),
    p99: round(percentile(ms, 99)),
    max: round(Math.max(...ms)),
  };
}

/** Closed-loop readers until `stop()`; every reply's latency with its start time. */
async function startLoad(url: string, token: string, artNos: string[]) {
  const samples: Sample[] = [];
  let running = true;
  const clients = await Promise.all(Array.from({ length: LOAD_CLIENTS }, () => BenchClient.connect(url)));
  await Promise.all(clients.map((c) => c.call('session.resume', { token })));
  const loops = clients.map(async (client, c) => {
    for (let i = c; running; i++) {
      const startMs = performance.now();
      if (i % 2 === 0) await client.call('catalog.article', { artNo: artNos[i % artNos.length] });
      else await client.call('catalog.search', { text: ['rollator', 'rullstol', 'säng', 'dusch'][i % 4], limit: 20 });
      samples.push({ startMs, ms: performance.now() - startMs });
    }
  });
  return {
    samples,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      await Promise.all(clients.map((c) => c.close()));
    },
  };
}

async function main(): Promise<void> {
  const dataDir = tempDir('recall');
  const prepareStart = performance.now();
  const prepared = await writeRecallStore(dataDir, scale, UNITS);
  const prepareS = round((performance.now() - prepareStart) / 1000);
  console.log(`prepared ${scale} + ${UNITS} units of ${prepared.artNo} in ${prepareS} s`, prepared);
  const engine = await startBenchEngine({ scale, dataDir });
  try {
    const tokens = await loginTokens(engine.wsUrl, ['hmc1', 'ot1']);
    const staff = await BenchClient.connect(engine.wsUrl);
    await staff.call('session.resume', { token: tokens.hmc1 });
    const { hits } = await staff.call<{ hits: { artNo: string }[] }>('catalog.search', { text: 'rollator', limit: 50 });
    const load = await startLoad(
      engine.wsUrl,
      tokens.ot1!,
      hits.map((a) => a.artNo),
    );
    await new Promise((r) => setTimeout(r, BASELINE_MS));
    const previewStart = performance.now();
    const preview = await staff.call('recall.preview', { artNo: prepared.artNo });
    const previewMs = performance.now() - previewStart;
    const recallStart = performance.now();
    const created = await staff.call<{
      recall: { recallNo: number; holdersAtCreate: number; prescribersMessaged: number };
    }>('recall.create', { artNo: prepared.artNo, notice: 'Bänktest: bromsen kan släppa.' });
    const recallEnd = performance.now();
    const getStart = performance.now();
    await staff.call('recall.get', { recallNo: created.recall.recallNo, kind: 'patient', limit: 50 });
    const getMs = performance.now() - getStart;
    const listStart = performance.now();
    await staff.call('recall.list', {});
    const listMs = performance.now() - listStart;
    await new Promise((r) => setTimeout(r, AFTER_MS));
    await load.stop();
    await staff.close();
    const before = load.samples.filter((s) => s.startMs < previewStart);
    // Requests that overlapped the recall: started before it ended and ended after it started.
    const during = load.samples.filter((s) => s.startMs < recallEnd && s.startMs + s.ms > recallStart);
    const after = load.samples.filter((s) => s.startMs >= recallEnd);
    const result = {
      scale,
      units: UNITS,
      prepared,
      prepareS,
      engineReadyS: engine.readyWallS,
      engineRssMb: engine.readyRssMb,
      recall: created.recall,
      recallCreateMs: round(recallEnd - recallStart),
      recallPreviewMs: round(previewMs),
      recallGetPageMs: round(getMs),
      recallListMs: round(listMs),
      preview,
      otherRequests: { before: stats(before), during: stats(during), after: stats(after) },
      loadClients: LOAD_CLIENTS,
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model ?? '',
        node: process.version,
        memGb: round(os.totalmem() / 2 ** 30),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    fs.writeFileSync(
      path.join(REPO_ROOT, 'bench', 'results', `recall-${scale}.json`),
      `${JSON.stringify(result, null, 2)}\n`,
    );
  } finally {
    await engine.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
