// Every kind's valid fixture validates clean on its own; its defective fixture gives exactly the
// findings its rows were written to break (see the comments in each row's design).
import { describe, expect, it } from 'vitest';
import { TEMPLATE_KINDS } from '../../src/templates/index.js';
import { validateFiles } from '../../src/validate/index.js';
import { TEST_TODAY } from '../helpers/clock.js';

const AS_OF = TEST_TODAY;
const DEFECTS: Record<string, Array<[number, string, string]>> = {
  'components': [
    [2, 'component_type', 'allowed-values'],
    [3, 'metric_id', 'required-if'],
    [4, 'starting_quantity_2', 'pricing-brackets'],
    [5, 'pricing_scheme', 'required-if'],
    [6, 'per_unit_price', 'required-if'],
    [7, 'upgrade_charge', 'allowed-values'],
    [8, 'auto_renew_units', 'required-if'],
    [8, 'allow_rollover', 'required-if'],
    [8, 'month_or_day', 'required-if'],
    [8, 'overage_pricing_scheme', 'required-if'],
  ],
  'coupons': [
    [2, 'code', 'coupon-code'],
    [3, 'percentage_discount', 'integer-range'],
    [4, 'percentage_discount', 'exactly-one-of'],
    [5, 'flat_discount', 'exactly-one-of'],
    [6, 'code', 'unique'],
    [6, 'flat_discount', 'decimal'],
    [6, 'stackable', 'true-false'],
    // A code without a name: left out, and now said to be.
    [7, 'name', 'row-enabled'],
  ],
  'customers-advanced': [
    [3, 'parent_reference', 'customer-hierarchy'],
    [4, 'parent_reference', 'required-if'],
    [5, 'parent_reference', 'customer-hierarchy'],
    [6, 'import_identifier_customer_reference', 'unique'],
    [7, 'has_parent', 'customer-hierarchy'],
    [8, 'customer_type', 'allowed-values'],
    [9, 'current_vault', 'allowed-values'],
    [9, 'bank_account_first_name', 'required-if'],
    [9, 'bank_account_last_name', 'required-if'],
    [9, 'bank_name', 'required-if'],
    [10, 'shipping_country', 'iso-country'],
    [11, 'has_parent', 'true-false'],
    [11, 'email', 'email'],
  ],
  'ebb-segments': [
    [2, 'per_unit_price', 'required-if'],
    [3, 'starting_quantity_1', 'pricing-brackets'],
    [4, 'property_1', 'required'],
    [4, 'pricing_scheme', 'allowed-values'],
    [5, 'starting_quantity_2', 'pricing-brackets'],
  ],
  'invoices': [
    [2, 'net_terms', 'invoice-net-terms'],
    [3, 'issue_date', 'date-past'],
    [4, 'attempt_charge', 'allowed-values'],
    [4, 'due_date', 'invoice-net-terms'],
    [5, 'attach_to', 'attach-to'],
    [6, 'quantity', 'decimal'],
    [6, 'start_date', 'date-format'],
    [7, 'sub_reference', 'subscription-exists'],
    [7, 'id', 'unique'],
  ],
  'product-families': [
    [3, 'handle', 'handle'],
    [4, 'handle', 'unique'],
    [5, 'name', 'row-enabled'],
  ],
  'products': [
    [2, 'tax_code', 'required-if'],
    [3, 'handle', 'handle'],
    [3, 'price_point_handle', 'handle'],
    [4, 'price_point_handle', 'handle'],
    [5, 'renew_every', 'integer-range'],
    [5, 'month_or_day', 'allowed-values'],
    [6, 'trial_interval', 'required-if'],
    [6, 'trial_month_or_day', 'required-if'],
    [6, 'trial_type', 'required-if'],
    [7, 'handle', 'unique'],
    [7, 'price_point_handle', 'unique'],
    [8, 'price', 'decimal'],
    [8, 'expiration_month_or_day', 'required-if'],
    [9, 'month_or_day', 'required'],
  ],
  'subscriptions-advanced': [
    [2, 'who_pays', 'allowed-values'],
    [3, 'invoice_type', 'allowed-values'],
    [3, 'align', 'true-false'],
    [4, 'receive_invoice_emails', 'required'],
    [5, 'subscription_reference', 'unique'],
    [6, 'import_identifier_customer_reference', 'required'],
    [7, 'next_billing_at', 'date-future'],
  ],
  'subscriptions-advanced-custom-pricing': [
    [2, 'componentCustomPrice_1', 'custom-price'],
    [3, 'component_1', 'required'],
  ],
  'subscriptions-standard': [
    [2, 'email', 'email'],
    [3, 'cc_emails', 'email-list'],
    [4, 'shipping_state', 'iso-state'],
    [4, 'shipping_country', 'required-if'],
    [5, 'vat_number', 'vat-number'],
    [6, 'vault_token', 'vault-token'],
    [6, 'last_four', 'last-four'],
    [6, 'exp_month', 'integer-range'],
    [6, 'exp_year', 'four-digit-year'],
    [7, 'customer_vault_token', 'required-if'],
    [7, 'card_type', 'allowed-values'],
    [8, 'previous_billing_at', 'date-past'],
    [8, 'next_billing_at', 'date-future'],
    [9, 'net_terms', 'integer-range'],
    [9, 'service_credit_balance', 'positive-amount'],
    [9, 'prepayment_balance', 'positive-amount'],
    [10, 'product_handle', 'no-surrounding-spaces'],
    [10, 'coupon_code_1', 'coupon-code'],
    [11, 'component_1', 'required-if'],
    [11, 'componentQuantity_2', 'decimal'],
    [12, 'customer_reference', 'unique'],
    [13, 'first_name', 'required'],
    [13, 'tax_exempt', 'true-false'],
    [13, 'locale', 'locale'],
    [13, 'currency', 'currency-code'],
  ],
  'subscriptions-standard-custom-pricing': [
    [2, 'componentCustomPrice_1', 'custom-price'],
    [3, 'componentCustomPrice_1', 'custom-price'],
    [4, 'componentCustomPrice_1', 'custom-price'],
    [5, 'component_1', 'required'],
  ],
};
/** The files a kind's fixtures name objects of, read as references (invoices name advanced subscriptions). */
const REFERENCED: Partial<Record<string, string[]>> = { invoices: ['fixtures/kinds/subscriptions-advanced/valid.csv'] };

