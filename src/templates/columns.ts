// Column blocks several templates share (contact, shipping, payment profile, subscription, pricing),
// declared once so that adding a template never means copying rules.
import type { ColumnDefinition, Condition, NotImportable, Requirement, RuleUse } from './types.js';

export function column(
  name: string,
  requirement: Requirement,
  description: string,
  rules: RuleUse[] = [],
  section?: string,
): ColumnDefinition {
  return section === undefined ? { name, requirement, description, rules } : { name, requirement, description, rules, section };
}

/** Declares that the API has no place for the column: the import names it and what to do by hand. */
export function notImportable(definition: ColumnDefinition, info: NotImportable): ColumnDefinition {
  return { ...definition, notImportable: info };
}

export function inSection(section: string, columns: ColumnDefinition[]): ColumnDefinition[] {
  return columns.map((definition) => ({ ...definition, section }));
}

export const present = (name: string): Condition => ({ column: name, present: true });
export const is = (name: string, ...values: string[]): Condition => ({ column: name, is: values });

/** Rule uses, by the rule ids in src/rules/. */
export const use = {
  requiredIf: (...when: Condition[]): RuleUse => ({ rule: 'required-if', options: { when } }),
  allowed: (...values: string[]): RuleUse => ({ rule: 'allowed-values', options: { values } }),
  trueFalse: { rule: 'true-false' } as RuleUse,
  email: { rule: 'email' } as RuleUse,
  emailList: { rule: 'email-list' } as RuleUse,
  isoState: (countryColumn: string): RuleUse => ({ rule: 'iso-state', options: { countryColumn } }),
  isoCountry: { rule: 'iso-country' } as RuleUse,
  vatNumber: { rule: 'vat-number' } as RuleUse,
  locale: { rule: 'locale' } as RuleUse,
  vaultToken: { rule: 'vault-token' } as RuleUse,
  lastFour: { rule: 'last-four' } as RuleUse,
  integer: (min: number, max?: number): RuleUse => ({ rule: 'integer-range', options: max === undefined ? { min } : { min, max } }),
  year: { rule: 'four-digit-year' } as RuleUse,
  date: { rule: 'date-format' } as RuleUse,
  past: { rule: 'date-past' } as RuleUse,
  pastOrToday: { rule: 'date-past', options: { allowToday: true } } as RuleUse,
  future: { rule: 'date-future' } as RuleUse,
  /** Balances: larger than 0, in whole minor units of the row's currency (10.125 USD cannot be credited). */
  positive: { rule: 'positive-amount', options: { currencyColumn: 'currency' } } as RuleUse,
  decimal: { rule: 'decimal' } as RuleUse,
  signedDecimal: { rule: 'decimal', options: { allowNegative: true } } as RuleUse,
  customPrice: { rule: 'custom-price' } as RuleUse,
  handle: { rule: 'handle' } as RuleUse,
  couponCode: { rule: 'coupon-code' } as RuleUse,
  noSpaces: { rule: 'no-surrounding-spaces' } as RuleUse,
  currency: { rule: 'currency-code' } as RuleUse,
  unique: { rule: 'unique' } as RuleUse,
  uniqueAcrossFiles: (set: string): RuleUse => ({ rule: 'unique', options: { acrossFiles: set } }),
  uniqueWithin: (within: string): RuleUse => ({ rule: 'unique', options: { within } }),
  customerExists: { rule: 'customer-exists' } as RuleUse,
  subscriptionExists: { rule: 'subscription-exists' } as RuleUse,
  catalog: (set: string, parent?: string): RuleUse => ({
    rule: 'catalog-reference',
    options: parent === undefined ? { set } : { set, parent },
  }),
};

export const TRUE_ENABLES = (name: string): Condition[] => [is(name, 'TRUE')];

export const statusColumns: ColumnDefinition[] = [
  column('Status', 'output', 'The import result: success, error, pending, or blank.'),
  column('Result', 'output', 'A link to the created object, or the error message.'),
];

export const renewalColumns: ColumnDefinition[] = [
  column('ChargifyNextRenewal', 'output', 'The amount the next renewal will charge, written by the import.'),
  column('YourExpectedRenewal', 'optional', 'The amount you expect the next renewal to charge (compared after import).', [use.decimal]),
];

export const contactColumns: ColumnDefinition[] = [
  column('first_name', 'required', "The primary contact's first name."),
  column('last_name', 'required', "The primary contact's last name."),
  column('email', 'required', "The primary contact's email address.", [use.noSpaces, use.email]),
  column('cc_emails', 'optional', 'A comma separated list of up to 5 email addresses.', [use.emailList]),
  column('phone', 'optional', "The primary contact's phone number."),
];

