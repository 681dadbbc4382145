// The markup of a report's large table, before its script fills it: the filters (a select box per
// filtered column with every value it holds, and a text search), the headers with their sort buttons,
// an empty body, the count of rows shown, and the buttons that show more. Rows come from the data.
import { escapeHtml } from './escape.js';
import { counted, section } from './markup.js';
import type { Cell, TableData } from './model.js';

/** Rows the script renders at first and at each "show more": a 100,000-row report stays quick to open and to filter. */
export const ROWS_PER_CHUNK = 500;

/** A section holding one large table, titled with its count; the table joins `tables`, the data the page's script fills them from. */
export function tableSection(title: string, table: TableData, tables: TableData[]): string {
  tables.push(table);
  return section(table.id, `${title} (${table.rows.length.toLocaleString('en-US')})`, interactiveTable(table));
}

function interactiveTable(table: TableData): string {
  const controls = [
    ...table.columns.flatMap((column, index) => (column.filter ? [filterSelect(table, index)] : [])),
    `<div class="control control-search"><label for="${table.id}-search">Search</label><input type="search" id="${table.id}-search" data-search autocomplete="off" placeholder="Any text"></div>`,
  ];
  const headers = table.columns
    .flatMap((column, index) =>
      column.hidden
        ? []
        : [
            `<th scope="col" data-column="${index}" aria-sort="none"${column.kind === 'money' || column.kind === 'number' ? ' class="num"' : ''}>` +
              `<button type="button" class="sort" data-sort="${index}">${escapeHtml(column.label)}<span class="sort-mark" aria-hidden="true"></span></button></th>`,
          ],
    )
    .join('');

  return (
    `<div class="table-block" data-table="${table.id}" data-chunk="${ROWS_PER_CHUNK}">` +
    `<div class="controls" role="search" aria-label="Filter the ${escapeHtml(table.noun.many)}">${controls.join('')}<button type="button" class="reset" data-reset>Clear filters</button></div>` +
    `<p class="status" data-status aria-live="polite">${escapeHtml(counted(table.rows.length, table.noun.one, table.noun.many))}.</p>` +
    `<div class="table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(table.caption)}"><table id="${table.id}"><caption>${escapeHtml(table.caption)}</caption><thead><tr>${headers}</tr></thead><tbody></tbody></table></div>` +
    `<div class="more" data-more hidden><button type="button" data-more-next>Show ${ROWS_PER_CHUNK} more</button> <button type="button" data-more-all>Show all</button></div>` +
    `</div>`
  );
}

function filterSelect(table: TableData, index: number): string {
  const column = table.columns[index]!;
  const values = distinctValues(table.rows, index);
  const id = `${table.id}-filter-${index}`;
  // Each value behind "=", so a blank value is told apart from "All" (the empty value).
  const options = values.map((value) => `<option value="=${escapeHtml(value)}">${escapeHtml(value === '' ? '(blank)' : value)}</option>`).join('');
  return `<div class="control"><label for="${id}">${escapeHtml(column.label)}</label><select id="${id}" data-filter="${index}"><option value="">All</option>${options}</select></div>`;
}

/** The values a select box offers, sorted as people read them. */
function distinctValues(rows: ReadonlyArray<ReadonlyArray<Cell>>, index: number): string[] {
  const values = new Set<string>();
  for (const row of rows) values.add(String(row[index] ?? ''));
  return [...values].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
