// The one rule engine every template uses: compiles a template's column and row rules against a
// file's header once (column indexes, conditions, hooks), then runs the hooks over each record.
import { columnLetters } from '../workbook/cell-address.js';
import type { CsvRecord, FormulaCell, InvalidCell } from '../csv/types.js';
import { groupOf, isGroupColumn, memberName, resolveHeader, type ResolvedHeader } from '../templates/header.js';
import type { Condition, RuleUse, TemplateDefinition } from '../templates/types.js';
import type { Finding } from './finding.js';
import { getRule } from './index.js';
import { formatMessage } from './messages.js';
import { ReferenceStore } from './references.js';
import type { CellTest, References, ReportDescriptor, RowRef, RuleContext, RuleHooks } from './types.js';

export interface EngineOptions {
  file: string;
  /** The sheet, when the file is a workbook: findings name it and their cell (`F12`). */
  sheet?: string;
  asOf: string;
  /** Keys from reference files read earlier (customers, catalog). */
  references?: References;
  /** Receives the keys this file provides (its enabled rows), for files read after it. */
  collect?: ReferenceStore;
  /** A reference-only file (`--catalog`): its keys serve references but not uniqueness across files. */
  referenceOnly?: boolean;
  /** Header cells holding bytes that are not UTF-8 (the reader's `headerInvalid`). */
  headerInvalid?: InvalidCell[];
}

type RowHook = NonNullable<RuleHooks['row']>;
type ShortRowHook = NonNullable<RuleHooks['shortRow']>;

interface CompiledSection {
  test: CellTest | undefined;
  hooks: RowHook[];
}

const NO_REFERENCES: References = { has: () => false, includes: () => false, originOf: () => undefined };
const ROW_SECTION = 'row';
const REPORTS_MISSING = new Set(['required', 'required-if']);

/** Compiles a list of conditions (any holds) over a header into one cheap test. */
export function compileConditions(
  conditions: readonly Condition[],
  indexOf: (name: string) => number,
): CellTest {
  const tests: CellTest[] = conditions.map((condition) => {
    const index = indexOf(condition.column);
    if (index < 0) return () => false;
    if (condition.present) return (cells) => (cells[index] ?? '').trim() !== '';
    if (condition.is) {
      const allowed = new Set(condition.is.map((value) => value.toLowerCase()));
      return (cells) => allowed.has((cells[index] ?? '').trim().toLowerCase());
    }
    if (condition.isNot) {
      const denied = new Set(condition.isNot.map((value) => value.toLowerCase()));
      return (cells) => !denied.has((cells[index] ?? '').trim().toLowerCase());
    }
    throw new Error(`condition on ${condition.column} tests nothing`);
  });
  if (tests.length === 1) return tests[0] as CellTest;
  return (cells) => {
    for (const test of tests) if (test(cells)) return true;
    return false;
  };
}

/**
 * The one decision whether a row is enabled — validated by the engine, imported by the importer
 * (src/importer/sources.ts asks this same function, so the two can never disagree on a row).
 */
export function compileRowEnabled(template: TemplateDefinition, header: readonly string[]): CellTest {
  const resolved = resolveHeader(template, header);
  return compileConditions(template.enabledWhen, (name) => resolved.indexByName.get(name) ?? -1);
}

/** Validates one file's records against a template; feed it records, then call `finish()`. */
export class FileValidator {
  readonly findings: Finding[] = [];
  readonly errorRows = new Set<number>();
  rows = 0;
  private readonly resolved: ResolvedHeader;
  private readonly rowEnabled: CellTest;
  private readonly sections: CompiledSection[] = [];
  private readonly endHooks: Array<() => void> = [];
  private readonly skippedHooks: RowHook[] = [];
  private readonly shortRowHooks: ShortRowHook[] = [];
  /** Header index of each named column, to tell which findings of a short row fall on cells it lacks. */
  private readonly headerIndex = new Map<string, number>();
  private readonly keyIndexes: number[];
  private readonly collectors: Array<(cells: readonly string[], record: CsvRecord) => void> = [];

