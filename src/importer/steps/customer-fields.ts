// The customer and payment-profile columns shared by the standard and advanced templates, mapped
// onto the API's customer and payment profile attributes.
import type { JsonObject, SiteInfo } from '../../targets/advanced-billing/api.js';
import type { SourceRow } from '../types.js';
import { cell, compact, flag, integer, requiredCell } from '../../plan/map/cells.js';
import { RowError } from '../../plan/row-error.js';

/**
 * Customer fields a create operation lacks, set by Update-Customer (which has both) right after the
 * create: Create-Customer has no `verified`, Create-Subscription's customer_attributes no `locale`.
 */
export const CREATE_CUSTOMER_LACKS: readonly string[] = ['verified'];
export const CUSTOMER_ATTRIBUTES_LACK: readonly string[] = ['locale'];

/** Splits attributes into what the create carries now and what an update sets afterwards. */
export function splitAttributes(attrs: JsonObject, later: readonly string[]): { now: JsonObject; later: JsonObject } {
  const now: JsonObject = {};
  const after: JsonObject = {};
  for (const [name, value] of Object.entries(attrs)) (later.includes(name) ? after : now)[name] = value;
  return { now, later: after };
}

/** Customer attributes from the row; `reference` comes from the template's reference column. */
export function customerAttributes(row: SourceRow, reference: string | undefined): JsonObject {
  return compact({
    first_name: requiredCell(row, 'first_name'),
    last_name: requiredCell(row, 'last_name'),
    email: requiredCell(row, 'email'),
    cc_emails: ccEmails(row),
    organization: cell(row, 'organization_name'),
    reference,
    phone: cell(row, 'phone'),
    address: cell(row, 'shipping_address'),
    address_2: cell(row, 'shipping_address_2'),
    city: cell(row, 'shipping_city'),
    state: cell(row, 'shipping_state'),
    zip: cell(row, 'shipping_zip'),
    country: cell(row, 'shipping_country'),
    locale: cell(row, 'locale'),
    vat_number: vatNumber(row),
    tax_exempt: flag(row, 'tax_exempt'),
    verified: flag(row, 'verified'),
  });
}

function ccEmails(row: SourceRow): string | undefined {
  const value = cell(row, 'cc_emails');
  return value?.split(',').map((email) => email.trim()).filter((email) => email !== '').join(',');
}

/** The site stores VAT numbers without the country prefix ("DE123456789" → "123456789"), as the document says. */
function vatNumber(row: SourceRow): string | undefined {
  return cell(row, 'vat_number')?.replace(/^[A-Za-z]{2}(?=.)/, '');
}

/** The payment profile columns (the rest of a customer row describes the customer). */
export const PAYMENT_PROFILE_COLUMNS = new Set([
  'create_payment_profile', 'payment_profile_type', 'current_vault', 'gateway_handle', 'vault_token', 'customer_vault_token',
  'credit_card_first_name', 'credit_card_last_name', 'last_four', 'card_type', 'exp_month', 'exp_year',
  'bank_account_first_name', 'bank_account_last_name', 'bank_name', 'bank_account_last_four', 'bank_routing_last_four',
  'billing_address', 'billing_address_2', 'billing_city', 'billing_state', 'billing_country', 'billing_zip',
]);

export type PaymentType = 'credit_card' | 'bank_account' | 'paypal_account';

interface PaymentProfileFields {
  type: PaymentType;
  /** Create-Payment-Profile attributes (without customer_id). */
  attrs: JsonObject;
}

const PAYMENT_TYPES: readonly string[] = ['credit_card', 'bank_account', 'paypal_account'];

/**
 * The payment profile columns. `gateway_handle` is sent only to live sites: the document says it is
 * ignored for test imports (test sites route every profile to their own gateway).
 */
