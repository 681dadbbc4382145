// Property: validate and import read every cell the same way. Generated rows (valid values, edge
// spellings and plain mistakes, column by column) are validated; the rows that validate clean are
// imported into a real sandbox over HTTP, and none of them may fail because of a cell value.
import fc from 'fast-check';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareImport, runImport } from '../../src/importer/run-import.js';
import { startSandbox, type RunningSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { blankHeader } from '../../src/templates/header.js';
import { getTemplate } from '../../src/templates/index.js';
import { createTarget } from '../../src/targets/index.js';
import type { Target } from '../../src/targets/target.js';
import { validateFiles } from '../../src/validate/index.js';
import { catalogFiles } from '../e2e/import-data.js';
import { TEST_TODAY, testDate } from '../helpers/clock.js';
import { withTempDir } from '../helpers/temp-dir.js';

/** Dates relative to the suite's today (the sandbox judges next_billing_at by the same clock), so the test never expires. */
const day = testDate;
const TODAY = TEST_TODAY;

/** Per column: the values a row may hold there (the first is the plain valid one). */
type Pools = Record<string, string[]>;
const pick = (...values: string[]): string[] => values;

const CONTACT: Pools = {
  organization_name: pick('', 'Acme', 'Zoë & Co', '=HYPERLINK("x")', 'a'.repeat(300)),
  first_name: pick('Ada', 'Zoë', "O'Brien", ' Ada', ''),
  last_name: pick('Lovelace', 'Ng', '李'),
  email: pick('ada@example.com', 'ADA@EXAMPLE.COM', 'a+b@example.co.uk', 'a@b', 'ada@exämple.com', ' ada@example.com', 'a@b.c', 'x@@example.com'),
  cc_emails: pick('', 'a@example.com,b@example.com', 'a@example.com, b@example.com', 'a@example.com;b@example.com', 'bad'),
  phone: pick('', '+1 415 555 0100', 'call me'),
  tax_exempt: pick('', 'TRUE', 'false', 'True', 'Yes', '1'),
  verified: pick('', 'FALSE', 'true', 'x'),
  locale: pick('', 'fr', 'fr-CA', 'de_DE', 'EN', 'zz-ZZ'),
  vat_number: pick('', 'DE123456789', 'GB999999973', 'XX1'),
};

/** Shipping cells move together: a whole address, none, or a broken one. */
const SHIPPING = fc.constantFrom<Record<string, string>>(
  {},
  { shipping_address: '1 Main St', shipping_city: 'Springfield', shipping_state: 'CA', shipping_zip: '94105', shipping_country: 'US' },
  { shipping_address: 'Hauptstr. 1', shipping_city: 'Berlin', shipping_state: 'BE', shipping_zip: '10117', shipping_country: 'DE' },
  { shipping_address: '1 Main St', shipping_city: 'Springfield', shipping_state: 'ca', shipping_zip: '94105', shipping_country: 'us' },
  { shipping_address: '1 Main St', shipping_city: 'Springfield', shipping_state: 'XX', shipping_zip: '94105', shipping_country: 'US' },
  { shipping_address: '1 Main St' },
  { shipping_country: 'US' },
);

const cardYear = String(Number(TODAY.slice(0, 4)) + 2);
/** Payment profile cells: none, a card, a bank account, PayPal, or a broken card. */
const PAYMENT = fc.constantFrom<Record<string, string>>(
  { create_payment_profile: 'FALSE' },
  { create_payment_profile: 'false' },
  { create_payment_profile: '' },
  {
    create_payment_profile: 'TRUE', payment_profile_type: 'credit_card', current_vault: 'bogus', vault_token: 'tok_1111',
    credit_card_first_name: 'Ada', credit_card_last_name: 'Lovelace', last_four: '1111', card_type: 'visa', exp_month: '12', exp_year: cardYear,
  },
  {
    create_payment_profile: 'true', payment_profile_type: 'credit_card', current_vault: 'stripe_connect', vault_token: 'cus_abc123',
    credit_card_first_name: 'Ada', credit_card_last_name: 'Lovelace', last_four: '4242', card_type: 'master', exp_month: '01', exp_year: cardYear,
    billing_address: '1 Main St', billing_city: 'Springfield', billing_state: 'CA', billing_country: 'US', billing_zip: '94105',
  },
  {
    create_payment_profile: 'TRUE', payment_profile_type: 'bank_account', current_vault: 'gocardless', vault_token: 'BA123', customer_vault_token: 'CU123',
    bank_account_first_name: 'Ada', bank_account_last_name: 'Lovelace', bank_name: 'Bank', bank_account_last_four: '6789', bank_routing_last_four: '0001',
  },
  { create_payment_profile: 'TRUE', payment_profile_type: 'paypal_account', current_vault: 'braintree_blue', vault_token: 'pp_1' },
  { create_payment_profile: 'TRUE', payment_profile_type: 'credit_card', current_vault: 'bogus', vault_token: '1', last_four: '12', card_type: 'Visa' },
);

const SUBSCRIPTION: Pools = {
  currency: pick('USD', 'usd', 'US$'),
  payment_collection_method: pick('remittance', 'automatic', 'prepaid', 'Automatic'),
  previous_billing_at: pick('', day(-20), day(-1), TODAY, '2026-13-01'),
  next_billing_at: pick(day(10), day(1), day(400), TODAY, day(-3), '2027-02-29', '12/01/2027'),
  net_terms: pick('', '0', '30', '030', '180', '181', '-1', '1.5'),
  service_credit_balance: pick('', '10', '0.5', '10.125', '0', '-1', '1e3', '1,000.00', '$5'),
  prepayment_balance: pick('', '25.00', '0.01', '7.999', '.5'),
  product_handle: pick('basic', 'basic '),
  product_price_point_handle: pick('', 'monthly'),
  YourExpectedRenewal: pick('', '49.00', '49,00'),
};

// Catalog amounts with more decimals than the site currency has (10.125 on a USD site) are left out:
// the catalog templates carry no currency, so validate cannot know the site's minor unit — an open
// disagreement, listed in the closing note, not a reading difference this test can settle.
const PRODUCT: Pools = {
  description: pick('', 'A plan', '=1+1'),
  product_family_id: pick('main', 'main '),
  taxable: pick('FALSE', 'false', 'TRUE'),
  tax_code: pick('', 'digital'),
  require_payment_method: pick('FALSE', 'true'),
  require_billing_address: pick('FALSE', 'TRUE'),
  require_shipping_address: pick('FALSE', 'False'),
  auto_create_signup_page: pick('FALSE', 'TRUE', 'no'),
  price_point_name: pick('Monthly', 'Mönthly', ''),
  price: pick('10.00', '10', '0', '0.5', '1e3', '10,50'),
  renew_every: pick('1', '12', '0', '1.5'),
  month_or_day: pick('month', 'day', 'Month'),
  expiration_interval: pick('', '12'),
  expiration_month_or_day: pick('', 'month'),
  setup_fee_price: pick('', '5.00', '0', '5.5'),
};

const COUPON: Pools = {
  description: pick('', '10% off'),
  product_family_id: pick('main'),
  percentage_discount: pick('10', '', '100', '0', '10.5', '101'),
  flat_discount: pick('', '5.00', '0.01', '-1'),
  stackable: pick('TRUE', 'false', 'Yes'),
  recurring: pick('TRUE', 'FALSE', ''),
  review_after_import: pick('', 'true'),
};

interface KindSpec {
  kind: 'customers-advanced' | 'subscriptions-standard' | 'products' | 'product-families' | 'coupons';
  /** The row's own cells (enabler, key); `@ID@` becomes an id no other row of any run has. */
  own: Pools;
  pools: Pools;
}

const KINDS: KindSpec[] = [
  {
    kind: 'customers-advanced',
    own: {
      create_customer: pick('TRUE', 'true', ' True '),
      import_identifier_customer_reference: pick('@ID@', '@ID@.x_y', '@ID@ ', '@ID@/ü'),
      customer_type: pick('normal', 'Normal'),
      has_parent: pick('FALSE', 'false', ''),
      'custom_field[Region]': pick('', 'EMEA', '=1+1'),
    },
    pools: CONTACT,
  },
  {
    kind: 'subscriptions-standard',
    own: {
      create_subscription: pick('TRUE', 'true'),
      customer_reference: pick('@ID@', '', '@ID@-é'),
      'custom_field_subscription[Seats]': pick('', '5'),
    },
    pools: { ...CONTACT, ...SUBSCRIPTION },
  },
  {
    kind: 'products',
    own: {
      product_name: pick('Widget', 'Wïdget'),
      handle: pick('h@ID@', 'H@ID@', 'h@ID@.x', 'h@ID@:x_y', '9h@ID@'),
      price_point_handle: pick('m@ID@', 'M@ID@', 'm@ID@.x'),
    },
    pools: PRODUCT,
  },
  {
    kind: 'product-families',
    // Names carry the id: a family name already on the site (an earlier run's) is the site's state, not a cell value.
    own: { name: pick('Family @ID@', 'Fämily @ID@'), handle: pick('f@ID@', '', 'F@ID@', 'f@ID@.x') },
    pools: { description: pick('', 'Things') },
  },
  {
    kind: 'coupons',
    own: { name: pick('Ten off', 'Zehn'), code: pick('C@ID@', 'c@ID@', 'C@ID@_X', 'C@ID@-X') },
    pools: COUPON,
  },
];

/** A row: each pooled column left at its first (valid) value, or (1 in 5) drawn from its pool. */
function rowOf(spec: KindSpec): fc.Arbitrary<Record<string, string>> {
  const columns = Object.entries({ ...spec.pools, ...spec.own });
  const cells = fc.tuple(...columns.map(([, pool]) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.constantFrom(...pool), weight: 1 })));
  const usually = <T>(plain: T, others: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(plain), weight: 2 }, { arbitrary: others, weight: 1 });
  return fc.tuple(cells, usually({}, SHIPPING), usually({ create_payment_profile: 'FALSE' }, PAYMENT)).map(([drawn, shipping, payment]) => {
    const row: Record<string, string> = {};
    columns.forEach(([name, pool], index) => {
      row[name] = drawn[index] ?? pool[0]!;
    });
    // The email follows the id so rows without a customer reference stay distinct customers.
    if (row.email === 'ada@example.com') row.email = '@ID@@example.com';
    // A product row's price point attaches to the row's own product.
    if (spec.kind === 'products') row.attach_to = row.handle!;
    if (spec.kind !== 'customers-advanced' && !spec.kind.startsWith('subscriptions')) return row;
    return { ...shipping, ...payment, ...row };
  });
}

