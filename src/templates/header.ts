// Matches a file's header row against a template: which cells are template columns, repeating-group
// members or custom fields, which are unknown, and which template columns are missing.
import type { ColumnDefinition, RepeatingGroup, TemplateDefinition } from './types.js';

export interface ResolvedHeader {
  /** Header cell → index of its first occurrence. */
  indexByName: Map<string, number>;
  /** Group id → member numbers present in the header (sorted; [] when none). */
  members: Map<string, number[]>;
  /** Header cells the template does not know (blank cells ignored). */
  unknown: string[];
  /** Template columns (not output) the header lacks; groups count as their `_1` members when absent. */
  missing: string[];
  /** Of `missing`, those the template marks required. */
  missingRequired: string[];
  /** Header cells appearing more than once. */
  duplicates: string[];
}

export function isGroupColumn(name: string): boolean {
  return name.endsWith('_N');
}

/** `component_N` + 2 → `component_2`. */
export function memberName(name: string, n: number): string {
  return isGroupColumn(name) ? `${name.slice(0, -1)}${n}` : name;
}

function groupMemberNumber(group: RepeatingGroup, cell: string): number | undefined {
  for (const column of group.columns) {
    const prefix = column.slice(0, -1);
    if (cell.length > prefix.length && cell.startsWith(prefix)) {
      const digits = cell.slice(prefix.length);
      if (/^[1-9]\d*$/.test(digits)) return Number(digits);
    }
  }
  return undefined;
}

function isCustomField(template: TemplateDefinition, cell: string): boolean {
  return template.customFieldPrefixes.some(
    (prefix) => cell.length > prefix.length + 1 && cell.startsWith(prefix) && cell.endsWith(']'),
  );
}

export function resolveHeader(template: TemplateDefinition, header: readonly string[]): ResolvedHeader {
  const indexByName = new Map<string, number>();
  const duplicates: string[] = [];
  header.forEach((cell, index) => {
    if (cell === '') return;
    if (indexByName.has(cell)) duplicates.push(cell);
    else indexByName.set(cell, index);
  });

  const plain = new Set(template.columns.filter((column) => !isGroupColumn(column.name)).map((column) => column.name));
  const members = new Map<string, number[]>(template.groups.map((group) => [group.id, []]));
  const unknown: string[] = [];
  for (const cell of indexByName.keys()) {
    if (plain.has(cell) || isCustomField(template, cell)) continue;
    let matched = false;
    for (const group of template.groups) {
      const n = groupMemberNumber(group, cell);
      if (n === undefined) continue;
      matched = true;
      const list = members.get(group.id) as number[];
      if (!list.includes(n)) list.push(n);
      break;
    }
    if (!matched) unknown.push(cell);
  }
  for (const list of members.values()) list.sort((a, b) => a - b);

  const missing: string[] = [];
  const missingRequired: string[] = [];
  const note = (column: ColumnDefinition, name: string): void => {
    if (column.requirement === 'output' || indexByName.has(name)) return;
    missing.push(name);
    if (column.requirement === 'required') missingRequired.push(name);
  };
  for (const column of template.columns) {
    if (!isGroupColumn(column.name)) {
      note(column, column.name);
      continue;
    }
    const group = groupOf(template, column.name);
    const present = members.get(group.id) as number[];
    for (const n of present.length > 0 ? present : [1]) note(column, memberName(column.name, n));
  }
  return { indexByName, members, unknown, missing, missingRequired, duplicates };
}

export function groupOf(template: TemplateDefinition, columnName: string): RepeatingGroup {
  const group = template.groups.find((candidate) => candidate.columns.includes(columnName));
  if (!group) throw new Error(`template ${template.kind}: column ${columnName} belongs to no group`);
  return group;
}

/** The blank template's header: every column in document order, groups as their `_1` members. */
export function blankHeader(template: TemplateDefinition): string[] {
  return template.columns.map((column) => memberName(column.name, 1));
}
