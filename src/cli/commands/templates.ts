// `migrate templates [KIND] [--system S]`: lists the template kinds, or shows one kind's columns (which
// are required, conditional, optional or written by the toolkit), where each goes on the system's API,
// and every rule with its one-line docs.
import { getRule } from '../../rules/index.js';
import { getTemplate, listTemplates, type TemplateDefinition } from '../../templates/index.js';
import { describeMapping, type ColumnMapping } from '../../targets/column-mapping.js';
import { columnMapping, DEFAULT_SYSTEM } from '../../targets/index.js';
import { parseSystem, parseTemplateKind, type ImportFormat } from '../options.js';
import type { Colors } from '../reporters/colors.js';
import { renderJsonDocument } from '../reporters/json.js';
import { wrapForStream } from '../reporters/wrap-text.js';
import { reportColors } from '../session/report-colors.js';

export interface TemplatesOptions {
  format: ImportFormat;
  color?: boolean;
  /** Whose API the columns are mapped to (`--system`, as typed); absent: advanced-billing. */
  system?: string;
}

/** Rules the engine binds to every file whatever its template (see src/rules/engine.ts). */
const fileRules = ['invalid-bytes', 'missing-column', 'row-enabled', 'row-shape', 'unknown-column'];

export async function run(kind: string | undefined, options: TemplatesOptions): Promise<void> {
  const { format } = options;
  const colors = reportColors(format, options.color);
  const system = parseSystem(options.system);
  if (kind === undefined) {
    const templates = listTemplates();
    process.stdout.write(
      format === 'json'
        ? renderJsonDocument({ version: 1, command: 'templates', templates: templates.map(({ kind: id, title, description }) => ({ kind: id, title, description })) })
        : wrapForStream(renderList(templates, colors), process.stdout),
    );
  } else {
    const template = getTemplate(parseTemplateKind(kind));
    process.stdout.write(
      format === 'json'
        ? renderJsonDocument({ version: 1, command: 'templates', template: describeTemplate(template, system) })
        : wrapForStream(renderTemplate(template, system, colors), process.stdout),
    );
  }
  process.exitCode = 0;
}

interface TemplateDescription {
  kind: string;
  /** Set when not the default (advanced-billing), whose output stays as it always was. */
  system?: string;
  title: string;
  description: string;
  columns: Array<{ name: string; requirement: string; description: string; rules: string[]; notImportable?: { why: string; byHand: string }; mapping?: ColumnMapping }>;
  repeatingGroups: Array<{ columns: string[]; description: string }>;
  customFields: string[];
  /** Where each custom field pattern's values go, e.g. `custom_field[Name]`. */
  customFieldMapping: Record<string, ColumnMapping>;
  rules: Array<{ id: string; docs: string }>;
}

/** Everything `templates KIND` shows, as data: columns in template order, rules sorted by id. */
function describeTemplate(template: TemplateDefinition, system: string): TemplateDescription {
  const mapping = columnMapping(template.kind, system);
  const columns = template.columns.map((column) => {
    const where = mapping[column.name];
    // A template's not-importable notice is about Advanced Billing's API; a system that marks the column
    // not applicable says in its own words what the column means there.
    const notImportable = column.notImportable && !(where && 'notApplicable' in where) ? column.notImportable : undefined;
    return {
      name: column.name,
      requirement: column.requirement,
      description: column.description,
      rules: [...(column.requirement === 'required' ? ['required'] : []), ...(column.rules ?? []).map((use) => use.rule)],
      ...(notImportable ? { notImportable: { why: notImportable.why, byHand: notImportable.byHand } } : {}),
      ...(where ? { mapping: where } : {}),
    };
  });
  const customFields = template.customFieldPrefixes.map((prefix) => `${prefix}Name]`);
  const ids = new Set<string>([...fileRules, ...columns.flatMap((column) => column.rules), ...template.rowRules.map((use) => use.rule)]);
  return {
    kind: template.kind,
    ...(system === DEFAULT_SYSTEM ? {} : { system }),
    title: template.title,
    description: template.description,
    columns,
    repeatingGroups: template.groups.map((group) => ({ columns: [...group.columns], description: group.description })),
    customFields,
    customFieldMapping: Object.fromEntries(customFields.flatMap((pattern) => (mapping[pattern] ? [[pattern, mapping[pattern]]] : []))),
    rules: [...ids].sort().map((id) => ({ id, docs: getRule(id).docs })),
  };
}