/** The rows with their `@ID@` replaced by ids never used before (shrinking replays rows: ids must be fresh). */
function withFreshIds(rows: Array<Record<string, string>>): Array<Record<string, string>> {
  run += 1;
  return rows.map((row, i) => Object.fromEntries(Object.entries(row).map(([name, value]) => [name, value.replace(/@ID@/g, `p${run}-${i}`)])));
}

function csvOf(kind: string, rows: Array<Record<string, string>>): string {
  const header = [...blankHeader(getTemplate(kind))];
  for (const row of rows) for (const name of Object.keys(row)) if (!header.includes(name)) header.push(name);
  return stringify([header, ...rows.map((row) => header.map((name) => row[name] ?? ''))]);
}

let sandbox: RunningSandbox;
let target: Target;
let run = 0;
/** Rows imported clean across all runs: the property must not hold vacuously. */
const imported: Record<string, number> = {};

beforeAll(async () => {
  sandbox = await startSandbox();
  target = createTarget({ name: 'test', baseUrl: sandbox.baseUrl });
  // The custom fields the generated rows fill already exist on the site, as the templates require.
  await target.api.ensureMetafields('customers', ['Region']);
  await target.api.ensureMetafields('subscriptions', ['Seats']);
  // The catalog every generated subscription names (product basic, price point monthly).
  await withTempDir(catalogFiles(), async (dir) => {
    const files = ['product-families.csv', 'products.csv'].map((name) => join(dir, 'data', name));
    const report = await validateFiles(files, { asOf: TODAY, keepContent: true });
    const prepared = prepareImport(report.files);
    const result = await runImport({ command: 'test-import', prepared, target, siteName: 'test', stateDir: join(dir, '.migrate'), outDir: join(dir, 'out'), asOf: TODAY, concurrency: 4 });
    expect(result.document.summary).toMatchObject({ error: 0, success: 2 });
  });
});

