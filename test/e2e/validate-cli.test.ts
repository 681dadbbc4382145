// End to end: the built `migrate validate` on real files — each reporter, exit codes 0/1/2, folders,
// annotated copies with --out, and every malformed-file case reported (one clear line too) with exit 2.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../src/templates/index.js';
import { runCli, type CliResult } from '../cli/run-cli.js';
import { xmlProblem } from '../cli/xml-well-formed.js';
import { withTempDir } from '../helpers/temp-dir.js';

const asOf = ['--as-of', '2026-11-23'];

/** The subscriptions-standard header as the template defines it (first member of each repeating group). */
const header = getTemplate('subscriptions-standard').columns.map((column) => column.name.replace(/_N$/, '_1'));

const validRow: Record<string, string> = {
  create_subscription: 'TRUE',
  customer_reference: 'cust-1',
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  create_payment_profile: 'FALSE',
  currency: 'USD',
  payment_collection_method: 'remittance',
  next_billing_at: '2026-12-01',
  product_handle: 'basic',
};

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(rows: Array<Record<string, string>>, columns: string[] = header): string {
  return [columns, ...rows.map((row) => columns.map((column) => row[column] ?? ''))].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const validFile = csv([validRow, { ...validRow, customer_reference: 'cust-2', email: 'grace@example.com', organization_name: 'Hopper, Inc.' }]);
const errorFile = csv([
  validRow,
  { ...validRow, customer_reference: 'cust-2', email: 'bob@' },
  { ...validRow, customer_reference: 'cust-3', next_billing_at: '2020-01-01', shipping_address: '1 Main St', organization_name: '=HYPERLINK("x")' },
  { create_subscription: 'FALSE', first_name: 'Not', last_name: 'Imported', Status: 'success', Result: 'earlier run' },
]);

/** The file is in the report as not read, and named in one line on stderr (then the line closing the run); exit 2. */
function expectUnreadableReported(result: CliResult, file: string, where: RegExp): void {
  expect(result.code).toBe(2);
  const block = result.stdout.slice(result.stdout.indexOf(`${file}  `));
  expect(block).toMatch(new RegExp(`^${file.replace('.', '\\.')} {2}(\\S+ · )?not read, skipped\n`));
  expect(block.split('\n\n')[0]).toMatch(where);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^migrate: /);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(where);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe('migrate validate', () => {
  it('exits 0 on a valid file and prints the pretty report with a summary', async () => {
    await withTempDir({ 'subs.csv': validFile }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf], { cwd: dir });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('subs.csv  subscriptions-standard · 2 rows · valid');
      expect(result.stdout).toContain('Summary (as of 2026-11-23): 1 file · 2 rows · 2 valid · 0 with errors · 0 errors · 0 warnings');
      expect(result.stdout).not.toMatch(/\u001b\[/);
    });
  });

  it('exits 1 on row errors; json names row, line, column, rule, key and value', async () => {
    await withTempDir({ 'subs.csv': errorFile }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf, '--format', 'json'], { cwd: dir });
      expect(result.code).toBe(1);
      const document = JSON.parse(result.stdout);
      expect(document).toMatchObject({ version: 1, command: 'validate', asOf: '2026-11-23' });
      expect(document.summary).toMatchObject({ files: 1, rows: 4, errorRows: 2, validRows: 2 });
      const [file] = document.files;
      expect(file).toMatchObject({ path: 'subs.csv', template: 'subscriptions-standard', rows: 4, errorRows: 2 });
      const projection = file.issues.filter((issue: { severity: string }) => issue.severity === 'error').map((issue: Record<string, unknown>) => [issue.row, issue.column, issue.rule, issue.key]);
      expect(projection).toContainEqual([3, 'email', 'email', 'cust-2']);
      expect(projection).toContainEqual([4, 'next_billing_at', 'date-future', 'cust-3']);
      expect(projection).toContainEqual([4, 'shipping_city', 'required-if', 'cust-3']);
      expect(projection.every(([row]: [number]) => row === 3 || row === 4)).toBe(true);
      expect(file.issues.find((issue: { column: string }) => issue.column === 'email')).toMatchObject({ line: 3, value: 'bob@' });
    });
  });

  it('prints pretty findings grouped by row with value and message', async () => {
    await withTempDir({ 'subs.csv': errorFile }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/  row 3 · cust-2\n    ✖ error   email "bob@"\n +\S.*\[email\]/);
      expect(result.stdout).toContain('2 rows with errors');
    });
  });

  it('colours only when allowed: FORCE_COLOR colours, --no-color wins', async () => {
    await withTempDir({ 'subs.csv': errorFile }, async (dir) => {
      const env = { NO_COLOR: undefined, FORCE_COLOR: '1' };
      expect((await runCli(['validate', 'subs.csv', ...asOf], { cwd: dir, env })).stdout).toMatch(/\u001b\[31m/);
      expect((await runCli(['validate', 'subs.csv', ...asOf, '--no-color'], { cwd: dir, env })).stdout).not.toMatch(/\u001b\[/);
      expect((await runCli(['validate', 'subs.csv', ...asOf, '--format', 'json'], { cwd: dir, env })).stdout).not.toMatch(/\u001b\[/);
    });
  });

  it('names the spreadsheet row and, after quoted line breaks, the physical line', async () => {
    const file = csv([{ ...validRow, organization_name: 'Lovelace\nAnalytical\nEngines' }, { ...validRow, customer_reference: 'cust-2', email: 'bob@' }]);
    await withTempDir({ 'subs.csv': file }, async (dir) => {
      const json = await runCli(['validate', 'subs.csv', ...asOf, '--format', 'json'], { cwd: dir });
      expect(JSON.parse(json.stdout).files[0].issues[0]).toMatchObject({ row: 3, line: 5, column: 'email' });
      const pretty = await runCli(['validate', 'subs.csv', ...asOf], { cwd: dir });
      expect(pretty.stdout).toContain('  row 3 (line 5) · cust-2');
      const github = await runCli(['validate', 'subs.csv', ...asOf, '--format', 'github'], { cwd: dir });
      expect(github.stdout).toMatch(/^::error file=subs\.csv,line=5,title=email%3A email::Row 3 /m);
    });
  });

  it('prints github workflow commands', async () => {
    await withTempDir({ 'subs.csv': errorFile }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf, '--format', 'github'], { cwd: dir });
      expect(result.code).toBe(1);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines.every((line) => /^::(error|warning|notice) /.test(line))).toBe(true);
      expect(lines).toContainEqual(expect.stringMatching(/^::error file=subs\.csv,line=3,title=email%3A email::Row 3 \(cust-2\), column email: /));
    });
  });

  it('prints well-formed JUnit XML, one case per row with findings', async () => {
    await withTempDir({ 'subs.csv': errorFile }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf, '--format', 'junit'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(xmlProblem(result.stdout)).toBeUndefined();
      expect(result.stdout.match(/<testcase /g)).toHaveLength(2);
      expect(result.stdout).toContain('<testcase name="row 3 (cust-2)" classname="subscriptions-standard">');
    });
  });

  it('exits 0 when a file has only warnings', async () => {
    // An undocumented column is a warning; detection refuses it, so the kind is given.
    const withExtraColumn = csv([{ ...validRow, notes: 'VIP' }], [...header, 'notes']);
    await withTempDir({ 'subs.csv': withExtraColumn }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf, '--format', 'json', '--template', 'subscriptions-standard'], { cwd: dir });
      expect(result.code).toBe(0);
      const document = JSON.parse(result.stdout);
      expect(document.summary).toMatchObject({ errors: 0, errorRows: 0 });
      expect(document.summary.warnings).toBeGreaterThan(0);
      expect(document.files[0].issues[0]).toMatchObject({ severity: 'warning', column: 'notes', rule: 'unknown-column' });
    });
  });

  it('validates every .csv in a folder', async () => {
    await withTempDir({ 'data/a.csv': validFile, 'data/nested/b.csv': errorFile, 'data/readme.txt': 'not a csv' }, async (dir) => {
      const result = await runCli(['validate', 'data', ...asOf, '--format', 'json'], { cwd: dir });
      expect(result.code).toBe(1);
      const document = JSON.parse(result.stdout);
      expect(document.files.map((file: { path: string }) => file.path.replace(/\\/g, '/'))).toEqual(['data/a.csv', 'data/nested/b.csv']);
      expect(document.summary).toMatchObject({ files: 2, rows: 6, errorRows: 2 });
    });
  });

  it('--as-of moves the day date rules are judged against', async () => {
    await withTempDir({ 'subs.csv': validFile }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', '--as-of', '2026-12-05', '--format', 'json'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout).files[0].issues[0]).toMatchObject({ column: 'next_billing_at', rule: 'date-future' });
    });
  });

  it('takes the default as-of date from the configuration; --as-of wins and needs no configuration', async () => {
    await withTempDir({ 'subs.csv': validFile, '.migraterc.json': '{ "asOf": "2026-12-31", "timeZone": "Europe/Paris" }' }, async (dir) => {
      const configured = await runCli(['validate', 'subs.csv', '--format', 'json'], { cwd: dir });
      expect(JSON.parse(configured.stdout).asOf).toBe('2026-12-31');
      expect(configured.code).toBe(1);
    });
    await withTempDir({ 'subs.csv': validFile, '.migraterc.json': '{ "asOf": "soon" }' }, async (dir) => {
      const broken = await runCli(['validate', 'subs.csv', '--format', 'json'], { cwd: dir });
      expect(broken.code).toBe(2);
      expect(broken.stderr).toMatch(/^migrate: .*\.migraterc\.json/);
      const flagged = await runCli(['validate', 'subs.csv', '--format', 'json', ...asOf], { cwd: dir });
      expect(flagged.code).toBe(0);
      expect(JSON.parse(flagged.stdout).asOf).toBe('2026-11-23');
    });
  });

  it('--out writes annotated copies: error with messages, pending when valid, other cells untouched', async () => {
    await withTempDir({ 'subs.csv': errorFile }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf, '--format', 'json', '--out', 'results'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(await readdir(join(dir, 'results'))).toEqual(['subs.csv']);
      const input = await readFile(join(dir, 'subs.csv'), 'utf8');
      expect(input).toBe(errorFile);
      const lines = (await readFile(join(dir, 'results', 'subs.csv'), 'utf8')).split('\r\n');
      const inputLines = errorFile.split('\r\n');
      expect(lines[0]).toBe(inputLines[0]);
      // Status and Result are the first two columns; every other cell is byte-identical.
      const rest = (line: string) => line.replace(/^("[^"]*(""[^"]*)*"|[^,]*),("[^"]*(""[^"]*)*"|[^,]*),/, '');
      for (let i = 1; i < inputLines.length; i++) expect(rest(lines[i])).toBe(rest(inputLines[i]));
      expect(lines[1]).toMatch(/^pending,,/);
      expect(lines[2]).toMatch(/^error,"email ""bob@"" [^|]*",/);
      expect(lines[3]).toMatch(/^error,"?shipping_city .* \| .*next_billing_at /);
      expect(lines[4]).toMatch(/^success,earlier run,/);
      expect(lines[3]).toContain('=HYPERLINK'); // the user's own cell stays as written
    });
  });

  it('a missing required column is an error on row 1 and in every enabled row of the annotated copy', async () => {
    const columns = header.filter((column) => column !== 'email');
    const file = csv([validRow, { ...validRow, customer_reference: 'cust-2', currency: 'US$' }, { create_subscription: 'FALSE' }], columns);
    await withTempDir({ 'subs.csv': file }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf, '--template', 'subscriptions-standard', '--format', 'json', '--out', 'out'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout).files[0].issues[0]).toMatchObject({ row: 1, column: 'email', rule: 'missing-column', severity: 'error' });
      const lines = (await readFile(join(dir, 'out', 'subs.csv'), 'utf8')).split('\r\n');
      expect(lines[1]).toMatch(/^error,The header has no email column[^|]*,/);
      expect(lines[2]).toMatch(/^error,"The header has no email column.* \| currency /);
      expect(lines[3]).toMatch(/^,,/);
    });
  });

  it('--out exits 2 with one line when the folder cannot be created, printing no report', async () => {
    await withTempDir({ 'subs.csv': validFile, blocker: 'a file' }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf, '--out', 'blocker/results'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^migrate: Cannot create the --out folder blocker\/results: /);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  });

  it('--out refuses to overwrite the input', async () => {
    await withTempDir({ 'subs.csv': validFile }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf, '--out', '.'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/would overwrite the input subs\.csv/);
      expect(await readFile(join(dir, 'subs.csv'), 'utf8')).toBe(validFile);
    });
  });

  it.each([
    { flags: ['--as-of', '2026-02-30'], message: /--as-of expects a calendar date YYYY-MM-DD/ },
    { flags: ['--format', 'xml'], message: /--format must be one of pretty, json, github, junit/ },
    { flags: ['--template', 'subscription-standard'], message: /Unknown template kind "subscription-standard". Did you mean subscriptions-standard/ },
  ])('exits 2 on a bad flag $flags', async ({ flags, message }) => {
    await withTempDir({ 'subs.csv': validFile }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...flags], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    });
  });
});

