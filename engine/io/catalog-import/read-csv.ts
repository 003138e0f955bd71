// An uploaded import file into rows: UTF-8 (with or without BOM) checked first, the delimiter (`;` as Swedish
// spreadsheet exports write it, or `,`) taken from the header line, the columns matched by name (docs/IMPORT.md),
// then csv-parse (streaming API) in small chunks with a yield between them, so a 100 000-row file never holds the
// engine's thread for more than a few milliseconds at a time. A file that is not a readable CSV of the documented
// columns gets one Swedish message and no rows.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { CsvError, parse } from 'csv-parse';
import { IMPORT_ROWS_MAX } from '../../../schemas/limits.ts';
import { IMPORT_COLUMNS, type ImportRecord } from '../../core/catalog-import/types.ts';

export type FileReading = { ok: true; records: ImportRecord[]; delimiter: ';' | ',' } | { ok: false; message: string };

/** Bytes parsed between two yields to the event loop (about a millisecond of csv-parse). */
const CHUNK_BYTES = 16 * 1024;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const CSV_MESSAGES: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'ett citattecken (") stängs aldrig',
  CSV_INVALID_CLOSING_QUOTE: 'tecken direkt efter ett avslutande citattecken',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'tecken direkt efter ett avslutande citattecken',
};

function refuse(message: string): FileReading {
  return { ok: false, message };
}

/** Why the bytes are not UTF-8 text, or null. */
function encodingProblem(bytes: Uint8Array): string | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return 'Filen är sparad som UTF-16. Spara den som "CSV UTF-8" och försök igen.';
  if (bytes.indexOf(0) >= 0) return 'Filen är ingen textfil (den innehåller binära data). Välj en CSV-fil.';
  try {
    UTF8.decode(bytes);
  } catch {
    return 'Filen är inte UTF-8-kodad (kanske Windows-1252/ANSI). Spara den som "CSV UTF-8" och försök igen.';
  }
  return null;
}

/** The header's delimiter: the one it uses more of (column names contain neither). */
function delimiterOf(bytes: Uint8Array): ';' | ',' {
  const end = bytes.indexOf(0x0a);
  const header = bytes.subarray(0, end < 0 ? bytes.length : end);
  let semicolons = 0;
  let commas = 0;
  for (const byte of header) {
    if (byte === 0x3b) semicolons++;
    else if (byte === 0x2c) commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/** Header names to the position of each documented column; or why the header is not the documented one. */
function columnPositions(header: readonly string[]): number[] | string {
  const names = header.map((name) => name.trim().toLowerCase());
  const wanted = IMPORT_COLUMNS.map((column) => column.toLowerCase());
  const unknown = names.filter((name) => name !== '' && !wanted.includes(name));
  if (unknown.length > 0) return `Okända kolumner: ${unknown.join(', ')}. Kolumnerna är: ${IMPORT_COLUMNS.join(', ')}.`;
  const twice = names.filter((name, i) => name !== '' && names.indexOf(name) !== i);
  if (twice.length > 0) return `Kolumnen ${twice[0]} står två gånger i rubrikraden.`;
  const missing = IMPORT_COLUMNS.filter((_, i) => !names.includes(wanted[i]!));
  if (missing.length > 0)
    return `Kolumner saknas i rubrikraden: ${missing.join(', ')}. Kolumnerna är: ${IMPORT_COLUMNS.join(', ')}.`;
  return wanted.map((name) => names.indexOf(name));
}

/** A record and the line it starts on. csv-parse's `info` option would give the line too, at twice the parse cost:
 * with empty lines kept (as empty records), each record spans one line plus the line breaks inside its cells. */
type Parsed = { record: string[]; line: number };

function lineBreaks(record: readonly string[]): number {
  let breaks = 0;
  for (const cell of record) {
    for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) breaks++;
  }
  return breaks;
}

/** A data row in IMPORT_COLUMNS order; a row with another number of fields is kept as an error line. */
function recordOf(parsed: Parsed, positions: readonly number[], headerFields: number): ImportRecord | null {
  const { record, line } = parsed;
  if (record.every((cell) => cell.trim() === '')) return null; // empty lines, and spreadsheets' empty rows (;;;;)
  const cells = positions.map((at) => record[at] ?? '');
  const extra = record.slice(headerFields).some((cell) => cell.trim() !== '');
  if (record.length < headerFields || extra) {
    const problem = `Raden har ${record.length} fält; rubrikraden har ${headerFields}.`;
    return { line, cells, problem };
  }
  return { line, cells };
}

/** Runs csv-parse over the bytes in chunks, yielding between them; the parsed records or its error. */
async function parseChunked(bytes: Uint8Array, delimiter: string): Promise<Parsed[] | CsvError> {
  const parser = parse({ delimiter, bom: true, relax_column_count: true });
  let failure: CsvError | null = null;
  parser.on('error', (error: CsvError) => {
    failure = error;
  });
  const parsed: Parsed[] = [];
  let line = 1;
  const drain = () => {
    for (let record = parser.read() as string[] | null; record !== null; record = parser.read() as string[] | null) {
      parsed.push({ record, line });
      line += 1 + lineBreaks(record);
    }
  };
  for (let at = 0; at < bytes.length && failure === null && parsed.length <= IMPORT_ROWS_MAX + 1; at += CHUNK_BYTES) {
    parser.write(bytes.subarray(at, at + CHUNK_BYTES));
    drain();
    await yieldToLoop();
  }
  if (failure === null) {
    parser.end();
    drain();
    await yieldToLoop(); // an error found at the end is emitted on the next turn
  }
  return failure ?? parsed;
}

function csvProblem(error: CsvError): string {
  const lines = (error as unknown as { lines?: number }).lines;
  const what = CSV_MESSAGES[error.code] ?? 'filen följer inte CSV-formatet';
  return `Filen kunde inte läsas som CSV${lines === undefined ? '' : ` (rad ${lines})`}: ${what}.`;
}

export async function readImportFile(bytes: Uint8Array): Promise<FileReading> {
  if (bytes.length === 0) return refuse('Filen är tom.');
  const encoding = encodingProblem(bytes);
  if (encoding !== null) return refuse(encoding);
  const delimiter = delimiterOf(bytes);
  const parsed = await parseChunked(bytes, delimiter);
  if (parsed instanceof CsvError) return refuse(csvProblem(parsed));
  if (parsed.length === 0) return refuse('Filen är tom.');
  const header = parsed[0]!.record;
  const positions = columnPositions(header);
  if (typeof positions === 'string') return refuse(positions);
  if (parsed.length - 1 > IMPORT_ROWS_MAX)
    return refuse(`Filen har fler än ${IMPORT_ROWS_MAX.toLocaleString('sv-SE')} artikelrader; dela upp den.`);
  const records: ImportRecord[] = [];
  for (let i = 1; i < parsed.length; i++) {
    const record = recordOf(parsed[i]!, positions, header.length);
    if (record !== null) records.push(record);
  }
  if (records.length === 0) return refuse('Filen har en rubrikrad men inga artikelrader.');
  return { ok: true, records, delimiter };
}
