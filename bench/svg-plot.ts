// A self-contained SVG plot of latency (p50 solid, p99 dashed; log scale) against throughput (log scale), one
// colour per series. No dependencies and no external service: the report embeds the file it writes.

export interface PlotPoint {
  throughputPerS: number;
  p50Us: number;
  p99Us: number;
  /** Short label drawn beside the p50 marker, e.g. the shape `16x16`. */
  label?: string;
}

export interface PlotSeries {
  name: string;
  points: PlotPoint[];
}

export interface PlotOptions {
  title: string;
  width?: number;
  height?: number;
}

const PALETTE = [
  '#222222',
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
];
const MARGIN = { left: 70, right: 200, top: 40, bottom: 50 };
const DEFAULT_WIDTH = 900;
const DEFAULT_HEIGHT = 520;
const MINOR_TICKS = [2, 5];

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fmtTick(v: number, unit: string): string {
  if (unit === 'us') {
    if (v >= 1e6) return `${v / 1e6} s`;
    if (v >= 1e3) return `${v / 1e3} ms`;
    return `${v} µs`;
  }
  if (v >= 1e6) return `${v / 1e6}M`;
  if (v >= 1e3) return `${v / 1e3}k`;
  return String(v);
}

/** Decade bounds [10^lo, 10^hi] covering every positive value. */
function decades(values: number[]): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return [0, 1];
  const lo = Math.floor(Math.log10(Math.min(...positive)));
  const hi = Math.ceil(Math.log10(Math.max(...positive)));
  return [lo, hi === lo ? lo + 1 : hi];
}

interface Frame {
  width: number;
  height: number;
  plotW: number;
  plotH: number;
  xLo: number;
  xHi: number;
  yLo: number;
  yHi: number;
  /** Throughput and latency to pixels, log scales clamped at the lowest decade. */
  x: (v: number) => number;
  y: (v: number) => number;
}

function frameOf(series: readonly PlotSeries[], options: PlotOptions): Frame {
  const width = options.width ?? DEFAULT_WIDTH;
  const height = options.height ?? DEFAULT_HEIGHT;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const all = series.flatMap((s) => s.points);
  const [xLo, xHi] = decades(all.map((p) => p.throughputPerS));
  const [yLo, yHi] = decades(all.flatMap((p) => [p.p50Us, p.p99Us]));
  const x = (v: number): number => MARGIN.left + ((Math.log10(Math.max(v, 10 ** xLo)) - xLo) / (xHi - xLo)) * plotW;
  const y = (v: number): number =>
    MARGIN.top + plotH - ((Math.log10(Math.max(v, 10 ** yLo)) - yLo) / (yHi - yLo)) * plotH;
  return { width, height, plotW, plotH, xLo, xHi, yLo, yHi, x, y };
}

function gridAndAxes(f: Frame): string[] {
  const out: string[] = [];
  // Grid and ticks: a line per decade, lighter lines at 2x and 5x.
  for (let d = f.xLo; d <= f.xHi; d++) {
    const v = 10 ** d;
    out.push(`<line x1="${f.x(v)}" y1="${MARGIN.top}" x2="${f.x(v)}" y2="${MARGIN.top + f.plotH}" stroke="#cccccc"/>`);
    out.push(`<text x="${f.x(v)}" y="${MARGIN.top + f.plotH + 18}" text-anchor="middle">${fmtTick(v, 'rate')}</text>`);
    if (d < f.xHi)
      for (const m of MINOR_TICKS)
        out.push(
          `<line x1="${f.x(m * v)}" y1="${MARGIN.top}" x2="${f.x(m * v)}" y2="${MARGIN.top + f.plotH}" stroke="#eeeeee"/>`,
        );
  }
  for (let d = f.yLo; d <= f.yHi; d++) {
    const v = 10 ** d;
    out.push(
      `<line x1="${MARGIN.left}" y1="${f.y(v)}" x2="${MARGIN.left + f.plotW}" y2="${f.y(v)}" stroke="#cccccc"/>`,
    );
    out.push(`<text x="${MARGIN.left - 8}" y="${f.y(v) + 4}" text-anchor="end">${fmtTick(v, 'us')}</text>`);
    if (d < f.yHi)
      for (const m of MINOR_TICKS)
        out.push(
          `<line x1="${MARGIN.left}" y1="${f.y(m * v)}" x2="${MARGIN.left + f.plotW}" y2="${f.y(m * v)}" stroke="#eeeeee"/>`,
        );
  }
  out.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${f.plotW}" height="${f.plotH}" fill="none" stroke="#444444"/>`,
  );
  out.push(
    `<text x="${MARGIN.left + f.plotW / 2}" y="${f.height - 12}" text-anchor="middle">throughput (successful replies per second, log scale)</text>`,
  );
  out.push(
    `<text transform="translate(16 ${MARGIN.top + f.plotH / 2}) rotate(-90)" text-anchor="middle">latency (log scale)</text>`,
  );

  return out;
}

