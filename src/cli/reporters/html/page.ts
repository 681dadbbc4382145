// The page every HTML report is: one self-contained file (styles, Chart.js, the data and the script
// inline; nothing fetched), with a Content-Security-Policy that lets only those two scripts run and
// no request leave the page, so even a cell that slipped past escaping could neither run nor call out.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageVersion } from '../../parse-cli.js';
import { CLIENT_SCRIPT } from './client.js';
import { escapeHtml, inlineScript, jsonForScript } from './escape.js';
import type { ReportData } from './model.js';
import { STYLES } from './styles.js';

export interface Page {
  /** The document's title (the browser tab) and its heading. */
  title: string;
  /** Lines under the heading: the site, the date, the run. */
  meta: string[];
  /** The verdict in words, under the meta lines. */
  verdict: string;
  /** The sections, as markup built by markup.ts and table-markup.ts (already escaped). */
  body: string;
  data: ReportData;
}

let chartLibrary: string | undefined;

/**
 * Chart.js's browser bundle (UMD: it defines the global Chart), from the installed package, read once
 * per process. The package's `exports` do not list dist/chart.umd.min.js, so it is found beside the
 * entry point `chart.js` resolves to (dist/chart.cjs).
 */
function chartJs(): string {
  chartLibrary ??= inlineScript(readFileSync(join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js'), 'utf8'));
  return chartLibrary;
}

function sha256(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

export function renderPage(page: Page): string {
  const generator = `migrate ${packageVersion()}`;
  const scripts = [chartJs(), inlineScript(CLIENT_SCRIPT)];
  const policy = [
    "default-src 'none'",
    `script-src ${scripts.map(sha256).join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    `<meta name="generator" content="${escapeHtml(generator)}">`,
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(page.title)}</h1>${page.meta.map((line) => `<p class="meta">${escapeHtml(line)}</p>`).join('')}<p class="verdict">${escapeHtml(page.verdict)}</p></header>`,
    '<noscript><p class="no-script">The charts and the tables of rows need JavaScript. The counts and totals on this page are plain text.</p></noscript>',
    `<main id="main">${page.body}</main>`,
    `<footer>Written by ${escapeHtml(generator)}. This file needs no network: everything it shows is inside it.</footer>`,
    `<script type="application/json" id="report-data">${jsonForScript(page.data)}</script>`,
    ...scripts.map((code) => `<script>${code}</script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
