// End to end: the built `migrate validate` on date cells that are not YYYY-MM-DD. A day that does not
// exist says so (February 2027 has 28 days); a US, European, unpadded, slashed or compact date that has
// one reading names the ISO date to write; 03/04/2027 gives both readings and asks for ISO.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';

const asOf = ['--as-of', '2026-11-23'];
/** The advanced subscriptions the invoices name (read as references, not reported). */
const referenced = readFileSync(new URL('../../fixtures/kinds/subscriptions-advanced/valid.csv', import.meta.url), 'utf8');
const references = ['--catalog', 'refs/subscriptions-advanced.csv'];
const [invoiceHeader, invoiceLine] = readFileSync(new URL('../../fixtures/kinds/invoices/valid.csv', import.meta.url), 'utf8').split(/\r?\n/) as [string, string];
const invoiceColumns = invoiceHeader.split(',');
const [subscriptionHeader, subscriptionLine] = readFileSync(new URL('../../fixtures/sample/subscriptions-standard.csv', import.meta.url), 'utf8').split(/\r?\n/) as [string, string];

/** The sample line with some cells replaced, by column name. */
function withCells(header: string, line: string, cells: Record<string, string>): string {
  const columns = header.split(',');
  const values = line.split(',');
  for (const [name, value] of Object.entries(cells)) values[columns.indexOf(name)] = value;
  return values.join(',');
}

/** One invoice (with its one line item) per row, numbered so each id is unique. */
const invoice = (n: number, cells: Record<string, string>): string =>
  withCells(invoiceHeader, invoiceLine, { id: `INV-${n}`, attach_to: `INV-${n}`, ...cells });

const cases: Array<{ row: number; column: string; rule: string; value: string; says: string[] }> = [
  { row: 2, column: 'due_date', rule: 'date-format', value: '2027-02-30', says: ['"2027-02-30" is a date that does not exist: February 2027 has 28 days'] },
  { row: 3, column: 'due_date', rule: 'date-format', value: '12/31/2027', says: ['write 2027-12-31', 'month/day/year'] },
  { row: 4, column: 'due_date', rule: 'date-format', value: '31/12/2027', says: ['write 2027-12-31', 'day/month/year'] },
  { row: 5, column: 'due_date', rule: 'date-format', value: '03/04/2027', says: ['could be 2027-03-04 (month/day/year) or 2027-04-03 (day/month/year)', 'YYYY-MM-DD'] },
  { row: 6, column: 'due_date', rule: 'date-format', value: '2027-2-3', says: ['write 2027-02-03', 'two digits'] },
  { row: 7, column: 'due_date', rule: 'date-format', value: '2027/12/31', says: ['write 2027-12-31'] },
  { row: 8, column: 'due_date', rule: 'date-format', value: '20271231', says: ['write 2027-12-31'] },
  { row: 9, column: 'issue_date', rule: 'date-past', value: '10/31/2026', says: ['write 2026-10-31', 'month/day/year'] },
];

const invoices = [invoiceHeader, ...cases.map(({ row, column, value }) => invoice(row, { [column]: value })), ''].join('\n');
const subscriptions = [subscriptionHeader, withCells(subscriptionHeader, subscriptionLine, { next_billing_at: '2027-02-29' }), ''].join('\n');

describe('migrate validate: dates that are not YYYY-MM-DD', () => {
  it('json: each finding says why, and names the ISO date when there is one reading', async () => {
    expect(invoiceColumns).toContain('due_date');
    await withTempDir({ 'invoices.csv': invoices, 'subs.csv': subscriptions, 'refs/subscriptions-advanced.csv': referenced }, async (dir) => {
      const result = await runCli(['validate', 'invoices.csv', 'subs.csv', ...asOf, ...references, '--format', 'json'], { cwd: dir });
      expect(result.code, result.stderr).toBe(1);
      const [invoiceReport, subscriptionReport] = JSON.parse(result.stdout).files;
      const issues = invoiceReport.issues as Array<{ row: number; column: string; rule: string; value: string; message: string }>;
      expect(issues.map(({ row, column, rule, value }) => ({ row, column, rule, value }))).toEqual(cases.map(({ says: _says, ...rest }) => rest));
      issues.forEach((issue, i) => {
        for (const text of cases[i]!.says) expect(issue.message).toContain(text);
        expect(issue.message).not.toContain('must be a date written YYYY-MM-DD (e.g.');
      });
      expect(subscriptionReport.issues).toHaveLength(1);
      expect(subscriptionReport.issues[0]).toMatchObject({ row: 2, column: 'next_billing_at', rule: 'date-future', value: '2027-02-29' });
      expect(subscriptionReport.issues[0].message).toContain('2027 is not a leap year, so February 2027 has 28 days');
    });
  });

  it('pretty: the messages under their rows', async () => {
    await withTempDir({ 'invoices.csv': invoices, 'refs/subscriptions-advanced.csv': referenced }, async (dir) => {
      const result = await runCli(['validate', 'invoices.csv', ...asOf, ...references], { cwd: dir });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toMatch(/row 2 · INV-2\n.*due_date "2027-02-30"\n.*does not exist: February 2027 has 28 days.*\[date-format\]/);
      expect(result.stdout).toMatch(/row 3 · INV-3\n.*due_date "12\/31\/2027"\n.*write 2027-12-31 .*\[date-format\]/);
      expect(result.stdout).toMatch(/row 5 · INV-5\n.*\n.*could be 2027-03-04 \(month\/day\/year\) or 2027-04-03 \(day\/month\/year\).*\[date-format\]/);
    });
  });
});