describe('fixtures/kinds', () => {
  it.each([...TEMPLATE_KINDS])('%s/valid.csv is detected and has no findings', async (kind) => {
    const report = await validateFiles([`fixtures/kinds/${kind}/valid.csv`], { asOf: AS_OF, catalogPaths: REFERENCED[kind] ?? [] });
    const file = report.files[0];
    expect(file?.template).toBe(kind);
    expect(file?.rows).toBeGreaterThanOrEqual(2);
    expect(file?.findings).toEqual([]);
  });

  it.each([...TEMPLATE_KINDS])('%s/defective.csv gives exactly the expected findings', async (kind) => {
    const report = await validateFiles([`fixtures/kinds/${kind}/defective.csv`], { asOf: AS_OF, catalogPaths: REFERENCED[kind] ?? [] });
    const file = report.files[0];
    expect(file?.template).toBe(kind);
    expect(file?.findings.map((f) => [f.row, f.column, f.rule])).toEqual(DEFECTS[kind]);
  });
});

describe('fixtures/sample', () => {
  it('validates clean as a set, with every cross-file check active', async () => {
    const names = ['invoices', 'subscriptions-standard', 'subscriptions-custom-pricing', 'subscriptions-advanced', 'customers-advanced', 'coupons', 'components', 'products', 'product-families'];
    const report = await validateFiles(names.map((name) => `fixtures/sample/${name}.csv`), { asOf: AS_OF });
    expect(report.summary).toEqual({ files: 9, unreadableFiles: 0, ignoredFiles: 0, rows: 44, validRows: 44, errorRows: 0, errors: 0, warnings: 0, notEnabledRows: 0, byRule: [] });
    expect(report.unreadable).toEqual([]);
    expect(report.files.map((file) => file.path)).toEqual(names.map((name) => `fixtures/sample/${name}.csv`));
  });
});