afterAll(async () => {
  await target?.close();
  await sandbox?.close();
});

describe('a row that validates clean imports with no error caused by a cell value', () => {
  it.each(KINDS)('$kind', async (spec) => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowOf(spec), { minLength: 1, maxLength: 4 }), async (generated) => {
        const rows = withFreshIds(generated);
        await withTempDir({ ...catalogFiles(), 'data/rows.csv': csvOf(spec.kind, rows) }, async (dir) => {
          const path = join(dir, 'data', 'rows.csv');
          const catalogPaths = ['product-families.csv', 'products.csv'].map((name) => join(dir, 'data', name));
          const report = await validateFiles([path], { asOf: TODAY, catalogPaths, keepContent: true });
          const file = report.files[0]!;
          const clean = new Set(Array.from({ length: rows.length }, (_, i) => i + 2).filter((row) => !file.findings.some((f) => f.row === row && f.severity === 'error')));
          const prepared = prepareImport([file]);
          const result = await runImport({ command: 'test-import', prepared, target, siteName: 'test', stateDir: join(dir, '.migrate'), outDir: join(dir, 'out'), asOf: TODAY, concurrency: 4 });
          expect(result.fatal).toBeUndefined();
          const failedClean = result.document.rows
            .filter((row) => clean.has(row.row) && row.status !== 'success')
            .map((row) => ({ row: row.row, status: row.status, result: row.result, cells: rows[row.row - 2] }));
          expect(failedClean).toEqual([]);
          // Every clean row was sent and created; no row with errors was.
          const created = result.document.rows.filter((row) => row.status === 'success').map((row) => row.row);
          expect(created.sort()).toEqual([...clean].sort());
          imported[spec.kind] = (imported[spec.kind] ?? 0) + created.length;
        });
      }),
      { numRuns: Number(process.env.AGREEMENT_RUNS ?? 30) },
    );
    expect(imported[spec.kind]).toBeGreaterThan(3);
  }, 60_000);
});
