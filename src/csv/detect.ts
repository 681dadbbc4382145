// Sniffs a CSV file before it is parsed: encoding (BOM, else whole-file UTF-8 check, else
// Windows-1252), binary content, and the delimiter and line break of the header line.
import { isAscii, isUtf8 } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import type { CsvFormat } from './types.js';

export const CHUNK_SIZE = 1 << 18;
const SAMPLE_SIZE = 1 << 16;
const SAVE_AS_CSV = 'Save it from your spreadsheet as "CSV UTF-8 (Comma delimited)" and try again.';

export interface SniffedFile {
  encoding: CsvFormat['encoding'];
  bom: boolean;
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
      const scan = await scanUtf8(handle, 3);
      await rejectNul(handle, scan, file);
      if (scan.invalidAt !== undefined) {
        throw new InputError('csv-invalid-utf8', 'The file starts with a UTF-8 marker (BOM) but this line has bytes that are not UTF-8.', {
          location: { file, line: await lineAt(handle, scan.invalidAt) },
          hint: SAVE_AS_CSV,
        });
      }
      return checked({ encoding: 'utf-8', bom: true, head: decodeHead(bytes.subarray(3), 'utf-8') }, file);
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      return checked({ encoding: 'utf-16le', bom: true, head: decodeHead(bytes.subarray(2), 'utf-16le') }, file);
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      return checked({ encoding: 'utf-16be', bom: true, head: decodeHead(bytes.subarray(2), 'utf-16be') }, file);
    }
    rejectBinaryBytes(bytes, file);
    const scan = await scanUtf8(handle, 0);
    await rejectNul(handle, scan, file);
    if (scan.invalidAt !== undefined && scan.multibyteBefore) {
      // Valid UTF-8 accents earlier and invalid bytes here: decoding either way would garble some text.
      throw new InputError('csv-mixed-encoding', 'The file mixes encodings: earlier lines are UTF-8 but this line is not.', {
        location: { file, line: await lineAt(handle, scan.invalidAt) },
        hint: `Fix the characters on this line, or ${SAVE_AS_CSV.charAt(0).toLowerCase()}${SAVE_AS_CSV.slice(1)}`,
      });
    }
    const encoding = scan.invalidAt === undefined ? 'utf-8' : 'windows-1252';
    return checked({ encoding, bom: false, head: decodeHead(bytes, encoding) }, file);
  } finally {
    await handle.close();
  }
}

async function rejectNul(handle: FileHandle, scan: Utf8Scan, file: string): Promise<void> {
  if (scan.nulAt === undefined) return;
  throw new InputError('csv-binary-file', 'This is not a text CSV file: this line has NUL bytes (binary data).', {
    location: { file, line: await lineAt(handle, scan.nulAt) },
    hint: SAVE_AS_CSV,
  });
}

interface Utf8Scan {
  /** Offset of the first byte that is not UTF-8 (approximate within one character). */
  invalidAt?: number;
  /** Non-ASCII UTF-8 characters occur before `invalidAt`. */
  multibyteBefore: boolean;
  /** Offset of the first NUL byte (never part of text in UTF-8 or Windows-1252). */
  nulAt?: number;
}

/** The UTF-8 validity check runs over the whole file: a Windows-1252 "é" may first appear on row 50,000. */
async function scanUtf8(handle: FileHandle, from: number): Promise<Utf8Scan> {
  const buffer = Buffer.alloc(CHUNK_SIZE);
  let carry = Buffer.alloc(0);
  let position = from;
  let multibyteBefore = false;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, CHUNK_SIZE, position);
    const chunk = carry.length === 0 ? buffer.subarray(0, bytesRead) : Buffer.concat([carry, buffer.subarray(0, bytesRead)]);
    const chunkStart = position - carry.length;
    position += bytesRead;
    const nul = chunk.indexOf(0);
    if (nul !== -1) return { multibyteBefore, nulAt: chunkStart + nul };
    const complete = chunk.subarray(0, bytesRead === 0 ? chunk.length : completeUtf8Length(chunk));
    if (!isUtf8(complete)) {
      const index = firstInvalidIndex(complete);
      const invalidAt = chunkStart + index;
      // A NUL further on still makes the file binary, whatever its encoding.
      const nulAt = await firstNulFrom(handle, position);
      return { invalidAt, multibyteBefore: multibyteBefore || !isAscii(complete.subarray(0, index)), nulAt };
    }
    if (bytesRead === 0) return { multibyteBefore };
    multibyteBefore ||= !isAscii(complete);
    carry = Buffer.from(chunk.subarray(complete.length));
  }
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

function firstInvalidIndex(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix ends at the first bad byte (give or take a sequence length).
  while (high - low > 4) {
    const middle = completeUtf8Length(bytes.subarray(0, (low + high) >>> 1));
    if (middle <= low) break;
    if (isUtf8(bytes.subarray(0, middle))) low = middle;
    else high = middle;
  }
  return low;
}

function decodeHead(bytes: Buffer, encoding: string): string {
  const end = encoding === 'utf-8' ? completeUtf8Length(bytes) : encoding.startsWith('utf-16') ? bytes.length & ~1 : bytes.length;
  return iconv.decode(bytes.subarray(0, end), encoding, { stripBOM: false });
}

function rejectBinaryBytes(bytes: Buffer, file: string): void {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new InputError('csv-binary-file', 'This is an Excel workbook or another zip file, not a CSV file.', {
      location: { file },
      hint: SAVE_AS_CSV,
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
