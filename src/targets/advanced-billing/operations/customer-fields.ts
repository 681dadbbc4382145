// Neutral customer and payment fields → the API's customer and payment profile attributes (the JSON of
// Create Customer, a subscription's customer_attributes, Create Payment Profile and its subscription forms).
import type { AddressFields } from '../../../plan/map/address.js';
import type { CustomerFields } from '../../../plan/map/customers.js';
import type { PaymentFields, PaymentType } from '../../../plan/map/payment.js';
import type { SourceRow } from '../../../plan/operation.js';
import { compact } from './compact.js';
import { RowError } from '../../../plan/row-error.js';
import type { JsonObject, SiteDetails } from '../api.js';

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

function addressAttributes(address: AddressFields | undefined, prefix: string): Record<string, string | undefined> {
  return {
    [`${prefix}address`]: address?.line1,
    [`${prefix}address_2`]: address?.line2,
    [`${prefix}city`]: address?.city,
    [`${prefix}state`]: address?.state,
    [`${prefix}zip`]: address?.zip,
    [`${prefix}country`]: address?.country,
  };
}

/** Customer attributes (without parent and custom fields, which each create sends its own way). */
export function customerAttributes(customer: CustomerFields): JsonObject {
  return compact({
    first_name: customer.firstName,
    last_name: customer.lastName,
    email: customer.email,
    cc_emails: customer.ccEmails,
    organization: customer.organization,
    reference: customer.reference,
    phone: customer.phone,
    ...addressAttributes(customer.address, ''),
    locale: customer.locale,
    vat_number: customer.vatNumber,
    tax_exempt: customer.taxExempt,
    verified: customer.verified,
  });
}

const PAYMENT_TYPES: Record<PaymentType, string> = { card: 'credit_card', bank: 'bank_account', paypal: 'paypal_account' };

/**
 * Create-Payment-Profile attributes (without customer_id). `gateway_handle` is sent only to live sites:
 * the template document says it is ignored for test imports (test sites route every profile to their
 * own gateway).
 */
export function paymentProfileAttributes(payment: PaymentFields, site: Pick<SiteDetails, 'mode'>): JsonObject {
  const common = {
    payment_type: PAYMENT_TYPES[payment.type],
    current_vault: payment.vault,
    vault_token: payment.vaultToken,
    customer_vault_token: payment.customerVaultToken,
    gateway_handle: site.mode === 'live' ? payment.gatewayHandle : undefined,
    ...addressAttributes(payment.billingAddress, 'billing_'),
  };
  const specific =
    payment.type === 'card'
      ? {
          first_name: payment.firstName,
          last_name: payment.lastName,
          last_four: payment.lastFour,
          card_type: payment.cardType,
          expiration_month: payment.expirationMonth,
          expiration_year: payment.expirationYear,
        }
      : payment.type === 'bank'
        ? {
            first_name: payment.firstName,
            last_name: payment.lastName,
            bank_name: payment.bankName,
            last_four: payment.lastFour,
            // The API takes no "last four" of a routing number: a profile imported by vault token gets those
            // four digits as its routing number, which the site shows masked ("XXXX1234") as it would the whole.
            bank_routing_number: payment.routingLastFour,
          }
        : {};
  return compact({ ...common, ...specific });
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
export function subscriptionPayment(source: SourceRow, payment: PaymentFields, site: Pick<SiteDetails, 'mode'>): SubscriptionPayment {
  const profile = paymentProfileAttributes(payment, site);
  if (payment.type === 'card') return { key: 'credit_card_attributes', attrs: profile, update: {} };
  if (payment.type === 'paypal') return { key: 'payment_profile_attributes', attrs: profile, update: {} };
  const attrs: JsonObject = {};
  const update: JsonObject = {};
  for (const [name, value] of Object.entries(profile)) {
    if (BANK_ACCOUNT_ATTRIBUTES.has(name)) attrs[name] = value;
    else if (PROFILE_UPDATE_FIELDS.has(name)) update[name] = value;
    else if (name === 'last_four') attrs.bank_account_number = value;
    else if (name === 'gateway_handle') {
      throw new RowError(source, 'gateway_handle', 'gateway_handle cannot be sent with a bank account in this template: a subscription\'s bank_account_attributes has no such field', 'Import the customer and its bank account with the advanced templates (their payment profiles carry gateway_handle), or clear gateway_handle to use the default gateway.');
    }
  }
  return { key: 'bank_account_attributes', attrs, update };
}
