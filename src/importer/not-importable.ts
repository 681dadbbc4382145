// The run's notices for columns the API has no place for (declared `notImportable` in src/templates):
// one per template column that imported rows filled, naming what the engineer must set by hand.
import { sourceName } from '../workbook/location.js';
import { compileConditions } from '../rules/engine.js';
import { getTemplate, isTemplateKind } from '../templates/index.js';
import type { NotImportable } from '../templates/types.js';
import type { RowResult } from './results.js';
import type { ColumnMapping, MappingTable } from '../targets/column-mapping.js';

export interface NotImportableNotice {
  template: string;
  column: string;
  why: string;
  byHand: string;
  /** The imported rows whose value needs the manual step. */
  rows: Array<{ file: string; row: number; key: string; value: string }>;
}

/**
 * Notices for the rows this run created, in template column order. The declarations are about the
 * Advanced Billing API: a column the target's own mapping covers needs none (placedByTarget).
 */
export function notImportableNotices(results: readonly RowResult[], mapping: (kind: string) => MappingTable = () => ({})): NotImportableNotice[] {
  const notices = new Map<string, NotImportableNotice>();
  const judged = judgedValues(results);
  for (const { row, status } of results) {
    if (status !== 'success' || !isTemplateKind(row.kind)) continue;
    for (const column of getTemplate(row.kind).columns) {
      const info = column.notImportable;
      if (info === undefined || placedByTarget(info, mapping(row.kind)[column.name])) continue;
      for (const header of headersOf(column.name, row.values)) {
        const value = (row.values[header] ?? '').trim();
        if (value === '' || !needsHand(info, value, judged(row))) continue;
        const id = `${row.kind}|${header}`;
        const notice = notices.get(id) ?? noticeFor(row.kind, header, info);
        notice.rows.push({ file: sourceName({ path: row.file, sheet: row.sheet }), row: row.row, key: row.key, value });
        notices.set(id, notice);
      }
    }
  }
  return [...notices.values()];
}

/** The row's headers a column stands for: itself, or each `_1`, `_2`… of a repeating-group column. */
function headersOf(name: string, values: Record<string, string>): string[] {
  if (!name.endsWith('_N')) return [name];
  const pattern = new RegExp(`^${name.slice(0, -1)}\\d+$`);
  return Object.keys(values).filter((header) => pattern.test(header));
}

/**
 * The cells a row's declarations are judged by: a row attaching to a parent row of the run (a price
 * point row naming its component) takes the parent's `inherits` cells where its own are blank; a
 * parent not in the run leaves them blank.
 */
function judgedValues(results: readonly RowResult[]): (row: RowResult['row']) => Record<string, string> {
  const parents = new Map<string, Record<string, string>>();
  for (const { row } of results) {
    const parent = isTemplateKind(row.kind) ? getTemplate(row.kind).parentRow : undefined;
    const key = parent ? (row.values[parent.key] ?? '').trim() : '';
    if (parent && key !== '' && parent.inherits.some((name) => (row.values[name] ?? '').trim() !== '')) parents.set(`${row.kind}|${key}`, row.values);
  }
  return (row) => {
    const parent = getTemplate(row.kind).parentRow;
    const named = parent ? parents.get(`${row.kind}|${(row.values[parent.column] ?? '').trim()}`) : undefined;
    if (!parent || !named) return row.values;
    const values = { ...row.values };
    for (const name of parent.inherits) if ((values[name] ?? '').trim() === '') values[name] = named[name] ?? '';
    return values;
  };
}

/**
 * Whether the target's mapping covers the column, so the declaration (about the Advanced Billing API)
 * does not concern it: a column it marks not applicable, or places while the declaration is about every
 * row. A declaration about some rows only (`appliesWhen`: an on/off component's unit_name) still stands
 * where the mapping places the column for the others.
 */
function placedByTarget(info: NotImportable, entry: ColumnMapping | undefined): boolean {
  if (entry === undefined) return false;
  return 'notApplicable' in entry || info.appliesWhen === undefined;
}

function needsHand(info: NotImportable, value: string, values: Record<string, string>): boolean {
  if (info.siteDefault !== undefined && value.toLowerCase() === info.siteDefault.toLowerCase()) return false;
  if (info.appliesWhen === undefined) return true;
  const names = Object.keys(values);
  return compileConditions(info.appliesWhen, (name) => names.indexOf(name))(Object.values(values));
}

function noticeFor(template: string, column: string, info: NotImportable): NotImportableNotice {
  return { template, column, why: info.why, byHand: info.byHand, rows: [] };
}

/** One line per notice for the pretty report: the column, why, what to do, and the first rows. */
export function renderNotice(notice: NotImportableNotice): string {
  const shown = notice.rows.slice(0, 5).map((entry) => `${entry.file} row ${entry.row}${entry.key ? ` (${entry.key})` : ''}: ${entry.value}`);
  const more = notice.rows.length > shown.length ? `, and ${notice.rows.length - shown.length} more` : '';
  return `${notice.template} column ${notice.column} was not imported (${notice.why}); ${notice.byHand}: ${shown.join('; ')}${more}.`;
}
