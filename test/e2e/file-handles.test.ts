// Many files, few descriptors: the built CLI under `ulimit -n 64` validates and test-imports 300
// template files, opening them a bounded few at a time (never EMFILE, never an internal error).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF } from './import-data.js';

const FILES = 300;
const MAX_OPEN_FILES = 64;

/** 300 product-family files of one row each, the `bad` ones with a handle no site accepts. */
function familyFiles(bad: number[] = []): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < FILES; i++) {
    const n = String(i).padStart(3, '0');
    const handle = bad.includes(i) ? `Bad Handle ${n}!` : `family-${n}`;
    files[`data/family-${n}.csv`] = `Status,Result,name,description,handle\n,,Family ${n},Family number ${n},${handle}\n`;
  }
  return files;
}

function expectNoDescriptorTrouble(result: { stderr: string; code: number | null }): void {
  expect(result.stderr).not.toMatch(/EMFILE|ENFILE|internal error/);
  expect(result.code).not.toBe(70);
}

describe(`${FILES} files under ulimit -n ${MAX_OPEN_FILES}`, () => {
  it('validate reads them all: exit 0 when valid, exit 1 naming the bad row', async () => {
    await withTempDir(familyFiles(), async (dir) => {
      const valid = await runCli(['validate', 'data', '--as-of', AS_OF, '--format', 'json'], { cwd: dir, maxOpenFiles: MAX_OPEN_FILES });
      expectNoDescriptorTrouble(valid);
      expect(valid.code, valid.stderr).toBe(0);
      expect(JSON.parse(valid.stdout).summary).toMatchObject({ files: FILES, rows: FILES, errorRows: 0 });
    });
    await withTempDir(familyFiles([250]), async (dir) => {
      const invalid = await runCli(['validate', 'data', '--as-of', AS_OF, '--format', 'json'], { cwd: dir, maxOpenFiles: MAX_OPEN_FILES });
      expectNoDescriptorTrouble(invalid);
      expect(invalid.code, invalid.stderr).toBe(1);
      const document = JSON.parse(invalid.stdout);
      expect(document.summary).toMatchObject({ files: FILES, errorRows: 1 });
      const bad = document.files.find((file: { errorRows: number }) => file.errorRows > 0);
      expect(bad.path).toMatch(/family-250\.csv$/);
    });
  });

  it('test-import sends every row and writes every result file', async () => {
    await withTempDir(familyFiles(), async (dir) => {
      const result = await runCli(['test-import', 'data', '--as-of', AS_OF, '--format', 'json'], { cwd: dir, maxOpenFiles: MAX_OPEN_FILES });
      expectNoDescriptorTrouble(result);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).summary).toMatchObject({ rows: FILES, error: 0, pending: 0 });
      const written = (await readdir(join(dir, 'migrate-results'))).filter((name) => name.endsWith('.csv'));
      expect(written).toHaveLength(FILES);
    });
  });
});
