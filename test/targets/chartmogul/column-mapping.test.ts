// The ChartMogul mapping tables: every column of every template kind (and every custom field pattern)
// says where it goes in a data source, what the toolkit uses it for, or what its being not applicable
// means; they name no column a template lacks, and only the operations and wire fields of ChartMogul's
// API reference.
import { describe, expect, it } from 'vitest';
import { columnMapping } from '../../../src/targets/index.js';
import { getTemplate, TEMPLATE_KINDS } from '../../../src/templates/index.js';

const chartMogul = (kind: string) => columnMapping(kind, 'chartmogul');
const patterns = (kind: string) => getTemplate(kind).customFieldPrefixes.map((prefix) => `${prefix}Name]`);

/** ChartMogul's API reference: each operation the tables name, with the request fields it documents. */
const REFERENCE: Record<string, readonly string[]> = {
  'Create a Customer': ['data_source_uuid', 'external_id', 'name', 'company', 'email', 'country', 'state', 'city', 'zip', 'attributes.custom[].value'],
  'Create a Plan': ['data_source_uuid', 'name', 'interval_count', 'interval_unit', 'external_id'],
  'Import Invoices': [
    'external_id', 'date', 'due_date', 'currency',
    ...['type', 'subscription_external_id', 'plan_uuid', 'service_period_start', 'service_period_end', 'amount_in_cents', 'quantity', 'discount_amount_in_cents', 'discount_code', 'description']
      .map((field) => `line_items[].${field}`),
  ],
};

describe('the ChartMogul mapping table', () => {
  // Stricter than Advanced Billing's: a column the template declares not importable is so on Advanced
  // Billing's API; ChartMogul's table still says what the column means there.
  it.each(TEMPLATE_KINDS)('%s: every column and custom field pattern has an entry', (kind) => {
    const mapping = chartMogul(kind);
    const missing = [...getTemplate(kind).columns.map((column) => column.name), ...patterns(kind)].filter((name) => mapping[name] === undefined);
    expect(missing).toEqual([]);
  });

  it.each(TEMPLATE_KINDS)('%s: names no column the template does not have', (kind) => {
    const known = new Set([...getTemplate(kind).columns.map((column) => column.name), ...patterns(kind)]);
    expect(Object.keys(chartMogul(kind)).filter((name) => !known.has(name))).toEqual([]);
  });

  it('says what a not-applicable column means in one sentence a migration engineer can act on', () => {
    const meanings = TEMPLATE_KINDS.flatMap((kind) =>
      Object.entries(chartMogul(kind)).flatMap(([column, mapping]) => ('notApplicable' in mapping ? [{ column: `${kind} ${column}`, meaning: mapping.notApplicable }] : [])),
    );
    expect(meanings.length).toBeGreaterThan(50);
    for (const { column, meaning } of meanings) {
      // Starts by naming ChartMogul (what it lacks), then says what that means: "ChartMogul has no X: Y".
      expect(meaning, column).toMatch(/^ChartMogul\S* [^:\n]+: \S[^\n]*[a-z)]$/);
      expect(meaning.split(' ').length, column).toBeGreaterThanOrEqual(8);
    }
  });

  it('names only the operations and request fields of ChartMogul\'s API reference', () => {
    const unknown = TEMPLATE_KINDS.flatMap((kind) =>
      Object.entries(chartMogul(kind)).flatMap(([column, mapping]) =>
        'sentAs' in mapping
          ? mapping.sentAs.filter((field) => !(REFERENCE[field.operation] ?? []).includes(field.field.replace(/ \(.*\)$/, ''))).map((field) => `${kind} ${column}: ${field.operation} ${field.field}`)
          : []),
    );
    expect(unknown).toEqual([]);
  });

  it('sends what the decisions of issue 19 say, where they say', () => {
    const sent = (kind: string, column: string) => {
      const mapping = chartMogul(kind)[column];
      return mapping !== undefined && 'sentAs' in mapping ? mapping.sentAs.map((field) => `${field.operation}: ${field.field}`) : mapping;
    };
    expect(sent('customers-advanced', 'import_identifier_customer_reference')).toEqual(['Create a Customer: external_id']);
    expect(sent('subscriptions-standard', 'customer_reference')).toEqual(['Create a Customer: external_id']);
    expect(sent('subscriptions-standard', 'organization_name')).toEqual(['Create a Customer: company', 'Create a Customer: name']);
    expect(sent('products', 'renew_every')).toEqual(['Create a Plan: interval_count']);
    expect(sent('products', 'attach_to')).toEqual(['Create a Plan: external_id']);
    expect(sent('subscriptions-advanced', 'subscription_reference')).toEqual(['Import Invoices: line_items[].subscription_external_id']);
    expect(sent('subscriptions-advanced', 'previous_billing_at')).toEqual(['Import Invoices: date', 'Import Invoices: line_items[].service_period_start']);
    expect(sent('subscriptions-standard-custom-pricing', 'componentCustomPrice_N')).toEqual(['Import Invoices: line_items[].amount_in_cents']);
    expect(sent('invoices', 'id')).toEqual(['Import Invoices: external_id']);
    expect(sent('products', 'price')).toHaveProperty('toolkit');
    expect(sent('subscriptions-standard', 'vault_token')).toEqual({ notApplicable: 'ChartMogul never charges anyone: payment methods and vault tokens stay in the billing system' });
    expect(sent('customers-advanced', 'custom_field[Name]')).toEqual(['Create a Customer: attributes.custom[].value (key: Name, type String)']);
    for (const kind of ['product-families', 'ebb-segments'] as const) {
      expect(Object.entries(chartMogul(kind)).filter(([, mapping]) => !('notApplicable' in mapping)).map(([column]) => column)).toEqual(['Status', 'Result']);
    }
  });
});
