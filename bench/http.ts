// HTTP figures: autocannon against the engine's /health (and its read API, where present) and against a raw uWS
// HTTP hello server, same shapes, same run. autocannon runs in this process, so its own ceiling is printed too.
import autocannon from 'autocannon';
import { cpuWindow } from './proc-stats.ts';

export interface HttpShape {
  connections: number;
  pipelining: number;
}

export const HTTP_SHAPES: readonly HttpShape[] = [
  { connections: 32, pipelining: 1 },
  { connections: 32, pipelining: 8 },
];

/**
 * Read endpoints benchmarked when the engine answers them with 200 + JSON; {artNo} and {isoCode} are filled with
 * real data sampled from the engine. An issue that adds an HTTP read endpoint lists it here.
 */
export const API_READ_CANDIDATES: readonly string[] = [
  '/api/articles/{artNo}',
  '/api/iso/{isoCode}?limit=50',
  '/api/search?q=rollator',
];

export interface HttpOptions {
  engineUrl: string;
  enginePid: number;
  helloUrl: string;
  helloPid: number;
  artNo: string;
  isoCode: string;
  shapes: readonly HttpShape[];
  durationS: number;
  warmupS: number;
  progress?: (line: string) => void;
}

export interface HttpRow {
  target: 'engine' | 'hello';
  path: string;
  connections: number;
  pipelining: number;
  /** 2xx responses per second. */
  throughputPerS: number;
  latencyMsP50: number;
  latencyMsP99: number;
  latencyMsMax: number;
  errors: number;
  non2xx: number;
  serverCpuPct: number;
  /** Throughput / the hello server's at the same shape. */
  ratioToHello?: number;
}

export interface HttpResult {
  rows: HttpRow[];
  /** Candidate API paths the engine did not serve (404 or not JSON): not benchmarked. */
  apiPathsAbsent: string[];
  /** autocannon records latency in whole milliseconds: p50 0 means under 1 ms. */
  latencyResolutionMs: number;
  /** Requests per second of autocannon's own CPU (one process): rows near it measure autocannon, not the server. */
  clientCeilingPerS: number;
}

async function probeJson(url: string): Promise<boolean> {
  try {
    const res = await fetch(url);
    await res.arrayBuffer();
    return res.status === 200 && (res.headers.get('content-type') ?? '').includes('json');
  } catch {
    return false;
  }
}

async function cannon(
  url: string,
  shape: HttpShape,
  durationS: number,
  pid: number,
): Promise<Omit<HttpRow, 'target' | 'path'> & { clientCpuS: number }> {
  const server = cpuWindow(pid);
  const cpuStart = process.cpuUsage();
  server.start();
  const r = await autocannon({
    url,
    connections: shape.connections,
    pipelining: shape.pipelining,
    duration: durationS,
  });
  server.end();
  const cpu = process.cpuUsage(cpuStart);
  return {
    connections: shape.connections,
    pipelining: shape.pipelining,
    throughputPerS: Math.round(r['2xx'] / durationS),
    latencyMsP50: r.latency.p50,
    latencyMsP99: r.latency.p99,
    latencyMsMax: r.latency.max,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    serverCpuPct: server.pct(),
    clientCpuS: (cpu.user + cpu.system) / 1e6,
  };
}

export async function runHttp(o: HttpOptions): Promise<HttpResult> {
  const apiPaths: string[] = [];
  const apiPathsAbsent: string[] = [];
  for (const candidate of API_READ_CANDIDATES) {
    const p = candidate.replace('{artNo}', o.artNo).replace('{isoCode}', encodeURIComponent(o.isoCode));
    if (await probeJson(`${o.engineUrl}${p}`)) apiPaths.push(p);
    else apiPathsAbsent.push(candidate);
  }
  const targets: Array<{ target: HttpRow['target']; path: string; base: string; pid: number }> = [
    { target: 'hello', path: '/', base: o.helloUrl, pid: o.helloPid },
    { target: 'engine', path: '/health', base: o.engineUrl, pid: o.enginePid },
    ...apiPaths.map((p) => ({ target: 'engine' as const, path: p, base: o.engineUrl, pid: o.enginePid })),
  ];
  const rows: HttpRow[] = [];
  let clientCpuS = 0;
  let requestsTotal = 0;
  for (const shape of o.shapes) {
    let helloPerS = 0;
    for (const t of targets) {
      if (o.warmupS > 0)
        await autocannon({
          url: `${t.base}${t.path}`,
          connections: shape.connections,
          pipelining: shape.pipelining,
          duration: o.warmupS,
        });
      const { clientCpuS: cpuS, ...figures } = await cannon(`${t.base}${t.path}`, shape, o.durationS, t.pid);
      clientCpuS += cpuS;
      requestsTotal += figures.throughputPerS * o.durationS;
      const row: HttpRow = { target: t.target, path: t.path, ...figures };
      if (t.target === 'hello') helloPerS = row.throughputPerS;
      else if (helloPerS > 0) row.ratioToHello = Math.round((row.throughputPerS / helloPerS) * 1000) / 1000;
      rows.push(row);
      o.progress?.(
        `  ${t.target.padEnd(6)} ${t.path.padEnd(22)} c${shape.connections} p${shape.pipelining}: ${row.throughputPerS} req/s ` +
          `p50 ${row.latencyMsP50} ms p99 ${row.latencyMsP99} ms errors ${row.errors + row.non2xx} server cpu ${row.serverCpuPct}%`,
      );
    }
  }
  return {
    rows,
    apiPathsAbsent,
    latencyResolutionMs: 1,
    clientCeilingPerS: clientCpuS > 0 ? Math.round(requestsTotal / clientCpuS) : 0,
  };
}
