// Reads what a test needs from a PDF that Chromium's page.pdf() wrote (Skia's writer: plain objects, Flate streams,
// Type0 fonts with a ToUnicode CMap): each page's MediaBox and its text, in the order it is drawn. Not a general PDF
// parser — no object streams, no encryption, no other encodings — but enough to prove what a printed page says.
import zlib from 'node:zlib';

export interface PdfPage {
  /** [x0, y0, x1, y1] in points (1/72 inch). */
  mediaBox: number[];
  /** The page's text, a line per baseline (runs on one baseline joined). */
  text: string;
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const body = m[2];
    const at = body.indexOf('stream');
    if (at === -1) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    let start = m.index + m[0].indexOf(body) + at + 'stream'.length;
    if (text[start] === '\r') start++;
    if (text[start] === '\n') start++;
    const raw = pdf.subarray(start, text.indexOf('endstream', start));
    objects.set(Number(m[1]), { dict, stream: /FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw });
  }
  return objects;
}

/** A ToUnicode CMap: glyph code (hex) → text, from its bfchar and bfrange sections. */
function readCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexText = (hex: string) =>
    String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, uni] of section[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(code.toUpperCase(), hexText(uni));
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, uni] of section[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = Number.parseInt(from, 16);
      const base = Number.parseInt(uni, 16);
      for (let code = first; code <= Number.parseInt(to, 16); code++)
        map.set(code.toString(16).toUpperCase().padStart(4, '0'), String.fromCodePoint(base + code - first));
    }
  }
  return map;
}

/** The page's font resource names → their ToUnicode maps. */
function pageFonts(objects: Map<number, PdfObject>, pageDict: string): Map<string, Map<string, string>> {
  const fonts = new Map<string, Map<string, string>>();
  const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(pageDict)?.[1] ?? '';
  for (const [, name, ref] of fontDict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
    const font = objects.get(Number(ref))?.dict ?? '';
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(font)?.[1];
    const cmap = toUnicode === undefined ? null : objects.get(Number(toUnicode))?.stream;
    fonts.set(name, cmap ? readCMap(cmap.toString('latin1')) : new Map());
  }
  return fonts;
}

/**
 * The text of a content stream, a line per baseline: `/F 12 Tf` picks the font, `… x y Tm` places a run, `<…> Tj` and
 * `[<…> n <…>] TJ` draw glyphs. Skia splits a word where kerning or letter-spacing moves a glyph, so runs on the same
 * baseline are joined without a space (cells of one table row run together: assert on substrings).
 */
function contentText(content: string, fonts: Map<string, Map<string, string>>): string {
  let out = '';
  let font = new Map<string, string>();
  let y: string | null = null;
  let lineY: string | null = null;
  const decode = (hex: string) =>
    (hex.match(/.{4}/g) ?? []).map((code) => font.get(code.toUpperCase()) ?? '\ufffd').join('');
  const put = (text: string) => {
    out += lineY === null || y === lineY ? text : `\n${text}`;
    lineY = y;
  };
  const ops = /\/(\w+)\s+[\d.]+\s+Tf|[-\d.]+\s+([-\d.]+)\s+Tm|<([0-9A-Fa-f]*)>\s*Tj|\[([^\]]*)\]\s*TJ/g;
  for (const m of content.matchAll(ops)) {
    if (m[1] !== undefined) font = fonts.get(m[1]) ?? new Map();
    else if (m[2] !== undefined) y = m[2];
    else if (m[3] !== undefined) put(decode(m[3]));
    else put([...m[4].matchAll(/<([0-9A-Fa-f]*)>/g)].map((h) => decode(h[1])).join(''));
  }
  return out;
}

/** Every page of the PDF, in page-tree order as written (Skia writes them in order). */
export function readPdf(pdf: Buffer): PdfPage[] {
  const objects = readObjects(pdf);
  const pages: PdfPage[] = [];
  for (const { dict } of objects.values()) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(dict)) continue;
    const mediaBox = (/\/MediaBox\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '').trim().split(/\s+/).map(Number);
    const refs = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? '';
    const fonts = pageFonts(objects, dict);
    const text = [...refs.matchAll(/(\d+) 0 R/g)]
      .map((r) => contentText(objects.get(Number(r[1]))?.stream?.toString('latin1') ?? '', fonts))
      .join('\n');
    pages.push({ mediaBox, text });
  }
  return pages;
}
