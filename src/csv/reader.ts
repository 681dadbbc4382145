// The one CSV reader: opens a template file in any encoding/delimiter users' spreadsheets produce and
// streams its records with spreadsheet row numbers; malformed files end in one InputError (exit 2).
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { CHUNK_SIZE, detectLayout, sniffFile } from './detect.js';
import { InvalidSequenceMarker } from './invalid-marks.js';
import { CsvSplitter, type RawRecord } from './parser.js';
import { asInputError, columnLabel } from './read-errors.js';
import type { CsvFormat, CsvRecord, CsvSource, InvalidCell } from './types.js';

export interface OpenCsvOptions {
  /**
   * Also yield blank rows (empty lines, or every cell empty) as records of '' cells, so a copy keeps
   * every row where it was. Off by default: a blank row is counted but never validated or imported.
   */
  includeBlankRows?: boolean;
  /**
   * Hash the file's bytes while `records` streams them, so a caller that needs the content hash (the
   * run record's sha256) does not read the file once more: `sha256()` answers once every record was read.
   */
  hash?: boolean;
}

/**
 * Opens a CSV file: detects its format and reads its header now; `records` streams the data rows
 * (re-opening the file, so nothing is held open until iteration starts).
 *
 * Header rules: the header is the first non-blank row. Names are kept exactly (never trimmed).
 * Duplicate names are an error. An empty name is an error unless it is trailing (spreadsheets export
 * trailing formatted-but-unused columns); such unnamed trailing columns must stay empty in every row.
 * A row with more cells than the header is an error unless the extra cells are empty (they are then
 * dropped); a row with fewer cells is padded with '', and says how many it had (`written`).
 */
export async function openCsv(path: string, options: OpenCsvOptions = {}): Promise<CsvSource> {
  const sniffed = await sniffReadable(path);
  const { delimiter, newline } = detectLayout(sniffed.head);
  const format: CsvFormat = { encoding: sniffed.encoding, bom: sniffed.bom, invalidSequences: sniffed.invalidSequences, delimiter, newline };
  const found = await readHeader(path, format);
  const header = found.cells;
  checkHeader(path, header, found.row, found.line);
  const named = namedWidth(header);
  const includeBlankRows = options.includeBlankRows === true;
  let hash: Hash | undefined;
  let digest: string | undefined;
  return {
    path,
    format,
    header,
    headerRow: found.row,
    ...(found.invalid ? { headerInvalid: found.invalid } : {}),
    ...(options.hash === true
      ? {
          sha256: () => {
            if (digest === undefined) throw new Error(`sha256 of ${path} asked before its records were read`);
            return digest;
          },
        }
      : {}),
    records: {
      [Symbol.asyncIterator]: () => {
        // Each iteration reads the file from its first byte: a fresh hash covers exactly the file.
        if (options.hash === true) hash = createHash('sha256');
        const onChunk = hash === undefined ? undefined : (chunk: Buffer) => hash!.update(chunk);
        const onEnd = hash === undefined ? undefined : () => (digest = hash!.digest('hex'));
        return recordIterator(rawBatches(path, format, { onChunk, onEnd, header }), (raw, row) => {
          if (row <= found.row) return undefined;
          const record = shapeRecord(path, header, named, raw, row);
          if (record !== undefined || !includeBlankRows) return record;
          return { row, line: raw.line, cells: new Array<string>(header.length).fill('') };
        });
      },
    },
  };
}

/**
 * Hands out records from batches, for `for await`. Hand-written rather than an async generator: most
 * calls are answered from the current batch with a settled promise (about 10% less CPU per file).
 * A malformed record closes the file before the InputError reaches the caller.
 */
function recordIterator(
  batches: AsyncGenerator<RawRecord[]>,
  shape: (raw: RawRecord, row: number) => CsvRecord | undefined,
): AsyncIterator<CsvRecord> {
  let batch: RawRecord[] = [];
  let index = 0;
  let row = 0;
  const fromBatch = (): CsvRecord | undefined => {
    while (index < batch.length) {
      const record = shape(batch[index++], ++row);
      if (record !== undefined) return record;
    }
    return undefined;
  };
  const pull = async (): Promise<IteratorResult<CsvRecord>> => {
    for (;;) {
      const next = await batches.next();
      if (next.done) return { value: undefined, done: true };
      batch = next.value;
      index = 0;
      const record = fromBatch();
      if (record !== undefined) return { value: record, done: false };
    }
  };
  const closeAndFail = async (error: unknown): Promise<never> => {
    await batches.return(undefined);
    throw error;
  };
  return {
    next() {
      let record: CsvRecord | undefined;
      try {
        record = fromBatch();
      } catch (error) {
        return closeAndFail(error);
      }
      return record !== undefined ? Promise.resolve({ value: record, done: false }) : pull().catch(closeAndFail);
    },
    async return() {
      await batches.return(undefined);
      return { value: undefined, done: true };
    },
  };
}

async function sniffReadable(path: string) {
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new InputError('csv-unreadable', 'This is a folder, not a CSV file.', { location: { file: path }, hint: 'Give a .csv file.' });
    }
    return await sniffFile(path);
  } catch (error) {
    throw asInputError(error, path);
  }
}

