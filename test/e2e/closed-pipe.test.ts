// `migrate … | head -1`: the built CLI writing into a pipe whose reader has gone (EPIPE) drops the
// rest of its output quietly and exits with the command's own code, never with a stack trace.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_ENV } from '../cli/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF } from './import-data.js';

const bin = fileURLToPath(new URL('../../bin/migrate.js', import.meta.url));

interface ClosedPipeRun {
  code: number | null;
  stderr: string;
  /** What was read from stdout before its read end was closed. */
  read: string;
}

/**
 * Runs the CLI with stdout on a real pipe and closes the pipe's read end: right away (`before`), or
 * once the first chunk has arrived (`after-first-chunk`), as `head -1` does.
 */
function runIntoClosedPipe(args: string[], cwd: string, close: 'before' | 'after-first-chunk'): Promise<ClosedPipeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...TEST_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let read = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    if (close === 'before') child.stdout.destroy();
    else {
      child.stdout.setEncoding('utf8').once('data', (text: string) => {
        read = text;
        child.stdout.destroy();
      });
    }
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, read }));
  });
}

function expectQuiet(run: ClosedPipeRun): void {
  expect(run.stderr).not.toMatch(/EPIPE|\n\s+at |internal error|Unhandled/);
  expect(run.stderr).toBe('');
}

/** A product-families file of `rows` rows, each with a handle validation refuses: a long report. */
function badFamilies(rows: number): string {
  const lines = ['Status,Result,name,description,handle'];
  for (let i = 0; i < rows; i++) lines.push(`,,Family ${i},Family number ${i},Bad Handle ${i}!`);
  return `${lines.join('\n')}\n`;
}

describe('output into a closed pipe', () => {
  it('migrate resync --help | head -1: exit 0, no stack trace', async () => {
    await withTempDir({}, async (dir) => {
      const run = await runIntoClosedPipe(['resync', '--help'], dir, 'before');
      expectQuiet(run);
      expect(run.code).toBe(0);
    });
  });

  it('migrate validate … | head -1 on a long report: the first chunk arrives, then exit 1 (rows have errors), no stack trace', async () => {
    await withTempDir({ 'families.csv': badFamilies(3000) }, async (dir) => {
      const run = await runIntoClosedPipe(['validate', 'families.csv', '--as-of', AS_OF], dir, 'after-first-chunk');
      expect(run.read).toContain('families.csv');
      expectQuiet(run);
      expect(run.code).toBe(1);
    });
  });
});
