// Rule row-shape: a row the file wrote with fewer cells than the header (the reader's `written`) is one
// finding naming the counts when its missing cells had to be filled, in place of the findings on those
// cells; a row that only leaves out trailing blank cells, or is not enabled, gets nothing.
import { describe, expect, it } from 'vitest';
import { FileValidator } from '../../src/rules/engine.js';
import { blankHeader } from '../../src/templates/header.js';
import { getTemplate } from '../../src/templates/index.js';
import { AS_OF, CREDIT_CARD, STANDARD_ROW } from './helpers.js';

interface Case {
  name: string;
  kind?: string;
  values: Record<string, string>;
  /** Cells the file wrote: the row is cut after this many (the rest padded with ''), or full when absent. */
  written?: number;
  /** Every finding of the row, projected: the withdrawn ones must be gone. */
  expected: Array<{ rule: string; column: string; messageId: string; severity?: string }>;
  /** Parts of the row-shape message. */
  says?: string[];
}

const standard = [...blankHeader(getTemplate('subscriptions-standard'))];
const at = (name: string): number => standard.indexOf(name);
const afterLastFilled = (values: Record<string, string>): number => Math.max(...Object.keys(values).map(at)) + 1;

const valid: Case[] = [
  { name: 'a full row', values: STANDARD_ROW, expected: [] },
  { name: 'a row leaving out its trailing blank cells', values: STANDARD_ROW, written: afterLastFilled(STANDARD_ROW), expected: [] },
  {
    name: 'a row leaving out trailing blank cells keeps its other findings, and gets no row-shape',
    values: { ...STANDARD_ROW, email: 'ada@' },
    written: afterLastFilled(STANDARD_ROW),
    expected: [{ rule: 'email', column: 'email', messageId: 'invalid' }],
  },
  { name: 'a short row that is not enabled', values: { create_subscription: 'FALSE', customer_reference: 'x' }, written: at('customer_reference') + 1, expected: [] },
];

const invalid: Case[] = [
  {
    name: 'cut after 10 cells: one error instead of five "is required"',
    values: STANDARD_ROW,
    written: 10,
    expected: [{ rule: 'row-shape', column: standard[10]!, messageId: 'short', severity: 'error' }],
    says: [`This row has 10 cells; the header has ${standard.length} columns`, `column 11 (K), ${standard[10]}, on`, 'create_payment_profile, currency, payment_collection_method and 2 more must be filled'],
  },
  {
    name: 'findings on the cells the row has are kept',
    values: { ...STANDARD_ROW, email: 'ada@' },
    written: at('email') + 1,
    expected: [
      { rule: 'email', column: 'email', messageId: 'invalid', severity: 'error' },
      { rule: 'row-shape', column: standard[at('email') + 1]!, messageId: 'short', severity: 'error' },
    ],
  },
  {
    name: 'conditional requirements on missing cells are folded in too',
    values: { ...STANDARD_ROW, ...CREDIT_CARD },
    written: at('vault_token'),
    expected: [{ rule: 'row-shape', column: 'vault_token', messageId: 'short', severity: 'error' }],
    says: ['vault_token, credit_card_first_name, credit_card_last_name and'],
  },
  {
    name: 'one needed column is named alone',
    values: STANDARD_ROW,
    written: at('product_handle'),
    expected: [{ rule: 'row-shape', column: 'product_handle', messageId: 'short', severity: 'error' }],
    says: ['and product_handle must be filled there'],
  },
  {
    name: 'a section\'s rules (an invoice line item) are folded in as well',
    kind: 'invoices',
    values: { name: 'Training', quantity: '2' },
    written: blankHeader(getTemplate('invoices')).indexOf('quantity') + 1,
    expected: [{ rule: 'row-shape', column: 'unit_price', messageId: 'short', severity: 'error' }],
    says: ['unit_price, start_date, end_date and'],
  },
];

function findingsOf({ kind = 'subscriptions-standard', values, written }: Case) {
  const header = [...blankHeader(getTemplate(kind))];
  const validator = new FileValidator(getTemplate(kind), header, { file: `${kind}.csv`, asOf: AS_OF });
  const cells = header.map((name, index) => (written !== undefined && index >= written ? '' : (values[name] ?? '')));
  validator.add({ row: 2, line: 2, cells, ...(written !== undefined ? { written } : {}) });
  return { findings: validator.finish(), errorRows: validator.errorRows };
}

describe('rule row-shape', () => {
  it.each(valid)('valid: $name', (test) => {
    const { findings } = findingsOf(test);
    expect(findings.map(({ rule, column, messageId }) => ({ rule, column, messageId }))).toEqual(test.expected);
  });

  it.each(invalid)('invalid: $name', (test) => {
    const { findings, errorRows } = findingsOf(test);
    expect(findings.map(({ rule, column, messageId, severity }) => ({ rule, column, messageId, severity }))).toEqual(test.expected);
    const shape = findings.find((finding) => finding.rule === 'row-shape')!;
    expect(shape).toMatchObject({ row: 2, line: 2, value: '' });
    for (const text of test.says ?? []) expect(shape.message).toContain(text);
    expect(errorRows.has(2)).toBe(true);
  });
});
