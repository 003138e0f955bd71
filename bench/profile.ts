// Profiles the engine under one workload: starts it with --cpu-prof, drives the workload, stops it, and prints the
// functions with the most self time (and the files). Usage:
//   node --import tsx bench/profile.ts <workload name> [connections] [pipeline] [seconds] [engine-child.ts of a patched copy]
// The .cpuprofile is kept (path printed) for Chrome DevTools / speedscope.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad } from './driver/load.ts';
import { loginTokens, sampleCatalog, sampleOrdering } from './engine-client.ts';
import { REPO_ROOT, startBenchEngine, tempDir } from './start-engine.ts';
import { buildWorkload, WORKLOADS } from './workloads.ts';
// Issue 14, Lager and Ändringslogg:
import { prepareJournal } from './journal-bench.ts';

const TOP_FUNCTIONS = 30;
const TOP_FILES = 15;
const TOP_INCLUSIVE = 30;
const WARMUP_MS = 1_000;
/** Who places the profiled orders and who tops up their stock (as bench/run.ts). */
const ORDER_PRESCRIBER = 'ot1';
const ORDER_STOCK_KEEPER = 'hmc1';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  selfMs: number;
  selfPct: number;
}

/** Monotonic clock in µs: the clock V8 stamps profile samples with (CLOCK_MONOTONIC on Linux, like process.hrtime). */
export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

/**
 * Self time per function (summed over call sites) and per file, from a V8 .cpuprofile; with a window, only samples
 * taken inside it (so start-up and seeding do not dilute the load's profile).
 */
export function selfTimes(
  profile: CpuProfile,
  window?: { startUs: number; endUs: number },
): { functions: SelfTime[]; files: SelfTime[]; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let atUs = profile.startTime;
  for (let k = 0; k < profile.samples.length; k++) {
    const deltaUs = profile.timeDeltas[k] ?? 0;
    atUs += deltaUs;
    if (window !== undefined && (atUs < window.startUs || atUs > window.endUs)) continue;
    const id = profile.samples[k]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + deltaUs);
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fnAgg = new Map<string, SelfTime>();
  const fileAgg = new Map<string, SelfTime>();
  const rel = (url: string): string => {
    const p = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
    return p.startsWith(REPO_ROOT) ? path.relative(REPO_ROOT, p) : p || '(native)';
  };
  for (const [id, us] of selfUs) {
    const cf = byId.get(id)!.callFrame;
    const file = rel(cf.url);
    const name = cf.functionName || '(anonymous)';
    const where = cf.url === '' ? '' : `${file}:${cf.lineNumber + 1}`;
    const key = `${name}@${where}`;
    const f = fnAgg.get(key) ?? { name, where, selfMs: 0, selfPct: 0 };
    f.selfMs += us / 1000;
    fnAgg.set(key, f);
    const g = fileAgg.get(file) ?? { name: file, where: '', selfMs: 0, selfPct: 0 };
    g.selfMs += us / 1000;
    fileAgg.set(file, g);
  }
  const finish = (list: SelfTime[]): SelfTime[] =>
    list
      .map((x) => ({
        ...x,
        selfMs: Math.round(x.selfMs),
        selfPct: Math.round((x.selfMs / (totalUs / 1000)) * 1000) / 10,
      }))
      .sort((a, b) => b.selfMs - a.selfMs);
  return {
    functions: finish([...fnAgg.values()]),
    files: finish([...fileAgg.values()]),
    totalMs: Math.round(totalUs / 1000),
  };
}

/**
 * Time with each function of the project (not node_modules, not Node's own) anywhere on the stack, once per sample:
 * self times split a cost such as msgpack encoding over library functions, this says which of our calls it is under
 * (e.g. the LMDB append or the reply). Under tsx every line number reads 1, so functions go by name and file.
 */
export function inclusiveTimes(profile: CpuProfile, window?: { startUs: number; endUs: number }): SelfTime[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
  const ours = (url: string): boolean =>
    url.startsWith('file://') &&
    decodeURIComponent(new URL(url).pathname).startsWith(REPO_ROOT) &&
    !url.includes('/node_modules/');
  const totalUs = new Map<string, number>();
  let sampledUs = 0;
  let atUs = profile.startTime;
  for (let k = 0; k < profile.samples.length; k++) {
    const deltaUs = profile.timeDeltas[k] ?? 0;
    atUs += deltaUs;
    if (window !== undefined && (atUs < window.startUs || atUs > window.endUs)) continue;
    sampledUs += deltaUs;
    const onStack = new Set<string>();
    for (let id: number | undefined = profile.samples[k]; id !== undefined; id = parentOf.get(id)) {
      const cf = byId.get(id)!.callFrame;
      if (ours(cf.url))
        onStack.add(
          `${cf.functionName || '(anonymous)'}@${path.relative(REPO_ROOT, decodeURIComponent(new URL(cf.url).pathname))}`,
        );
    }
    for (const key of onStack) totalUs.set(key, (totalUs.get(key) ?? 0) + deltaUs);
  }
  return [...totalUs]
    .map(([key, us]) => {
      const at = key.lastIndexOf('@');
      return {
        name: key.slice(0, at),
        where: key.slice(at + 1),
        selfMs: Math.round(us / 1000),
        selfPct: Math.round((us / sampledUs) * 1000) / 10,
      };
    })
    .sort((a, b) => b.selfMs - a.selfMs);
}

