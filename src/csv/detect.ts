// Sniffs a CSV file before it is parsed: encoding (BOM, else the evidence of a whole-file UTF-8 check),
// binary content, and the delimiter and line break of the header line.
import { isUtf8 } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import type { CsvFormat } from './types.js';
import { Utf8Walker } from './utf8-walk.js';

export const CHUNK_SIZE = 1 << 18;
const SAMPLE_SIZE = 1 << 16;
const SAVE_AS_CSV = 'Save it from your spreadsheet as "CSV UTF-8 (Comma delimited)" and try again.';

export interface SniffedFile {
  encoding: CsvFormat['encoding'];
  bom: boolean;
  /** UTF-8 only: sequences that are not UTF-8 (each read as U+FFFD, each reported on its row). */
  invalidSequences: number;
  /** The decoded start of the file (BOM removed), enough to find the header line. */
  head: string;
}

/** Reads the start of the file (and, without a BOM, all of it once) to decide how to decode it. */
export async function sniffFile(file: string): Promise<SniffedFile> {
  const handle = await open(file, 'r');
  try {
    const sample = Buffer.alloc(SAMPLE_SIZE);
    const { bytesRead } = await handle.read(sample, 0, SAMPLE_SIZE, 0);
    const bytes = sample.subarray(0, bytesRead);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      // The marker says UTF-8: bytes that are not are reported where they are, whatever their number.
      const scan = await scanUtf8(handle, 3);
      await rejectNul(handle, scan, file);
      const invalidSequences = scan.valid ? 0 : (await weighUtf8(handle, 3)).invalid;
      return checked({ encoding: 'utf-8', bom: true, invalidSequences, head: decodeHead(bytes.subarray(3), 'utf-8') }, file);
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      return checked({ encoding: 'utf-16le', bom: true, invalidSequences: 0, head: decodeHead(bytes.subarray(2), 'utf-16le') }, file);
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      return checked({ encoding: 'utf-16be', bom: true, invalidSequences: 0, head: decodeHead(bytes.subarray(2), 'utf-16be') }, file);
    }
    rejectBinaryBytes(bytes, file);
    const scan = await scanUtf8(handle, 0);
    await rejectNul(handle, scan, file);
    if (scan.valid) return checked({ encoding: 'utf-8', bom: false, invalidSequences: 0, head: decodeHead(bytes, 'utf-8') }, file);
    const evidence = await weighUtf8(handle, 0);
    const encoding = await encodingOf(evidence, handle, file);
    const invalidSequences = encoding === 'utf-8' ? evidence.invalid : 0;
    return checked({ encoding, bom: false, invalidSequences, head: decodeHead(bytes, encoding) }, file);
  } finally {
    await handle.close();
  }
}

/**
 * The encoding of a file without a BOM that is not all valid UTF-8, from what the whole file holds.
 * Windows-1252 text (accents as single high bytes) practically never forms a valid UTF-8 multi-byte
 * character, and UTF-8 text spoiled by a stray byte has its accents intact:
 * - no valid multi-byte character: Windows-1252 (every byte is a character there);
 * - at least as many valid multi-byte characters as invalid sequences: UTF-8 with a few bad bytes,
 *   each read as U+FFFD and reported on its row (rule `invalid-bytes`), the rest of the text intact;
 * - fewer: Windows-1252 text with some UTF-8 in it. Either reading garbles part of the text without a
 *   trace, so the file is refused, naming the first line with UTF-8.
 */
async function encodingOf(evidence: Utf8Evidence, handle: FileHandle, file: string): Promise<'utf-8' | 'windows-1252'> {
  if (evidence.multibyte === 0) return 'windows-1252';
  if (evidence.multibyte >= evidence.invalid) return 'utf-8';
  throw new InputError(
    'csv-mixed-encoding',
    `The file mixes encodings: it reads as Windows-1252 (${evidence.invalid} characters are not UTF-8) but this line has text in UTF-8 (${evidence.multibyte === 1 ? 'one character' : `${evidence.multibyte} characters`} in the file).`,
    {
      location: { file, line: await lineAt(handle, evidence.firstMultibyteAt!) },
      hint: `Fix the characters on this line, or ${SAVE_AS_CSV.charAt(0).toLowerCase()}${SAVE_AS_CSV.slice(1)}`,
    },
  );
}

async function rejectNul(handle: FileHandle, scan: Utf8Scan, file: string): Promise<void> {
  if (scan.nulAt === undefined) return;
  throw new InputError('csv-binary-file', 'This is not a text CSV file: this line has NUL bytes (binary data).', {
    location: { file, line: await lineAt(handle, scan.nulAt) },
    hint: SAVE_AS_CSV,
  });
}

interface Utf8Scan {
  /** Every byte from the start offset on is UTF-8. */
  valid: boolean;
  /** Offset of the first NUL byte (never part of text in UTF-8 or Windows-1252). */
  nulAt?: number;
}