describe('migrate validate on malformed files', () => {
  const headerLine = header.join(',');
  const goodLine = csv([validRow]).split('\r\n')[1];
  const cases: Array<{ name: string; content: string | Buffer; where: RegExp }> = [
    { name: 'an unclosed quote', content: `${headerLine}\n${goodLine}\n"cust-x,Ada\n${goodLine}\n`, where: /row 3|line 3/ },
    { name: 'too many cells', content: `${headerLine}\n${goodLine}\n${goodLine},extra\n`, where: /row 3/ },
    { name: 'duplicate headers', content: `${headerLine},email\n${goodLine},\n`, where: /row 1/ },
    { name: 'an empty file', content: '', where: /empty/ },
    { name: 'a header matching no template', content: 'name,colour,size\nAda,red,10\n', where: /template/i },
    { name: 'a binary file', content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xff, 0xfe, 0x00, 0x01]), where: /not a CSV/i },
  ];

  it.each(cases)('$name: reported and skipped, one line naming the file and where, exit 2; the good file is still checked and copied', async ({ content, where }) => {
    await withTempDir({ 'good.csv': validFile, 'bad.csv': content }, async (dir) => {
      const result = await runCli(['validate', 'good.csv', 'bad.csv', ...asOf, '--out', 'results'], { cwd: dir });
      expectUnreadableReported(result, 'bad.csv', where);
      expect(result.stdout).toContain('good.csv  subscriptions-standard · 2 rows · valid');
      expect(await readdir(join(dir, 'results'))).toEqual(['good.csv']);
    });
  });
});
