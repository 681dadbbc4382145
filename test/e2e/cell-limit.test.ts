// The 1 MB cell limit through the built CLI on real 100 MB files: it counts a cell's raw bytes
// (doubled quotes included), and a closed quoted cell over it is "over the limit", not "never closed".
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../cli/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF } from './import-data.js';

const HEADER = 'Status,Result,name,description,handle\n';
const MB = 1 << 20;

/** Writes `before`, then `filler` repeated up to `megabytes` MB, then `after`: streamed, a megabyte a write. */
async function writeBigFile(path: string, before: string, filler: string, megabytes: number, after: string): Promise<void> {
  const out = createWriteStream(path);
  const block = Buffer.from(filler.repeat(MB / filler.length));
  out.write(before);
  for (let i = 0; i < megabytes; i++) if (!out.write(block)) await once(out, 'drain');
  out.end(after);
  await once(out, 'finish');
}

/** The file is reported as not read (exit 2) and named in one line on stderr, before the line that closes the run. */
function expectOneLine(result: CliResult, pattern: RegExp): void {
  expect(result.stdout).toMatch(/^families\.csv {2}(product-families · )?not read, skipped$/m);
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(pattern);
  expect(lines[1]).toMatch(/^migrate: 1 of 1 input file could not be read and was skipped;/);
  expect(result.code).toBe(2);
}

describe('the 1 MB cell limit', () => {
  it('counts doubled quotes: 100 MB of "" in a closed quoted cell is over the limit (exit 2, row, column, size, limit)', async () => {
    await withTempDir({}, async (dir) => {
      // The opening quote sits at an even offset, so a read chunk can end between the two quotes of a pair.
      const before = `${HEADER},,Family1,"`;
      expect(before.length % 2).toBe(1);
      await writeBigFile(join(dir, 'families.csv'), before, '""', 100, '",family-1\n');
      const result = await runCli(['validate', 'families.csv', '--as-of', AS_OF], { cwd: dir });
      expectOneLine(result, /families\.csv, row 2, column description: .*104,857,602 bytes.*over the limit of 1 MB \(1,048,576 bytes\)/);
    });
  });

  it('a closed 100 MB quoted cell is over the limit, not a quote that is never closed', async () => {
    await withTempDir({}, async (dir) => {
      await writeBigFile(join(dir, 'families.csv'), `${HEADER},,Family1,Plain,"`, 'x', 100, '"\n');
      const result = await runCli(['validate', 'families.csv', '--as-of', AS_OF], { cwd: dir });
      expectOneLine(result, /families\.csv, row 2, column handle: .*104,857,602 bytes.*over the limit of 1 MB/);
    });
  });

  it('an unquoted cell over the limit names its column and size', async () => {
    await withTempDir({}, async (dir) => {
      await writeBigFile(join(dir, 'families.csv'), `${HEADER},,`, 'y', 3, ',Plain,family-1\n');
      const result = await runCli(['validate', 'families.csv', '--as-of', AS_OF], { cwd: dir });
      expectOneLine(result, /families\.csv, row 2, column name: .*3,145,728 bytes.*over the limit of 1 MB/);
    });
  });

  it('a quote that is never closed is still reported as such, on the line it opened', async () => {
    await withTempDir({}, async (dir) => {
      await writeBigFile(join(dir, 'families.csv'), `${HEADER},,Family1,"runaway,family-1\n`, ',,Family,Plain,family\n', 3, '');
      const result = await runCli(['validate', 'families.csv', '--as-of', AS_OF], { cwd: dir });
      expectOneLine(result, /families\.csv, row 2: A quote opened on line 2 is never closed/);
    });
  });
});