/** One series: p50 line with dots, p99 dashed with squares, shape labels, and its legend entry. */
function seriesMarks(s: PlotSeries, i: number, f: Frame): string[] {
  const out: string[] = [];
  const color = PALETTE[i % PALETTE.length]!;
  const pts = s.points.filter((p) => p.throughputPerS > 0);
  if (pts.length === 0) return [];
  const path = (key: 'p50Us' | 'p99Us'): string =>
    pts.map((p, k) => `${k === 0 ? 'M' : 'L'}${f.x(p.throughputPerS).toFixed(1)},${f.y(p[key]).toFixed(1)}`).join(' ');
  out.push(`<path d="${path('p50Us')}" fill="none" stroke="${color}" stroke-width="2"/>`);
  out.push(`<path d="${path('p99Us')}" fill="none" stroke="${color}" stroke-width="1.5" stroke-dasharray="6 4"/>`);
  for (const p of pts) {
    out.push(
      `<circle cx="${f.x(p.throughputPerS).toFixed(1)}" cy="${f.y(p.p50Us).toFixed(1)}" r="3.5" fill="${color}"><title>${esc(`${s.name} ${p.label ?? ''}: ${Math.round(p.throughputPerS)}/s, p50 ${p.p50Us} µs`)}</title></circle>`,
    );
    out.push(
      `<rect x="${(f.x(p.throughputPerS) - 3).toFixed(1)}" y="${(f.y(p.p99Us) - 3).toFixed(1)}" width="6" height="6" fill="none" stroke="${color}"><title>${esc(`${s.name} ${p.label ?? ''}: p99 ${p.p99Us} µs`)}</title></rect>`,
    );
    if (p.label !== undefined)
      out.push(
        `<text x="${(f.x(p.throughputPerS) + 5).toFixed(1)}" y="${(f.y(p.p50Us) + 13).toFixed(1)}" font-size="9" fill="${color}">${esc(p.label)}</text>`,
      );
  }
  const ly = MARGIN.top + 10 + i * 20;
  const lx = MARGIN.left + f.plotW + 15;
  out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 24}" y2="${ly}" stroke="${color}" stroke-width="2"/>`);
  out.push(`<text x="${lx + 30}" y="${ly + 4}">${esc(s.name)}</text>`);
  return out;
}

/** The key saying which line is p50 and which p99, below the legend. */
function keyLines(f: Frame, seriesCount: number): string[] {
  const out: string[] = [];
  const ky = MARGIN.top + 20 + seriesCount * 20;
  const kx = MARGIN.left + f.plotW + 15;
  out.push(
    `<line x1="${kx}" y1="${ky}" x2="${kx + 24}" y2="${ky}" stroke="#666666" stroke-width="2"/><text x="${kx + 30}" y="${ky + 4}">p50 (●)</text>`,
  );
  out.push(
    `<line x1="${kx}" y1="${ky + 18}" x2="${kx + 24}" y2="${ky + 18}" stroke="#666666" stroke-width="1.5" stroke-dasharray="6 4"/><text x="${kx + 30}" y="${ky + 22}">p99 (□)</text>`,
  );
  return out;
}

export function latencyThroughputSvg(series: readonly PlotSeries[], options: PlotOptions): string {
  const f = frameOf(series, options);
  const { width, height } = f;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${MARGIN.left}" y="22" font-size="15" font-weight="bold">${esc(options.title)}</text>`);
  out.push(...gridAndAxes(f));
  series.forEach((s, i) => {
    out.push(...seriesMarks(s, i, f));
  });
  out.push(...keyLines(f, series.length));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
