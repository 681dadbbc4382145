// collectCsvFiles and collectInputs over real folder trees, and --ignore's matching.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ignoreTest } from '../../src/csv/ignore.js';
import { collectCsvFiles, collectInputs } from '../../src/csv/inputs.js';
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

  it('reads the workbooks of a results folder (the annotated copies), never those of a folder of templates', async () => {
    const names = ['results/subs.csv', 'results/migration.xlsx', 'results/~$migration.xlsx', 'results/result-sites.json', 'templates/subs.csv', 'templates/migration.xlsx'];
    await withTempDir(Object.fromEntries(names.map((name) => [name, 'x\n'])), async (dir) => {
      expect(await collectCsvFiles([join(dir, 'results')])).toEqual([join(dir, 'results', 'migration.xlsx'), join(dir, 'results', 'subs.csv')]);
      expect(await collectCsvFiles([join(dir, 'templates')])).toEqual([join(dir, 'templates', 'subs.csv')]);
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

describe('collectInputs', () => {
  it('names every path that gives no file at once, and keeps the files of the others', async () => {
    await withTempDir({ 'data/a.csv': 'x\n', 'empty/readme.md': '#\n' }, async (dir) => {
      const paths = [join(dir, 'missing.csv'), join(dir, 'data'), join(dir, 'empty')];
      const collected = await collectInputs(paths);
      expect(collected.files).toEqual([join(dir, 'data', 'a.csv')]);
      expect(collected.problems.map((problem) => [problem.code, problem.location.file])).toEqual([
        ['input-not-found', join(dir, 'missing.csv')],
        ['input-no-csv', join(dir, 'empty')],
      ]);
    });
  });

  it('--ignore leaves out files matched relative to the folder walked', async () => {
    await withTempDir({ 'data/subs.csv': 'x\n', 'data/notes.csv': 'x\n', 'data/old/a.csv': 'x\n' }, async (dir) => {
      const collected = await collectInputs([join(dir, 'data')], ignoreTest(['notes.csv', 'old/**']));
      expect(collected.files).toEqual([join(dir, 'data', 'subs.csv')]);
      expect(collected.ignored).toEqual([join(dir, 'data', 'notes.csv'), join(dir, 'data', 'old', 'a.csv')]);
    });
  });

  it('a folder whose files are all ignored is a problem naming --ignore', async () => {
    await withTempDir({ 'data/notes.csv': 'x\n' }, async (dir) => {
      const collected = await collectInputs([join(dir, 'data')], ignoreTest(['*.csv']));
      expect(collected.files).toEqual([]);
      expect(collected.problems[0]?.message).toBe('This folder has no .csv files other than those --ignore leaves out.');
    });
  });
});

describe('ignoreTest', () => {
  it.each([
    { patterns: ['notes.csv'], path: 'data/notes.csv', relative: 'notes.csv', ignored: true },
    { patterns: ['data/notes.csv'], path: 'data/notes.csv', relative: 'notes.csv', ignored: true },
    { patterns: ['./data//notes.csv'], path: 'data/notes.csv', relative: undefined, ignored: true },
    { patterns: ['data/notes.csv'], path: './data/notes.csv', relative: undefined, ignored: true },
    { patterns: ['**/old/*.csv'], path: 'data/old/a.csv', relative: 'old/a.csv', ignored: true },
    { patterns: ['old/**'], path: 'data/old/a.csv', relative: 'old/a.csv', ignored: true },
    { patterns: ['{notes,old/a}.csv'], path: 'data/old/a.csv', relative: 'old/a.csv', ignored: true },
    { patterns: ['*.csv'], path: 'data/old/a.csv', relative: 'old/a.csv', ignored: false },
    { patterns: ['NOTES.csv'], path: 'data/notes.csv', relative: 'notes.csv', ignored: false },
    { patterns: ['', ' '], path: 'data/notes.csv', relative: 'notes.csv', ignored: false },
  ])('$patterns on $path (relative: $relative) → $ignored', ({ patterns, path, relative, ignored }) => {
    expect(ignoreTest(patterns)(path, relative)).toBe(ignored);
  });
});
