// The one CSV writer: annotated copies of input files (only the toolkit's own columns change) and
// report CSVs. Every file is written to a temp file beside the target and renamed into place.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { InputError, MigrateError } from '../errors.js';
import { openCsv } from './reader.js';
import type { CsvFormat, CsvRecord } from './types.js';

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const FLUSH_SIZE = 1 << 16;

/**
 * A value the toolkit writes into a cell, made safe from spreadsheet formula injection: a leading
 * `=`, `+`, `-`, `@`, tab or CR gets a `'` in front, unless the value is a plain number (`-12.50`).
 */
export function sanitizeCell(value: string): string {
  if (value.length === 0 || !FORMULA_START.has(value[0]) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

export interface CsvWriteOptions {
  delimiter?: CsvFormat['delimiter'];
  newline?: CsvFormat['newline'];
  /** Start with a UTF-8 BOM so Excel opens non-ASCII text correctly. */
  bom?: boolean;
}

/**
 * Copies `inputPath` to `outputPath` (which may be the input itself, for --in-place), setting only the
 * cells `annotate` returns for each data row. Original columns keep their names, positions and values;
 * blank rows stay where they were, so row numbers match the input. A returned column missing from the
 * header is appended after the last one, in the order first returned. The copy keeps the input's
 * delimiter and line break and is UTF-8, with a BOM when the input had one or was not UTF-8 (Excel reads
 * BOM-less files as the legacy code page). Written values pass through `sanitizeCell`.
 */
export async function writeAnnotatedCopy(
  inputPath: string,
  outputPath: string,
  annotate: (record: CsvRecord) => Partial<Record<string, string>> | undefined,
  options: { expectedSha256?: string } = {},
): Promise<{ rows: number }> {
  const source = await openCsv(inputPath, { includeBlankRows: true, hash: options.expectedSha256 !== undefined });
  const { delimiter, newline, encoding, bom } = source.format;
  const header = source.header;
  const columns = new Map<string, number>();
  header.forEach((name, index) => {
    if (name !== '' && !columns.has(name)) columns.set(name, index);
  });
  const appended: string[] = [];
  const serialize = lineSerializer(delimiter, newline);
  const withBom = bom || encoding !== 'utf-8';
  const headerText = newline.repeat((source.headerRow ?? 1) - 1) + serialize(header);
  let rows = 0;

  return atomically(outputPath, async (temps) => {
    const body = await temps.create(withBom);
    await body.write(headerText);
    for await (const record of source.records) {
      if (isBlank(record.cells)) {
        await body.write(newline);
        continue;
      }
      rows++;
      const values = annotate(record);
      if (values === undefined) {
        await body.write(serialize(record.cells));
        continue;
      }
      const cells = record.cells.slice();
      for (const name of Object.keys(values)) {
        const value = values[name];
        if (value === undefined) continue;
        let index = columns.get(name);
        if (index === undefined) {
          index = header.length + appended.length;
          appended.push(name);
          columns.set(name, index);
        }
        while (cells.length < index) cells.push('');
        cells[index] = sanitizeCell(value);
      }
      await body.write(serialize(cells));
    }
    // Annotations are keyed by row number: bytes other than those the caller read would put them on other rows.
    if (options.expectedSha256 !== undefined && source.sha256!() !== options.expectedSha256) throw new SourceChangedError(inputPath);
    await body.close();
    if (appended.length === 0) return { rows, file: body.path };
    // A column first seen mid-file: rewrite with the full header; earlier rows just end sooner.
    const full = await temps.create(withBom);
    await full.write(newline.repeat((source.headerRow ?? 1) - 1) + serialize([...header, ...appended.map(sanitizeCell)]));
    await full.flush();
    const bodyStart = Buffer.byteLength(headerText) + (withBom ? 3 : 0);
    await pipeline(createReadStream(body.path, { start: bodyStart }), full.stream, { end: false });
    await full.close();
    return { rows, file: full.path };
  });
}

/** The input no longer holds the bytes the caller read (edited or replaced since): no copy was written. */
export class SourceChangedError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed since it was read`);
    this.name = 'SourceChangedError';
  }
}

/** Writes a report CSV (e.g. compare's mismatches); every cell passes through `sanitizeCell`. */
export async function writeCsvRows(
  outputPath: string,
  header: string[],
  rows: AsyncIterable<string[]> | Iterable<string[]>,
  options: CsvWriteOptions = {},
): Promise<{ rows: number }> {
  const serialize = lineSerializer(options.delimiter ?? ',', options.newline ?? '\n');
  let count = 0;
  return atomically(outputPath, async (temps) => {
    const out = await temps.create(options.bom === true);
    await out.write(serialize(header.map(sanitizeCell)));
    for await (const row of rows) {
      count++;
      await out.write(serialize(row.map(sanitizeCell)));
    }
    await out.close();
    return { rows: count, file: out.path };
  });
}

interface TempFiles {
  /** Opens a new temp file beside the output. */
  create(bom: boolean): Promise<BufferedOut>;
}

/**
 * Runs `produce` with temp files beside `outputPath` (same folder, so the rename is atomic), renames the
 * file it returns into place and removes every other temp file; on failure closes and removes them all.
 */
async function atomically(outputPath: string, produce: (temps: TempFiles) => Promise<{ rows: number; file: string }>): Promise<{ rows: number }> {
  try {
    return await writeThroughTemps(outputPath, produce);
  } catch (error) {
    throw asOutputError(error, outputPath);
  }
}

async function writeThroughTemps(outputPath: string, produce: (temps: TempFiles) => Promise<{ rows: number; file: string }>): Promise<{ rows: number }> {
  await mkdir(dirname(outputPath), { recursive: true });
  const created: BufferedOut[] = [];
  const temps: TempFiles = {
    async create(bom) {
      const out = await bufferedStream(tempPathBeside(outputPath), bom);
      created.push(out);
      return out;
    },
  };
  let renamed: string | undefined;
  try {
    const result = await produce(temps);
    await rename(result.file, outputPath);
    renamed = result.file;
    return { rows: result.rows };
  } finally {
    for (const out of created) {
      await out.destroy();
      if (out.path !== renamed) await rm(out.path, { force: true });
    }
  }
}

/** A fresh hidden temp file name in `outputPath`'s folder, so renaming it into place is atomic. */
export function tempPathBeside(outputPath: string): string {
  return join(dirname(outputPath), `.${basename(outputPath)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** File-system failures (permissions, full disk) are the environment's, not a bug: one clear line. */
export function asOutputError(error: unknown, outputPath: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof MigrateError || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  const reason = outputFailureReason(code);
  return new InputError('output-unwritable', `Cannot write ${outputPath} (${reason}); nothing was written there.`, {
    hint: 'Check that the folder is writable and the disk has space, or choose another one with --out.',
    cause: error,
  });
}

/** A file-system error code as the words of a one-line message. */
export function outputFailureReason(code: string): string {
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code;
}

interface BufferedOut {
  path: string;
  stream: WriteStream;
  /** Buffers `text`; the returned promise settles once a full buffer has been handed to the stream. */
  write(text: string): Promise<void> | undefined;
  flush(): Promise<void>;
  close(): Promise<void>;
  /** Closes the file descriptor without writing more (a no-op once closed). */
  destroy(): Promise<void>;
}

/** A write stream that batches small writes and respects back-pressure at each flush. */
async function bufferedStream(path: string, bom: boolean): Promise<BufferedOut> {
  const stream = createWriteStream(path, { flags: 'wx' });
  await new Promise<void>((resolvePromise, reject) => {
    stream.once('open', () => resolvePromise());
    stream.once('error', reject);
  });
  let buffered = bom ? '\ufeff' : '';
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  const flush = async () => {
    if (failure) throw failure;
    if (buffered === '') return;
    const ok = stream.write(buffered);
    buffered = '';
    if (!ok) await once(stream, 'drain');
    if (failure) throw failure;
  };
  return {
    path,
    stream,
    write(text) {
      buffered += text;
      return buffered.length >= FLUSH_SIZE ? flush() : undefined;
    },
    flush,
    async close() {
      await flush();
      await new Promise<void>((resolvePromise, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolvePromise())));
      if (failure) throw failure;
    },
    async destroy() {
      if (stream.closed) return;
      await new Promise<void>((resolvePromise) => {
        stream.once('close', () => resolvePromise());
        stream.destroy();
      });
    },
  };
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell === '');
}

/** Serializes one row: a cell is quoted only when it holds the delimiter, a quote or a line break. */
function lineSerializer(delimiter: string, newline: string): (cells: string[]) => string {
  const needsQuotes = (cell: string) =>
    cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r');
  return (cells) => {
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (i > 0) line += delimiter;
      line += needsQuotes(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
    }
    return line + newline;
  };
}
