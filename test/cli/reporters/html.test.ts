// The HTML reports' pieces in-process: escaping (no cell can close the data block or become markup),
// locations, the differences' histogram in decimal, and the pages' structure (data, CSP, accessibility).
// test/e2e/html-report.test.ts opens the built CLI's pages in a real browser.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompareJsonDocument } from '../../../src/compare/report-json.js';
import { renderCompareHtml } from '../../../src/cli/reporters/html/compare.js';
import { escapeHtml, jsonForScript } from '../../../src/cli/reporters/html/escape.js';
import { histogram } from '../../../src/cli/reporters/html/histogram.js';
import { renderImportHtml } from '../../../src/cli/reporters/html/import.js';
import { fileLabel, locationOf } from '../../../src/cli/reporters/html/location.js';
import type { ReportData } from '../../../src/cli/reporters/html/model.js';
import { renderValidateHtml } from '../../../src/cli/reporters/html/validate.js';
import type { ImportDocument } from '../../../src/importer/summary.js';
import { Decimal } from '../../../src/pricing/index.js';
import { finding, sampleReport, summaryOf } from '../report-fixtures.js';

const HOSTILE = '</script><img src=x onerror=alert(1)><!-- \u2028 & "quoted"';

/** The page's embedded data, as its script reads it. */
function dataOf(html: string): ReportData {
  const match = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html);
  expect(match, 'one data block, with no raw "<" inside').not.toBeNull();
  return JSON.parse(match![1]!) as ReportData;
}

/** Every executable inline script, and the hashes the page's Content-Security-Policy lets run. */
function scriptsAndPolicy(html: string): { scripts: string[]; allowed: string[] } {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
  const allowed = [.../'sha256-([^']+)'/g.exec(policy) ? policy.matchAll(/'sha256-([^']+)'/g) : []].map((match) => match[1]!);
  return { scripts, allowed };
}

describe('escaping', () => {
  it('embeds any text as JSON that reads back the same and holds no <, >, &, U+2028 or U+2029', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(HOSTILE, '</SCRIPT>', '<!--', '\u2029')), (text) => {
        const embedded = jsonForScript({ cell: text });
        expect(embedded).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(embedded)).toEqual({ cell: text });
      }),
    );
  });

  it('escapes text and attribute values', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
  });
});

describe('locationOf', () => {
  it.each([
    { located: { file: 'subs.csv', row: 12 }, expected: 'subs.csv:12', label: 'subs.csv' },
    { located: { file: 'subs.csv', row: 0 }, expected: 'subs.csv', label: 'subs.csv' },
    { located: { file: 'book.xlsx', row: 12, sheet: 'Customers', cell: 'F12' }, expected: 'book.xlsx › Customers!F12', label: 'book.xlsx › Customers' },
    { located: { file: 'book.xlsx', row: 12, sheet: 'Customers' }, expected: 'book.xlsx › Customers!12', label: 'book.xlsx › Customers' },
    { located: { file: 'book.xlsx', row: 3, sheet: "Bob's subs", cell: 'B3' }, expected: "book.xlsx › 'Bob''s subs'!B3", label: "book.xlsx › Bob's subs" },
    { located: { file: 'book.xlsx', row: 0, sheet: 'Notes' }, expected: 'book.xlsx › Notes', label: 'book.xlsx › Notes' },
  ])('$expected', ({ located, expected, label }) => {
    expect(locationOf(located)).toBe(expected);
    expect(fileLabel(located)).toBe(label);
  });
});

describe('histogram of differences', () => {
  const amounts = (...values: string[]): Decimal[] => values.map((value) => new Decimal(value));

  it('is one bin for one value, none for none', () => {
    expect(histogram([], 'USD')).toEqual([]);
    expect(histogram(amounts('14.40'), 'USD')).toEqual([{ from: '14.40', to: '14.40', count: 1 }]);
  });

  it('counts every value once in contiguous bins of a round width', () => {
    const values = amounts('-5.00', '-0.01', '0.50', '14.40', '14.40', '99.99', '100.00');
    const bins = histogram(values, 'USD');
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(values.length);
    for (let index = 1; index < bins.length; index++) expect(bins[index]!.from).toBe(bins[index - 1]!.to);
    expect(bins[0]!.from).toBe('-50.00');
    expect(bins.at(-1)!.to).toBe('100.00');
  });

  it('never cuts bins finer than the minor unit (JPY: 1, USD: 0.01)', () => {
    expect(histogram(amounts('1', '2'), 'JPY')).toEqual([{ from: '1', to: '2', count: 2 }]);
    expect(histogram(amounts('1', '2'), 'USD')).toEqual([
      { from: '1.00', to: '1.50', count: 1 },
      { from: '1.50', to: '2.00', count: 1 },
    ]);
    expect(histogram(amounts('0.01', '0.02', '0.02'), 'USD').every((bin) => bin.from !== bin.to)).toBe(true);
  });
});