/** Reads records until the first non-blank one; the file is closed as soon as it is found. */
async function readHeader(path: string, format: CsvFormat): Promise<{ cells: string[]; row: number; line: number; invalid?: InvalidCell[] }> {
  let row = 0;
  for await (const batch of rawBatches(path, format)) {
    for (const raw of batch) {
      row++;
      if (!isBlank(raw.cells)) return { cells: raw.cells, row, line: raw.line, ...(raw.invalid ? { invalid: raw.invalid } : {}) };
    }
  }
  throw new InputError('csv-empty-file', 'The file is empty: it has no header row.', {
    location: { file: path },
    hint: 'Export the template with its header row (and data rows below it).',
  });
}

interface BatchOptions {
  /** Sees every byte read as it is in the file (before transcoding). */
  onChunk?: ((chunk: Buffer) => void) | undefined;
  /** Runs once the file was read to its end. */
  onEnd?: (() => void) | undefined;
  /** The header, once known: names the column of a cell over the limit. */
  header?: readonly string[];
}

/** Split records in batches (one batch per chunk read), with syntax problems translated. */
async function* rawBatches(path: string, format: CsvFormat, options: BatchOptions = {}): AsyncGenerator<RawRecord[]> {
  const { onChunk, onEnd } = options;
  const splitter = new CsvSplitter(format.delimiter);
  // Only a UTF-8 file with bytes that are not UTF-8 is walked once more, to say where they are.
  const marker = format.encoding === 'utf-8' && format.invalidSequences > 0 ? new InvalidSequenceMarker(splitter, format.bom ? 3 : 0) : undefined;
  const split = marker === undefined ? splitter : marker;
  const toUtf8 = utf8Chunks(format);
  const stream = createReadStream(path, { highWaterMark: CHUNK_SIZE });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onChunk?.(chunk);
      const out: RawRecord[] = [];
      split.push(toUtf8.write(chunk), out);
      if (out.length > 0) yield out;
    }
    const out: RawRecord[] = [];
    split.push(toUtf8.end(), out);
    marker?.end();
    splitter.end(out);
    onEnd?.();
    if (out.length > 0) yield out;
  } catch (error) {
    throw asInputError(error, path, options.header);
  } finally {
    stream.destroy();
  }
}

interface Utf8Chunks {
  write(chunk: Buffer): Buffer;
  end(): Buffer;
}

/** UTF-8 files pass through untouched (minus the BOM); other encodings are transcoded chunk by chunk. */
function utf8Chunks(format: CsvFormat): Utf8Chunks {
  if (format.encoding === 'utf-8') {
    let bomLeft = format.bom ? 3 : 0;
    return {
      write(chunk) {
        if (bomLeft === 0) return chunk;
        const skip = Math.min(bomLeft, chunk.length);
        bomLeft -= skip;
        return chunk.subarray(skip);
      },
      end: () => Buffer.alloc(0),
    };
  }
  const decoder = iconv.getDecoder(format.encoding, { stripBOM: true });
  return {
    write: (chunk) => Buffer.from(decoder.write(chunk), 'utf8'),
    end: () => Buffer.from(decoder.end() ?? '', 'utf8'),
  };
}

function isBlank(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== '') return false;
  return true;
}

/** Header width up to the last named column; cells beyond it must be empty. */
export function namedWidth(header: readonly string[]): number {
  let width = header.length;
  while (width > 0 && header[width - 1] === '') width--;
  return width;
}

/** Pads or trims a data record to the header width, or returns undefined for a blank row. */
function shapeRecord(file: string, header: string[], named: number, raw: RawRecord, row: number): CsvRecord | undefined {
  const cells = raw.cells;
  if (isBlank(cells)) return undefined;
  if (cells.length > named) {
    for (let i = named; i < cells.length; i++) {
      if (cells[i] !== '') throw extraCellError(file, header, cells, i, row, raw.line);
    }
    if (cells.length > header.length) cells.length = header.length;
  }
  const written = cells.length;
  while (cells.length < header.length) cells.push('');
  // The common full, clean row stays a plain literal: the reader's hot path.
  if (written >= named && raw.invalid === undefined) return { row, line: raw.line, cells };
  return { row, line: raw.line, cells, ...(written < named ? { written } : {}), ...(raw.invalid !== undefined ? { invalid: raw.invalid } : {}) };
}

function extraCellError(file: string, header: string[], cells: string[], index: number, row: number, line: number): InputError {
  const value = preview(cells[index]);
  if (index < header.length) {
    return new InputError('csv-value-in-unnamed-column', `Column ${columnLabel(index)} has no header name but this row has ${value} in it.`, {
      location: { file, row, line },
      hint: 'Add a header name for that column, or clear it.',
    });
  }
  return new InputError('csv-too-many-cells', `This row has ${cells.length} cells but the header has ${header.length} columns (the extra cell ${columnLabel(index)} holds ${value}).`, {
    location: { file, row, line },
    hint: 'Put quotes around cells that contain the delimiter, or add a header name for the extra column.',
  });
}

/** The header's names: none empty before the last, none twice (CSV files and workbook sheets alike). */
export function checkHeader(file: string, header: string[], row: number, line: number): void {
  const named = namedWidth(header);
  const seen = new Map<string, number>();
  for (let i = 0; i < named; i++) {
    const name = header[i];
    if (name === '') {
      throw new InputError('csv-empty-header', `Header column ${columnLabel(i)} has no name.`, {
        location: { file, row, line },
        hint: 'Give the column its template name, or delete the column.',
      });
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw new InputError('csv-duplicate-header', `The header names "${name}" twice: columns ${columnLabel(first)} and ${columnLabel(i)}.`, {
        location: { file, row, line, column: name },
        hint: 'Delete or rename one of the two columns.',
      });
    }
    seen.set(name, i);
  }
}

function preview(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
