// The HTML reports in a real browser (headless Chromium): the built CLI imports the bundled samples into
// the embedded sandbox and writes the import's, compare's and validate's pages (--report, --format html);
// each page is opened from disk and must show the totals and the deliberate mismatch (std-012), filter,
// sort, draw its charts, show a hostile cell as text, and request nothing but itself. Full-page
// screenshots (desktop and phone width) are kept in test-artifacts/html-report/.
import { access, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../cli/run-cli.js';
import { launchBrowser, type Browser, type OpenedPage } from '../helpers/browser.js';
import { TEST_TODAY } from '../helpers/clock.js';

const sample = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));
const artifacts = join(projectRoot, 'test-artifacts', 'html-report');
const PHONE = { width: 390, height: 844 };
const HOSTILE = '</script><img src=x onerror=alert(1)>';

let dir: string;
let browser: Browser;
const cli = (args: string[]) => runCli(args, { cwd: dir });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'migrate-html-report-'));
  await cp(sample, join(dir, 'sample'), { recursive: true });
  await mkdir(artifacts, { recursive: true });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The page stayed on its own: it requested only itself, ran without errors and opened no dialog. */
function expectSelfContained(opened: OpenedPage): void {
  expect(opened.requests).toEqual([opened.url]);
  expect(opened.errors).toEqual([]);
  expect(opened.dialogs).toEqual([]);
}

