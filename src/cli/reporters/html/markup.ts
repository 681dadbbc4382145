// The static parts of an HTML report, escaped as they are built: sections, the summary as a
// definition list, plain tables (the totals, and every chart's numbers) and a chart's figure.
import { escapeHtml } from './escape.js';
import type { ChartData } from './model.js';

/** "1,200 findings", "1 warning": a count as people read it, with its noun. */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** A section with its heading, labelled by it for assistive technology. */
export function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${escapeHtml(title)}</h2>${body}</section>`;
}

/** Label–value pairs (counts, the site, the tolerance) as a definition list. */
export function summaryList(items: ReadonlyArray<[label: string, value: string | number]>): string {
  const entries = items.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(typeof value === 'number' ? value.toLocaleString('en-US') : value)}</dd></div>`);
  return `<dl class="summary">${entries.join('')}</dl>`;
}

/** A plain table: a caption, column headers, and rows whose first cell heads its row; `numeric` columns align right. */
export function staticTable(caption: string, headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>, numeric: ReadonlySet<number> = new Set()): string {
  const cellClass = (index: number): string => (numeric.has(index) ? ' class="num"' : '');
  const head = headers.map((header, index) => `<th scope="col"${cellClass(index)}>${escapeHtml(header)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${escapeHtml(String(cell))}</th>` : `<td${cellClass(index)}>${escapeHtml(String(cell))}</td>`)).join('')}</tr>`)
    .join('');
  return `<div class="table-wrap"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** The most labels a chart's accessible name reads out; its table lists them all. */
const LABELS_SPOKEN = 8;

/**
 * A chart's figure: the canvas the script draws on (an image with a spoken summary), its caption,
 * and the same numbers as a table, so nothing is only in the picture.
 */
export function chartFigure(chart: ChartData, caption: string, numbers: string): string {
  const spoken = chart.labels
    .slice(0, LABELS_SPOKEN)
    .map((label, index) => `${label}: ${chart.datasets.map((dataset) => `${chart.datasets.length > 1 ? `${dataset.label} ` : ''}${dataset.data[index]}`).join(', ')}`)
    .join('; ');
  const more = chart.labels.length > LABELS_SPOKEN ? `; and ${chart.labels.length - LABELS_SPOKEN} more in the table below` : '';
  const label = `Bar chart. ${caption}. ${spoken}${more}.`;
  const height = chart.horizontal ? Math.max(160, 60 + chart.labels.length * 28) : 280;
  return (
    `<figure class="chart"><div class="chart-box" style="height:${height}px"><canvas id="${chart.id}" role="img" aria-label="${escapeHtml(label)}">${escapeHtml(label)}</canvas></div>` +
    `<figcaption>${escapeHtml(caption)}</figcaption><details class="numbers"><summary>The numbers behind this chart</summary>${numbers}</details></figure>`
  );
}