  constructor(
    readonly template: TemplateDefinition,
    readonly header: readonly string[],
    private readonly options: EngineOptions,
  ) {
    this.resolved = resolveHeader(template, header);
    const plainIndex = (name: string): number => this.resolved.indexByName.get(name) ?? -1;
    this.keyIndexes = template.keyColumns.map(plainIndex).filter((index) => index >= 0);
    this.rowEnabled = compileRowEnabled(template, header);

    const sectionIds = [ROW_SECTION, ...template.sections.map((section) => section.id)];
    const sectionHooks = new Map<string, RowHook[]>(sectionIds.map((id) => [id, []]));
    const startHooks: Array<() => void> = [];
    const bind = (use: RuleUse, section: string, column: string, n: number | undefined): void => {
      const hooks = getRule(use.rule).check(this.contextFor(use, column, n));
      if (hooks.start) startHooks.push(hooks.start);
      if (hooks.row) {
        const list = sectionHooks.get(section);
        if (!list) throw new Error(`template ${template.kind}: unknown section ${section}`);
        list.push(hooks.row);
      }
      if (hooks.end) this.endHooks.push(hooks.end);
      if (hooks.skipped) this.skippedHooks.push(hooks.skipped);
      if (hooks.shortRow) this.shortRowHooks.push(hooks.shortRow);
    };
    header.forEach((name, index) => {
      if (name !== '' && !this.headerIndex.has(name)) this.headerIndex.set(name, index);
    });

    bind({ rule: 'missing-column', options: { columns: this.resolved.missingRequired } }, ROW_SECTION, '', undefined);
    bind({ rule: 'unknown-column', options: { columns: this.resolved.unknown } }, ROW_SECTION, '', undefined);
    bind({ rule: 'invalid-bytes', options: { header: options.headerInvalid ?? [] } }, ROW_SECTION, '', undefined);
    bind({ rule: 'formula-value' }, ROW_SECTION, '', undefined);
    bind({ rule: 'row-shape' }, ROW_SECTION, '', undefined);
    const outputColumns = template.columns.filter((column) => column.requirement === 'output').map((column) => column.name);
    bind({ rule: 'row-enabled', options: { when: template.enabledWhen, ignore: outputColumns } }, ROW_SECTION, '', undefined);
    for (const column of template.columns) {
      const section = column.section ?? ROW_SECTION;
      const uses: RuleUse[] = [...(column.requirement === 'required' ? [{ rule: 'required' }] : []), ...(column.rules ?? [])];
      if (!isGroupColumn(column.name)) {
        // An absent column is blank on every row: only the rules that report missing values apply.
        const present = plainIndex(column.name) >= 0;
        for (const use of uses) if (present || REPORTS_MISSING.has(use.rule)) bind(use, section, column.name, undefined);
        continue;
      }
      const members = this.resolved.members.get(groupOf(template, column.name).id) ?? [];
      for (const n of members) {
        const name = memberName(column.name, n);
        // A required group column is required for its first member only ("component_1 Required"),
        // where a conditional requirement would only repeat the finding.
        const requiredHere = n === 1 && column.requirement === 'required';
        for (const use of uses) {
          if (use.rule === 'required' && !requiredHere) continue;
          if (use.rule === 'required-if' && requiredHere) continue;
          if (plainIndex(name) < 0 && !REPORTS_MISSING.has(use.rule)) continue;
          bind(use, section, name, n);
        }
      }
    }
    for (const use of template.rowRules) bind(use, use.section ?? ROW_SECTION, '', undefined);

    for (const id of sectionIds) {
      const definition = template.sections.find((section) => section.id === id);
      this.sections.push({
        test: definition ? compileConditions(definition.enabledWhen, plainIndex) : undefined,
        hooks: sectionHooks.get(id) as RowHook[],
      });
    }
    this.compileCollectors(plainIndex);
    for (const hook of startHooks) hook();
  }

  private compileCollectors(plainIndex: (name: string) => number): void {
    const store = this.options.collect;
    if (!store) return;
    const input = this.options.referenceOnly !== true;
    for (const provided of this.template.provides) {
      store.provide(provided.set);
      const index = plainIndex(provided.column);
      if (index < 0) continue;
      const parents = (provided.parentColumns ?? []).map(plainIndex).filter((i) => i >= 0);
      const definition = this.template.sections.find((section) => section.id === provided.section);
      const inSection = definition ? compileConditions(definition.enabledWhen, plainIndex) : () => true;
      const applies = provided.when ? compileConditions(provided.when, plainIndex) : () => true;
      this.collectors.push((cells, record) => {
        if (!inSection(cells) || !applies(cells)) return;
        const key = (cells[index] ?? '').trim();
        if (key === '') return;
        if (provided.parentColumns === undefined) {
          store.add(provided.set, key, undefined, { file: this.options.file, row: record.row, input });
          return;
        }
        let parent = '';
        for (const parentIndex of parents) {
          parent = (cells[parentIndex] ?? '').trim();
          if (parent !== '') break;
        }
        store.add(provided.set, key, parent);
      });
    }
  }