/** The corrected shipping block (see seeds/README.md): the standard template's table is shifted by one. */
export const shippingColumns: ColumnDefinition[] = [
  column('shipping_address', 'optional', 'Shipping address, e.g. 123 Main St.'),
  column('shipping_address_2', 'optional', 'Shipping address line 2, e.g. Suite 101.'),
  column('shipping_city', 'conditional', 'Required if shipping_address has a value.', [use.requiredIf(present('shipping_address'))]),
  column('shipping_state', 'conditional', 'Required if shipping_address has a value; 2-letter ISO code.', [
    use.requiredIf(present('shipping_address')),
    use.isoState('shipping_country'),
  ]),
  column('shipping_zip', 'conditional', 'Required if shipping_address has a value.', [use.requiredIf(present('shipping_address'))]),
  column('shipping_country', 'conditional', 'Required if shipping_address or vat_number has a value; 2-letter ISO code.', [
    use.requiredIf(present('shipping_address'), present('vat_number')),
    use.isoCountry,
  ]),
];

export const customerSettingColumns: ColumnDefinition[] = [
  column('tax_exempt', 'optional', 'Whether the customer is tax exempt: TRUE or FALSE.', [use.trueFalse]),
  column('vat_number', 'optional', 'The VAT number (e.g. DE123456789); needs shipping_country.', [use.vatNumber]),
  column('verified', 'optional', 'Whether the customer is verified for ACH payments: TRUE or FALSE.', [use.trueFalse]),
  column('locale', 'optional', 'Invoice language, aa or aa-BB (fr, fr-CA).', [use.locale]),
];

export const PAYMENT_PROFILE = 'payment-profile';
const creditCard = is('payment_profile_type', 'credit_card');
const bankAccount = is('payment_profile_type', 'bank_account');
const billing = present('billing_address');

export const VAULTS = [
  'bogus', 'authorizenet', 'beanstream', 'bpoint', 'braintree_blue', 'cybersource', 'elavon', 'eway', 'eway_rapid_std',
  'firstdata', 'litle', 'moneris', 'nmi', 'payment_express', 'pin', 'quickpay', 'square', 'stripe_connect',
  'trust_commerce', 'adyen', 'gocardless',
];

export const paymentProfileColumns: ColumnDefinition[] = [
  column('create_payment_profile', 'required', 'TRUE to create a payment profile; enables validation of its fields.', [use.trueFalse]),
  ...inSection(PAYMENT_PROFILE, [
    column('payment_profile_type', 'required', 'credit_card, bank_account or paypal_account.', [
      use.allowed('credit_card', 'bank_account', 'paypal_account'),
    ]),
    column('current_vault', 'required', 'The gateway holding the token.', [use.allowed(...VAULTS)]),
    column('gateway_handle', 'conditional', 'With multiple gateways, the gateway to route to (live imports only).'),
    column('vault_token', 'required', 'The vault token from the gateway.', [use.vaultToken]),
    column('customer_vault_token', 'conditional', 'Required if current_vault is authorizenet, square, adyen or gocardless.', [
      use.requiredIf(is('current_vault', 'authorizenet', 'square', 'adyen', 'gocardless')),
      use.noSpaces,
    ]),
    column('credit_card_first_name', 'conditional', "The card holder's first name; required for credit_card.", [use.requiredIf(creditCard)]),
    column('credit_card_last_name', 'conditional', "The card holder's last name; required for credit_card.", [use.requiredIf(creditCard)]),
    column('last_four', 'conditional', 'Last four card digits; required for credit_card.', [use.requiredIf(creditCard), use.lastFour]),
    column('card_type', 'conditional', 'The card type; required for credit_card.', [
      use.requiredIf(creditCard),
      use.allowed('american_express', 'discover', 'master', 'visa', 'jcb', 'diners_club', 'forbrugsforeningen', 'dankort', 'maestro', 'switch', 'solo'),
    ]),
    column('exp_month', 'conditional', 'Expiry month 1-12; required for credit_card.', [use.requiredIf(creditCard), use.integer(1, 12)]),
    column('exp_year', 'conditional', 'Expiry year, 4 digits; required for credit_card.', [use.requiredIf(creditCard), use.year]),
    column('bank_account_first_name', 'conditional', 'Bank account first name; required for bank_account.', [use.requiredIf(bankAccount)]),
    column('bank_account_last_name', 'conditional', 'Bank account last name; required for bank_account.', [use.requiredIf(bankAccount)]),
    column('bank_name', 'conditional', 'The name of the bank; required for bank_account.', [use.requiredIf(bankAccount)]),
    column('bank_account_last_four', 'optional', 'Last four digits of the account number.', [use.lastFour]),
    column('bank_routing_last_four', 'optional', 'Last four digits of the routing number.', [use.lastFour]),
    column('billing_address', 'conditional', 'Billing address; when filled, the other billing fields are checked.'),
    column('billing_address_2', 'conditional', 'Billing address line 2, e.g. Suite 101.'),
    column('billing_city', 'conditional', 'Billing city; required when billing_address has a value.', [use.requiredIf(billing)]),
    column('billing_state', 'conditional', 'Billing state, 2-letter ISO code; required when billing_address has a value.', [
      use.requiredIf(billing),
      use.isoState('billing_country'),
    ]),
    column('billing_country', 'conditional', 'Billing country, 2-letter ISO code; required when billing_address has a value.', [
      use.requiredIf(billing),
      use.isoCountry,
    ]),
    column('billing_zip', 'conditional', 'Billing zip code; required when billing_address has a value.', [use.requiredIf(billing)]),
  ]),
];

