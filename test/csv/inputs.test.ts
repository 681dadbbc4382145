// collectCsvFiles over real folder trees.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { collectCsvFiles } from '../../src/csv/inputs.js';
import { InputError } from '../../src/errors.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('collectCsvFiles', () => {
  it('finds every .csv in a folder, recursively and sorted, skipping hidden, node_modules and results folders', async () => {
    const tree = {
      'b.csv': 'x\n',
      'A.CSV': 'x\n',
      'notes.txt': 'x\n',
      'sub/c.csv': 'x\n',
      'sub/deeper/d.Csv': 'x\n',
      '.git/e.csv': 'x\n',
      '.hidden.csv': 'x\n',
      '~$lock.csv': 'x\n',
      'node_modules/f.csv': 'x\n',
      'migrate-results/b.csv': 'x\n',
    };
    await withTempDir(tree, async (dir) => {
      expect(await collectCsvFiles([dir])).toEqual([
        join(dir, 'A.CSV'),
        join(dir, 'b.csv'),
        join(dir, 'sub', 'c.csv'),
        join(dir, 'sub', 'deeper', 'd.Csv'),
      ]);
    });
  });

  it("leaves compare's own --out report out of a folder search, but reads it when given by name", async () => {
    await withTempDir({ 'results/subs.csv': 'x\n', 'results/compare-mismatches.csv': 'file,row\n' }, async (dir) => {
      expect(await collectCsvFiles([join(dir, 'results')])).toEqual([join(dir, 'results', 'subs.csv')]);
      expect(await collectCsvFiles([join(dir, 'results', 'compare-mismatches.csv')])).toEqual([join(dir, 'results', 'compare-mismatches.csv')]);
    });
  });

  it('leaves out a nested folder of another run\'s results (live/ inside migrate-results), but reads it when given', async () => {
    const tree = { 'results/subs.csv': 'x\n', 'results/result-sites.json': '{}', 'results/live/subs.csv': 'x\n', 'results/live/result-sites.json': '{}' };
    await withTempDir(tree, async (dir) => {
      expect(await collectCsvFiles([join(dir, 'results')])).toEqual([join(dir, 'results', 'subs.csv')]);
      expect(await collectCsvFiles([join(dir, 'results', 'live')])).toEqual([join(dir, 'results', 'live', 'subs.csv')]);
    });
  });

  it('keeps files as given, in order, and lists a file reached twice once', async () => {
    await withTempDir({ 'z.txt': 'x\n', 'folder/a.csv': 'x\n' }, async (dir) => {
      const given = [join(dir, 'z.txt'), join(dir, 'folder', 'a.csv'), join(dir, 'folder')];
      expect(await collectCsvFiles(given)).toEqual([join(dir, 'z.txt'), join(dir, 'folder', 'a.csv')]);
    });
  });

  it.each<{ label: string; files: Record<string, string>; path: string; code: string }>([
    { label: 'a missing path', files: {}, path: 'missing.csv', code: 'input-not-found' },
    { label: 'a folder without CSV files', files: { 'empty/readme.md': '#\n' }, path: 'empty', code: 'input-no-csv' },
  ])('rejects $label with an InputError naming it', async ({ files, path, code }) => {
    await withTempDir(files, async (dir) => {
      const error = await collectCsvFiles([join(dir, path)]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).code).toBe(code);
      expect((error as InputError).location.file).toBe(join(dir, path));
    });
  });

  it('rejects an empty list', async () => {
    await expect(collectCsvFiles([])).rejects.toMatchObject({ code: 'input-missing' });
  });
});
