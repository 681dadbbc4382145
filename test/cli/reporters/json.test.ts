import { describe, expect, it } from 'vitest';
import { renderValidateJson } from '../../../src/cli/reporters/json.js';
import { sampleReport } from '../report-fixtures.js';

describe('json reporter', () => {
  it('prints one document with the DESIGN.md shape, issues in row order', () => {
    const document = JSON.parse(renderValidateJson(sampleReport()));
    expect(Object.keys(document)).toEqual(['version', 'command', 'asOf', 'summary', 'files']);
    expect(document).toMatchObject({ version: 1, command: 'validate', asOf: '2026-11-23' });
    expect(document.summary).toEqual({ files: 2, rows: 120, validRows: 117, errorRows: 3, errors: 4, warnings: 1, notEnabledRows: 0, unreadableFiles: 0, ignoredFiles: 0, byRule: [] });
    const [subs, customers] = document.files;
    expect(Object.keys(subs)).toEqual(['path', 'template', 'rows', 'errorRows', 'issues']);
    expect(subs.issues.map((issue: { row: number; column: string }) => [issue.row, issue.column])).toEqual([
      [7, 'email'],
      [7, 'shipping_country'],
      [8, 'phone'],
      [9, 'next_billing_at'],
      [12, 'currency'],
    ]);
    expect(Object.keys(subs.issues[0])).toEqual(['row', 'line', 'column', 'rule', 'key', 'severity', 'message', 'value']);
    expect(subs.issues[3]).toMatchObject({ line: 10, rule: 'date-not-past', key: 'cust-0044', value: '2020-01-01' });
    expect(customers).toEqual({ path: 'customers.csv', template: 'customers-advanced', rows: 20, errorRows: 0, issues: [] });
  });
});
