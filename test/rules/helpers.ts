// Test helpers: run the rule engine over in-memory rows of a template, and project findings.
import { describe, expect, it } from 'vitest';
import { FileValidator } from '../../src/rules/engine.js';
import type { Finding } from '../../src/rules/finding.js';
import { ReferenceStore } from '../../src/rules/references.js';
import { blankHeader } from '../../src/templates/header.js';
import { getTemplate } from '../../src/templates/index.js';
import type { ReferenceSet } from '../../src/templates/types.js';
import { TEST_TODAY } from '../helpers/clock.js';

export const AS_OF = TEST_TODAY;

export interface Projection {
  row: number;
  column: string;
  rule: string;
}

export interface RunOptions {
  asOf?: string;
  /** Reference keys provided by "other files": set → keys (`parent/key` for price points). */
  references?: Partial<Record<ReferenceSet, string[]>>;
  /** Header to use instead of the blank template's plus the rows' extra columns. */
  header?: string[];
}

/** Validates rows (objects by column name; rows start at spreadsheet row 2) against a template kind. */
export function runRows(kind: string, rows: Array<Record<string, string>>, options: RunOptions = {}): Finding[] {
  const template = getTemplate(kind);
  const header = options.header ?? [...blankHeader(template)];
  if (!options.header)
    for (const row of rows) for (const name of Object.keys(row)) if (!header.includes(name)) header.push(name);
  let references: ReferenceStore | undefined;
  if (options.references) {
    references = new ReferenceStore();
    for (const [set, keys] of Object.entries(options.references) as Array<[ReferenceSet, string[]]>) {
      references.provide(set);
      for (const key of keys) {
        const slash = key.indexOf('/');
        if (slash < 0) references.add(set, key);
        else references.add(set, key.slice(slash + 1), key.slice(0, slash));
      }
    }
  }
  const validator = new FileValidator(template, header, {
    file: `${kind}.csv`,
    asOf: options.asOf ?? AS_OF,
    ...(references ? { references } : {}),
  });
  rows.forEach((row, i) => validator.add({ row: i + 2, line: i + 2, cells: header.map((name) => row[name] ?? '') }));
  return validator.finish();
}

export function project(findings: Finding[]): Projection[] {
  return findings.map(({ row, column, rule }) => ({ row, column, rule }));
}

/** Findings of one rule only, projected. */
export function projectRule(findings: Finding[], rule: string): Projection[] {
  return project(findings.filter((finding) => finding.rule === rule));
}

/** A valid subscriptions-standard row to vary in tests. */
export const STANDARD_ROW: Record<string, string> = {
  create_subscription: 'TRUE',
  customer_reference: 'cust-1',
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  create_payment_profile: 'FALSE',
  currency: 'USD',
  payment_collection_method: 'automatic',
  next_billing_at: '2027-01-15',
  product_handle: 'basic',
};

export const CUSTOMER_ROW: Record<string, string> = {
  create_customer: 'TRUE',
  import_identifier_customer_reference: 'c-1',
  customer_type: 'normal',
  has_parent: 'FALSE',
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  create_payment_profile: 'FALSE',
};

export const CREDIT_CARD: Record<string, string> = {
  create_payment_profile: 'TRUE',
  payment_profile_type: 'credit_card',
  current_vault: 'bogus',
  vault_token: '1',
  credit_card_first_name: 'Ada',
  credit_card_last_name: 'Lovelace',
  last_four: '1111',
  card_type: 'visa',
  exp_month: '12',
  exp_year: '2030',
};

export interface RuleCase {
  name: string;
  rows: Array<Record<string, string>>;
  /** Findings of the rule under test, in order; `rule` is implied. */
  expected: Array<{ row: number; column: string; messageId?: string }>;
  options?: RunOptions;
}

/** One test table per rule: each case's rows give exactly the expected findings of that rule. */
export function ruleTable(rule: string, kind: string, cases: RuleCase[]): void {
  describe(`rule ${rule} (${kind})`, () => {
    it.each(cases)('$name', ({ rows, expected, options }) => {
      const findings = runRows(kind, rows, options).filter((finding) => finding.rule === rule);
      const withIds = expected.some((entry) => entry.messageId !== undefined);
      expect(
        findings.map(({ row, column, messageId }) => (withIds ? { row, column, messageId } : { row, column })),
      ).toEqual(expected.map((entry) => (withIds ? entry : { row: entry.row, column: entry.column })));
    });
  });
}
