// The fidelity test's reading of the site (test/targets/advanced-billing/operations/column-fidelity.test.ts): where the site
// shows what each mapping table entry sent, and which of a row's columns are not there.
import Decimal from 'decimal.js';
import { expect } from 'vitest';
import { compileConditions } from '../../../../src/rules/engine.js';
import type { ApiField, ColumnMapping } from '../../../../src/targets/column-mapping.js';
import { columnMapping } from '../../../../src/targets/index.js';
import type { ColumnDefinition, TemplateDefinition } from '../../../../src/templates/types.js';
import type { Json } from '../../../../src/targets/advanced-billing/api.js';

/** The pattern a header is listed under in the table: `component_2` → `component_N`, `custom_field[Tier]` → `custom_field[Name]`. */
export function patternOf(template: TemplateDefinition, header: string): string {
  const prefix = template.customFieldPrefixes.find((candidate) => header.startsWith(candidate));
  if (prefix) return `${prefix}Name]`;
  if (template.columns.some((column) => column.name === header)) return header;
  return header.replace(/_\d+$/, '_N');
}

/** The site's objects a row made, by the wire root their fields were sent under. */
export type SiteObjects = Record<string, Json | undefined>;

/** `a.b[N].c` in `object`, with N the row's group index (1-based); `[]` is the first element. */
function valueAt(object: Json | undefined, path: string, n: number): Json | undefined {
  let current: Json | undefined = object;
  for (const part of path.split('.')) {
    const match = /^([^[]+)(?:\[(N|\d*)\])?$/.exec(part);
    if (!match || current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = current[match[1]!];
    if (match[2] !== undefined) {
      if (!Array.isArray(current)) return undefined;
      current = current[match[2] === 'N' ? n - 1 : Number(match[2] || 0)];
    }
  }
  return current;
}

/**
 * Where the site shows what a wire field carried: the response names a few fields differently
 * (a profile's numbers masked, a subscription's product by handle, balances in cents).
 */
const SHOWN_AS: Array<[RegExp, string]> = [
  [/^subscription\.(credit_card|bank_account|payment_profile)_attributes\./, 'payment_profile.'],
  [/^subscription\.customer_attributes\.metafields\./, 'customer_metadata.'],
  [/^subscription\.customer_attributes\./, 'customer.'],
  [/^subscription\.metafields\./, 'subscription_metadata.'],
  [/^subscription\.components\[N\]\.component_id$/, 'components[N].component_handle'],
  [/^subscription\.components\[N\]\.price_point_id$/, 'components[N].price_point_handle'],
  // The subscription's component shows no price; the renewal preview's line for it does.
  [/^subscription\.components\[N\]\.custom_price\.prices\[0\]\.unit_price$/, 'preview_components[N].unit_price'],
  [/^subscription\.components\[N\]\./, 'components[N].'],
  [/^subscription\.product_handle$/, 'subscription.product.handle'],
  [/^subscription\.customer_id$/, 'subscription.customer.reference'],
  [/^product\.auto_create_signup_page$/, 'product.public_signup_pages'],
  // An invoice's net terms (due_date minus issue_date) come back as the due date the site computes.
  [/^invoice\.net_terms$/, 'invoice.due_date'],
  // The sandbox's record of the group the subscription joined (the spec's Nested-Subscription-Group has no payer type or billing flags).
  [/^subscription\.group\.target\.type$/, 'subscription.group.target_type'],
  [/^subscription\.group\.billing\.align_date$/, 'subscription.group.align_date'],
  [/^subscription\.product_price_point_handle$/, 'product_price_point.handle'],
  [/^subscription\.next_billing_at$/, 'subscription.next_assessment_at'],
  [/^subscription\.previous_billing_at$/, 'subscription.current_period_started_at'],
  [/^subscription\.coupon_codes\[N\]$/, 'subscription.coupon_codes[N]'],
  [/^service_credit\.amount$/, 'subscription.credit_balance_in_cents'],
  [/^prepayment\.amount$/, 'subscription.prepayment_balance_in_cents'],
  [/^(quantity_based|metered|on_off|prepaid_usage|event_based)_component\./, 'component.'],
  // A card's last four in its masked number, a bank account's in its masked account number.
  [/^payment_profile\.last_four$/, 'payment_profile.masked_card_number|payment_profile.masked_bank_account_number'],
  [/^payment_profile\.bank_account_number$/, 'payment_profile.masked_bank_account_number'],
  [/^payment_profile\.bank_routing_number$/, 'payment_profile.masked_bank_routing_number'],
  [/^metadata\[\]\.value \(name: Name\), on the customer$/, 'customer_metadata.Name'],
  // A reference is sent as the id of the object it names; the test reads that object back and shows its reference.
  [/^customer\.parent_id$/, 'parent.reference'],
];

function shownAs(field: string): string {
  let path = field;
  for (const [pattern, replacement] of SHOWN_AS) path = path.replace(pattern, replacement);
  return path;
}

/** A masked number (XXXX-XXXX-XXXX-4242, XXXXy_11) whose visible tail is the value's. */
const masked = (value: string, shown: string) => /^X[X-]*[^X-]/.test(shown) && shown.length >= 4 && value.endsWith(shown.replace(/^[X-]+/, ''));

/** Whether the site's value is the cell's, normalising only what the API transforms. */
function sameValue(cell: string, shown: Json | undefined, path: string): boolean {
  if (shown === undefined || shown === null) return false;
  // A flag that makes objects (auto_create_signup_page) shows as the list of what it made.
  if (Array.isArray(shown)) return cell.toUpperCase() === (shown.length > 0 ? 'TRUE' : 'FALSE');
  // A consolidated invoice_type is a subscription in a group: the site shows the group, not the word.
  if (typeof shown === 'object' && !Array.isArray(shown)) return path.endsWith('.group') && cell === 'consolidated';
  if (typeof shown === 'boolean') return cell.toUpperCase() === (shown ? 'TRUE' : 'FALSE') || (cell === '0') !== shown && /^\d/.test(cell);
  const decimal = (text: string) => (/^-?\d+(\.\d+)?$/.test(text) ? new Decimal(text) : undefined);
  const cellNumber = decimal(cell);
  const shownNumber = decimal(String(shown));
  if (cellNumber && shownNumber) return (path.endsWith('_in_cents') ? cellNumber.times(100) : cellNumber).equals(shownNumber);
  const text = String(shown);
  if (path.endsWith('_at')) return text.startsWith(cell);
  return text === cell || masked(cell, text) || text === cell.toUpperCase() || text === cell.replace(/\s*,\s*/g, ',') ||
    text === cell.replace(/^[A-Za-z]{2}(?=.)/, '') || text === `${cell} EDIT`;
}

/**
 * Whether a field is sent for this row: a `when` naming a column and its values ("component_type
 * metered", "payment_profile_type credit_card") holds only for rows with one of them; any other
 * `when` (a prose condition) is not judged here.
 */
function applies(template: TemplateDefinition, field: ApiField, values: Record<string, string>): boolean {
  const match = /^(\w+) (\w+(?: or \w+)*)$/.exec(field.when ?? '');
  if (!match || !template.columns.some((column) => column.name === match[1])) return true;
  return match[2]!.split(' or ').includes(values[match[1]!] ?? '');
}

/** Whether the column is declared not importable for this row (for every row, or those its `appliesWhen` names). */
function notImportableHere(column: ColumnDefinition | undefined, values: Record<string, string>): boolean {
  const declared = column?.notImportable;
  if (!declared) return false;
  if (!declared.appliesWhen) return true;
  const names = Object.keys(values);
  return compileConditions(declared.appliesWhen, (name) => names.indexOf(name))(Object.values(values));
}

interface Check {
  column: string;
  cell: string;
  mapping: ColumnMapping;
  found: Array<{ field: string; shown: Json | undefined }>;
}

/** Every non-blank cell with a `sentAs` entry, and what the site shows at each place the table names. */
export function checkRow(template: TemplateDefinition, values: Record<string, string>, objects: SiteObjects): Check[] {
  const checks: Check[] = [];
  for (const [header, cell] of Object.entries(values)) {
    if (cell === '') continue;
    const mapping = columnMapping(template.kind)[patternOf(template, header)];
    const column = template.columns.find((candidate) => candidate.name === patternOf(template, header));
    if (!mapping) {
      // No entry is only right for a column declared not importable.
      expect(column?.notImportable, `${template.kind} ${header} has no mapping entry`).toBeDefined();
      continue;
    }
    if ('toolkit' in mapping || notImportableHere(column, values)) continue;
    const n = patternOf(template, header).endsWith('_N') ? Number(/_(\d+)$/.exec(header)![1]) : 1;
    const name = /\[(.+)\]$/.exec(header)?.[1];
    const found = mapping.sentAs.filter((field) => applies(template, field, values)).flatMap((field: ApiField) => shownAs(field.field).split('|').map((alternative) => {
      const path = alternative.replace(/\.Name$/, `.${name}`);
      const [root, ...rest] = path.split('.');
      const rootName = root!.replace(/\[N\]$/, '');
      const object = root!.endsWith('[N]') ? (objects[rootName] as Json[] | undefined)?.[n - 1] : objects[rootName];
      return { field: field.field, shown: rest.length === 0 ? object : valueAt(object, rest.join('.'), n) };
    }));
    checks.push({ column: header, cell, mapping, found });
  }
  return checks;
}

/** The columns whose value is at none of the places the table names (with what those places hold). */
export function misplaced(checks: Check[]): Array<{ column: string; cell: string; found: Check['found'] }> {
  return checks
    .filter((check) => !check.found.some(({ field, shown }) => sameValue(check.cell, shown, shownAs(field))))
    .map(({ column, cell, found }) => ({ column, cell, found }));
}

/**
 * The template's columns no row fills (outputs and `except` aside): a fidelity row that leaves a column
 * blank would pass without checking it.
 */
export function unfilled(template: TemplateDefinition, rows: Array<Record<string, string>>, except: readonly string[] = []): string[] {
  const filled = new Set(rows.flatMap((values) => Object.entries(values).filter(([, cell]) => cell !== '').map(([header]) => patternOf(template, header))));
  return template.columns
    .filter((column) => column.requirement !== 'output' && !except.includes(column.name) && !filled.has(column.name))
    .map((column) => column.name);
}
