// The annotated writer and report writer: untouched cells, appended columns, encodings, injection safety, atomicity.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openCsv } from '../../src/csv/reader.js';
import type { CsvRecord } from '../../src/csv/types.js';
import { sanitizeCell, writeAnnotatedCopy, writeCsvRows } from '../../src/csv/writer.js';
import { InputError } from '../../src/errors.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('sanitizeCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+2', `'+1+2`],
    ['-cmd', `'-cmd`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
    ['-12.50', '-12.50'],
    ['+3', '+3'],
    ['-.5', '-.5'],
    ['12', '12'],
    ['', ''],
    ['success', 'success'],
    ['-', `'-`],
    ['-1e5', `'-1e5`],
  ])('%j → %j', (value, expected) => {
    expect(sanitizeCell(value)).toBe(expected);
  });
});

describe('writeAnnotatedCopy', () => {
  it('changes only the returned columns, keeping every other cell and blank row', async () => {
    const input = 'reference,Status,note,Result\r\nc-1,,"a, ""quoted""\r\nvalue",\r\n\r\nc-2,old,=1+1,\r\n';
    await withTempDir({ 'in.csv': input }, async (dir) => {
      const out = join(dir, 'results', 'in.csv');
      const result = await writeAnnotatedCopy(join(dir, 'in.csv'), out, (record) =>
        record.cells[0] === 'c-1' ? { Status: 'success', Result: 'https://x.test/customers/1' } : { Status: 'error', Result: '=bad' },
      );
      expect(result).toEqual({ rows: 2 });
      expect(await readFile(out, 'utf8')).toBe(
        'reference,Status,note,Result\r\nc-1,success,"a, ""quoted""\r\nvalue",https://x.test/customers/1\r\n\r\nc-2,error,=1+1,\'=bad\r\n',
      );
      expect(await readFile(join(dir, 'in.csv'), 'utf8')).toBe(input);
    });
  });

  it('reads back identical rows after a copy that writes nothing (property)', async () => {
    const cell = fc.array(fc.constantFrom('x', 'é', ' ', ',', ';', '"', '\n', '\r\n', '='), { maxLength: 5 }).map((p) => p.join(''));
    await withTempDir({}, async (dir) => {
      const input = join(dir, 'in.csv');
      const output = join(dir, 'out.csv');
      const readAll = async (path: string) => {
        const source = await openCsv(path, { includeBlankRows: true });
        const records: CsvRecord[] = [];
        for await (const record of source.records) records.push(record);
        return { header: source.header, records };
      };
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), fc.constantFrom(',', ';', '\t'), async (grid, delimiter) => {
          await writeFile(input, stringify([['a', 'b', 'c'], ...grid], { delimiter, quoted_match: /[\r\n]/ }));
          await writeAnnotatedCopy(input, output, () => undefined);
          const [original, copy] = [await readAll(input), await readAll(output)];
          expect(copy).toEqual(original);
        }),
        { numRuns: 100 },
      );
    });
  });

  it('appends columns missing from the header, in the order first returned', async () => {
    await withTempDir({ 'in.csv': 'a;b\n1;2\n3;4\n5;6\n' }, async (dir) => {
      const out = join(dir, 'out.csv');
      await writeAnnotatedCopy(join(dir, 'in.csv'), out, (record) =>
        record.row === 2 ? undefined : record.row === 3 ? { Status: 'ok' } : { Result: 'r;x', Status: 'ok' },
      );
      expect(await readFile(out, 'utf8')).toBe('a;b;Status;Result\n1;2\n3;4;ok\n5;6;ok;"r;x"\n');
      const reread = await openCsv(out);
      expect(reread.header).toEqual(['a', 'b', 'Status', 'Result']);
      expect(await readdir(dir)).toEqual(['in.csv', 'out.csv']);
    });
  });

  it('writes UTF-8 with a BOM when the input was Windows-1252 or UTF-16, and keeps a UTF-8 BOM', async () => {
    const text = 'name,Status\nCafé €,\n';
    await withTempDir(
      {
        'cp.csv': iconv.encode(text, 'windows-1252'),
        'u16.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
        'bom.csv': `\ufeff${text}`,
        'plain.csv': text,
      },
      async (dir) => {
        for (const name of ['cp.csv', 'u16.csv', 'bom.csv', 'plain.csv']) {
          const out = join(dir, `out-${name}`);
          await writeAnnotatedCopy(join(dir, name), out, () => ({ Status: 'success' }));
          const bytes = await readFile(out);
          const bom = name !== 'plain.csv' ? '\ufeff' : '';
          expect(bytes.toString('utf8')).toBe(`${bom}name,Status\nCafé €,success\n`);
        }
      },
    );
  });

  it('keeps blank rows before the header so row numbers still match', async () => {
    await withTempDir({ 'in.csv': '\na,Status\n1,\n' }, async (dir) => {
      const out = join(dir, 'out.csv');
      await writeAnnotatedCopy(join(dir, 'in.csv'), out, (record) => ({ Status: String(record.row) }));
      expect(await readFile(out, 'utf8')).toBe('\na,Status\n1,3\n');
    });
  });

  it('can write over its own input (in place) atomically', async () => {
    await withTempDir({ 'in.csv': 'a,Status\n1,\n' }, async (dir) => {
      const path = join(dir, 'in.csv');
      await writeAnnotatedCopy(path, path, () => ({ Status: 'pending' }));
      expect(await readFile(path, 'utf8')).toBe('a,Status\n1,pending\n');
      expect(await readdir(dir)).toEqual(['in.csv']);
    });
  });

  it('leaves no output and no temp file when the callback throws', async () => {
    const big = 'a,Status\n' + '1,\n'.repeat(50_000);
    await withTempDir({ 'in.csv': big, 'out.csv': 'previous results\n' }, async (dir) => {
      const out = join(dir, 'out.csv');
      await expect(
        writeAnnotatedCopy(join(dir, 'in.csv'), out, (record) => {
          if (record.row === 40_000) throw new Error('boom');
          return { Status: 'x' };
        }),
      ).rejects.toThrow('boom');
      expect(await readFile(out, 'utf8')).toBe('previous results\n');
      expect((await readdir(dir)).sort()).toEqual(['in.csv', 'out.csv']);
    });
  });

  it('turns a file-system failure into an InputError naming the output', async () => {
    await withTempDir({ 'in.csv': 'a,b\n1,2\n' }, async (dir) => {
      const out = join(dir, 'in.csv', 'nested', 'out.csv');
      const error = await writeAnnotatedCopy(join(dir, 'in.csv'), out, () => undefined).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ code: 'output-unwritable' });
      expect((error as InputError).message).toContain(out);
    });
  });

  it('leaves no output when the input is malformed halfway', async () => {
    await withTempDir({ 'in.csv': 'a,b\n1,2\n3,4,5\n' }, async (dir) => {
      const out = join(dir, 'out.csv');
      await expect(writeAnnotatedCopy(join(dir, 'in.csv'), out, () => ({ b: 'x' }))).rejects.toBeInstanceOf(InputError);
      expect(await readdir(dir)).toEqual(['in.csv']);
    });
  });
});

