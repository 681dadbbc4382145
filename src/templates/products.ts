// "Catalog - Products": products and their price points; a row with only attach_to and price point
// columns adds another price point to the product it names.
import { MAX_INTERVAL } from '../dates/index.js';
import { column, inSection, is, notImportable, present, statusColumns, use } from './columns.js';
import type { TemplateDefinition } from './types.js';

// Checked against every request schema of the spec: none has these product fields (only the response
// does), so neither product create nor update can set them.
const productSetting = (name: string, setting: string) => ({
  why: `no API operation sets a product's ${name}: the product request schemas have no such field`,
  byHand: `set "${setting}" by hand on each product listed, in the site's product settings`,
  // What a product created through the API has (the spec's product examples); such rows need nothing.
  siteDefault: 'FALSE',
});

const trial = ['trial_price', 'trial_interval', 'trial_month_or_day', 'trial_type'];
const trialRequired = (name: string) => use.requiredIf(...trial.filter((other) => other !== name).map(present));

export const products: TemplateDefinition = {
  kind: 'products',
  title: 'Catalog - Products',
  description: 'Products and product price points.',
  columns: [
    ...statusColumns,
    ...inSection('product', [
      column('product_name', 'required', 'The name of the product; a value enables validation.'),
      column('description', 'optional', 'The description of the product.'),
      column('product_family_id', 'required', 'The ID (or handle) of the product family.', [use.noSpaces, use.catalog('product-family')]),
      notImportable(column('taxable', 'required', 'TRUE or FALSE.', [use.trueFalse]), productSetting('taxable', 'Taxable')),
      column('tax_code', 'conditional', 'Required if taxable is TRUE: digital, physical or an Avalara tax code.', [use.requiredIf(is('taxable', 'TRUE'))]),
      column('require_payment_method', 'required', 'TRUE or FALSE.', [use.trueFalse]),
      notImportable(column('require_billing_address', 'required', 'TRUE or FALSE.', [use.trueFalse]), productSetting('require_billing_address', 'Require billing address')),
      notImportable(column('require_shipping_address', 'required', 'TRUE or FALSE.', [use.trueFalse]), productSetting('require_shipping_address', 'Require shipping address')),
      column('auto_create_signup_page', 'required', 'TRUE or FALSE.', [use.trueFalse]),
      column('handle', 'required', 'The API handle of the product, e.g. bronze-plan.', [use.noSpaces, use.handle, use.uniqueAcrossFiles('product')]),
    ]),
    ...inSection('price-point', [
      column('attach_to', 'required', 'The handle of the product this price point attaches to.', [use.noSpaces]),
      column('price_point_name', 'required', 'The name of the price point.'),
      column('price_point_handle', 'required', 'The price point handle; starts with a letter.', [
        use.noSpaces,
        use.handle,
        use.uniqueWithin('attach_to'),
      ]),
      column('price', 'required', 'The price of the price point.', [use.decimal]),
      column('renew_every', 'required', `The renewal interval, e.g. 1; 1 to ${MAX_INTERVAL}.`, [use.integer(1, MAX_INTERVAL)]),
      column('month_or_day', 'required', 'month or day.', [use.allowed('month', 'day')]),
      column('trial_price', 'conditional', 'The trial price (0 for a free trial).', [trialRequired('trial_price'), use.decimal]),
      column('trial_interval', 'conditional', `The trial length, e.g. 14; 1 to ${MAX_INTERVAL}.`, [trialRequired('trial_interval'), use.integer(1, MAX_INTERVAL)]),
      column('trial_month_or_day', 'conditional', 'month or day.', [trialRequired('trial_month_or_day'), use.allowed('month', 'day')]),
      column('trial_type', 'conditional', 'no_obligation or payment_expected.', [
        trialRequired('trial_type'),
        use.allowed('no_obligation', 'payment_expected'),
      ]),
      column('expiration_interval', 'optional', `The expiration length, e.g. 12; 1 to ${MAX_INTERVAL}.`, [use.integer(1, MAX_INTERVAL)]),
      column('expiration_month_or_day', 'conditional', 'month or day; required with expiration_interval.', [
        use.requiredIf(present('expiration_interval')),
        use.allowed('month', 'day'),
      ]),
      column('setup_fee_price', 'optional', 'The setup fee of the price point.', [use.decimal]),
    ]),
  ],
  groups: [],
  customFieldPrefixes: [],
  enabledWhen: [present('product_name'), present('attach_to')],
  sections: [
    { id: 'product', description: 'Product fields, validated when product_name has a value.', enabledWhen: [present('product_name')] },
    {
      id: 'price-point',
      description: 'Price point fields, validated on product rows and on rows that attach a price point.',
      enabledWhen: [present('product_name'), present('attach_to')],
    },
  ],
  keyColumns: ['handle', 'price_point_handle'],
  rowRules: [
    {
      rule: 'attach-to',
      options: { column: 'attach_to', target: 'handle', targetWhen: [present('product_name')], sourceWhen: [present('attach_to')], external: 'product' },
    },
  ],
  provides: [
    { set: 'product', column: 'handle', section: 'product' },
    { set: 'product-price-point', column: 'price_point_handle', parentColumns: ['attach_to', 'handle'], section: 'price-point' },
  ],
};