/** The text of each cell of each row the table shows. */
function shownRows(page: Page, table: string): Promise<string[][]> {
  return page.$$eval(`#${table} tbody tr`, (rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
}

/** Waits until the table shows `count` rows (the search waits a moment after typing). */
async function waitForRows(page: Page, table: string, count: number): Promise<void> {
  await page.waitForFunction(([id, expected]) => document.querySelectorAll(`#${id} tbody tr`).length === expected, [table, count] as const, { timeout: 10_000 });
}

/** Each canvas: whether Chart.js holds a chart for it, and how many of its pixels are painted. */
function charts(page: Page): Promise<Array<{ id: string; chart: boolean; painted: number }>> {
  return page.$$eval('canvas', (canvases) =>
    canvases.map((canvas) => {
      const library = (window as unknown as { Chart?: { getChart(canvas: HTMLCanvasElement): unknown } }).Chart;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let alpha = 3; alpha < pixels.length; alpha += 4) if (pixels[alpha] !== 0) painted += 1;
      return { id: canvas.id, chart: library?.getChart(canvas) !== undefined, painted };
    }),
  );
}

async function screenshots(path: string, name: string): Promise<void> {
  for (const [suffix, viewport] of [['', undefined], ['-phone', PHONE]] as const) {
    const opened = await browser.open(path, viewport);
    await opened.page.screenshot({ path: join(artifacts, `${name}${suffix}.png`), fullPage: true });
    // At a phone's width the page itself does not scroll sideways: wide tables scroll in their frame.
    if (viewport) expect(await opened.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await opened.page.close();
  }
}

describe('the import summary and compare reports of the samples', () => {
  beforeAll(async () => {
    const imported = await cli(['test-import', 'sample', '--as-of', TEST_TODAY, '--report', 'reports/import.html']);
    expect(imported.code, imported.stderr).toBe(0);
    const compared = await cli(['compare', 'migrate-results', '--report', 'reports/compare.html', '--format', 'json']);
    expect(compared.code, compared.stderr).toBe(1);
    // --report goes beside the format asked for: stdout is still the JSON document.
    expect(JSON.parse(compared.stdout)).toMatchObject({ command: 'compare', summary: { mismatched: 1 } });
  }, 120_000);

  it('compare: totals as text and as a chart, the mismatch std-012 with its cause and link, nothing fetched', async () => {
    const path = join(dir, 'reports', 'compare.html');
    const opened = await browser.open(path);
    const { page } = opened;
    expectSelfContained(opened);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('.verdict')).toBe('1 of 24 amounts differ by more than 0.');
    const totals = await page.$$eval('#totals table:not(#mismatches) tbody tr', (rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(totals).toContainEqual(['next renewals', 'USD', '21', '5420.40', '5434.80', '14.40', '1']);
    expect(totals).toContainEqual(['invoices', 'USD', '3', '405.00', '405.00', '0.00', '0']);

    const [mismatch] = await shownRows(page, 'mismatches');
    expect(mismatch!.slice(0, 8)).toEqual(['migrate-results/subscriptions-standard.csv:13', 'std-012', 'subscription', 'USD', 'ChargifyNextRenewal', '129.60', '144.00', '14.40']);
    expect(mismatch![8]).toMatch(/^Likely cause: .*TENOFF/);
    const link = await page.getAttribute('#mismatches tbody tr a', 'href');
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/subscriptions\/\d+$/);

    const drawn = await charts(page);
    expect(drawn.map((chart) => chart.id)).toEqual(['totals-chart-0', 'differences-chart-0']);
    for (const chart of drawn) expect(chart, chart.id).toMatchObject({ chart: true, painted: expect.any(Number) });
    expect(drawn.every((chart) => chart.painted > 1000)).toBe(true);
    expect(await page.getAttribute('#totals-chart-0', 'aria-label')).toContain('next renewals: Expected 5420.4, Actual 5434.8');

    // Filtering: a search that matches nothing hides the row; the key finds it again; so does the cause's select.
    await page.fill('#mismatches-search', 'no such text');
    await waitForRows(page, 'mismatches', 0);
    expect(await page.textContent('[data-table="mismatches"] [data-status]')).toBe('No mismatch matches the filters (1 mismatch in all).');
    await page.fill('#mismatches-search', 'STD-012');
    await waitForRows(page, 'mismatches', 1);
    await page.click('[data-table="mismatches"] [data-reset]');
    await page.fill('#mismatches-search', 'no such text');
    await waitForRows(page, 'mismatches', 0);
    await page.click('[data-table="mismatches"] [data-reset]');
    await page.selectOption('#mismatches-filter-10', { label: 'expected-fits-coupon' });
    await waitForRows(page, 'mismatches', 1);
    await page.close();
    await screenshots(path, 'compare');
  });

  it('the import summary: counts by status, every row with its result link, nothing fetched', async () => {
    const path = join(dir, 'reports', 'import.html');
    const opened = await browser.open(path);
    const { page } = opened;
    expectSelfContained(opened);
    expect(await page.textContent('.verdict')).toBe('44 of 44 rows are on the site; 0 with errors.');
    const rows = await shownRows(page, 'rows');
    expect(rows).toHaveLength(44);
    expect(rows).toContainEqual(expect.arrayContaining(['Success', 'sample/subscriptions-standard.csv:13', 'std-012', '144.00']));
    expect(await page.$$eval('#rows tbody a[href*="/subscriptions/"]', (links) => links.length)).toBe(21);
    expect(await charts(page)).toEqual([{ id: 'status-chart', chart: true, painted: expect.any(Number) }]);
    await page.selectOption('#rows-filter-7', { label: 'sample/coupons.csv' });
    await waitForRows(page, 'rows', 2);
    expect((await shownRows(page, 'rows')).map((row) => row[2])).toEqual(['TENOFF', 'FIVEFLAT']);
    await page.close();
    await screenshots(path, 'import');
  });
});

describe('the validate report', () => {
  /** The samples with mistakes: a hostile email, a bad country, a bad email, a row nothing enables (and the subscription of its customer). */
  beforeAll(async () => {
    await cp(sample, join(dir, 'bad'), { recursive: true });
    const path = join(dir, 'bad', 'customers-advanced.csv');
    const [header, ...rows] = parse(await readFile(path, 'utf8')) as string[][];
    const set = (row: number, column: string, value: string) => (rows[row - 2]![header!.indexOf(column)] = value);
    set(2, 'email', HOSTILE);
    set(3, 'shipping_country', 'ZZ');
    set(4, 'email', 'bob@');
    set(6, 'create_customer', '');
    await writeFile(path, stringify([header!, ...rows]));
  });

  it('findings per rule and per file as charts, a table that filters, sorts and shows a hostile cell as text', async () => {
    const written = await cli(['validate', 'bad', '--as-of', TEST_TODAY, '--report', 'validate.html', '--format', 'junit']);
    expect(written.code, written.stderr).toBe(1);
    expect(written.stdout).toContain('<testsuites');
    const printed = await cli(['validate', 'bad', '--as-of', TEST_TODAY, '--format', 'html']);
    expect(printed.code).toBe(1);
    const path = join(dir, 'validate.html');
    // One page, whether printed on stdout or written by --report.
    expect(printed.stdout).toBe(await readFile(path, 'utf8'));

    const opened = await browser.open(path);
    const { page } = opened;
    expectSelfContained(opened);
    const rows = await shownRows(page, 'findings');
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ['Error', 'bad/customers-advanced.csv:2', 'email', 'email'],
      ['Error', 'bad/customers-advanced.csv:3', 'shipping_country', 'iso-country'],
      ['Error', 'bad/customers-advanced.csv:4', 'email', 'email'],
      ['Warning', 'bad/customers-advanced.csv:6', 'create_customer', 'row-enabled'],
      ['Error', 'bad/subscriptions-advanced.csv:6', 'import_identifier_customer_reference', 'customer-exists'],
    ]);
    // The hostile cell is text in its cell: no element was made of it, no script ran.
    expect(rows[0]![5]).toBe(HOSTILE);
    expect(await page.$$eval('img', (images) => images.length)).toBe(0);
    expect(await page.textContent('#findings tbody tr:first-child .badge')).toBe('Error');

    const drawn = await charts(page);
    expect(drawn.map((chart) => [chart.id, chart.chart])).toEqual([
      ['rules-chart', true],
      ['files-chart', true],
    ]);
    expect(drawn.every((chart) => chart.painted > 1000)).toBe(true);

    // Filters: severity, rule, file (select boxes), and the text search.
    await page.selectOption('#findings-filter-0', { label: 'warning' });
    await waitForRows(page, 'findings', 1);
    await page.selectOption('#findings-filter-0', { label: 'All' });
    await page.selectOption('#findings-filter-3', { label: 'email' });
    await waitForRows(page, 'findings', 2);
    await page.selectOption('#findings-filter-7', { label: 'bad/subscriptions-advanced.csv' });
    await waitForRows(page, 'findings', 0);
    await page.click('[data-table="findings"] [data-reset]');
    await waitForRows(page, 'findings', 5);
    await page.fill('#findings-search', 'acme-paris');
    await waitForRows(page, 'findings', 1);
    expect((await shownRows(page, 'findings'))[0]![1]).toBe('bad/customers-advanced.csv:4');
    await page.click('[data-table="findings"] [data-reset]');
    await waitForRows(page, 'findings', 5);

    // Sorting, by keyboard: the location descending, then the rule ascending.
    await page.focus('th[data-column="1"] button');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('th[data-column="1"]', 'aria-sort')).toBe('descending');
    expect((await shownRows(page, 'findings'))[0]![1]).toBe('bad/subscriptions-advanced.csv:6');
    await page.click('th[data-column="3"] button');
    expect((await shownRows(page, 'findings')).map((row) => row[3])).toEqual(['customer-exists', 'email', 'email', 'iso-country', 'row-enabled']);
    expect(await page.getAttribute('th[data-column="1"]', 'aria-sort')).toBe('none');

    // Printed: no controls, the table whole.
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('[data-table="findings"] .controls', (controls) => getComputedStyle(controls).display)).toBe('none');
    await page.close();
    await screenshots(path, 'validate');
  });

  it('a large table shows 500 rows at a time, filters over every row, and prints them all', async () => {
    const path = join(dir, 'many', 'customers-advanced.csv');
    const source = parse(await readFile(join(sample, 'customers-advanced.csv'), 'utf8')) as string[][];
    const header = source[0]!;
    const rows = Array.from({ length: 1200 }, (_, index) => {
      const row = [...source[1]!];
      row[header.indexOf('import_identifier_customer_reference')] = `cust-${index}`;
      row[header.indexOf('email')] = `nobody-${index}@`;
      return row;
    });
    await mkdir(join(dir, 'many'), { recursive: true });
    await writeFile(path, stringify([header, ...rows]));
    const written = await cli(['validate', 'many', '--as-of', TEST_TODAY, '--report', 'many.html']);
    expect(written.code, written.stderr).toBe(1);

    const opened = await browser.open(join(dir, 'many.html'));
    const { page } = opened;
    expectSelfContained(opened);
    await waitForRows(page, 'findings', 500);
    expect(await page.textContent('[data-table="findings"] [data-status]')).toBe('Showing 500 of 1,200 findings.');
    await page.click('[data-more-next]');
    await waitForRows(page, 'findings', 1000);
    // A row not rendered yet is found by the search all the same.
    await page.fill('#findings-search', 'cust-1150');
    await waitForRows(page, 'findings', 1);
    await page.fill('#findings-search', '');
    await waitForRows(page, 'findings', 500);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await waitForRows(page, 'findings', 1200);
    expect(await page.isHidden('[data-more]')).toBe(true);
    await page.close();
  });
});

describe('a --report that cannot be written', () => {
  it('is refused before any work: one line, exit 2, nothing printed, nothing sent', async () => {
    const named = await cli(['test-import', 'sample', '--as-of', TEST_TODAY, '--out', 'refused-results', '--report', 'import.txt']);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe('migrate: --report writes an HTML page: give it a file name ending in .html, got "import.txt". For example --report report.html.\n');
    await expect(access(join(dir, 'refused-results'))).rejects.toThrow();

    // A file where the report's folder should be.
    const blocked = await cli(['validate', 'sample', '--as-of', TEST_TODAY, '--report', 'sample/products.csv/validate.html']);
    expect(blocked.code).toBe(2);
    expect(blocked.stdout).toBe('');
    expect(blocked.stderr).toBe('migrate: --report sample/products.csv/validate.html cannot be written: a file is in the way of its folder. Choose a folder for the HTML report.\n');
  });
});
