// validateFiles with keepContent: each input comes back with the records and the content hash read in
// the validating pass (the import plans from them instead of reading the file again).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFiles } from '../../src/validate/index.js';
import { TEST_TODAY } from '../helpers/clock.js';
import { withTempDir } from '../helpers/temp-dir.js';

const sample = (name: string): string => readFileSync(`fixtures/sample/${name}.csv`, 'utf8');
const sha256 = async (path: string): Promise<string> => createHash('sha256').update(await readFile(path)).digest('hex');

describe('validateFiles keepContent', () => {
  it("keeps each input's header, records and byte hash, and nothing of reference-only files", async () => {
    // A BOM, CRLF line ends and a blank row: the hash covers the bytes as they are, the records leave the blank row out.
    const families = `\uFEFF${sample('product-families').trimEnd().split('\n').join('\r\n')}\r\n\r\n`;
    await withTempDir({ 'families.csv': families, 'catalog/products.csv': sample('products') }, async (dir) => {
      const path = join(dir, 'families.csv');
      const report = await validateFiles([path], { asOf: TEST_TODAY, catalogPaths: [join(dir, 'catalog', 'products.csv')], keepContent: true });
      expect(report.files).toHaveLength(1);
      const [file] = report.files;
      expect(file!.content.sha256).toBe(await sha256(path));
      expect(file!.content.header).toEqual(['Status', 'Result', 'name', 'description', 'handle']);
      const dataLines = families.split('\r\n').slice(1).filter((line) => line !== '');
      expect(file!.content.records.map((record) => record.row)).toEqual(dataLines.map((_, index) => index + 2));
      expect(file!.content.records.map((record) => record.cells.join(','))).toEqual(dataLines);
      expect(file!.rows).toBe(dataLines.length);
    });
  });

  it('hashes the bytes as they are in the file, before transcoding (UTF-16)', async () => {
    const text = sample('product-families');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await withTempDir({ 'families.csv': bytes }, async (dir) => {
      const path = join(dir, 'families.csv');
      const [file] = (await validateFiles([path], { asOf: TEST_TODAY, keepContent: true })).files;
      expect(file!.content.sha256).toBe(await sha256(path));
      expect(file!.content.records[0]!.cells.join(',')).toBe(text.split('\n')[1]);
    });
  });

  it('leaves the content out unless asked', async () => {
    await withTempDir({ 'families.csv': sample('product-families') }, async (dir) => {
      const report = await validateFiles([join(dir, 'families.csv')], { asOf: TEST_TODAY });
      expect(report.files[0]).not.toHaveProperty('content');
    });
  });
});
