// The HTML report's stylesheet and chart colours: system fonts only (nothing fetched), contrast of at
// least 4.5:1 for text (WCAG AA), tables that scroll sideways on a phone, and a print layout without
// controls. Colours only repeat what words say (a badge reads "Error").

/** Chart colours, each at least 3:1 against white (WCAG 1.4.11), told apart by the legend and labels too. */
export const PALETTE = {
  expected: '#2f5f98',
  actual: '#b4531a',
  error: '#b3261e',
  warning: '#8a6100',
  neutral: '#4a5a6a',
} as const;

export const STYLES = `
:root { color-scheme: light; --text: #1a1a1a; --muted: #4d4d4d; --line: #c8ccd2; --band: #f3f5f7; --link: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--text); background: #fff; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 20px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0 0 8px; }
.verdict { font-weight: 600; font-size: 1.1rem; margin: 8px 0; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible, .table-wrap:focus-visible, summary:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; margin: 0; }
.summary div { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; background: var(--band); }
.summary dt { font-size: 0.8rem; color: var(--muted); }
.summary dd { margin: 0; font-size: 1.15rem; font-weight: 600; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 10px; min-width: 0; }
.chart-box { position: relative; width: 100%; }
figcaption { font-weight: 600; margin-top: 6px; }
details.numbers { margin-top: 6px; }
details.numbers summary { cursor: pointer; color: var(--link); }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 6px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--band); border-bottom: 2px solid #8a9099; white-space: nowrap; position: sticky; top: 0; }
tbody th { font-weight: 500; }
.num { text-align: right; white-space: nowrap; }
.wide { min-width: 18em; }
.nowrap { white-space: nowrap; }
td .line + .line { margin-top: 2px; }
button.sort { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
button.sort .sort-mark::after { content: " \\2195"; color: var(--muted); }
th[aria-sort="ascending"] .sort-mark::after { content: " \\25B2"; color: var(--text); }
th[aria-sort="descending"] .sort-mark::after { content: " \\25BC"; color: var(--text); }
.controls { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: flex-end; margin: 8px 0; }
.control { display: flex; flex-direction: column; gap: 2px; min-width: 0; }
.control label { font-size: 0.85rem; color: var(--muted); }
.control select { max-width: 260px; }
select, input, .controls button, .more button { font: inherit; padding: 4px 8px; border: 1px solid #767676; border-radius: 4px; background: #fff; color: var(--text); }
.controls button, .more button { cursor: pointer; background: var(--band); }
.status { color: var(--muted); margin: 4px 0; }
.more { margin: 10px 0 24px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; border: 1px solid; font-size: 0.85rem; font-weight: 600; white-space: nowrap; }
.badge-error { color: #8a1c1c; background: #fbeaea; }
.badge-warning { color: #6b4a00; background: #fff4d6; }
.badge-success { color: #14532d; background: #e7f6ec; }
.badge-skipped, .badge-pending, .badge-not-applicable { color: #333; background: #eef0f3; }
.note { color: var(--muted); }
.no-script { border: 1px solid #8a6100; background: #fff4d6; padding: 8px; }
footer { max-width: 1200px; margin: 24px auto; padding: 0 16px; color: var(--muted); font-size: 0.85rem; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  h1 { font-size: 1.3rem; }
  .charts { grid-template-columns: 1fr; }
  .control, .control select, .control input { width: 100%; max-width: none; }
}
@media print {
  body { font-size: 10pt; }
  .controls, .more, .sort-mark, details.numbers summary { display: none !important; }
  details.numbers { display: none; }
  .table-wrap { overflow: visible; }
  thead th { position: static; }
  thead { display: table-header-group; }
  tr, figure.chart { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .charts { grid-template-columns: 1fr 1fr; }
}
`;