function renderList(templates: readonly TemplateDefinition[], colors: Colors): string {
  const width = Math.max(...templates.map((template) => template.kind.length));
  const lines = templates.map((template) => `  ${colors.bold(template.kind.padEnd(width))}  ${template.title}`);
  return `Template kinds (the kind is detected from a file's header; --template KIND overrides):\n\n${lines.join('\n')}\n\nRun \`migrate templates KIND\` for its columns and rules.\n`;
}

const requirementLabel: Record<string, (colors: Colors, text: string) => string> = {
  required: (colors, text) => colors.red(text),
  conditional: (colors, text) => colors.yellow(text),
  optional: (colors, text) => colors.dim(text),
  output: (colors, text) => colors.cyan(text),
};

/**
 * Column names up to this long leave the description beside them room at 80 columns (it starts by
 * column 32); with a longer name in the template, each description goes on its own line under the
 * name, so it never starts half-way across the terminal.
 */
const NAME_WIDTH_BESIDE = 15;
/** Where a column's description, mapping and notes start when they go under its name. */
const UNDER_NAME = ' '.repeat(6);

function renderTemplate(template: TemplateDefinition, system: string, colors: Colors): string {
  const described = describeTemplate(template, system);
  const nameWidth = Math.max(...described.columns.map((column) => column.name.length));
  const beside = nameWidth <= NAME_WIDTH_BESIDE;
  const detailIndent = beside ? `  ${' '.repeat(11)}  ${' '.repeat(nameWidth)}  ` : UNDER_NAME;
  const out = [`${colors.bold(described.kind)} — ${described.title}`, described.description];
  if (described.system !== undefined) {
    out.push(`Where each column goes with --system ${described.system}; "not applicable": the system has no place for the column, and an import reports it once per run where it holds data.`);
  }
  out.push('', colors.bold('Columns'));
  for (const column of described.columns) {
    const requirement = column.requirement === 'output' ? 'do not edit' : column.requirement;
    const label = (requirementLabel[column.requirement] ?? ((_: Colors, text: string) => text))(colors, requirement.padEnd(11));
    const rules = column.rules.length > 0 ? colors.dim(` [${column.rules.join(', ')}]`) : '';
    const description = `${column.description}${rules}`;
    if (beside) out.push(`  ${label}  ${column.name.padEnd(nameWidth)}  ${description}`);
    else out.push(`  ${label}  ${column.name}`, `${detailIndent}${description}`);
    // Where the value lands on the site (or what the toolkit uses it for), under the column it describes.
    if (column.mapping) out.push(`${detailIndent}${colors.dim('→')} ${describeMapping(column.mapping)}`);
    // Validated like any column, but the import cannot carry it: say so where the column is listed.
    if (column.notImportable) out.push(`${detailIndent}${colors.yellow('not importable')}: ${column.notImportable.why}; ${column.notImportable.byHand}.`);
  }
  if (described.repeatingGroups.length > 0) {
    out.push('', colors.bold('Repeating groups') + colors.dim(' (N = 1, 2, 3…; add columns as needed)'));
    for (const group of described.repeatingGroups) out.push(`  ${group.columns.join(', ')}: ${group.description}`);
  }
  if (described.customFields.length > 0) {
    out.push('', `${colors.bold('Custom fields')}  ${described.customFields.join(', ')}`);
    for (const [pattern, mapping] of Object.entries(described.customFieldMapping)) out.push(`  ${pattern}  ${colors.dim('→')} ${describeMapping(mapping)}`);
  }
  const idWidth = Math.max(...described.rules.map((rule) => rule.id.length));
  out.push('', colors.bold('Rules'));
  for (const rule of described.rules) out.push(`  ${rule.id.padEnd(idWidth)}  ${rule.docs}`);
  return `${out.join('\n')}\n`;
}
