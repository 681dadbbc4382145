import { describe, expect, it } from 'vitest';
import { createColors } from '../../../src/cli/reporters/colors.js';
import { renderValidatePretty } from '../../../src/cli/reporters/pretty.js';
import { safeText } from '../../../src/cli/reporters/safe-text.js';
import { renderSummary } from '../../../src/cli/reporters/summary.js';
import { finding, sampleReport } from '../report-fixtures.js';

const plain = createColors(false);

describe('pretty reporter', () => {
  it('groups by file and row, shows value, message and rule, then the summary', () => {
    const text = renderValidatePretty(sampleReport(), plain);
    expect(text).not.toMatch(/\u001b\[/);
    const lines = text.split('\n');
    expect(lines[0]).toBe('subs.csv  subscriptions-standard · 100 rows · 3 rows with errors');
    expect(lines[1]).toBe('  row 7 · cust-0042');
    expect(lines[2]).toBe('    ✖ error   email "bob@"');
    expect(lines[3]).toContain('Expected a valid email address. Fix the address or leave the row out. [email]');
    expect(lines[4]).toBe('    ✖ error   shipping_country (blank)');
    expect(text).toContain('  row 9 (line 10) · cust-0044');
    expect(text).toContain('    ⚠ warning phone "12"');
    expect(text).toContain('customers.csv  customers-advanced · 20 rows · valid');
    expect(lines.at(-2)).toBe('Summary (as of 2026-11-23): 2 files · 120 rows · 117 valid · 3 with errors · 4 errors · 1 warning');
  });

  it('labels header-level findings as the header', () => {
    const report = { ...sampleReport(), files: [{ path: 'x.csv', template: 'products' as const, rows: 1, errorRows: 1, findings: [finding({ row: 1, line: 1, value: '', key: '', rule: 'missing-column' })] }] };
    expect(renderValidatePretty(report, plain)).toContain('  header (row 1)\n    ✖ error   email\n');
  });

  it('never calls a file with header errors valid', () => {
    const missing = finding({ row: 1, line: 1, column: 'handle', rule: 'missing-column', value: '', key: '' });
    const unknown = finding({ row: 1, line: 1, column: 'notes', rule: 'unknown-column', severity: 'warning', value: '', key: '' });
    const file = (findings: ReturnType<typeof finding>[], errorRows: number) => ({ path: 'p.csv', template: 'products' as const, rows: 2, errorRows, findings });
    const firstLine = (findings: ReturnType<typeof finding>[], errorRows = 0) => renderValidatePretty({ ...sampleReport(), files: [file(findings, errorRows)] }, plain).split('\n')[0];
    expect(firstLine([missing, unknown])).toBe('p.csv  products · 2 rows · errors in the header');
    expect(firstLine([missing, finding({ row: 2, line: 2 })], 1)).toBe('p.csv  products · 2 rows · 1 row with errors, errors in the header');
    expect(firstLine([unknown])).toBe('p.csv  products · 2 rows · valid, with warnings');
  });

  it('colours only when asked', () => {
    expect(renderValidatePretty(sampleReport(), createColors(true))).toMatch(/\u001b\[31m/);
  });

  it('never lets a cell value drive the terminal', () => {
    const report = { ...sampleReport(), files: [{ path: 'x.csv', template: 'products', rows: 1, errorRows: 1, findings: [finding({ value: '\u001b[2Jboom\nline', key: 'k\u001b' })] }] };
    const text = renderValidatePretty(report, plain);
    expect(text).not.toContain('\u001b');
    expect(safeText('a\u001bb\nc\td')).toBe('a\\u001bb\\u000ac d');
  });

  it('renders a shared summary line with singular and zero counts', () => {
    expect(renderSummary('Done', [{ label: 'created', value: 1, tone: 'good' }, { label: 'failed', value: 0, tone: 'bad' }], plain)).toBe('Done: 1 created · 0 failed');
  });
});
