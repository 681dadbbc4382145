import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { escapeGithubData, escapeGithubProperty, githubPath, renderGithubAnnotation, renderValidateGithub } from '../../../src/cli/reporters/github.js';
import { finding, sampleReport, summaryOf } from '../report-fixtures.js';

describe('github reporter', () => {
  it.each([
    { text: '100% done', data: '100%25 done', property: '100%25 done' },
    { text: 'a\r\nb', data: 'a%0D%0Ab', property: 'a%0D%0Ab' },
    { text: 'dir/a,b:c.csv', data: 'dir/a,b:c.csv', property: 'dir/a%2Cb%3Ac.csv' },
    { text: '%0A', data: '%250A', property: '%250A' },
  ])('escapes $text', ({ text, data, property }) => {
    expect(escapeGithubData(text)).toBe(data);
    expect(escapeGithubProperty(text)).toBe(property);
  });

  it('prints one workflow command per finding on the record line, then a summary', () => {
    const lines = renderValidateGithub(sampleReport()).trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(
      '::error file=subs.csv,line=7,title=email%3A email::Row 7 (cust-0042), column email: Expected a valid email address. Fix the address or leave the row out. Value: "bob@".',
    );
    expect(lines[2]).toMatch(/^::warning file=subs.csv,line=7,title=phone%3A phone::Row 8 /);
    expect(lines[3]).toMatch(/^::error file=subs.csv,line=10,title=date-not-past%3A next_billing_at::Row 9 /);
    expect(lines[5]).toMatch(/^::error title=migrate validate::2 files, 120 rows: 117 valid, 3 with errors/);
  });

  it('keeps a hostile value on one line and out of the properties', () => {
    const line = renderGithubAnnotation({ level: 'error', file: 'a,b.csv', line: 3, title: 'x', message: 'bad\n::error::injected' });
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe('::error file=a%2Cb.csv,line=3,title=x::bad%0A::error::injected');
    const fromFinding = renderValidateGithub({
      ...sampleReport(),
      files: [{ path: 'x.csv', template: 'products', rows: 1, errorRows: 1, findings: [finding({ value: 'a\nb%', column: 'na:me' })] }],
    });
    expect(fromFinding.trimEnd().split('\n')).toHaveLength(2);
    expect(fromFinding).toContain('title=email%3A na%3Ame::');
  });

  it('names files relative to the checkout with forward slashes', () => {
    expect(githubPath(join('/', 'work', 'repo', 'data', 'a.csv'), join('/', 'work', 'repo'))).toBe('data/a.csv');
    expect(githubPath(join('data', 'a.csv'), join('/', 'work', 'repo'))).toBe('data/a.csv');
    expect(githubPath(join('/', 'tmp', 'a.csv'), undefined)).toBe('/tmp/a.csv');
  });

  it('uses a notice for the summary when no row has errors', () => {
    const report = { ...sampleReport(), summary: summaryOf({ files: 1, rows: 1, validRows: 1 }), files: [] };
    expect(renderValidateGithub(report)).toMatch(/^::notice title=migrate validate::/);
  });

  it('never lets a cell value put control characters into the CI log', () => {
    const report = { ...sampleReport(), files: [{ path: 'x.csv', template: 'coupons' as const, rows: 1, errorRows: 1, findings: [finding({ row: 2, line: 2, key: 'A\u001b[31m', message: 'code "A\u001b[31m" is bad.', value: 'A\u001b[31m' })] }] };
    const text = renderValidateGithub(report);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('Row 2 (A\\u001b[31m), column email: code "A\\u001b[31m" is bad. Value: "A\\u001b[31m".');
  });

  it('makes the summary an error when only the header has errors, with singular counts', () => {
    const missing = finding({ row: 1, line: 1, column: 'handle', rule: 'missing-column', value: '', key: '' });
    const report = { ...sampleReport(), summary: summaryOf({ files: 1, rows: 1, validRows: 1, errors: 1 }), files: [{ path: 'p.csv', template: 'products' as const, rows: 1, errorRows: 0, findings: [missing] }] };
    const lines = renderValidateGithub(report).trimEnd().split('\n');
    expect(lines.at(-1)).toBe('::error title=migrate validate::1 file, 1 row: 1 valid, 0 with errors (1 error, 0 warnings), as of 2026-11-23.');
  });
});
