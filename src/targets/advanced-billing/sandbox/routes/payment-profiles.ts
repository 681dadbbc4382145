// Payment profiles: credit card and bank account (by card/account number or by vault token) and PayPal;
// read one, or list a site's or one customer's.
// Vault tokens and card numbers are secrets: the sandbox keeps and shows only masked forms, so its data
// folder (which may sit in the state folder) never holds a full token.
import { SandboxError, reply, timestamp, type RequestContext } from '../context.js';
import { FieldErrors, isPresent, paginate, publicView, recordById, rootObject, type Attributes } from '../fields.js';
import { recordsWhere } from '../lookup.js';
import { messages } from '../messages.js';
import type { Router } from '../router.js';
import type { StoredRecord, Store } from '../store.js';

const PAYMENT_TYPES = ['credit_card', 'bank_account', 'paypal_account'] as const;
type PaymentType = (typeof PAYMENT_TYPES)[number];

export function registerPaymentProfileRoutes(router: Router): void {
  router.add('POST', '/payment_profiles.json', (context) => {
    const attrs = rootObject(context, 'payment_profile');
    const errors = new FieldErrors();
    const customerId = errors.integer(attrs, 'customer_id', 'Customer', true);
    errors.done();
    const customer = context.store.get('customers', customerId ?? 0);
    if (!customer) throw new SandboxError(404, [messages.recordNotFound('Customer')]);
    const type = errors.oneOf(attrs, 'payment_type', 'Payment type', PAYMENT_TYPES) ?? 'credit_card';
    const profile = createPaymentProfile(context.store, attrs, type, customer.id, context.now, errors);
    return reply(200, { payment_profile: paymentProfileView(profile) });
  });
  // Every profile, or one customer's: an unknown customer has none (an empty list, not a 404, as the spec says).
  router.add('GET', '/payment_profiles.json', ({ store, query }) => {
    const customerId = query.get('customer_id');
    const profiles =
      customerId === null
        ? recordsWhere(store, 'payment_profiles', () => true)
        : /^\d+$/.test(customerId)
          ? store.allBy('payment_profiles', 'customer_id', Number(customerId))
          : [];
    return reply(200, paginate(profiles, query).map((profile) => ({ payment_profile: paymentProfileView(profile) })));
  });
  router.add('GET', '/payment_profiles/:id.json', ({ store, params }) =>
    reply(200, { payment_profile: paymentProfileView(recordById(store, 'payment_profiles', params.id, 'Payment profile')) }),
  );
  router.add('PUT', '/payment_profiles/:id.json', updatePaymentProfile);
}

/** Update-Payment-Profile's text fields: the holder and the billing address (card numbers are not served). */
const UPDATABLE: Array<[string, string]> = [
  ['first_name', 'First name'],
  ['last_name', 'Last name'],
  ['current_vault', 'Current vault'],
  ['billing_address', 'Billing address'],
  ['billing_address_2', 'Billing address 2'],
  ['billing_city', 'Billing city'],
  ['billing_state', 'Billing state'],
  ['billing_zip', 'Billing zip'],
  ['billing_country', 'Billing country'],
];

function updatePaymentProfile(context: RequestContext) {
  const { store, params, now } = context;
  const profile = recordById(store, 'payment_profiles', params.id, 'Payment profile');
  const attrs = rootObject(context, 'payment_profile');
  const errors = new FieldErrors();
  const changes: Record<string, string | number | null> = {};
  for (const [key, label] of UPDATABLE) if (key in attrs) changes[key] = errors.string(attrs, key, label) ?? null;
  if (profile.payment_type === 'credit_card') {
    if ('card_type' in attrs) changes.card_type = errors.string(attrs, 'card_type', 'Card type') ?? null;
    const month = errors.integer(attrs, 'expiration_month', 'Expiration month');
    if (month !== undefined && (month < 1 || month > 12)) errors.add(messages.invalid('Expiration month'), 'expiration_month');
    else if (month !== undefined) changes.expiration_month = month;
    const year = errors.integer(attrs, 'expiration_year', 'Expiration year');
    if (year !== undefined) changes.expiration_year = year;
  }
  errors.done();
  const updated = store.put('payment_profiles', { ...profile, ...changes, updated_at: timestamp(now) });
  return reply(200, { payment_profile: paymentProfileView(updated) });
}

export function paymentProfileView(profile: StoredRecord): Record<string, unknown> {
  return publicView(profile);
}

/** Mask of a secret: all but its last four characters as X (all of it when it is that short). */
function maskSecret(secret: string): string {
  return secret.length <= 4 ? 'X'.repeat(secret.length) : `${'X'.repeat(secret.length - 4)}${secret.slice(-4)}`;
}

/**
 * A bank number as the site shows it. With a vault token (an import), the number given is only its last
 * four digits, which are the part shown ("XXXX6789"); a full number is masked to its last four.
 */
function maskBankNumber(number: string | null, imported: boolean): string {
  if (number === null) return 'XXXX';
  return imported && number.length <= 4 ? `XXXX${number}` : maskSecret(number);
}

