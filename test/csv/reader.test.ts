// openCsv over real files: encodings, delimiters, line breaks, quoting, row vs line numbers, malformed files.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { existsSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { openCsv } from '../../src/csv/reader.js';
import type { CsvRecord } from '../../src/csv/types.js';
import { InputError, formatErrorLine } from '../../src/errors.js';
import { withTempDir } from '../helpers/temp-dir.js';

async function readCsv(content: string | Buffer, name = 'in.csv') {
  return withTempDir({ [name]: content }, async (dir) => {
    const source = await openCsv(join(dir, name));
    const records: CsvRecord[] = [];
    for await (const record of source.records) records.push(record);
    return { format: source.format, header: source.header, headerRow: source.headerRow, records };
  });
}

async function readError(content: string | Buffer, name = 'broken.csv'): Promise<InputError> {
  try {
    await readCsv(content, name);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const inputError = error as InputError;
    expect(inputError.location.file).toMatch(new RegExp(`${name}$`));
    expect(formatErrorLine(inputError)).toContain(name);
    expect(inputError.hint).toBeTruthy();
    return inputError;
  }
  throw new Error('expected an InputError');
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

const TEXT = 'name,city,note\nZoë,Zürich,"say ""hi"", ok"\n';
const EXPECTED = [{ row: 2, line: 2, cells: ['Zoë', 'Zürich', 'say "hi", ok'] }];

describe('encodings', () => {
  it.each([
    { label: 'UTF-8 without BOM', bytes: Buffer.from(TEXT, 'utf8'), encoding: 'utf-8', bom: false },
    { label: 'UTF-8 with BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), encoding: 'utf-8', bom: true },
    { label: 'UTF-16LE with BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), encoding: 'utf-16le', bom: true },
    { label: 'UTF-16BE with BOM', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), encoding: 'utf-16be', bom: true },
    { label: 'Windows-1252', bytes: iconv.encode(TEXT, 'windows-1252'), encoding: 'windows-1252', bom: false },
  ])('reads $label', async ({ bytes, encoding, bom }) => {
    const result = await readCsv(bytes);
    expect(result.format).toMatchObject({ encoding, bom, delimiter: ',', newline: '\n' });
    expect(result.header).toEqual(['name', 'city', 'note']);
    expect(result.records).toEqual(EXPECTED);
  });

  it('decodes Windows-1252 euro sign and smart quotes', async () => {
    const result = await readCsv(iconv.encode('price,label\n€12,“Café” – ‘special’\n', 'windows-1252'));
    expect(result.format.encoding).toBe('windows-1252');
    expect(result.records[0].cells).toEqual(['€12', '“Café” – ‘special’']);
  });

  it('detects Windows-1252 even when the first non-ASCII byte is far into the file', async () => {
    const filler = 'a,b\n' + 'x,y\n'.repeat(100_000);
    const result = await readCsv(Buffer.concat([Buffer.from(filler), iconv.encode('é,ü\n', 'windows-1252')]));
    expect(result.format.encoding).toBe('windows-1252');
    expect(result.records.at(-1)).toEqual({ row: 100_002, line: 100_002, cells: ['é', 'ü'] });
  });

  it('keeps UTF-8 characters split across read chunks intact', async () => {
    const text = 'a,b\n' + `${'€'.repeat(30_000)},ü\n`.repeat(8);
    const result = await readCsv(Buffer.from(text, 'utf8'));
    expect(result.format.encoding).toBe('utf-8');
    expect(result.records.map((r) => r.cells)).toEqual(Array(8).fill(['€'.repeat(30_000), 'ü']));
  });
});

describe('delimiters and line breaks', () => {
  it.each([
    { delimiter: ',', newline: '\n' },
    { delimiter: ';', newline: '\r\n' },
    { delimiter: '\t', newline: '\n' },
    { delimiter: ';', newline: '\n' },
    { delimiter: '\t', newline: '\r\n' },
  ] as const)('reads delimiter $delimiter with newline $newline', async ({ delimiter, newline }) => {
    const text = ['handle', 'price', 'note'].join(delimiter) + newline + ['plan-a', '12,50', 'x;y'].map((c) => `"${c}"`).join(delimiter) + newline;
    const result = await readCsv(text);
    expect(result.format).toMatchObject({ delimiter, newline });
    expect(result.records).toEqual([{ row: 2, line: 2, cells: ['plan-a', '12,50', 'x;y'] }]);
  });

  it('ignores delimiters inside quoted header cells when detecting', async () => {
    const result = await readCsv('"a,b,c";d;e\n1;2;3\n');
    expect(result.format.delimiter).toBe(';');
    expect(result.header).toEqual(['a,b,c', 'd', 'e']);
  });

  it('reads old Mac CR line breaks and a lone LF inside a CRLF file', async () => {
    expect((await readCsv('a,b\r1,2\r3,4\r')).records).toEqual([
      { row: 2, line: 2, cells: ['1', '2'] },
      { row: 3, line: 3, cells: ['3', '4'] },
    ]);
    expect((await readCsv('a,b\r\n1,2\n3,4\r\n')).records.map((r) => r.row)).toEqual([2, 3]);
  });

  it('reads a file without a final line break', async () => {
    const result = await readCsv('a,b\r\n1,2');
    expect(result.records).toEqual([{ row: 2, line: 2, cells: ['1', '2'] }]);
  });
});

describe('row and line numbers', () => {
  it('counts quoted line breaks as lines but not rows, and blank lines as rows', async () => {
    const text = 'a,b\r\n1,"two\r\nlines"\r\n\r\n"x\ny\nz",3\r\n,\r\n4,5\r\n';
    const result = await readCsv(text);
    expect(result.records).toEqual([
      { row: 2, line: 2, cells: ['1', 'two\r\nlines'] },
      { row: 4, line: 5, cells: ['x\ny\nz', '3'] },
      { row: 6, line: 9, cells: ['4', '5'] },
    ]);
  });

  it('numbers the header by its spreadsheet row when blank rows come first', async () => {
    const result = await readCsv('\n\na,b\n1,2\n');
    expect(result.headerRow).toBe(3);
    expect(result.records).toEqual([{ row: 4, line: 4, cells: ['1', '2'] }]);
  });

  it('trims nothing and pads short rows', async () => {
    const result = await readCsv('a,b,c\n  x ,"y "\n');
    expect(result.records[0].cells).toEqual(['  x ', 'y ', '']);
    // A quote after a space does not open a quoted cell (as in Excel): it is text.
    expect((await readCsv('a,b\n1, "y"\n')).records[0].cells).toEqual(['1', ' "y"']);
  });

  it('notes how many cells a short row had, rows and lines kept exact; a full row, or one short only of unnamed columns, has no note', async () => {
    const result = await readCsv('a,b,c,,\n"x\ny",2\n1,2,3\n1\n1,2,3,\n');
    expect(result.records).toEqual([
      { row: 2, line: 2, cells: ['x\ny', '2', '', '', ''], written: 2 },
      { row: 3, line: 4, cells: ['1', '2', '3', '', ''] },
      { row: 4, line: 5, cells: ['1', '', '', '', ''], written: 1 },
      { row: 5, line: 6, cells: ['1', '2', '3', '', ''] },
    ]);
  });

  it('keeps a quote inside an unquoted cell as text', async () => {
    const result = await readCsv('a,b\n5" screen,ok\n');
    expect(result.records[0].cells).toEqual(['5" screen', 'ok']);
  });

  it('accepts trailing unnamed columns while they stay empty, and extra empty cells', async () => {
    const result = await readCsv('a,b,,\n1,2,,\n3,4,,,,\n');
    expect(result.header).toEqual(['a', 'b', '', '']);
    expect(result.records.map((r) => r.cells)).toEqual([
      ['1', '2', '', ''],
      ['3', '4', '', ''],
    ]);
  });

  it('yields blank rows as empty records only when asked', async () => {
    await withTempDir({ 'in.csv': 'a,b\n\n1,2\n,\n' }, async (dir) => {
      const source = await openCsv(join(dir, 'in.csv'), { includeBlankRows: true });
      const records: CsvRecord[] = [];
      for await (const record of source.records) records.push(record);
      expect(records).toEqual([
        { row: 2, line: 2, cells: ['', ''] },
        { row: 3, line: 3, cells: ['1', '2'] },
        { row: 4, line: 4, cells: ['', ''] },
      ]);
    });
  });

  it('reads a header-only file as zero records', async () => {
    const result = await readCsv('a,b\n');
    expect(result.records).toEqual([]);
  });
});

describe('bytes that are not UTF-8 in a UTF-8 file', () => {
  const at = (text: string) => Buffer.byteLength(text);

  it('reads the file as UTF-8, the stray byte as U+FFFD, noting row, column and file offset', async () => {
    const before = 'name,city\nStray';
    const bytes = Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(',Bern\nZoë,Zürich\n')]);
    const result = await readCsv(bytes);
    expect(result.format).toMatchObject({ encoding: 'utf-8', invalidSequences: 1 });
    expect(result.records).toEqual([
      { row: 2, line: 2, cells: ['Stray\ufffd', 'Bern'], invalid: [{ column: 0, count: 1, sequences: [{ offset: at(before), bytes: '0xE9' }] }] },
      { row: 3, line: 3, cells: ['Zoë', 'Zürich'] },
    ]);
  });

  it('finds the cell however the file is cut into chunks, a sequence split across two chunks included', async () => {
    // The first read ends (at 256 KB) between 0xE2 and 0x82, a character cut short by a comma.
    const head = 'name,note,more\n' + 'a,b,c\n'.repeat(43_687) + 'abcde,';
    expect(at(head)).toBe(262_143);
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from([0xe2, 0x82]), Buffer.from(',z\n"q\n'), Buffer.from([0xff]), Buffer.from('",é\nZoë,Zürich\n')]);
    const { records } = await readCsv(bytes);
    expect(records.filter((record) => record.invalid)).toEqual([
      { row: 43_689, line: 43_689, cells: ['abcde', '\ufffd', 'z'], invalid: [{ column: 1, count: 1, sequences: [{ offset: 262_143, bytes: '0xE2 0x82' }] }] },
      { row: 43_690, line: 43_690, cells: ['q\n\ufffd', 'é', ''], written: 2, invalid: [{ column: 0, count: 1, sequences: [{ offset: 262_143 + 2 + at(',z\n"q\n'), bytes: '0xFF' }] }] },
    ]);
    expect(records.at(-1)).toEqual({ row: 43_691, line: 43_692, cells: ['Zoë', 'Zürich', ''], written: 2 });
  });

  it('counts file offsets from the first byte, BOM included, and notes the header too', async () => {
    const bytes = Buffer.concat([Buffer.from('\ufeffna'), Buffer.from([0xfc]), Buffer.from('me,b\n1,2\n')]);
    const source = await withTempDir({ 'in.csv': bytes }, async (dir) => openCsv(join(dir, 'in.csv')));
    expect(source.format).toMatchObject({ encoding: 'utf-8', bom: true, invalidSequences: 1 });
    expect(source.header).toEqual(['na\ufffdme', 'b']);
    expect(source.headerInvalid).toEqual([{ column: 0, count: 1, sequences: [{ offset: 5, bytes: '0xFC' }] }]);
  });

  it('lists the first five sequences of a cell and counts the rest; a character cut short by the end of the file counts', async () => {
    const noise = Buffer.from(Array.from({ length: 8 }, (_, i) => [0x2d, 0x80 + i]).flat());
    const bytes = Buffer.concat([Buffer.from('a,b\nZoë Zoë Zoë Zoë Zoë Zoë Zoë Zoë Zoë,'), noise, Buffer.from('\nx,'), Buffer.from([0xf0, 0x9f])]);
    const { records } = await readCsv(bytes);
    const [first, last] = records.map((record) => record.invalid?.[0]);
    expect(first).toMatchObject({ column: 1, count: 8 });
    expect(first!.sequences.map((sequence) => sequence.bytes)).toEqual(['0x80', '0x81', '0x82', '0x83', '0x84']);
    expect(last).toEqual({ column: 1, count: 1, sequences: [{ offset: bytes.length - 2, bytes: '0xF0 0x9F' }] });
  });
});