export const paymentProfileSection = {
  id: PAYMENT_PROFILE,
  description: 'Payment profile fields, validated when create_payment_profile is TRUE.',
  enabledWhen: TRUE_ENABLES('create_payment_profile'),
};

/** currency … product_price_point_handle, shared by the standard and advanced subscription templates. */
export const subscriptionColumns: ColumnDefinition[] = [
  column('currency', 'required', 'The 3 letter currency code.', [use.currency]),
  column('payment_collection_method', 'required', 'automatic, remittance or prepaid.', [use.allowed('automatic', 'remittance', 'prepaid')]),
  column('previous_billing_at', 'optional', 'Previous billing date, yesterday or earlier (YYYY-MM-DD).', [use.past]),
  column('next_billing_at', 'required', 'Next renewal date, tomorrow or later (YYYY-MM-DD).', [use.future]),
  column('net_terms', 'optional', 'Net terms in days, 0 to 180; blank for none.', [use.integer(0, 180)]),
  column('service_credit_balance', 'optional', 'Service credit added after creation; larger than 0.', [use.positive]),
  column('prepayment_balance', 'conditional', 'Prepayment added after creation; larger than 0. Required for prepaid: it is the prepaid account\'s opening balance.', [
    use.positive,
    use.requiredIf(is('payment_collection_method', 'prepaid')),
  ]),
  column('product_handle', 'required', 'The handle of the product.', [use.noSpaces, use.catalog('product')]),
  column('product_price_point_handle', 'optional', 'The product price point handle; blank for the default.', [
    use.noSpaces,
    use.catalog('product-price-point', 'product_handle'),
  ]),
  column('coupon_code_N', 'optional', 'A coupon code to apply; add coupon_code_2… for more.', [
    use.noSpaces,
    use.couponCode,
    use.catalog('coupon'),
  ]),
];

const componentHandle = (requirement: Requirement, withCustomPrice: boolean): ColumnDefinition =>
  column('component_N', requirement, 'The component handle or ID.', [
    use.requiredIf(
      present('componentQuantity_N'),
      present('componentPricepoint_N'),
      ...(withCustomPrice ? [present('componentCustomPrice_N')] : []),
    ),
    use.noSpaces,
    use.catalog('component'),
  ]);
const componentPricePoint = column('componentPricepoint_N', 'optional', 'The component price point handle or ID; blank for the default.', [
  use.noSpaces,
  use.catalog('component-price-point', 'component_N'),
]);
const componentQuantity = column('componentQuantity_N', 'conditional', 'The quantity; blank means the component is not assigned.', [use.decimal]);

export const componentColumns: ColumnDefinition[] = [componentHandle('optional', false), componentPricePoint, componentQuantity];
/** Custom pricing templates: component_1 is Required there and a custom per-unit price may replace the catalog's. */
export const customPricedComponentColumns: ColumnDefinition[] = [
  componentHandle('required', true),
  componentPricePoint,
  column('componentCustomPrice_N', 'optional', 'Custom per-unit price, up to 8 decimals, no currency symbol.', [use.customPrice]),
  componentQuantity,
];

export const couponGroup = { id: 'coupons', columns: ['coupon_code_N'], description: 'coupon_code_1, coupon_code_2, …' };
export const componentGroup = {
  id: 'components',
  columns: ['component_N', 'componentPricepoint_N', 'componentQuantity_N'],
  description: 'component_N, componentPricepoint_N, componentQuantity_N for each component',
};
export const customPricedComponentGroup = {
  id: 'components',
  columns: ['component_N', 'componentPricepoint_N', 'componentCustomPrice_N', 'componentQuantity_N'],
  description: 'component_N, componentPricepoint_N, componentCustomPrice_N, componentQuantity_N for each component',
};

export const BRACKET_SCHEMES = ['per_unit', 'volume', 'tiered', 'stairstep'];

/** starting_quantity_N / ending_quantity_N / price_N, optionally with a prefix (overage_). */
export function bracketColumns(prefix: string, section?: string): ColumnDefinition[] {
  const scheme = `${prefix}pricing_scheme`;
  return [
    column(`${prefix}starting_quantity_N`, 'conditional', `Bracket start quantity, when ${scheme} is volume, tiered or stairstep.`, [], section),
    column(`${prefix}ending_quantity_N`, 'conditional', `Bracket end quantity, when ${scheme} is volume, tiered or stairstep.`, [], section),
    column(`${prefix}price_N`, 'conditional', `Bracket price, when ${scheme} is volume, tiered or stairstep.`, [], section),
  ];
}

export function bracketGroup(prefix: string): { id: string; columns: string[]; description: string } {
  return {
    id: `${prefix}brackets`,
    columns: [`${prefix}starting_quantity_N`, `${prefix}ending_quantity_N`, `${prefix}price_N`],
    description: `${prefix}starting_quantity_N, ${prefix}ending_quantity_N, ${prefix}price_N for each bracket`,
  };
}