describe('validate page', () => {
  const report = sampleReport();
  report.files[0]!.findings.push(finding({ row: 13, column: 'email', value: HOSTILE, message: `email "${HOSTILE}" is not a valid email address.` }));
  const html = renderValidateHtml({ ...report, summary: summaryOf({ ...report.summary, errors: 5 }) });

  it('is one page in English, with the viewport set and no reference outside it', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//i);
    const styles = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(styles).not.toMatch(/@import|url\(|@font-face/i);
  });

  it('lets only its own scripts run: the policy names exactly their hashes, and nothing may be fetched', () => {
    const { scripts, allowed } = scriptsAndPolicy(html);
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toContain('Chart.js v4');
    expect(allowed.sort()).toEqual(scripts.map((code) => createHash('sha256').update(code, 'utf8').digest('base64')).sort());
    expect(html).toContain("default-src 'none'");
  });

  it('never puts a cell into markup: the hostile value is only in the escaped data', () => {
    expect(html).not.toContain('<img');
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    const table = dataOf(html).tables.find((entry) => entry.id === 'findings')!;
    expect(table.rows.some((row) => row.includes(HOSTILE))).toBe(true);
  });

  it('carries every finding with its location, file and rule for the filters; charts per rule and per file', () => {
    const data = dataOf(html);
    const table = data.tables[0]!;
    expect(table.rows).toHaveLength(6);
    expect(table.columns.filter((column) => column.filter).map((column) => column.label)).toEqual(['Severity', 'Rule', 'File']);
    expect(table.rows[0]!.slice(0, 2)).toEqual(['error', 'subs.csv:7']);
    expect(data.charts.map((chart) => chart.id)).toEqual(['rules-chart', 'files-chart']);
    expect(html).toContain('<option value="=date-not-past">date-not-past</option>');
    expect(html).toMatch(/<canvas id="rules-chart" role="img" aria-label="Bar chart\. Findings per rule\. [^"]+"/);
    expect(html).toMatch(/<th scope="col"[^>]*aria-sort="none"><button type="button" class="sort"/);
  });
});

describe('compare page', () => {
  const document: CompareJsonDocument = {
    version: 1,
    command: 'compare',
    tolerance: '0',
    site: 'embedded sandbox',
    summary: {
      rows: 3,
      compared: 3,
      matched: 1,
      mismatched: 2,
      missingExpected: 0,
      missingActual: 0,
      notImported: 1,
      outsideRange: 0,
      totals: { subscriptions: { USD: { rows: 2, expected: '229.60', actual: '244.00', difference: '14.40', mismatches: 1 } }, invoices: { EUR: { rows: 1, expected: '10.00', actual: '9.00', difference: '-1.00', mismatches: 1 } } },
    },
    mismatches: [
      {
        kind: 'subscription',
        file: 'out/subs.csv',
        row: 13,
        line: 13,
        key: 'std-012',
        currency: 'USD',
        source: 'result',
        expected: '129.60',
        actual: '144.00',
        difference: '14.40',
        link: 'http://127.0.0.1:3200/subscriptions/7',
        explanation: { preview: 'site', site: ['pro 99.00'], template: ['pro'], causes: [{ code: 'expected-fits-coupon', fits: true, message: 'the expected amount fits coupon TENOFF' }] },
      },
      { kind: 'invoice', file: 'out/inv.csv', row: 2, line: 2, key: 'INV-1', currency: 'EUR', source: 'result', expected: '10.00', actual: '9.00', difference: '-1.00', link: 'javascript:alert(1)', explanation: null },
    ],
    missingExpected: [],
    missingActual: [],
    notImported: [{ kind: 'subscription', file: 'out/subs.csv', row: 4, line: 4, key: 'std-003', currency: 'USD', reason: 'not imported: bad email' }],
  };
  const html = renderCompareHtml(document);

  it('shows the totals as text, not only in a chart (one chart per currency)', () => {
    expect(html).toMatch(/<th scope="row">next renewals<\/th><td>USD<\/td><td class="num">2<\/td><td class="num">229.60<\/td><td class="num">244.00<\/td><td class="num">14.40<\/td>/);
    expect(dataOf(html).charts.map((chart) => chart.id)).toEqual(['totals-chart-0', 'totals-chart-1', 'differences-chart-0', 'differences-chart-1']);
    expect(html).toContain('2 of 3 amounts differ by more than 0.');
  });

  it('lists each mismatch with its likely cause in words and its link, and the rows not compared', () => {
    const [mismatches, notCompared] = dataOf(html).tables;
    expect(mismatches!.rows[0]).toEqual(expect.arrayContaining(['out/subs.csv:13', 'std-012', '14.40', 'http://127.0.0.1:3200/subscriptions/7', 'expected-fits-coupon']));
    expect(mismatches!.rows[0]).toContainEqual(['Likely cause: the expected amount fits coupon TENOFF', 'Site: pro 99.00', 'Template: pro']);
    expect(notCompared!.rows).toEqual([expect.arrayContaining(['out/subs.csv:4', 'not imported', 'not imported: bad email'])]);
  });
});

describe('import page', () => {
  const document: ImportDocument = {
    version: 1,
    command: 'test-import',
    site: 'http://127.0.0.1:3200',
    run: 'r1',
    asOf: '2026-11-23',
    elapsedMs: 1200,
    summary: { rows: 2, success: 1, error: 1, skipped: 0, pending: 0, notEnabled: 0 },
    templates: { 'customers-advanced': { success: 1, error: 1, skipped: 0, pending: 0 } },
    rows: [
      { file: 'c.csv', row: 2, key: 'acme', status: 'success', result: 'http://127.0.0.1:3200/customers/1' },
      { file: 'c.csv', row: 3, key: 'bob', status: 'error', result: 'email is invalid', findings: [{ rule: 'email', severity: 'error', column: 'email', message: 'email "bob@" is not a valid email address.' }] },
    ],
    notImportable: [],
    notEnabled: [],
    resultFiles: [],
    next: 'migrate compare migrate-results/',
  };

  it('counts rows by status and lists the rows, errors first, with their findings', () => {
    const html = renderImportHtml(document);
    expect(html).toContain('<h1>Test import summary</h1>');
    const [rows] = dataOf(html).tables;
    expect(rows!.rows.map((row) => row[0])).toEqual(['error', 'success']);
    expect(rows!.rows[0]).toContainEqual(['Error: email: email "bob@" is not a valid email address. (email)']);
    expect(dataOf(html).charts[0]!.datasets[0]!.data).toEqual([1, 0, 1, 0]);
  });
});
