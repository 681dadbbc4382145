// End to end: the built `migrate validate` reports every file, whatever happens — an unreadable file is a
// file-level finding in every format (exit 2 after the whole report), --ignore leaves files out, findings
// are counted by rule, and --max-findings caps the pretty list; imports refuse naming every bad file.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { xmlProblem } from '../cli/xml-well-formed.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF, subscriptionsCsv } from './import-data.js';
import { journalLines } from './run-cli.js';

const asOf = ['--as-of', AS_OF];
const good = subscriptionsCsv(2);
const [headerLine] = good.split('\n');
const duplicateHeader = `${headerLine},email\n`;
/** Two rows whose email is not an address: a readable file with row errors. */
const missingEmail = subscriptionsCsv(2, [2, 3]);
const notes = 'title,body\nRemember,call Ada\n';

interface JsonFile {
  path: string;
  template: string | null;
  rows: number;
  error?: { rule: string; message: string; row?: number; line?: number; column?: string };
  issues: Array<{ rule: string; severity: string }>;
}

describe('every --format prints a complete document when a file cannot be read', () => {
  it('json: the empty file is a file-level error in files[], exit 2 after the document', async () => {
    await withTempDir({ 'empty.csv': '' }, async (dir) => {
      const result = await runCli(['validate', 'empty.csv', ...asOf, '--format', 'json'], { cwd: dir });
      expect(result.code).toBe(2);
      const document = JSON.parse(result.stdout) as { summary: Record<string, unknown>; files: JsonFile[] };
      expect(document.files).toHaveLength(1);
      expect(document.files[0]).toMatchObject({ path: 'empty.csv', template: null, rows: 0, issues: [] });
      expect(document.files[0]!.error).toMatchObject({ rule: 'csv-empty-file', message: expect.stringContaining('The file is empty') });
      expect(document.summary).toMatchObject({ files: 1, unreadableFiles: 1, errors: 1 });
      expect(result.stderr).toContain('empty.csv');
    });
  });

  it('github: an ::error annotation on the file, then the summary', async () => {
    await withTempDir({ 'empty.csv': '' }, async (dir) => {
      const result = await runCli(['validate', 'empty.csv', ...asOf, '--format', 'github'], { cwd: dir });
      expect(result.code).toBe(2);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines.every((line) => /^::(error|warning|notice) /.test(line))).toBe(true);
      expect(lines[0]).toMatch(/^::error file=empty\.csv,title=csv-empty-file::File not read, skipped: The file is empty/);
      expect(result.stdout).toMatch(/title=migrate validate::1 file \(1 not read\)/);
    });
  });

  it('junit: a failed test case in the file\'s suite, well-formed', async () => {
    await withTempDir({ 'empty.csv': '', 'good.csv': good }, async (dir) => {
      const result = await runCli(['validate', 'good.csv', 'empty.csv', ...asOf, '--format', 'junit'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(xmlProblem(result.stdout)).toBeUndefined();
      expect(result.stdout).toContain('<testsuite name="good.csv" tests="0" failures="0"');
      expect(result.stdout).toContain('<testsuite name="empty.csv" tests="1" failures="1"');
      expect(result.stdout).toMatch(/<testcase name="file not read" classname="empty.csv">\s*<failure type="csv-empty-file" message="The file is empty/);
    });
  });

  it('a missing file and a cell over the limit are file-level errors too, with the row and column when known', async () => {
    const hugeCell = `${headerLine}\n${good.split('\n')[1]}\n"${'x'.repeat(1_100_000)}"\n`;
    await withTempDir({ 'good.csv': good, 'huge.csv': hugeCell }, async (dir) => {
      const result = await runCli(['validate', 'good.csv', 'missing.csv', 'huge.csv', ...asOf, '--format', 'json'], { cwd: dir });
      expect(result.code).toBe(2);
      const document = JSON.parse(result.stdout) as { files: JsonFile[] };
      expect(document.files.map((file) => [file.path, file.error?.rule])).toEqual([
        ['good.csv', undefined],
        ['missing.csv', 'input-not-found'],
        ['huge.csv', 'csv-cell-too-long'],
      ]);
      expect(document.files[2]!.error).toMatchObject({ row: 3, column: 'Status' });
    });
  });
});

describe('validate reports every file', () => {
  const threeFiles = { 'empty.csv': '', 'dup-header.csv': duplicateHeader, 'missing-email.csv': missingEmail };

  it('three bad files: all three in one pretty report, exit 2 after it', async () => {
    await withTempDir(threeFiles, async (dir) => {
      const result = await runCli(['validate', 'empty.csv', 'dup-header.csv', 'missing-email.csv', ...asOf], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/^empty\.csv {2}not read, skipped/m);
      expect(result.stdout).toContain('The file is empty: it has no header row.');
      expect(result.stdout).toMatch(/^dup-header\.csv {2}not read, skipped/m);
      expect(result.stdout).toContain('The header names "email" twice');
      expect(result.stdout).toMatch(/^missing-email\.csv {2}subscriptions-standard · 2 rows · 2 rows with errors/m);
      expect(result.stdout).toMatch(/Summary \(as of [\d-]+\): 3 files · 2 not read · 2 rows/);
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(/^migrate: empty\.csv: The file is empty/),
        expect.stringMatching(/^migrate: dup-header\.csv, row 1, column email: The header names "email" twice/),
        'migrate: 2 of 3 input files could not be read and were skipped; fix them (the report says how) or leave them out with --ignore.',
      ]);
    });
  });

  it('three bad files in json: every file, those that could not be read after the others (each group in argument order)', async () => {
    await withTempDir(threeFiles, async (dir) => {
      const result = await runCli(['validate', 'empty.csv', 'dup-header.csv', 'missing-email.csv', ...asOf, '--format', 'json'], { cwd: dir });
      expect(result.code).toBe(2);
      const document = JSON.parse(result.stdout) as { files: JsonFile[] };
      expect(document.files.map((file) => [file.path, file.error?.rule ?? file.issues.map((issue) => issue.rule).join()])).toEqual([
        ['missing-email.csv', 'email,email'],
        ['empty.csv', 'csv-empty-file'],
        ['dup-header.csv', 'csv-duplicate-header'],
      ]);
      expect(document.files[2]!.error).toMatchObject({ row: 1, column: 'email' });
    });
  });

  it('a folder with an unrelated notes.csv: the templates are reported, notes.csv is reported and skipped (exit 2)', async () => {
    await withTempDir({ 'data/subscriptions.csv': good, 'data/notes.csv': notes }, async (dir) => {
      const result = await runCli(['validate', 'data', ...asOf], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/^data\/subscriptions\.csv {2}subscriptions-standard · 2 rows · valid/m);
      expect(result.stdout).toMatch(/^data\/notes\.csv {2}not read, skipped/m);
      expect(result.stdout).toContain('cannot tell the template kind from the header row');
    });
  });

  it.each(['notes.csv', 'data/notes.csv', '**/notes.csv', 'data/*.txt,notes.*'])('--ignore %s leaves it out (matched relative to the folder, or as given)', async (patterns) => {
    await withTempDir({ 'data/subscriptions.csv': good, 'data/notes.csv': notes }, async (dir) => {
      const ignore = patterns.split(',').flatMap((pattern) => ['--ignore', pattern]);
      const result = await runCli(['validate', 'data', ...ignore, ...asOf, '--format', 'json'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      // Node 20's glob matcher is experimental: its warning must not reach the user.
      expect(result.stderr).toBe('');
      const document = JSON.parse(result.stdout) as { summary: Record<string, unknown>; files: JsonFile[] };
      expect(document.files.map((file) => file.path)).toEqual(['data/subscriptions.csv']);
      expect(document.summary).toMatchObject({ files: 1, ignoredFiles: 1 });
    });
  });

  it('--ignore that leaves a folder without templates: an input error for the folder, in the report', async () => {
    await withTempDir({ 'data/notes.csv': notes }, async (dir) => {
      const result = await runCli(['validate', 'data', '--ignore', '*.csv', ...asOf, '--format', 'json'], { cwd: dir });
      expect(result.code).toBe(2);
      const document = JSON.parse(result.stdout) as { files: JsonFile[] };
      expect(document.files.map((file) => [file.path, file.error?.rule])).toEqual([['data', 'input-no-csv']]);
    });
  });

  it('--out writes annotated copies of the files that were read, none for an unreadable one', async () => {
    await withTempDir({ 'good.csv': good, 'empty.csv': '' }, async (dir) => {
      const result = await runCli(['validate', 'good.csv', 'empty.csv', ...asOf, '--out', 'results'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(await readdir(join(dir, 'results'))).toEqual(['good.csv']);
    });
  });
});

describe('test-import with bad files', () => {
  it('refuses before sending anything, naming every bad file at once', async () => {
    await withTempDir({ 'data/subscriptions.csv': good, 'data/empty.csv': '', 'data/notes.csv': notes }, async (dir) => {
      const result = await runCli(['test-import', 'data', ...asOf], { cwd: dir });
      expect(result.code).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toEqual([
        expect.stringMatching(/^migrate: data\/empty\.csv: The file is empty/),
        expect.stringMatching(/^migrate: data\/notes\.csv, row 1: cannot tell the template kind/),
        'migrate: 2 input files could not be read; nothing was sent. Fix them or leave them out with --ignore.',
      ]);
      expect(await journalLines(dir)).toBe(0);
      expect(await readdir(dir)).toEqual(['data']);
    });
  });

  it('--ignore leaves an unrelated file out of an import', async () => {
    await withTempDir({ 'data/subscriptions.csv': good, 'data/notes.csv': notes }, async (dir) => {
      const result = await runCli(['test-import', 'data', '--ignore', 'notes.csv', ...asOf, '--dry-run'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('Dry run of test-import');
    });
  });
});

describe('findings summarised by rule, and --max-findings', () => {
  const rows = 6000;
  const badRows = Array.from({ length: rows }, (_, index) => index + 2);
  const manyErrors = subscriptionsCsv(rows, badRows);

  it('pretty: 50 findings per file by default, the rest counted, then the per-rule table', async () => {
    await withTempDir({ 'subs.csv': manyErrors }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf], { cwd: dir });
      expect(result.code).toBe(1);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines.length).toBeLessThan(200);
      expect(result.stdout.match(/✖ error/g)).toHaveLength(50);
      expect(result.stdout).toContain('… and 5,950 more findings in this file (use --max-findings 0 for all)');
      expect(result.stdout).toMatch(/Findings by rule\n\s+rule\s+severity\s+count\s+example\n\s+email\s+error\s+6,000\s+subs\.csv row 2, email "ann0001@example"\n/);
      expect(lines.at(-1)).toMatch(/^Summary \(as of [\d-]+\): 1 file · 6000 rows · 0 valid · 6000 with errors · 6000 errors · 0 warnings$/);
    });
  });

  it.each([
    { flag: '10', shown: 10 },
    { flag: '0', shown: 6000 },
  ])('pretty: --max-findings $flag shows $shown', async ({ flag, shown }) => {
    await withTempDir({ 'subs.csv': manyErrors }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf, '--max-findings', flag], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout.match(/✖ error/g)).toHaveLength(shown);
      if (shown < rows) expect(result.stdout).toContain(`… and ${(rows - shown).toLocaleString('en-US')} more findings in this file`);
      else expect(result.stdout).not.toContain('more findings in this file');
    });
  });

  it('--max-findings must be a whole number', async () => {
    await withTempDir({ 'subs.csv': good }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf, '--max-findings', 'ten'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^migrate: --max-findings expects a whole number \(0 for all\), got "ten"\./);
    });
  });

  it('json keeps every finding and counts them by rule', async () => {
    await withTempDir({ 'subs.csv': manyErrors }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf, '--format', 'json', '--max-findings', '5'], { cwd: dir });
      expect(result.code).toBe(1);
      const document = JSON.parse(result.stdout) as { summary: { byRule: unknown[] }; files: JsonFile[] };
      expect(document.files[0]!.issues).toHaveLength(rows);
      expect(document.summary.byRule).toEqual([
        { rule: 'email', severity: 'error', count: rows, files: 1, example: { file: 'subs.csv', row: 2, line: 2, column: 'email', value: 'ann0001@example', message: expect.stringContaining('not a valid email') } },
      ]);
    });
  });

  it('github: every annotation, then a final notice with the counts by rule', async () => {
    await withTempDir({ 'subs.csv': manyErrors }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf, '--format', 'github'], { cwd: dir });
      expect(result.code).toBe(1);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines.filter((line) => line.startsWith('::error file=subs.csv,'))).toHaveLength(rows);
      expect(lines.at(-1)).toBe('::notice title=migrate validate%3A findings by rule::email (error): 6000');
    });
  });
});