describe('malformed files', () => {
  it('names the line where an unclosed quote opened', async () => {
    const error = await readError('a,b\n1,2\n3,"never closed\n4,5\n6,7\n');
    expect(error.code).toBe('csv-unclosed-quote');
    expect(error.location).toMatchObject({ row: 3, line: 3 });
    expect(error.message).toContain('line 3');
  });

  it('names the quote line when the row started earlier', async () => {
    const error = await readError('a,b,c\n1,"two\nlines","open\n');
    expect(error.code).toBe('csv-unclosed-quote');
    expect(error.location).toMatchObject({ row: 2, line: 3 });
    expect(error.message).toContain('starts on line 2');
  });

  it('rejects text after a closing quote', async () => {
    const error = await readError('a,b\n1,"x"y\n');
    expect(error.code).toBe('csv-invalid-quote');
    expect(error.location).toMatchObject({ row: 2, line: 2 });
  });

  it('rejects a row with more cells than the header', async () => {
    const error = await readError('a,b\n1,2\n"multi\nline",2,3\n');
    expect(error.code).toBe('csv-too-many-cells');
    expect(error.location).toMatchObject({ row: 3, line: 3 });
    expect(error.message).toContain('3 cells');
    expect(error.message).toContain('2 columns');
  });

  it('rejects a value under an unnamed trailing column', async () => {
    const error = await readError('a,b,\n1,2,\n1,2,oops\n');
    expect(error.code).toBe('csv-value-in-unnamed-column');
    expect(error.location).toMatchObject({ row: 3 });
  });

  it('names both positions of a duplicate header', async () => {
    const error = await readError('email,name,email\n');
    expect(error.code).toBe('csv-duplicate-header');
    expect(error.location).toMatchObject({ row: 1, column: 'email' });
    expect(error.message).toContain('1 (A)');
    expect(error.message).toContain('3 (C)');
  });

  it('rejects an empty header name between named columns', async () => {
    const error = await readError('a,,c\n1,2,3\n');
    expect(error.code).toBe('csv-empty-header');
    expect(error.message).toContain('2 (B)');
  });

  it.each([
    { label: 'an empty file', content: '' },
    { label: 'a BOM only', content: '\ufeff' },
    { label: 'blank lines only', content: '\r\n\n,,\n' },
  ])('rejects $label as empty', async ({ content }) => {
    const error = await readError(content);
    expect(error.code).toBe('csv-empty-file');
  });

  it.each([
    { label: 'NUL bytes', bytes: Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01, 0x02, 0x03]) },
    { label: 'an xlsx workbook', bytes: Buffer.from('PK\u0003\u0004rest-of-zip', 'latin1') },
    { label: 'control characters', bytes: Buffer.from('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008abc', 'latin1') },
    { label: 'UTF-16 without a BOM', bytes: Buffer.from('a,b\n1,2\n', 'utf16le') },
  ])('rejects $label as binary', async ({ bytes }) => {
    const error = await readError(bytes);
    expect(error.code).toBe('csv-binary-file');
    expect(error.message).toContain('not a');
  });

  it.each([
    { label: 'after the first 64 KB', tail: Buffer.from('x,\u0000\n', 'latin1') },
    { label: 'after Windows-1252 text', tail: Buffer.from('\u00e9,1\nx,\u0000\n', 'latin1') },
  ])('rejects NUL bytes $label, naming the line', async ({ tail }) => {
    const error = await readError(Buffer.concat([Buffer.from('a,b\n' + 'x,y\n'.repeat(20_000)), tail]));
    expect(error.code).toBe('csv-binary-file');
    expect(error.location.line).toBe(tail.length > 5 ? 20_003 : 20_002);
  });

  it('rejects a Windows-1252 file with some UTF-8 in it, naming the first line with UTF-8', async () => {
    const utf8Part = Buffer.from('name,city\r\nZoë,"Zürich\r\nNord"\r\n', 'utf8');
    const error = await readError(Buffer.concat([iconv.encode('name,city\r\nRené,Genève\r\nAndré,Besançon\r\n', 'windows-1252'), utf8Part.subarray(11)]));
    expect(error.code).toBe('csv-mixed-encoding');
    expect(error.location.line).toBe(4);
    expect(error.message).toContain('4 characters are not UTF-8');
  });

  it('stops a runaway line of delimiters early', async () => {
    const error = await readError('a,b\n1,2\n' + 'x;'.repeat(30_000) + '\n' + ','.repeat(30_000) + '\n');
    expect(error.code).toBe('csv-too-many-cells');
    expect(error.location).toMatchObject({ row: 4, line: 4 });
  });

  it.each([0, 1])('counts a cell\'s raw bytes against the limit, doubled quotes included (opening quote at offset 4 + %i)', async (shift) => {
    // Either parity: a read chunk may end between the two quotes of a pair.
    const content = `a,b\n${'x'.repeat(shift)},"${'""'.repeat(1 << 20)}"\n`;
    const error = await readError(content);
    expect(error.code).toBe('csv-cell-too-long');
    expect(error.location).toMatchObject({ row: 2, line: 2, column: 'b' });
    expect(error.message).toContain(`holds ${(2 + (2 << 20)).toLocaleString('en-US')} bytes, over the limit of 1 MB (1,048,576 bytes)`);
  });

  it('names an oversized cell beyond the header by its position', async () => {
    const error = await readError(`a,b\n1,2,${'z'.repeat(1_100_000)}\n`);
    expect(error.code).toBe('csv-cell-too-long');
    expect(error.location).toMatchObject({ row: 2, column: '3 (C)' });
  });

  it('reports a runaway quoted cell as never closed, keeping nothing of it', async () => {
    const error = await readError('a,b\n"runaway,1\n' + 'x,y\n'.repeat(300_000));
    expect(error.code).toBe('csv-unclosed-quote');
    expect(error.location).toMatchObject({ row: 2, line: 2 });
  });

  it('reports a missing file and a folder as unreadable', async () => {
    await withTempDir({ 'sub/x.csv': 'a\n' }, async (dir) => {
      for (const path of [join(dir, 'missing.csv'), join(dir, 'sub')]) {
        const error = await openCsv(path).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).code).toBe('csv-unreadable');
        expect((error as InputError).location.file).toBe(path);
      }
    });
  });
});

describe.skipIf(!existsSync('/proc/self/fd'))('file handles', () => {
  it('closes the file after a malformed row, an early break and a header-only read', async () => {
    const openFds = () => readdirSync('/proc/self/fd').length;
    await withTempDir({ 'bad.csv': 'a,b\n1,2\n' + '3,4\n'.repeat(100_000) + '5,6,7\n', 'good.csv': 'a,b\n' + '1,2\n'.repeat(100_000) }, async (dir) => {
      const before = openFds();
      for (let i = 0; i < 10; i++) {
        const bad = await openCsv(join(dir, 'bad.csv'));
        await expect((async () => {
          for await (const record of bad.records) void record;
        })()).rejects.toMatchObject({ code: 'csv-too-many-cells' });
        const good = await openCsv(join(dir, 'good.csv'));
        for await (const record of good.records) if (record.row > 3) break;
      }
      await sleep(50);
      expect(openFds()).toBeLessThanOrEqual(before);
    });
  });
});
