// Test helper: hand-built validation reports and findings for the reporter tests.
import type { Finding } from '../../src/rules/finding.js';
import type { ValidateReport, ValidateSummary } from '../../src/cli/reporters/types.js';

/** A summary with the given counts; the rest zero (byRule empty: a report built by hand counts nothing by rule unless it says so). */
export function summaryOf(counts: Partial<ValidateSummary>): ValidateSummary {
  return { files: 0, unreadableFiles: 0, ignoredFiles: 0, rows: 0, validRows: 0, errorRows: 0, errors: 0, warnings: 0, notEnabledRows: 0, byRule: [], ...counts };
}

export function finding(overrides: Partial<Finding>): Finding {
  return {
    rule: 'email',
    messageId: 'invalid',
    severity: 'error',
    message: 'Expected a valid email address. Fix the address or leave the row out.',
    file: 'subs.csv',
    row: 7,
    line: 7,
    column: 'email',
    value: 'bob@',
    key: 'cust-0042',
    ...overrides,
  };
}

export function sampleReport(): ValidateReport {
  return {
    asOf: '2026-11-23',
    summary: summaryOf({ files: 2, rows: 120, validRows: 117, errorRows: 3, errors: 4, warnings: 1 }),
    unreadable: [],
    files: [
      {
        path: 'subs.csv',
        template: 'subscriptions-standard',
        rows: 100,
        errorRows: 3,
        findings: [
          finding({ row: 9, line: 10, column: 'next_billing_at', rule: 'date-not-past', value: '2020-01-01', key: 'cust-0044', message: 'Must be tomorrow or later.' }),
          finding({}),
          finding({ row: 7, column: 'shipping_country', rule: 'required-if', value: '', message: 'Required when shipping_address has a value.' }),
          finding({ row: 8, column: 'phone', rule: 'phone', severity: 'warning', value: '12', key: 'cust-0043', message: 'Looks too short.' }),
          finding({ row: 12, column: 'currency', rule: 'currency', value: 'XXX', key: 'cust-0047', message: 'Unknown currency.' }),
        ],
      },
      { path: 'customers.csv', template: 'customers-advanced', rows: 20, errorRows: 0, findings: [] },
    ],
  };
}
