// No hangs under a pseudo-terminal that reports 0 columns (what `script` gives a command whose own
// input is not a terminal, as on some CI runners): every command ends, and prints a bounded amount.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../helpers/temp-dir.js';
import { TEST_ENV } from '../cli/run-cli.js';

const bin = fileURLToPath(new URL('../../bin/migrate.js', import.meta.url));
const samples = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));
const hasScript = spawnSync('script', ['--version']).status === 0;
const LIMIT_MS = 30_000;

/** Runs the CLI inside `script` (a pty of 0×0), killed after LIMIT_MS; what the pty showed, and how it ended. */
function underPseudoTerminal(cwd: string, args: string[]): Promise<{ code: number | null; timedOut: boolean; output: string }> {
  const command = [process.execPath, bin, ...args].map((word) => `'${word}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env: { ...process.env, ...TEST_ENV, CI: undefined, NO_COLOR: undefined }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (output.length < 1_000_000) output += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, LIMIT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, output: output.replace(/\r\n/g, '\n') });
    });
  });
}

describe.skipIf(!hasScript)('under a pseudo-terminal with 0 columns', () => {
  it.each([['pretty'], ['json'], ['github'], ['junit']])('validate --format %s ends with its report', async (format) => {
    await withTempDir({}, async (dir) => {
      const result = await underPseudoTerminal(dir, ['validate', samples, '--format', format]);
      expect(result.timedOut).toBe(false);
      expect(result.code).toBe(0);
      expect(result.output.length).toBeLessThan(100_000);
      expect(result.output).not.toContain('\u001b[1A');
    });
  });

  it('test-import and compare end, with plain progress', async () => {
    await withTempDir({}, async (dir) => {
      const imported = await underPseudoTerminal(dir, ['test-import', samples]);
      expect(imported.timedOut).toBe(false);
      expect(stripVTControlCharacters(imported.output)).toContain('Test import: 44 rows · 44 created');
      expect(imported.code).toBe(0);
      const compared = await underPseudoTerminal(dir, ['compare', 'migrate-results']);
      expect(compared.timedOut).toBe(false);
      expect(compared.code).toBe(1);
      expect(imported.output.length + compared.output.length).toBeLessThan(100_000);
    });
  });
});
