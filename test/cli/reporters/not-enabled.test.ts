// Rows with data that nothing enables: every validate format carries their count (and each row's
// warning), so they never vanish without a word.
import { describe, expect, it } from 'vitest';
import { createColors } from '../../../src/cli/reporters/colors.js';
import { renderValidateGithub } from '../../../src/cli/reporters/github.js';
import { renderValidateJson } from '../../../src/cli/reporters/json.js';
import { renderValidateJunit } from '../../../src/cli/reporters/junit.js';
import { renderValidatePretty } from '../../../src/cli/reporters/pretty.js';
import type { ValidateReport } from '../../../src/cli/reporters/types.js';
import { finding, summaryOf } from '../report-fixtures.js';

const notEnabled = (row: number) =>
  finding({ row, line: row, rule: 'row-enabled', messageId: 'notEnabled', severity: 'warning', column: 'create_customer', value: '', key: `c-${row}`, message: 'This row has data but create_customer is blank.' });

function report(count: number): ValidateReport {
  const findings = Array.from({ length: count }, (_, i) => notEnabled(i + 2));
  return {
    asOf: '2026-11-23',
    summary: summaryOf({ files: 1, rows: 5, validRows: 5, warnings: count, notEnabledRows: count }),
    unreadable: [],
    files: [{ path: 'customers.csv', template: 'customers-advanced', rows: 5, errorRows: 0, findings }],
  };
}

describe('rows with data that are not enabled, in every validate format', () => {
  it('pretty: each row warned, the count closes the summary (only when there are any)', () => {
    const text = renderValidatePretty(report(3), createColors(false));
    expect(text.match(/⚠ warning create_customer \(blank\)/g)).toHaveLength(3);
    expect(text.trimEnd().split('\n').at(-1)).toBe('Summary (as of 2026-11-23): 1 file · 5 rows · 5 valid · 0 with errors · 0 errors · 3 warnings · 3 rows with data are not enabled');
    expect(renderValidatePretty(report(1), createColors(false))).toContain('· 1 row with data is not enabled\n');
    expect(renderValidatePretty(report(0), createColors(false))).not.toContain('not enabled');
  });

  it('json: summary.notEnabledRows and one warning issue per row', () => {
    const document = JSON.parse(renderValidateJson(report(3)));
    expect(document.summary.notEnabledRows).toBe(3);
    expect(document.files[0].issues.map((issue: { row: number; rule: string; severity: string }) => [issue.row, issue.rule, issue.severity])).toEqual([
      [2, 'row-enabled', 'warning'],
      [3, 'row-enabled', 'warning'],
      [4, 'row-enabled', 'warning'],
    ]);
  });

  it('github: a warning annotation per row and the count in the summary', () => {
    const lines = renderValidateGithub(report(3)).trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::warning file=customers.csv'))).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/^::notice title=migrate validate::.*\. 3 rows with data are not enabled\.$/);
  });

  it('junit: the count as a suite property, each row a passing case with its warning', () => {
    const xml = renderValidateJunit(report(2));
    expect(xml).toContain('<property name="notEnabledRows" value="2"/>');
    expect(xml.match(/<testcase name="row \d \(c-\d\)"/g)).toHaveLength(2);
    expect(xml).not.toContain('<failure');
  });
});
