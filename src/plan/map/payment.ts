// The payment profile columns shared by the standard and advanced templates → neutral payment fields:
// a card, bank account or PayPal account stored in a vault, named by its vault token.
import type { SourceRow } from '../operation.js';
import { RowError } from '../row-error.js';
import { cell, integer, requiredCell } from './cells.js';
import { addressOf, type AddressFields } from './address.js';
import { defined } from './defined.js';

/** The payment profile columns (the rest of a customer row describes the customer). */
export const PAYMENT_PROFILE_COLUMNS: ReadonlySet<string> = new Set([
  'create_payment_profile', 'payment_profile_type', 'current_vault', 'gateway_handle', 'vault_token', 'customer_vault_token',
  'credit_card_first_name', 'credit_card_last_name', 'last_four', 'card_type', 'exp_month', 'exp_year',
  'bank_account_first_name', 'bank_account_last_name', 'bank_name', 'bank_account_last_four', 'bank_routing_last_four',
  'billing_address', 'billing_address_2', 'billing_city', 'billing_state', 'billing_country', 'billing_zip',
]);

export type PaymentType = 'card' | 'bank' | 'paypal';

/** The template's payment_profile_type values and the neutral type each names. */
const PAYMENT_TYPES: Record<string, PaymentType> = { credit_card: 'card', bank_account: 'bank', paypal_account: 'paypal' };

/**
 * A payment method already stored in a vault. `vaultToken` (and `customerVaultToken`) are the full
 * tokens the target needs to attach it: print or store `maskedFields(operation)`, never these.
 */
export type PaymentFields = {
  type: PaymentType;
  /** The vault (gateway) holding the token, e.g. "stripe_connect", "bogus". */
  vault: string;
  vaultToken: string;
  customerVaultToken?: string;
  /** The gateway to use on the target, when it has several. */
  gatewayHandle?: string;
  /** The card or account holder. */
  firstName?: string;
  lastName?: string;
  /** Last four digits of the card or account number. */
  lastFour?: string;
  cardType?: string;
  expirationMonth?: number;
  expirationYear?: number;
  bankName?: string;
  /** Last four digits of the bank routing number. */
  routingLastFour?: string;
  billingAddress?: AddressFields;
};

/** The payment profile columns of a row; the first unusable cell fails the row, in column order. */
export function paymentFieldsOf(row: SourceRow): PaymentFields {
  const typeCell = requiredCell(row, 'payment_profile_type');
  const type = PAYMENT_TYPES[typeCell];
  if (type === undefined) {
    throw new RowError(row, 'payment_profile_type', `payment_profile_type must be one of ${Object.keys(PAYMENT_TYPES).join(', ')}, got "${typeCell}"`);
  }
  const vaultToken = requiredCell(row, 'vault_token');
  const customerVaultToken = cell(row, 'customer_vault_token');
  const vault = requiredCell(row, 'current_vault');
  const billingAddress = addressOf(row, 'billing_');
  const common: PaymentFields = {
    type,
    vault,
    vaultToken,
    ...defined({ customerVaultToken, gatewayHandle: cell(row, 'gateway_handle') }),
    ...(billingAddress ? { billingAddress } : {}),
  };
  if (type === 'card') {
    return {
      ...common,
      firstName: requiredCell(row, 'credit_card_first_name'),
      lastName: requiredCell(row, 'credit_card_last_name'),
      lastFour: requiredCell(row, 'last_four'),
      cardType: requiredCell(row, 'card_type'),
      ...defined({ expirationMonth: integer(row, 'exp_month'), expirationYear: integer(row, 'exp_year') }),
    };
  }
  if (type === 'bank') {
    return {
      ...common,
      firstName: requiredCell(row, 'bank_account_first_name'),
      lastName: requiredCell(row, 'bank_account_last_name'),
      bankName: requiredCell(row, 'bank_name'),
      ...defined({ lastFour: cell(row, 'bank_account_last_four'), routingLastFour: cell(row, 'bank_routing_last_four') }),
    };
  }
  return common;
}