/** The UTF-8 validity check runs over the whole file: a Windows-1252 "é" may first appear on row 50,000. */
async function scanUtf8(handle: FileHandle, from: number): Promise<Utf8Scan> {
  const buffer = Buffer.alloc(CHUNK_SIZE);
  let carry = Buffer.alloc(0);
  let position = from;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, CHUNK_SIZE, position);
    const chunk = carry.length === 0 ? buffer.subarray(0, bytesRead) : Buffer.concat([carry, buffer.subarray(0, bytesRead)]);
    const chunkStart = position - carry.length;
    position += bytesRead;
    const nul = chunk.indexOf(0);
    if (nul !== -1) return { valid: false, nulAt: chunkStart + nul };
    const complete = chunk.subarray(0, bytesRead === 0 ? chunk.length : completeUtf8Length(chunk));
    if (!isUtf8(complete)) {
      // A NUL further on still makes the file binary, whatever its encoding.
      const nulAt = await firstNulFrom(handle, position);
      return nulAt === undefined ? { valid: false } : { valid: false, nulAt };
    }
    if (bytesRead === 0) return { valid: true };
    carry = Buffer.from(chunk.subarray(complete.length));
  }
}

interface Utf8Evidence {
  /** Valid UTF-8 characters of two to four bytes. */
  multibyte: number;
  /** Sequences that are not UTF-8. */
  invalid: number;
  firstMultibyteAt: number | undefined;
}

/** Counts, over the whole file, what speaks for and against UTF-8 (run only when some bytes are not UTF-8). */
async function weighUtf8(handle: FileHandle, from: number): Promise<Utf8Evidence> {
  const walker = new Utf8Walker();
  const buffer = Buffer.alloc(CHUNK_SIZE);
  for (let position = from; ; ) {
    const { bytesRead } = await handle.read(buffer, 0, CHUNK_SIZE, position);
    if (bytesRead === 0) break;
    walker.walk(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  walker.end();
  return { multibyte: walker.multibyte, invalid: walker.invalid, firstMultibyteAt: walker.firstMultibyteAt === undefined ? undefined : from + walker.firstMultibyteAt };
}

async function firstNulFrom(handle: FileHandle, from: number): Promise<number | undefined> {
  const buffer = Buffer.alloc(CHUNK_SIZE);
  for (let position = from; ; ) {
    const { bytesRead } = await handle.read(buffer, 0, CHUNK_SIZE, position);
    if (bytesRead === 0) return undefined;
    const nul = buffer.subarray(0, bytesRead).indexOf(0);
    if (nul !== -1) return position + nul;
    position += bytesRead;
  }
}

/** 1-based line of a byte offset (line breaks counted as LF, or CR not followed by LF). */
async function lineAt(handle: FileHandle, offset: number): Promise<number> {
  const buffer = Buffer.alloc(CHUNK_SIZE);
  let line = 1;
  let previous = -1;
  for (let position = 0; position < offset; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK_SIZE, offset - position), position);
    if (bytesRead === 0) break;
    for (let i = 0; i < bytesRead; i++) {
      const byte = buffer[i];
      if (byte === 0x0a ? previous !== 0x0d : byte === 0x0d) line++;
      previous = byte;
    }
    position += bytesRead;
  }
  return line;
}

/** Length of the prefix that does not end inside a multi-byte sequence. */
function completeUtf8Length(chunk: Buffer): number {
  for (let back = 1; back <= 4 && back <= chunk.length; back++) {
    const byte = chunk[chunk.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? chunk.length - back : chunk.length;
  }
  return chunk.length;
}

function decodeHead(bytes: Buffer, encoding: string): string {
  const end = encoding === 'utf-8' ? completeUtf8Length(bytes) : encoding.startsWith('utf-16') ? bytes.length & ~1 : bytes.length;
  return iconv.decode(bytes.subarray(0, end), encoding, { stripBOM: false });
}

function rejectBinaryBytes(bytes: Buffer, file: string): void {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // A workbook is read as one when its name ends in .xlsx: here it was named as a CSV file.
    throw new InputError('csv-binary-file', 'This is an Excel workbook or another zip file, not a CSV file.', {
      location: { file },
      hint: `If it is a workbook, give it an .xlsx name; otherwise ${SAVE_AS_CSV.charAt(0).toLowerCase()}${SAVE_AS_CSV.slice(1)}`,
    });
  }
  if (bytes.includes(0)) {
    throw new InputError('csv-binary-file', 'This is not a text CSV file (it contains NUL bytes: a binary file, or UTF-16 text without a byte order mark).', {
      location: { file },
      hint: SAVE_AS_CSV,
    });
  }
}

/** Text with NUL characters or mostly control characters is not a CSV file, whatever its BOM says. */
function checked(sniffed: SniffedFile, file: string): SniffedFile {
  const { head } = sniffed;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) control += head.length;
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) control++;
  }
  if (control * 20 > head.length) {
    throw new InputError('csv-binary-file', 'This is not a text CSV file (it is full of NUL or other control characters).', {
      location: { file },
      hint: SAVE_AS_CSV,
    });
  }
  return sniffed;
}

/** Delimiter and line break of the header: the first non-blank line, quotes respected. */
export function detectLayout(head: string): Pick<CsvFormat, 'delimiter' | 'newline'> {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let i = 0;
  while (i < head.length && (head[i] === '\r' || head[i] === '\n')) i++;
  let quoted = false;
  let newline: CsvFormat['newline'] = '\n';
  for (; i < head.length; i++) {
    const c = head[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === ',' || c === ';' || c === '\t') counts[c]++;
    else if (c === '\r' || c === '\n') {
      newline = c === '\r' ? '\r\n' : '\n';
      break;
    }
  }
  const delimiter = counts[','] >= counts[';'] && counts[','] >= counts['\t'] ? ',' : counts[';'] >= counts['\t'] ? ';' : '\t';
  return { delimiter, newline };
}