async function main(): Promise<void> {
  const [name = 'stock.get', c = '16', p = '16', s = '6', childScript] = process.argv.slice(2);
  const spec = WORKLOADS.find((w) => w.name === name);
  if (spec === undefined)
    throw new Error(`unknown workload ${name}; one of: ${WORKLOADS.map((w) => w.name).join(', ')}`);
  const profDir = tempDir('cpuprof');
  const window = { startUs: 0, endUs: 0 };
  const engine = await startBenchEngine({
    scale: 'demo',
    nodeFlags: ['--cpu-prof', '--cpu-prof-dir', profDir],
    ...(childScript !== undefined ? { childScript: path.resolve(childScript) } : {}),
  });
  try {
    const tokens = await loginTokens(engine.wsUrl, [spec.username, ORDER_PRESCRIBER, ORDER_STOCK_KEEPER, 'admin']);
    const catalog = await sampleCatalog(engine.wsUrl, tokens[spec.username]!);
    // Workloads that place orders need patients and stocked articles; sampling them tops the stock up.
    if (spec.kind !== 'read')
      catalog.ordering = await sampleOrdering(engine.wsUrl, tokens[ORDER_PRESCRIBER]!, tokens[ORDER_STOCK_KEEPER]!);
    // Issue 14: the journal reads need an article with a long ledger (and a change log) first.
    if (spec.name === 'stock.ledger' || spec.name === 'admin.changeLog') {
      const ordering = await sampleOrdering(engine.wsUrl, tokens[ORDER_PRESCRIBER]!, tokens[ORDER_STOCK_KEEPER]!);
      catalog.journal = await prepareJournal(engine.wsUrl, tokens.admin!, ordering.artNos[0]!);
    }
    const r = await runLoad({
      url: engine.wsUrl,
      connections: Number(c),
      pipeline: Number(p),
      warmupMs: WARMUP_MS,
      durationMs: Number(s) * 1000,
      mode: 'reply',
      encoding: 'msgpack',
      workload: buildWorkload(spec, catalog),
      // Order workloads need a ring of unique idempotency keys, or the ring's repeats are answered as replays.
      ...(spec.ringFrames !== undefined ? { ringFrames: spec.ringFrames } : {}),
      setup: () => [{ op: 'session.resume', args: { token: tokens[spec.username] } }],
      onWindow: (edge) => {
        if (edge === 'start') window.startUs = monotonicUs();
        else window.endUs = monotonicUs();
      },
    });
    process.stdout.write(
      `${name} ${c}x${p}: ${r.throughputPerS}/s p50 ${r.latencyUs.p50} us p99 ${r.latencyUs.p99} us errors ${r.errors}\n`,
    );
  } finally {
    await engine.stop();
    fs.rmSync(engine.dataDir, { recursive: true, force: true });
  }
  // The main thread's profile is written first (.0.001); worker threads', if any, after it.
  const file = fs
    .readdirSync(profDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()[0];
  if (file === undefined) throw new Error('no .cpuprofile written');
  const profile = JSON.parse(fs.readFileSync(path.join(profDir, file), 'utf8')) as CpuProfile;
  const { functions, files, totalMs } = selfTimes(profile, window);
  process.stdout.write(
    `profile ${path.join(profDir, file)}: ${totalMs} ms sampled in the measured window\n\nself %  self ms  function  (file:line)\n`,
  );
  for (const f of functions.slice(0, TOP_FUNCTIONS))
    process.stdout.write(`${String(f.selfPct).padStart(6)} ${String(f.selfMs).padStart(8)}  ${f.name}  ${f.where}\n`);
  process.stdout.write('\nself %  self ms  file\n');
  for (const f of files.slice(0, TOP_FILES))
    process.stdout.write(`${String(f.selfPct).padStart(6)} ${String(f.selfMs).padStart(8)}  ${f.name}\n`);
  process.stdout.write('\ntotal %  total ms  project function on the stack  (file)\n');
  for (const f of inclusiveTimes(profile, window).slice(0, TOP_INCLUSIVE))
    process.stdout.write(`${String(f.selfPct).padStart(7)} ${String(f.selfMs).padStart(9)}  ${f.name}  ${f.where}\n`);
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1]);
if (isMain) {
  main().catch((error: unknown) => {
    process.stderr.write(`profile failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
