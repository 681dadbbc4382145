// The run's notices for columns the API has no place for (declared `notImportable` in src/templates):
// one per template column that imported rows filled, naming what the engineer must set by hand.
import { sourceName } from '../workbook/location.js';
import { compileConditions } from '../rules/engine.js';
import { getTemplate, isTemplateKind } from '../templates/index.js';
import type { ColumnDefinition, NotImportable } from '../templates/types.js';
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
  for (const { row, status } of results) {
    if (status !== 'success' || !isTemplateKind(row.kind)) continue;
    for (const column of getTemplate(row.kind).columns) {
      const info = column.notImportable;
      if (info === undefined || placedByTarget(info, mapping(row.kind)[column.name])) continue;
      const value = (row.values[column.name] ?? '').trim();
      if (value === '' || !needsHand(info, value, row.values)) continue;
      const id = `${row.kind}|${column.name}`;
      const notice = notices.get(id) ?? noticeFor(row.kind, column, info);
      notice.rows.push({ file: sourceName({ path: row.file, sheet: row.sheet }), row: row.row, key: row.key, value });
      notices.set(id, notice);
    }
  }
  return [...notices.values()];
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

function noticeFor(template: string, column: ColumnDefinition, info: NotImportable): NotImportableNotice {
  return { template, column: column.name, why: info.why, byHand: info.byHand, rows: [] };
}

/** One line per notice for the pretty report: the column, why, what to do, and the first rows. */
export function renderNotice(notice: NotImportableNotice): string {
  const shown = notice.rows.slice(0, 5).map((entry) => `${entry.file} row ${entry.row}${entry.key ? ` (${entry.key})` : ''}: ${entry.value}`);
  const more = notice.rows.length > shown.length ? `, and ${notice.rows.length - shown.length} more` : '';
  return `${notice.template} column ${notice.column} was not imported (${notice.why}); ${notice.byHand}: ${shown.join('; ')}${more}.`;
}
