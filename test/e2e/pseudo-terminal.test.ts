// No hangs under a pseudo-terminal that reports 0 columns (what `script` gives a command whose own
// input is not a terminal, as on some CI runners): every command ends, and prints a bounded amount.
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hasScript, underPseudoTerminal as inPty } from '../helpers/pseudo-terminal.js';
import { withTempDir } from '../helpers/temp-dir.js';

const samples = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));

/** Runs the CLI inside `script` (a pty of 0×0), killed after 30 s. */
const underPseudoTerminal = (cwd: string, args: string[]) => inPty(args, { cwd, limitMs: 30_000 });

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
