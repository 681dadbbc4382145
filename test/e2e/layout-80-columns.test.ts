// Output in a terminal 80 columns wide (a real pseudo-terminal): no line wider than the terminal and
// no word split — the same words as the unwrapped output a pipe gets — and no colour under NO_COLOR,
// the spinner's included.
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { runCli } from '../cli/run-cli.js';
import { hasScript, underPseudoTerminal } from '../helpers/pseudo-terminal.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF, catalogFiles, NEXT_BILLING_AT, subscriptionsCsv } from './import-data.js';

const COLUMNS = 80;
const sample = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));
/** Any SGR sequence (colour, bold, dim): none may be written under NO_COLOR. */
const SGR = /\u001b\[[0-9;]*m/;

/** What differs between two runs of the same command: durations, the embedded sandbox's port, the run id. */
const steady = (text: string): string =>
  text
    .replace(/\d+(\.\d+)? (ms|s)\b/g, 'T')
    .replace(/127\.0\.0\.1:\d+/g, 'HOST')
    .replace(/run \d{8}T\d{6}Z-\w+/g, 'run ID');

const words = (text: string): string[] => steady(stripVTControlCharacters(text)).split(/\s+/).filter(Boolean);

/** What the terminal showed, laid out for 80 columns: every line fits, and the words are those of the unwrapped text. */
function expectLaidOut(shown: string, unwrapped: string): void {
  const lines = stripVTControlCharacters(shown).split('\n');
  const wide = lines.filter((line) => [...line].length > COLUMNS);
  expect(wide, shown).toEqual([]);
  expect(words(shown)).toEqual(words(unwrapped));
  // The wrapping was needed: the same text unwrapped has lines wider than the terminal.
  expect(unwrapped.split('\n').some((line) => [...line].length > COLUMNS)).toBe(true);
}

describe.skipIf(!hasScript)('at 80 columns in a terminal', () => {
  it('templates customers-advanced: descriptions under the names, wrapped at words', async () => {
    await withTempDir({}, async (dir) => {
      const shown = await underPseudoTerminal(['templates', 'customers-advanced'], { cwd: dir, columns: COLUMNS, discardStderr: true });
      expect(shown.code).toBe(0);
      const piped = await runCli(['templates', 'customers-advanced'], { cwd: dir });
      expectLaidOut(shown.output, piped.stdout);
      // No description starts half-way across the terminal.
      const columnsSection = stripVTControlCharacters(shown.output)
        .split('\n\n')
        .find((block) => block.startsWith('Columns\n'))!;
      expect(columnsSection).toContain('import_identifier_customer_reference');
      for (const line of columnsSection.split('\n')) expect(/^ */.exec(line)![0].length, line).toBeLessThanOrEqual(20);
    });
  });

  it("validate's pretty report wraps long messages; --format json is never wrapped", async () => {
    const files = { 'subs.csv': subscriptionsCsv(2, [], NEXT_BILLING_AT, { shipping_country: 'USA', payment_collection_method: 'cash' }) };
    await withTempDir(files, async (dir) => {
      const args = ['validate', 'subs.csv', '--as-of', AS_OF];
      const shown = await underPseudoTerminal(args, { cwd: dir, columns: COLUMNS, discardStderr: true });
      expect(shown.code).toBe(1);
      expectLaidOut(shown.output, (await runCli(args, { cwd: dir })).stdout);
      const json = await underPseudoTerminal([...args, '--format', 'json'], { cwd: dir, columns: COLUMNS, discardStderr: true });
      expect(JSON.parse(json.output).summary.errors).toBe(4);
    });
  });

  it("the import's notices and compare's explanations wrap at words", async () => {
    await withTempDir({}, async (shownDir) => {
      await withTempDir({}, async (pipedDir) => {
        for (const dir of [shownDir, pipedDir]) await cp(sample, join(dir, 'sample'), { recursive: true });
        const imported = await underPseudoTerminal(['test-import', 'sample', '--as-of', AS_OF], { cwd: shownDir, columns: COLUMNS, discardStderr: true });
        expect(imported.code).toBe(0);
        expect(imported.output).toContain('notice');
        expectLaidOut(imported.output, (await runCli(['test-import', 'sample', '--as-of', AS_OF], { cwd: pipedDir })).stdout);

        const compared = await underPseudoTerminal(['compare', 'migrate-results'], { cwd: shownDir, columns: COLUMNS, discardStderr: true });
        expect(compared.code).toBe(1);
        expect(compared.output).toContain('likely cause');
        expectLaidOut(compared.output, (await runCli(['compare', 'migrate-results'], { cwd: shownDir })).stdout);
      });
    });
  }, 60_000);

  it.each([
    ['a usage error with a suggestion', ['validat'], 'Did you mean validate?'],
    ['an input error with a hint', ['templates', 'customer-advanced'], 'Did you mean customers-advanced?'],
  ])('%s is one sentence, wrapped at words', async (_name, args, suggestion) => {
    await withTempDir({}, async (dir) => {
      const shown = await underPseudoTerminal(args, { cwd: dir, columns: COLUMNS });
      expect(shown.code).toBe(2);
      const piped = await runCli(args, { cwd: dir });
      expect(piped.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(piped.stderr).toContain(suggestion);
      // A message short of 80 columns needs no wrapping; those here are longer.
      expectLaidOut(shown.output, piped.stderr);
    });
  });
});

describe.skipIf(!hasScript)('NO_COLOR in a terminal', () => {
  it('draws the spinner and the report without colour', async () => {
    const outputs: string[] = [];
    for (const env of [{ NO_COLOR: '1' }, {}]) {
      const sandbox = await startSandbox({ latency: { ms: 20, jitterMs: 0 } });
      try {
        await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(30) }, async (dir) => {
          await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: sandbox.baseUrl } } }));
          const run = await underPseudoTerminal(['test-import', 'data', '--as-of', AS_OF], { cwd: dir, columns: COLUMNS, env });
          expect(run.code, run.output).toBe(0);
          // The spinner was drawn: its frames are braille dots.
          expect(stripVTControlCharacters(run.output)).toMatch(/[\u2800-\u28ff] \d+\/\d+ objects/);
          outputs.push(run.output);
        });
      } finally {
        await sandbox.close();
      }
    }
    const [plain, coloured] = outputs;
    expect(plain).not.toMatch(SGR);
    // The same run with colours allowed does colour the spinner: the check above can fail.
    expect(coloured).toMatch(/\u001b\[36m[\u2800-\u28ff]/);
  }, 60_000);
});
