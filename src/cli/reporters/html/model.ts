// The data an HTML report embeds for its script (src/cli/reporters/html/client.ts reads exactly this):
// the charts to draw and the tables to fill, rows as arrays so 100,000 of them stay compact.

/**
 * How a cell is shown and sorted: money is a decimal string (sorted exactly, never as a float), `lines`
 * a list of texts, `link` an http(s) address (anything else is shown as text), `badge` a word such as a
 * severity or status shown as text in a box (its colour only repeats the word).
 */
export type ColumnKind = 'text' | 'number' | 'money' | 'badge' | 'link' | 'lines';

export type Cell = string | number | string[];

export interface TableColumn {
  label: string;
  kind: ColumnKind;
  /** Offer a select box of the column's values (the report renders it, with every distinct value). */
  filter?: boolean;
  /** Not shown: a cell kept for a filter or for another column's sort. */
  hidden?: boolean;
  /** Sort by these cells (indexes) instead of this one: a location by file, then row number. */
  sortBy?: number[];
  /** The cell that names its row (a `<th scope="row">`): the location. */
  rowHeader?: boolean;
  /** Room for prose (a message, the causes), or a short word kept on one line (a key). */
  width?: 'wide' | 'nowrap';
}

export interface TableData {
  id: string;
  caption: string;
  /** What a row is, for "Showing 500 of 1,234 findings". */
  noun: { one: string; many: string };
  columns: TableColumn[];
  rows: Cell[][];
}

export interface ChartDataset {
  label: string;
  data: number[];
  /** A colour of PALETTE (styles.ts): the legend and the text table carry the meaning, never the colour alone. */
  color: string;
}

export interface ChartData {
  /** The canvas's id. */
  id: string;
  labels: string[];
  datasets: ChartDataset[];
  /** Bars along the x axis (horizontal), for long labels such as rule ids and paths. */
  horizontal?: boolean;
  stacked?: boolean;
  /** What the value axis measures: "findings", "USD". */
  valueTitle: string;
  /** What the bars stand for, when the labels do not say it: "difference (USD)". */
  categoryTitle?: string;
  /** The values are counts: whole-number ticks only. */
  counts?: boolean;
}

export interface ReportData {
  charts: ChartData[];
  tables: TableData[];
}