  private contextFor(use: RuleUse, column: string, n: number | undefined): RuleContext {
    const rule = getRule(use.rule);
    const nameOf = (name: string): string => (n !== undefined ? memberName(name, n) : name);
    const indexOf = (name: string): number => this.resolved.indexByName.get(nameOf(name)) ?? -1;
    const index = column === '' ? -1 : indexOf(column);
    const push = (at: RowRef, descriptor: ReportDescriptor, cellValue: string): void => {
      const reported = descriptor.column ?? column;
      const value = descriptor.value ?? cellValue;
      const severity = descriptor.severity ?? 'error';
      const message = formatMessage(rule.id, rule.messages, descriptor.messageId, {
        column: reported,
        value,
        ...descriptor.data,
      });
      this.findings.push({
        rule: rule.id,
        messageId: descriptor.messageId,
        severity,
        message,
        file: this.options.file,
        ...(this.options.sheet !== undefined ? this.sheetPlace(reported, at.row) : {}),
        row: at.row,
        line: at.line,
        column: reported,
        value,
        key: at.key,
      });
      if (severity === 'error' && at.row > 1) this.errorRows.add(at.row);
    };
    return {
      file: this.options.file,
      kind: this.template.kind,
      asOf: this.options.asOf,
      header: this.header,
      column,
      index,
      options: use.options ?? {},
      references: this.options.references ?? NO_REFERENCES,
      indexOf,
      nameOf,
      test: (conditions) => compileConditions(conditions, indexOf),
      report: (cells, record, descriptor) =>
        push(this.rowRef(cells, record), descriptor, index >= 0 ? (cells[index] ?? '') : ''),
      reportAt: (at, descriptor) => push(at, descriptor, ''),
      rowRef: (cells, record) => this.rowRef(cells, record),
    };
  }

  /** Where a finding is in a workbook: the sheet, and the cell when the column is in the header. */
  private sheetPlace(column: string, row: number): { sheet: string; cell?: string } {
    const index = this.headerIndex.get(column);
    return { sheet: this.options.sheet!, ...(index !== undefined && row > 1 ? { cell: `${columnLetters(index + 1)}${row}` } : {}) };
  }

  /** The row's business key: the first non-blank key column. */
  private keyOf(cells: readonly string[]): string {
    for (const index of this.keyIndexes) {
      const value = (cells[index] ?? '').trim();
      if (value !== '') return value;
    }
    return '';
  }

  private rowRef(cells: readonly string[], record: CsvRecord): RowRef {
    return { row: record.row, line: record.line, key: this.keyOf(cells) };
  }

  add(record: CsvRecord): void {
    this.rows++;
    const cells = record.cells;
    if (!this.rowEnabled(cells)) {
      for (const hook of this.skippedHooks) hook(cells, record);
      return;
    }
    const first = this.findings.length;
    const sections = this.sections;
    for (let s = 0; s < sections.length; s++) {
      const section = sections[s] as CompiledSection;
      if (section.test !== undefined && !section.test(cells)) continue;
      const hooks = section.hooks;
      for (let h = 0; h < hooks.length; h++) (hooks[h] as RowHook)(cells, record);
    }
    if (record.written !== undefined) this.settleShortRow(cells, record, record.written, first);
    if (record.formulas !== undefined) this.settleFormulas(record.formulas, first);
    for (const collect of this.collectors) collect(cells, record);
  }

  /**
   * A row cut short gets one finding that says so instead of one per cell it lacks ("is required"
   * five times over): the findings from `first` on that fall on those cells are handed to the
   * shortRow hooks and withdrawn. A row whose lacking cells nobody needed (trailing blank cells an
   * exporter left out) keeps no finding about its shape.
   */
  private settleShortRow(cells: readonly string[], record: CsvRecord, written: number, first: number): void {
    const lacking: Finding[] = [];
    const kept: Finding[] = [];
    for (let i = first; i < this.findings.length; i++) {
      const finding = this.findings[i] as Finding;
      ((this.headerIndex.get(finding.column) ?? -1) >= written ? lacking : kept).push(finding);
    }
    if (lacking.length === 0) return;
    this.findings.length = first;
    this.findings.push(...kept);
    for (const hook of this.shortRowHooks) hook(cells, record, lacking);
  }

  /**
   * A formula cell without a value reads as '': its formula-value finding says why, and the other
   * rules' findings about that blank ("is required") are withdrawn, as they would only repeat it.
   */
  private settleFormulas(formulas: readonly FormulaCell[], first: number): void {
    const columns = new Set(formulas.map((cell) => this.header[cell.column]));
    const kept = this.findings.slice(first).filter((finding) => finding.rule === 'formula-value' || !columns.has(finding.column));
    this.findings.length = first;
    this.findings.push(...kept);
  }

  /** Runs the whole-file checks; findings are then sorted by row (header findings first). */
  finish(): Finding[] {
    for (const hook of this.endHooks) hook();
    this.findings.sort((a, b) => a.row - b.row);
    return this.findings;
  }
}

