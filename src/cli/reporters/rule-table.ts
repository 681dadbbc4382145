// The pretty report's closing table of findings by rule: rule · severity · count · example, so a file
// with thousands of one mistake reads as one line, and --max-findings loses no count.
import type { Colors } from './colors.js';
import { safeText } from './safe-text.js';
import { fileLevelWhere, findingCell, type RuleCount } from './types.js';

/** Table lines are cut to this width (the list above has each full message), the example keeping at least MIN_EXAMPLE. */
const LINE_WIDTH = 100;
const MIN_EXAMPLE = 40;

/** The table's lines ("Findings by rule", a header, one row per rule), or none when there is no finding. */
export function renderRuleTable(byRule: readonly RuleCount[], colors: Colors): string[] {
  if (byRule.length === 0) return [];
  const header = ['rule', 'severity', 'count', 'example'] as const;
  const counted = byRule.map((entry) => [entry.rule, entry.severity, entry.count.toLocaleString('en-US')] as const);
  const width = (column: 0 | 1 | 2) => Math.max(header[column].length, ...counted.map((row) => row[column].length));
  const [ruleWidth, severityWidth, countWidth] = [width(0), width(1), width(2)];
  const exampleWidth = Math.max(MIN_EXAMPLE, LINE_WIDTH - (2 + ruleWidth + 2 + severityWidth + 2 + countWidth + 2));
  const rows = counted.map((cells, index) => [...cells, example(byRule[index]!, exampleWidth)] as const);
  const line = (cells: readonly [string, string, string, string], tone: (text: string) => string = (text) => text) =>
    `  ${cells[0].padEnd(ruleWidth)}  ${tone(cells[1].padEnd(severityWidth))}  ${cells[2].padStart(countWidth)}  ${cells[3]}`.trimEnd();
  return [
    colors.bold('Findings by rule'),
    colors.dim(line(header)),
    ...rows.map((cells) => line(cells, cells[1] === 'error' ? colors.red : colors.yellow)),
  ];
}

/**
 * Where the first such finding is, and its value (`subs.csv row 2, email "bob@"`): short enough to sit
 * in the table; a finding without a value (a blank required cell, a file not read) shows its message.
 */
function example(entry: RuleCount, width: number): string {
  const { file, sheet, value, message } = entry.example;
  const where = fileLevelWhere(entry.example).replace(', column ', ', ');
  // In a workbook the sheet's cell says where: `migration.xlsx › Customers!F12, email`.
  const place = sheet !== undefined ? `${file} › ${findingCell({ ...entry.example, sheet })}${entry.example.column ? `, ${entry.example.column}` : ''}` : `${file}${where ? ` ${where}` : ''}`;
  const text = safeText(value !== '' ? `${place} ${JSON.stringify(value)}` : `${place}: ${message}`);
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