export function paymentProfileFields(row: SourceRow, site: Pick<SiteInfo, 'mode'>): PaymentProfileFields {
  const type = requiredCell(row, 'payment_profile_type');
  if (!PAYMENT_TYPES.includes(type)) throw new RowError(row, 'payment_profile_type', `payment_profile_type must be one of ${PAYMENT_TYPES.join(', ')}, got "${type}"`);
  const vaultToken = requiredCell(row, 'vault_token');
  const customerVaultToken = cell(row, 'customer_vault_token');
  const common = {
    payment_type: type,
    current_vault: requiredCell(row, 'current_vault'),
    vault_token: vaultToken,
    customer_vault_token: customerVaultToken,
    gateway_handle: site.mode === 'live' ? cell(row, 'gateway_handle') : undefined,
    billing_address: cell(row, 'billing_address'),
    billing_address_2: cell(row, 'billing_address_2'),
    billing_city: cell(row, 'billing_city'),
    billing_state: cell(row, 'billing_state'),
    billing_zip: cell(row, 'billing_zip'),
    billing_country: cell(row, 'billing_country'),
  };
  const specific =
    type === 'credit_card'
      ? {
          first_name: requiredCell(row, 'credit_card_first_name'),
          last_name: requiredCell(row, 'credit_card_last_name'),
          last_four: requiredCell(row, 'last_four'),
          card_type: requiredCell(row, 'card_type'),
          expiration_month: integer(row, 'exp_month'),
          expiration_year: integer(row, 'exp_year'),
        }
      : type === 'bank_account'
        ? {
            first_name: requiredCell(row, 'bank_account_first_name'),
            last_name: requiredCell(row, 'bank_account_last_name'),
            bank_name: requiredCell(row, 'bank_name'),
            last_four: cell(row, 'bank_account_last_four'),
            // The API takes no "last four" of a routing number: a profile imported by vault token gets those
            // four digits as its routing number, which the site shows masked ("XXXX1234") as it would the whole.
            bank_routing_number: cell(row, 'bank_routing_last_four'),
          }
        : {};
  return { type: type as PaymentType, attrs: compact({ ...common, ...specific }) };
}

/** Bank-Account-Attributes (a subscription's bank account): the profile fields that schema has. */
const BANK_ACCOUNT_ATTRIBUTES = new Set(['payment_type', 'current_vault', 'vault_token', 'customer_vault_token', 'bank_name', 'bank_routing_number']);
/** Update-Payment-Profile: what of a bank account the subscription cannot carry is set there right after. */
const PROFILE_UPDATE_FIELDS = new Set(['first_name', 'last_name', 'billing_address', 'billing_address_2', 'billing_city', 'billing_state', 'billing_zip', 'billing_country']);

interface SubscriptionPayment {
  /** The Create-Subscription attribute that carries the profile. */
  key: 'credit_card_attributes' | 'bank_account_attributes' | 'payment_profile_attributes';
  attrs: JsonObject;
  /** Update-Payment-Profile attributes to set once the subscription (and so the profile) exists. */
  update: JsonObject;
}

/**
 * A payment profile inside Create-Subscription. Cards and PayPal go whole in credit_card_attributes /
 * payment_profile_attributes; a bank account goes in bank_account_attributes, whose schema has no holder
 * name, billing address or last four: the account's last four become its bank_account_number (as the
 * routing number's do), the holder and address follow by Update-Payment-Profile.
 */
export function subscriptionPayment(row: SourceRow, profile: PaymentProfileFields): SubscriptionPayment {
  if (profile.type === 'credit_card') return { key: 'credit_card_attributes', attrs: profile.attrs, update: {} };
  if (profile.type === 'paypal_account') return { key: 'payment_profile_attributes', attrs: profile.attrs, update: {} };
  const attrs: JsonObject = {};
  const update: JsonObject = {};
  for (const [name, value] of Object.entries(profile.attrs)) {
    if (BANK_ACCOUNT_ATTRIBUTES.has(name)) attrs[name] = value;
    else if (PROFILE_UPDATE_FIELDS.has(name)) update[name] = value;
    else if (name === 'last_four') attrs.bank_account_number = value;
    else if (name === 'gateway_handle') {
      throw new RowError(row, 'gateway_handle', 'gateway_handle cannot be sent with a bank account in this template: a subscription\'s bank_account_attributes has no such field', 'Import the customer and its bank account with the advanced templates (their payment profiles carry gateway_handle), or clear gateway_handle to use the default gateway.');
    }
  }
  return { key: 'bank_account_attributes', attrs, update };
}
