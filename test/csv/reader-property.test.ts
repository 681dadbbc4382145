// Property tests: any bytes end in records or an InputError; CSV written by csv-stringify reads back
// exactly; the splitter gives the same records however the text is cut into chunks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidSequenceMarker } from '../../src/csv/invalid-marks.js';
import { CsvSplitter, CsvSyntaxProblem, type RawRecord } from '../../src/csv/parser.js';
import { openCsv } from '../../src/csv/reader.js';
import { InputError } from '../../src/errors.js';
import { withTempDir } from '../helpers/temp-dir.js';

async function readOutcome(path: string): Promise<{ header: string[]; rows: string[][] } | InputError> {
  try {
    const source = await openCsv(path);
    const rows: string[][] = [];
    for await (const record of source.records) rows.push(record.cells);
    return { header: source.header, rows };
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

const csvPiece = fc.constantFrom('a', 'b', 'é', '€', ' ', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', '\ufeff', '1.5', '\u0000');
const csvText = fc.array(csvPiece, { maxLength: 60 }).map((pieces) => pieces.join(''));

describe('openCsv on arbitrary input', () => {
  it('ends in records or an InputError for random bytes', async () => {
    await withTempDir({}, async (dir) => {
      const path = join(dir, 'random.csv');
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
          await writeFile(path, bytes);
          await readOutcome(path);
        }),
        { numRuns: 150 },
      );
    });
  });

  it('ends in records or an InputError for CSV-shaped text in any encoding', async () => {
    await withTempDir({}, async (dir) => {
      const path = join(dir, 'shaped.csv');
      await fc.assert(
        fc.asyncProperty(csvText, fc.constantFrom('utf8', 'utf16le', 'latin1'), async (text, encoding) => {
          const bom = encoding === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0);
          await writeFile(path, Buffer.concat([bom, Buffer.from(text, encoding as BufferEncoding)]));
          const outcome = await readOutcome(path);
          if (!(outcome instanceof InputError)) {
            for (const row of outcome.rows) expect(row).toHaveLength(outcome.header.length);
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});

const cellText = fc.array(fc.constantFrom('x', 'Ü', ' ', ',', ';', '"', '\n', '\r\n', '=', '-'), { maxLength: 6 }).map((p) => p.join(''));

describe('round trip', () => {
  it('reads back exactly what csv-stringify wrote, for every delimiter', async () => {
    await withTempDir({}, async (dir) => {
      const path = join(dir, 'round.csv');
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 2, max: 4 }), // one column has no delimiter to detect
          fc.array(fc.array(cellText, { minLength: 4, maxLength: 4 }), { maxLength: 6 }),
          fc.constantFrom(',', ';', '\t'),
          fc.constantFrom('\n', '\r\n'),
          async (width, grid, delimiter, newline) => {
            const header = Array.from({ length: width }, (_, i) => `col${i}`);
            const rows = grid.map((row) => row.slice(0, width));
            // csv-stringify leaves a lone LF unquoted in a CRLF file; spreadsheets (and this reader) read it as a line break.
            const options = { delimiter, record_delimiter: newline === '\n' ? 'unix' : 'windows', quoted_match: /[\r\n]/ } as const;
            await writeFile(path, stringify([header, ...rows], options));
            const outcome = await readOutcome(path);
            expect(outcome).not.toBeInstanceOf(InputError);
            const read = outcome as { header: string[]; rows: string[][] };
            expect(read.header).toEqual(header);
            expect(read.rows).toEqual(rows.filter((row) => row.some((cell) => cell !== '')));
          },
        ),
        { numRuns: 200 },
      );
    });
  });
});

/**
 * Feeds bytes to `push` cut at the given offsets (which may fall inside a character), then calls `end`;
 * the records, or the syntax problem as `kind@record:line`.
 */
function fedInPieces(bytes: Buffer, cuts: number[], push: (piece: Buffer, out: RawRecord[]) => void, end: (out: RawRecord[]) => void): RawRecord[] | string {
  const out: RawRecord[] = [];
  try {
    let from = 0;
    for (const cut of cuts.filter((c) => c < bytes.length).sort((a, b) => a - b)) {
      push(bytes.subarray(from, cut), out);
      from = cut;
    }
    push(bytes.subarray(from), out);
    end(out);
    return out;
  } catch (error) {
    if (error instanceof CsvSyntaxProblem) return `${error.kind}@${error.recordNumber}:${error.line}`;
    throw error;
  }
}

/** Splits UTF-8 text cut at the given byte offsets. */
function splitAll(text: string, cuts: number[]): RawRecord[] | string {
  const splitter = new CsvSplitter(',');
  return fedInPieces(Buffer.from(text, 'utf8'), cuts, (piece, out) => splitter.push(piece, out), (out) => splitter.end(out));
}

/** Splits bytes holding invalid UTF-8 through the marker, cut at the given offsets. */
function markAll(bytes: Buffer, cuts: number[]): RawRecord[] | string {
  const splitter = new CsvSplitter(',');
  const marker = new InvalidSequenceMarker(splitter, 0);
  return fedInPieces(bytes, cuts, (piece, out) => marker.push(piece, out), (out) => {
    marker.end();
    splitter.end(out);
  });
}

const strayPiece = fc.oneof(
  csvPiece.map((piece) => Buffer.from(piece, 'utf8')),
  fc.constantFrom([0xe9], [0x80], [0xff], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc3]).map((bytes) => Buffer.from(bytes)),
);

describe('InvalidSequenceMarker', () => {
  it('notes each invalid sequence on the cell that holds its U+FFFD, however the bytes are cut', () => {
    fc.assert(
      fc.property(fc.array(strayPiece, { maxLength: 40 }), fc.array(fc.nat({ max: 80 }), { maxLength: 8 }), (pieces, cuts) => {
        const bytes = Buffer.concat(pieces);
        const whole = markAll(bytes, []);
        expect(markAll(bytes, cuts)).toEqual(whole);
        if (typeof whole === 'string') return;
        // Same records as the plain splitter; each noted cell holds at least as many U+FFFD as sequences.
        const plain = new CsvSplitter(',');
        const out: RawRecord[] = [];
        plain.push(bytes, out);
        plain.end(out);
        expect(whole.map(({ cells, line }) => ({ cells, line }))).toEqual(out);
        let noted = 0;
        for (const record of whole) {
          for (const cell of record.invalid ?? []) {
            noted += cell.count;
            expect([...(record.cells[cell.column] ?? '')].filter((char) => char === '\ufffd').length).toBeGreaterThanOrEqual(cell.count);
          }
        }
        const replaced = [...bytes.toString('utf8')].filter((char) => char === '\ufffd').length;
        expect(noted).toBe(replaced);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('CsvSplitter', () => {
  it('gives the same records and line numbers however the text is cut into chunks', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat({ max: 60 }), { maxLength: 8 }), (text, cuts) => {
        expect(splitAll(text, cuts)).toEqual(splitAll(text, []));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts CRLF, LF and CR each as one line break, inside quotes too', () => {
    expect(splitAll('a\r\n"b\r\nc"\n"d\re"\r\nf', [])).toEqual([
      { cells: ['a'], line: 1 },
      { cells: ['b\r\nc'], line: 2 },
      { cells: ['d\re'], line: 4 },
      { cells: ['f'], line: 6 },
    ]);
  });
});