/** Validates and stores a payment profile for a customer; throws one 422 with every field error. */
export function createPaymentProfile(
  store: Store,
  attrs: Attributes,
  type: PaymentType,
  customerId: number,
  now: Date,
  errors = new FieldErrors(),
): StoredRecord {
  const customer = store.get('customers', customerId);
  const text = (key: string, label: string): string | null => errors.string(attrs, key, label) ?? null;
  const vaultToken = text('vault_token', 'Vault token') ?? text('chargify_token', 'Chargify token');
  const currentVault = text('current_vault', 'Current vault');
  if (vaultToken !== null && currentVault === null && !isPresent(attrs.chargify_token)) errors.add(messages.blank('Current vault'));
  const common = {
    first_name: text('first_name', 'First name') ?? (typeof customer?.first_name === 'string' ? customer.first_name : ''),
    last_name: text('last_name', 'Last name') ?? (typeof customer?.last_name === 'string' ? customer.last_name : ''),
    customer_id: customerId,
    current_vault: currentVault ?? 'bogus',
    vault_token: vaultToken === null ? null : maskSecret(vaultToken),
    customer_vault_token: maskNullable(text('customer_vault_token', 'Customer vault token')),
    billing_address: text('billing_address', 'Billing address'),
    billing_address_2: text('billing_address_2', 'Billing address 2'),
    billing_city: text('billing_city', 'Billing city'),
    billing_state: text('billing_state', 'Billing state'),
    billing_zip: text('billing_zip', 'Billing zip'),
    billing_country: text('billing_country', 'Billing country'),
    payment_type: type,
    site_gateway_setting_id: null,
    gateway_handle: text('gateway_handle', 'Gateway handle'),
  };

  let details: Record<string, string | number | boolean | null>;
  if (type === 'credit_card') {
    const fullNumber = text('full_number', 'Full number')?.replace(/[\s-]/g, '') ?? null;
    if (fullNumber !== null && !/^\d{12,19}$/.test(fullNumber)) errors.add(messages.invalid('Full number'));
    if (fullNumber === null && vaultToken === null) errors.add(messages.blank('Full number'));
    const month = errors.integer(attrs, 'expiration_month', 'Expiration month', fullNumber !== null);
    const year = errors.integer(attrs, 'expiration_year', 'Expiration year', fullNumber !== null);
    if (month !== undefined && (month < 1 || month > 12)) errors.add(messages.invalid('Expiration month'), 'expiration_month');
    const lastFour = fullNumber?.slice(-4) ?? text('last_four', 'Last four') ?? 'XXXX';
    details = {
      masked_card_number: `XXXX-XXXX-XXXX-${lastFour}`,
      card_type: text('card_type', 'Card type') ?? (fullNumber === null ? 'bogus' : cardTypeOf(fullNumber)),
      expiration_month: month ?? 12,
      expiration_year: year ?? now.getUTCFullYear() + 5,
      disabled: false,
    };
  } else if (type === 'bank_account') {
    // An IBAN names the account and its bank at once (SEPA): it stands for both numbers, and is what
    // the masked account number shows, as the response has no field of its own for it.
    const iban = text('bank_iban', 'Bank IBAN')?.replace(/\s/g, '') ?? null;
    const accountNumber = text('bank_account_number', 'Bank account number') ?? iban;
    const routingNumber = text('bank_routing_number', 'Bank routing number');
    if (vaultToken === null && iban === null) {
      if (accountNumber === null) errors.add(messages.blank('Bank account number'));
      if (routingNumber === null) errors.add(messages.blank('Bank routing number'));
    }
    details = {
      bank_name: text('bank_name', 'Bank name') ?? '',
      masked_bank_routing_number: maskBankNumber(routingNumber, vaultToken !== null),
      // Last four digits given on their own (a profile by vault token) are already the part that is shown.
      masked_bank_account_number: accountNumber === null ? `XXXX${text('last_four', 'Last four') ?? ''}` : maskBankNumber(accountNumber, vaultToken !== null),
      bank_account_type: errors.oneOf(attrs, 'bank_account_type', 'Bank account type', ['checking', 'savings'] as const) ?? 'checking',
      bank_account_holder_type:
        errors.oneOf(attrs, 'bank_account_holder_type', 'Bank account holder type', ['personal', 'business'] as const) ?? 'personal',
      verified: false,
    };
  } else {
    if (vaultToken === null) errors.add(messages.blank('Vault token'));
    // The spec's response is a bank account or a card, nothing else: a PayPal account is shown in the card
    // shape (empty masked number) so clients that parse by the spec, the vendor SDK among them, accept it.
    details = { masked_card_number: '', paypal_email: text('paypal_email', 'PayPal email') };
  }
  errors.done();
  const at = timestamp(now);
  // A bank account's vault_token is a string in the spec: a profile made from account numbers has none to show.
  const { vault_token: token, ...rest } = common;
  const shown = type === 'bank_account' && token === null ? rest : common;
  return store.put('payment_profiles', { id: store.nextId('payment_profiles'), ...shown, ...details, created_at: at, updated_at: at });
}

function maskNullable(value: string | null): string | null {
  return value === null ? null : maskSecret(value);
}

function cardTypeOf(number: string): string {
  if (number.startsWith('4')) return 'visa';
  if (/^5[1-5]/.test(number) || /^2[2-7]/.test(number)) return 'master';
  if (/^3[47]/.test(number)) return 'american_express';
  if (number.startsWith('6')) return 'discover';
  return 'bogus';
}
