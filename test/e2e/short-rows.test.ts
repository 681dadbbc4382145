// End to end: the built `migrate validate` on a row with fewer cells than the header. A row cut short
// (a missing delimiter, an unquoted line break, a truncated export) is one finding naming its cell count
// against the header's, not a cascade of "is required"; a row that only omits trailing blank cells is fine.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';

const asOf = ['--as-of', '2026-11-23'];
const sample = readFileSync(new URL('../../fixtures/sample/subscriptions-standard.csv', import.meta.url), 'utf8').split(/\r?\n/);
const [header, std001, std002, , std004] = sample as [string, string, string, string, string];
const headerWidth = header.split(',').length;

/** The first `count` cells of a sample line (the sample's cells hold no quoted commas). */
const firstCells = (line: string, count: number): string => line.split(',').slice(0, count).join(',');
/** A sample line without its trailing empty cells, as some exporters write it. */
const trimmedTrailing = (line: string): string => line.replace(/,+$/, '');

// Row 2 holds a quoted line break, so row 3 starts on line 4: the finding must name both exactly.
const quotedBreak = std001.replace('Hopper Consulting', '"Hopper\nConsulting"');
const file = [header, quotedBreak, firstCells(std002, 10), trimmedTrailing(std004), ''].join('\n');

describe('migrate validate: a row with fewer cells than the header', () => {
  it('json: one row-shape error naming the cell counts, and no "is required" cascade', async () => {
    expect(headerWidth).toBe(62);
    await withTempDir({ 'subs.csv': file }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf, '--format', 'json'], { cwd: dir });
      expect(result.code, result.stderr).toBe(1);
      const [report] = JSON.parse(result.stdout).files;
      expect(report).toMatchObject({ rows: 3, errorRows: 1 });
      expect(report.issues).toHaveLength(1);
      const [issue] = report.issues;
      expect(issue).toMatchObject({ row: 3, line: 4, rule: 'row-shape', severity: 'error', key: 'std-002', column: 'cc_emails', value: '' });
      expect(issue.message).toContain('This row has 10 cells; the header has 62 columns');
      expect(issue.message).toContain('create_payment_profile, currency, payment_collection_method and 2 more');
      expect(issue.message).toMatch(/missing delimiter.*line break.*cut short/);
    });
  });

  it('pretty: the same finding under its row, and a row that only omits trailing blank cells passes', async () => {
    await withTempDir({ 'subs.csv': file }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf], { cwd: dir });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toMatch(/row 3 \(line 4\) · std-002\n.*cc_emails \(blank\)\n.*This row has 10 cells; the header has 62 columns.*\[row-shape\]/);
      expect(result.stdout).not.toContain('is required');
      expect(result.stdout).not.toMatch(/row 4/);
      expect(result.stdout).toContain('3 rows · 2 valid · 1 with errors · 1 error · 0 warnings');
    });
  });

  it('an unquoted line break: the first part of the row is short by the cells the second part holds', async () => {
    const broken = [header, std001.replace('5 Navy Way', '5 Navy Way\nSuite 9'), ''].join('\n');
    await withTempDir({ 'subs.csv': broken }, async (dir) => {
      const result = await runCli(['validate', 'subs.csv', ...asOf, '--format', 'json'], { cwd: dir });
      expect(result.code, result.stderr).toBe(1);
      const [first, second] = JSON.parse(result.stdout).files[0].issues;
      expect(first).toMatchObject({ row: 2, line: 2, rule: 'row-shape', column: 'shipping_address_2', key: 'std-001' });
      expect(first.message).toContain('This row has 13 cells; the header has 62 columns');
      // The rest of the row lands in row 3, shifted: its enabling column holds a zip code.
      expect(second).toMatchObject({ row: 3, line: 3, rule: 'row-enabled', column: 'create_subscription', value: '22202' });
    });
  });
});
