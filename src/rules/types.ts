// The contract every rule follows (ESLint's shape): `{ id, docs, messages, check }`, where `check`
// is called once per file and column use and returns the hooks the engine calls per row and at the end.
import type { CsvRecord } from '../csv/types.js';
import type { Condition, ReferenceSet } from '../templates/types.js';
import type { Finding, Severity } from './finding.js';

/** Where a finding points when the rule reports after the row has gone (uniqueness, hierarchies). */
export interface RowRef {
  row: number;
  line: number;
  key: string;
}

export interface ReportDescriptor {
  messageId: string;
  /** Defaults to the column the rule is bound to. */
  column?: string;
  /** Defaults to the bound column's cell. */
  value?: string;
  /** Placeholder values; `column` and `value` are always available. */
  data?: Record<string, string | number>;
  severity?: Severity;
}

/** Where a provided key first appeared; `input` is false for reference-only (catalog) files. */
export interface KeyOrigin {
  file: string;
  row: number;
  input: boolean;
}

/** Keys provided by reference files (customers, catalog), checked by cross-file rules. */
export interface References {
  /** True when a file providing this set was among the inputs or catalog files. */
  has(set: ReferenceSet): boolean;
  /** `parent` names the product or component a price point belongs to. */
  includes(set: ReferenceSet, key: string, parent?: string): boolean;
  /** Where a key (without parent) first appeared, if any file provided it. */
  originOf(set: ReferenceSet, key: string): KeyOrigin | undefined;
}

export type CellTest = (cells: readonly string[]) => boolean;

export interface RuleContext {
  file: string;
  kind: string;
  /** YYYY-MM-DD: dates are judged against this day. */
  asOf: string;
  header: readonly string[];
  /** The header cell this use is bound to ('' for row rules). */
  column: string;
  /** Its index in the header, or -1 when the file lacks it. */
  index: number;
  options: Record<string, unknown>;
  references: References;
  /** Header index of a column; `_N` resolves to the bound group member. -1 when absent. */
  indexOf(name: string): number;
  /** The header name a template name resolves to (`_N` replaced). */
  nameOf(name: string): string;
  /** Compiles a condition once; the result is cheap to call per row. */
  test(conditions: readonly Condition[]): CellTest;
  report(cells: readonly string[], record: CsvRecord, descriptor: ReportDescriptor): void;
  reportAt(at: RowRef, descriptor: ReportDescriptor): void;
  rowRef(cells: readonly string[], record: CsvRecord): RowRef;
}

export interface RuleHooks {
  /** Called once before the rows, for header-level findings (reported at row 1). */
  start?(): void;
  row?(cells: readonly string[], record: CsvRecord): void;
  /** Called instead, for rows the template does not enable (row-enabled says when that looks like a mistake). */
  skipped?(cells: readonly string[], record: CsvRecord): void;
  /**
   * Called after every other hook of an enabled row the file wrote with fewer cells than the header
   * names (`record.written`), with the findings the other rules made on the cells it lacks: the engine
   * withdraws those, and this hook reports the one finding that explains them (row-shape).
   */
  shortRow?(cells: readonly string[], record: CsvRecord, lacking: readonly Finding[]): void;
  /** Whole-file checks after the last row (uniqueness across rows, hierarchies, attach_to). */
  end?(): void;
}

export type RuleScope = 'header' | 'cell' | 'row' | 'file' | 'cross-file';

export interface Rule {
  id: string;
  /** One line shown by `migrate templates KIND`. */
  docs: string;
  scope: RuleScope;
  messages: Record<string, string>;
  check(context: RuleContext): RuleHooks;
}