describe('writeCsvRows', () => {
  it('writes a report atomically with every cell sanitized', async () => {
    await withTempDir({}, async (dir) => {
      const out = join(dir, 'report', 'mismatches.csv');
      async function* rows() {
        yield ['c-1', '-12.50', '=cmd|x'];
        yield ['c-2', 'multi\nline', 'say "hi"'];
      }
      const result = await writeCsvRows(out, ['key', 'difference', 'note'], rows());
      expect(result).toEqual({ rows: 2 });
      expect(await readFile(out, 'utf8')).toBe('key,difference,note\nc-1,-12.50,\'=cmd|x\nc-2,"multi\nline","say ""hi"""\n');
    });
  });

  it('honours delimiter, newline and BOM options', async () => {
    await withTempDir({}, async (dir) => {
      const out = join(dir, 'r.csv');
      await writeCsvRows(out, ['a', 'b'], [['1;2', 'x']], { delimiter: ';', newline: '\r\n', bom: true });
      expect(await readFile(out, 'utf8')).toBe('\ufeffa;b\r\n"1;2";x\r\n');
    });
  });

  it('leaves no file when the rows fail', async () => {
    await withTempDir({ 'r.csv': 'old\n' }, async (dir) => {
      const out = join(dir, 'r.csv');
      async function* rows() {
        yield ['1'];
        throw new Error('source failed');
      }
      await expect(writeCsvRows(out, ['a'], rows())).rejects.toThrow('source failed');
      expect(await readdir(dir)).toEqual(['r.csv']);
      expect(await readFile(out, 'utf8')).toBe('old\n');
    });
  });
});

it('withTempDir (the fixture helper these tests rely on) removes its folder afterwards', async () => {
  let kept = '';
  await withTempDir({ 'x/y.csv': 'a\n' }, async (dir) => {
    kept = dir;
    await writeFile(join(dir, 'z.csv'), 'b\n');
  });
  await expect(readdir(kept)).rejects.toMatchObject({ code: 'ENOENT' });
});
